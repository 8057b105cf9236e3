/**
 * Bad revision scripts: headers that cannot be read statically, graphs that cannot be built
 * (duplicate ids, dangling parents, cycles, clashing labels), and migrations that cannot be
 * loaded or run (syntax errors, a missing `upgrade`, a throw at import, a promise that never
 * settles). Nothing of a pending migration may reach the database.
 */
import type { BadInputCase } from './bad-input-case.js';
import type { CaseProject } from './case-project.js';

/** Writes aaaa (a base) and bbbb, then applies nothing: `upgrade head` has both to run. */
function withSecond(project: CaseProject, second: Parameters<CaseProject['migration']>[0]): void {
  project.migration({ revision: 'aaaa', downRevision: null });
  project.migration(second);
}

/** Replaces text in aaaa's file. */
function editFirst(search: string, replacement: string): (project: CaseProject) => void {
  return (project) => {
    project.migration({ revision: 'aaaa', downRevision: null });
    project.edit('migrations/versions/aaaa_rev.ts', search, replacement);
  };
}

export const SCRIPT_CASES: readonly BadInputCase[] = [
  // ---- headers the listing commands cannot read
  {
    name: 'revision computed by a call',
    setup: editFirst("export const revision = 'aaaa';", 'export const revision = makeId();'),
    arguments: ['heads'],
    expected: {
      failed: "Could not read 'revision' statically in <project>/migrations/versions/aaaa_rev.ts:10: expected a string",
    },
  },
  {
    name: 'revision given as a list',
    setup: editFirst("export const revision = 'aaaa';", "export const revision = ['aaaa'];"),
    arguments: ['history'],
    expected: {
      failed: "Could not read 'revision' statically in <project>/migrations/versions/aaaa_rev.ts:10: expected a string",
    },
  },
  {
    name: 'an unterminated revision string',
    setup: editFirst("export const revision = 'aaaa';", "export const revision = 'aaaa;"),
    arguments: ['heads'],
    expected: {
      failed: "Could not read 'revision' statically in <project>/migrations/versions/aaaa_rev.ts:10: expected a string",
    },
  },
  {
    name: 'downRevision is a number',
    setup: editFirst('downRevision: string | string[] | null = null;', 'downRevision = 42;'),
    arguments: ['heads'],
    expected: {
      failed:
        "Could not read 'downRevision' statically in <project>/migrations/versions/aaaa_rev.ts:11: expected a string, an array of strings or null",
    },
  },
  {
    name: 'no revision export and a file name without an id',
    setup: (project) => {
      project.migration({ revision: 'aaaa', downRevision: null, fileName: 'create_account.ts' });
      project.edit('migrations/versions/create_account.ts', "export const revision = 'aaaa';", '');
    },
    arguments: ['heads'],
    expected: {
      failed:
        "Could not determine revision id from filename <project>/migrations/versions/create_account.ts. Be sure the 'revision' variable is exported by the script.",
    },
  },
  {
    name: 'an empty script file',
    setup: (project) => {
      project.chain(['aaaa']);
      project.write('migrations/versions/empty.ts', '');
    },
    arguments: ['heads'],
    expected: {
      failed:
        "Could not determine revision id from filename <project>/migrations/versions/empty.ts. Be sure the 'revision' variable is exported by the script.",
    },
  },

  // ---- graphs that cannot be built
  {
    name: 'two files with the same revision id',
    setup: (project) => {
      project.migration({ revision: 'aaaa', downRevision: null });
      project.migration({ revision: 'aaaa', downRevision: null, fileName: 'aaaa_copy.ts' });
    },
    arguments: ['heads'],
    expected: {
      failed:
        'Revision aaaa is present more than once: in migrations/versions/aaaa_copy.ts and migrations/versions/aaaa_rev.ts',
    },
  },
  {
    name: 'a downRevision that does not exist',
    setup: (project) => withSecond(project, { revision: 'bbbb', downRevision: 'zzzz' }),
    arguments: ['upgrade', 'head'],
    expected: { failed: 'Revision zzzz referenced from bbbb (in migrations/versions/bbbb_rev.ts) is not present' },
  },
  {
    name: 'a merge with one parent that does not exist',
    setup: (project) => withSecond(project, { revision: 'bbbb', downRevision: ['aaaa', 'zzzz'] }),
    arguments: ['history'],
    expected: { failed: 'Revision zzzz referenced from bbbb (in migrations/versions/bbbb_rev.ts) is not present' },
  },
  {
    name: 'a dependency that does not exist',
    setup: (project) => withSecond(project, { revision: 'bbbb', downRevision: 'aaaa', dependsOn: 'zzzz' }),
    arguments: ['heads'],
    expected: { failed: 'Revision zzzz referenced from bbbb (in migrations/versions/bbbb_rev.ts) is not present' },
  },
  {
    name: 'a cycle of three revisions',
    setup: (project) => {
      project.migration({ revision: 'aaaa', downRevision: 'cccc' });
      project.migration({ revision: 'bbbb', downRevision: 'aaaa' });
      project.migration({ revision: 'cccc', downRevision: 'bbbb' });
    },
    arguments: ['upgrade', 'head'],
    expected: { failed: 'Cycle is detected in revisions (aaaa, bbbb, cccc)' },
  },
  {
    name: 'a revision that is its own parent',
    setup: (project) => project.migration({ revision: 'aaaa', downRevision: 'aaaa' }),
    arguments: ['heads'],
    expected: { failed: 'Self-loop is detected in revisions (aaaa)' },
  },
  {
    name: 'two revisions with the same branch label',
    setup: (project) => {
      project.migration({ revision: 'aaaa', downRevision: null, branchLabels: 'shared' });
      project.migration({ revision: 'bbbb', downRevision: null, branchLabels: 'shared' });
    },
    arguments: ['branches'],
    expected: { failed: "Branch name 'shared' in revision bbbb already used by revision aaaa" },
  },

  // ---- migrations that cannot be loaded or run
  {
    name: 'a syntax error in a pending migration',
    backends: ['sqlite', 'postgresql', 'mariadb'],
    setup: (project) => withSecond(project, { revision: 'bbbb', downRevision: 'aaaa', imports: 'const = broken;' }),
    arguments: ['upgrade', 'head'],
    expected: { failed: /^Could not load migrations\/versions\/bbbb_rev\.ts:\d+:\d+: / },
  },
  {
    name: 'a migration without an upgrade function',
    setup: (project) => {
      withSecond(project, { revision: 'bbbb', downRevision: 'aaaa' });
      project.edit(
        'migrations/versions/bbbb_rev.ts',
        'export async function upgrade()',
        'export async function upgradeLater()',
      );
    },
    arguments: ['upgrade', 'head'],
    expected: { failed: "Migration <project>/migrations/versions/bbbb_rev.ts does not export a 'upgrade' function" },
  },
  {
    name: 'a migration that throws when imported',
    setup: (project) =>
      withSecond(project, {
        revision: 'bbbb',
        downRevision: 'aaaa',
        imports: "throw new Error('import-time failure');",
      }),
    arguments: ['upgrade', 'head'],
    expected: { failed: /import-time failure/ },
  },
  {
    name: 'a migration importing a missing module',
    setup: (project) =>
      withSecond(project, { revision: 'bbbb', downRevision: 'aaaa', imports: "import './missing-helper.js';" }),
    arguments: ['upgrade', 'head'],
    expected: { failed: /Cannot find module '<project>\/migrations\/versions\/missing-helper\.js'/ },
  },
  {
    // SQLite: nothing is left to settle it, which Node would take for the end of the program. (On
    // a server, the open connection keeps the process waiting, as for any long statement.)
    name: 'a migration whose promise never settles',
    setup: (project) =>
      withSecond(project, {
        revision: 'bbbb',
        downRevision: 'aaaa',
        upgrade: [
          "  await op.execute('CREATE TABLE t_bbbb (id INTEGER)');",
          '  await new Promise(() => undefined);',
        ].join('\n'),
      }),
    arguments: ['upgrade', 'head'],
    expected: { failed: /bbbb_rev\.ts/ },
  },
];

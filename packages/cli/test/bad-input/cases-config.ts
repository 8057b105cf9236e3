/**
 * Bad configuration: `alembic.config.ts` missing, unloadable, exporting the wrong thing, with a
 * misspelt key, or with values of the wrong type.
 */
import type { BadInputCase } from './bad-input-case.js';
import type { CaseProject } from './case-project.js';

/** A config with `extraKeys` (and `extraImports`) besides the usual ones; one migration on disk. */
function configWith(extraKeys: string, extraImports = ''): (project: CaseProject) => void {
  return (project) => {
    project.chain(['aaaa']);
    project.writeConfig(extraKeys, extraImports);
  };
}

/** Replaces `alembic.config.ts` with `source`. */
function configSource(source: string): (project: CaseProject) => void {
  return (project) => {
    project.chain(['aaaa']);
    project.write('alembic.config.ts', source);
  };
}

export const CONFIG_CASES: readonly BadInputCase[] = [
  {
    name: 'no config file',
    setup: (project) => project.remove('alembic.config.ts'),
    arguments: ['current'],
    expected: {
      failed:
        'No config file found in <project> (looked for alembic.config.ts, alembic.config.mts, alembic.config.js, ' +
        "alembic.config.mjs, alembic.config.cjs, alembic.config.json); run 'alembic init <directory>' to create one, or pass -c FILE",
    },
  },
  {
    name: 'a misspelt scriptLocation key',
    setup: (project) => project.edit('alembic.config.ts', 'scriptLocation:', 'scriptLocaton:'),
    arguments: ['current'],
    expected: { failed: "No 'scriptLocation' key found in configuration <project>/alembic.config.ts." },
  },
  {
    name: 'scriptLocation is a number',
    setup: configSource(
      "import { defineConfig } from '@alembic/core';\nexport default defineConfig({ scriptLocation: 42 as unknown as string });\n",
    ),
    arguments: ['current'],
    expected: { failed: "'scriptLocation' in <project>/alembic.config.ts must be a string" },
  },
  {
    name: 'scriptLocation names a missing directory',
    setup: (project) => project.edit('alembic.config.ts', "scriptLocation: 'migrations'", "scriptLocation: 'nowhere'"),
    arguments: ['heads'],
    expected: {
      failed: "Path doesn't exist: <project>/nowhere.  Please use the 'init' command to create a new scripts folder.",
    },
  },
  {
    name: 'truncateSlugLength is a string',
    setup: configWith("truncateSlugLength: 'forty' as unknown as number,"),
    arguments: ['revision', '-m', 'add account'],
    expected: { failed: "'truncateSlugLength' in <project>/alembic.config.ts must be a positive integer" },
  },
  {
    name: 'versionLocations is a string, not a list',
    setup: configWith("versionLocations: 'migrations/versions' as unknown as string[],"),
    arguments: ['heads'],
    expected: { failed: "'versionLocations' in <project>/alembic.config.ts must be an array of strings" },
  },
  {
    name: 'recursiveVersionLocations is not a boolean',
    setup: configWith("recursiveVersionLocations: 'yes' as unknown as boolean,"),
    arguments: ['heads'],
    expected: { failed: "'recursiveVersionLocations' in <project>/alembic.config.ts must be true or false" },
  },
  {
    name: 'url is a number',
    setup: configSource("export default { scriptLocation: 'migrations', url: 42 };\n"),
    arguments: ['current'],
    expected: { failed: "'url' in <project>/alembic.config.ts must be a string" },
  },
  {
    name: 'versionTable is a number',
    setup: configWith('versionTable: 42 as unknown as string,'),
    arguments: ['current'],
    expected: { failed: "'versionTable' in <project>/alembic.config.ts must be a string" },
  },
  {
    name: 'fileTemplate with an unknown token',
    setup: configWith("fileTemplate: '%(nosuch)s_%(slug)s',"),
    arguments: ['revision', '-m', 'add account'],
    expected: {
      failed:
        "Unknown token 'nosuch' in file template '%(nosuch)s_%(slug)s'; available tokens: rev, slug, epoch, year, month, day, hour, minute, second",
    },
  },
  {
    name: 'an unknown time zone',
    setup: configWith("timezone: 'Mars/Olympus_Mons',"),
    arguments: ['revision', '-m', 'add account'],
    expected: { failed: "Can't locate timezone: Mars/Olympus_Mons" },
  },
  {
    name: 'a post-write hook of an unknown type',
    setup: configWith("postWriteHooks: [{ name: 'format', type: 'nosuchtype' } as never],"),
    arguments: ['revision', '-m', 'add account'],
    expected: { failed: /^Post write hook 'format' has an unknown type 'nosuchtype'/ },
  },
  {
    name: 'a syntax error in alembic.config.ts',
    setup: configSource('export default {{{\n'),
    arguments: ['current'],
    expected: { failed: /^Could not load alembic\.config\.ts:1:\d+: / },
  },
  {
    name: 'alembic.config.ts throws',
    setup: configSource("throw new Error('config exploded');\n"),
    arguments: ['current'],
    expected: { failed: 'Could not load <project>/alembic.config.ts: config exploded (at alembic.config.ts:1)' },
  },
  {
    name: 'alembic.config.ts exporting nothing',
    setup: configSource("const settings = { scriptLocation: 'migrations' };\nvoid settings;\n"),
    arguments: ['current'],
    expected: { failed: "No 'scriptLocation' key found in configuration <project>/alembic.config.ts." },
  },
  {
    name: 'alembic.config.ts exporting a number',
    setup: configSource('export default 42;\n'),
    arguments: ['current'],
    expected: {
      failed: '<project>/alembic.config.ts must export a config object (export default defineConfig({ ... }))',
    },
  },
  {
    name: 'alembic.config.ts importing a missing module',
    setup: configSource(
      "import { settings } from './nowhere.js';\nexport default { scriptLocation: 'migrations', ...settings };\n",
    ),
    arguments: ['current'],
    expected: {
      failed:
        "Could not load <project>/alembic.config.ts: Cannot find module '<project>/nowhere.js' imported from <project>/alembic.config.ts",
    },
  },
  {
    name: 'alembic.config.json that is not JSON',
    setup: (project) => {
      project.chain(['aaaa']);
      project.remove('alembic.config.ts');
      project.write('alembic.config.json', '{"scriptLocation": "migrations",\n');
    },
    arguments: ['current'],
    expected: { failed: /^Could not load <project>\/alembic\.config\.json: / },
  },
];

/**
 * End-to-end tests of where failures point: a migration, `env.ts` or `alembic.config.ts` that
 * throws is reported at its own `.ts` file and line (the loader compiles TypeScript with inline
 * source maps and switches source maps on), in the `FAILED:` line and, with `--raiseerr`, in
 * the stack trace; for a single migration and for one deep in a run of 2,000 (loaded from the
 * plan's bundle).
 */
import { symlinkSync } from 'node:fs';
import {
  addToEnvironment,
  databaseState,
  expectFailure,
  projectWithLocalCache,
  writeMigration,
} from './support/migration-project.js';
import { removeAllProjects, type TemporaryProject } from './support/run-cli.js';

jest.setTimeout(180_000);

afterEach(() => {
  removeAllProjects();
});

/** A migration body that fails with a `TypeError` on its second line (types that esbuild strips). */
const THROWING_UPGRADE = [
  "  const settings: { table?: { name: string } } = JSON.parse('{}') as { table?: { name: string } };",
  '  await op.execute(`CREATE TABLE ${settings.table!.name} (id INTEGER)`);',
].join('\n');

/** The 1-based line of the first line of `file` that contains `text`. */
function lineOf(project: TemporaryProject, file: string, text: string): number {
  const index = project
    .read(file)
    .split('\n')
    .findIndex((line) => line.includes(text));
  if (index === -1) throw new Error(`${text} is not in ${file}`);
  return index + 1;
}

function revisionAt(index: number): string {
  return `r${String(index).padStart(4, '0')}`;
}

/** A chain of `count` migrations; the one at `throwingIndex` throws. Returns its path. */
function writeChainThrowingAt(project: TemporaryProject, count: number, throwingIndex: number): string {
  let throwingFile = '';
  for (let index = 0; index < count; index += 1) {
    const file = writeMigration(project, {
      revision: revisionAt(index),
      downRevision: index === 0 ? null : revisionAt(index - 1),
      ...(index === throwingIndex ? { upgrade: THROWING_UPGRADE } : {}),
    });
    if (index === throwingIndex) throwingFile = file;
  }
  return throwingFile;
}

/** Runs `upgrade head` with and without `--raiseerr` and checks both name `file:line`. */
async function expectFailureAt(project: TemporaryProject, file: string, line: number): Promise<void> {
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const plain = project.run(['upgrade', 'head']);
  expectFailure(plain, new RegExp(`\\(${escaped}:${line}\\) failed: Cannot read properties of undefined`));
  expect(await databaseState(project)).toEqual({ versions: null, tables: [] });

  const raised = project.run(['--raiseerr', 'upgrade', 'head']);
  expect(raised.status).not.toBe(0);
  // The cause's first frame is the migration's own line, not a compiled or bundled file (a
  // bundle may rename the function: `upgrade16`).
  expect(raised.stderr).toMatch(
    new RegExp(
      `TypeError: Cannot read properties of undefined \\(reading 'name'\\)\\n\\s+at upgrade\\d* \\(${project.path(file).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${line}:\\d+\\)`,
    ),
  );
}

describe('a migration that throws', () => {
  it('a script location reached through a symbolic link: FAILED still names the file and line', () => {
    const project = projectWithLocalCache('trace-symlink');
    const file = writeChainThrowingAt(project, 1, 0);
    const line = lineOf(project, file, 'settings.table!.name');
    // The config names the scripts through `linked`, a link to the project itself, while Node
    // (and so the stack trace) names the real file.
    symlinkSync(project.path('.'), project.path('linked'), 'dir');
    const config = project.read('alembic.config.ts');
    expect(config).toContain("scriptLocation: 'migrations'");
    project.write(
      'alembic.config.ts',
      config.replace("scriptLocation: 'migrations'", "scriptLocation: 'linked/migrations'"),
    );
    const result = project.run(['upgrade', 'head']);
    const shown = `linked/${file}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expectFailure(result, new RegExp(`\\(${shown}:${line}\\) failed: Cannot read properties of undefined`));
  });

  it('a single migration: FAILED and --raiseerr name its .ts file and line', async () => {
    const project = projectWithLocalCache('trace-single');
    const file = writeChainThrowingAt(project, 1, 0);
    await expectFailureAt(project, file, lineOf(project, file, 'settings.table!.name'));
  });

  it('one of 2,000, deep in the chain: FAILED and --raiseerr name its .ts file and line', async () => {
    const project = projectWithLocalCache('trace-long');
    const file = writeChainThrowingAt(project, 2000, 1900);
    const line = lineOf(project, file, 'settings.table!.name');
    await expectFailureAt(project, file, line);
    // The second run loads the plan from the cached bundle: still the script's own line.
    await expectFailureAt(project, file, line);
  });
});

describe('env.ts and alembic.config.ts that throw', () => {
  it('env.ts: FAILED says where, --raiseerr shows env.ts and its line', () => {
    const project = projectWithLocalCache('trace-env');
    addToEnvironment(
      project,
      "const options: { schema?: { name: string } } = JSON.parse('{}');\nconsole.log(options.schema!.name);",
    );
    const line = lineOf(project, 'migrations/env.ts', 'options.schema!.name');
    const plain = project.run(['current']);
    expectFailure(
      plain,
      `TypeError: Cannot read properties of undefined (reading 'name') (at migrations/env.ts:${line})`,
    );
    const raised = project.run(['--raiseerr', 'current']);
    expect(raised.stderr).toContain(`${project.path('migrations', 'env.ts')}:${line}:`);
  });

  it('env.ts: an error that shows a database URL has its password masked, in FAILED and --raiseerr', () => {
    const project = projectWithLocalCache('trace-env-password');
    addToEnvironment(
      project,
      [
        "const url = 'postgresql://app:Sup3rSecret@db.internal:5432/shop';",
        'const parseFailure = Object.assign(new TypeError(`Invalid URL`), { input: url, details: { tried: [url] } });',
        'throw new Error(`Could not reach ${url}`, { cause: parseFailure });',
      ].join('\n'),
    );
    const line = lineOf(project, 'migrations/env.ts', 'throw new Error(');
    expectFailure(
      project.run(['current']),
      `Error: Could not reach postgresql://app:***@db.internal:5432/shop (at migrations/env.ts:${line})`,
    );
    const raised = project.run(['--raiseerr', 'current']);
    expect(raised.status).not.toBe(0);
    expect(raised.stderr).not.toContain('Sup3rSecret');
    expect(raised.stderr).toContain('Could not reach postgresql://app:***@db.internal:5432/shop');
    expect(raised.stderr).toContain("input: 'postgresql://app:***@db.internal:5432/shop'");
    expect(raised.stderr).toContain(`${project.path('migrations', 'env.ts')}:${line}:`);
  });

  it('env.ts: a thrown string that shows a database URL has its password masked with --raiseerr', () => {
    const project = projectWithLocalCache('trace-env-string');
    addToEnvironment(project, "throw 'Could not reach postgresql://app:Sup3rSecret@db.internal:5432/shop';");
    const raised = project.run(['--raiseerr', 'current']);
    expect(raised.status).not.toBe(0);
    expect(raised.stderr).not.toContain('Sup3rSecret');
    expect(raised.stderr).toContain('Could not reach postgresql://app:***@db.internal:5432/shop');
  });

  it('alembic.config.ts: FAILED says where, --raiseerr shows the config file and its line', () => {
    const project = projectWithLocalCache('trace-config');
    project.write(
      'alembic.config.ts',
      `const host: string | undefined = undefined;\nconst port: number = host!.length;\n${project.read('alembic.config.ts')}`,
    );
    const plain = project.run(['current']);
    expectFailure(
      plain,
      `Could not load ${project.path('alembic.config.ts')}: Cannot read properties of undefined (reading 'length') (at alembic.config.ts:2)`,
    );
    const raised = project.run(['--raiseerr', 'current']);
    expect(raised.stderr).toContain(`${project.path('alembic.config.ts')}:2:`);
  });
});

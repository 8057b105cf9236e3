/**
 * End-to-end tests of how migration scripts are loaded when they run (DESIGN 2.1): `.ts`,
 * `.mts`, `.js` (ESM), `.mjs` and `.cts` files; relative `./x.js` imports of `.ts` helpers;
 * syntax errors reported with file and line; `@alembic/core` resolved from the CLI when the
 * project has no node_modules; `upgrade(op)` getting the `op` instance; `op` / `context`
 * outside a run; and two copies of `@alembic/core` (ESM and CJS builds) in one run.
 */
import { spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

import {
  addToEnvironment,
  databaseState,
  expectFailure,
  initMigrationProject,
  probes,
  runOk,
  runningSteps,
  stateOf,
  writeMigration,
} from './support/migration-project.js';
import { cliBinPath, cliChildEnvironment, outputLines, removeAllProjects } from './support/run-cli.js';

jest.setTimeout(120_000);

afterEach(() => {
  removeAllProjects();
});

/**
 * The CLI's own copy of @alembic/core (resolved from the CLI's entry point, which may be
 * `ALEMBIC_CLI_BIN`): its CJS entry (the `require` condition) and its directory.
 */
const coreCjsEntry = realpathSync(createRequire(cliBinPath).resolve('@alembic/core'));
const coreDistDirectory = dirname(coreCjsEntry);
const coreEsmEntry = `${coreDistDirectory}/index.js`;

describe('module formats', () => {
  it('.ts, .mts, .js (ESM), .mjs and .cts migrations all run, up and down', async () => {
    const project = initMigrationProject('formats');
    const chain: Array<[string, 'ts' | 'js' | 'mjs' | 'cts', string]> = [
      ['aaaa', 'ts', 'aaaa_rev.ts'],
      ['bbbb', 'js', 'bbbb_rev.js'],
      ['cccc', 'mjs', 'cccc_rev.mjs'],
      ['dddd', 'cts', 'dddd_rev.cts'],
      ['eeee', 'ts', 'eeee_rev.mts'],
    ];
    chain.forEach(([revision, format, fileName], index) => {
      writeMigration(project, {
        revision,
        downRevision: index === 0 ? null : (chain[index - 1] as [string, string, string])[0],
        format,
        fileName,
      });
    });
    expect(project.exists('package.json')).toBe(false);
    expect(project.exists('node_modules')).toBe(false);
    const upgrade = runOk(project, ['upgrade', 'head']);
    expect(runningSteps(upgrade)).toEqual([
      'upgrade  -> aaaa',
      'upgrade aaaa -> bbbb',
      'upgrade bbbb -> cccc',
      'upgrade cccc -> dddd',
      'upgrade dddd -> eeee',
    ]);
    expect(await databaseState(project)).toEqual(stateOf(['eeee'], ['aaaa', 'bbbb', 'cccc', 'dddd', 'eeee']));
    expect(outputLines(runOk(project, ['history']).stdout)).toHaveLength(5);
    runOk(project, ['downgrade', 'base']);
    expect(await databaseState(project)).toEqual({ versions: [], tables: [] });
  });

  it('a migration without a revision export runs under the id at the start of its file name', async () => {
    const project = initMigrationProject('legacy-name');
    const source = [
      "import { op } from '@alembic/core';",
      'export const downRevision = null;',
      "export async function upgrade() { await op.execute('CREATE TABLE t_ffff (id INTEGER)'); }",
      "export async function downgrade() { await op.execute('DROP TABLE t_ffff'); }",
      '',
    ].join('\n');
    project.write('migrations/versions/ffff_legacy.ts', source);
    runOk(project, ['upgrade', 'head']);
    expect(await databaseState(project)).toEqual(stateOf(['ffff'], ['ffff']));
  });

  it('a migration without an upgrade function fails naming the file, and changes nothing', async () => {
    const project = initMigrationProject('no-upgrade');
    writeMigration(project, { revision: 'aaaa', downRevision: null });
    project.write(
      'migrations/versions/bbbb_rev.ts',
      "export const revision = 'bbbb';\nexport const downRevision = 'aaaa';\nexport async function downgrade() {}\n",
    );
    const result = project.run(['upgrade', 'head']);
    expectFailure(result, /bbbb_rev\.ts.*'upgrade'/);
    expect(await databaseState(project)).toEqual({ versions: null, tables: [] });
  });
});

describe('relative imports of TypeScript helpers', () => {
  it('a migration imports ./lib/helpers.js and ../helpers.js that exist as .ts files; env.ts imports ./helpers.js', async () => {
    const project = initMigrationProject('helpers');
    project.write(
      'migrations/helpers.ts',
      [
        'export const prefix: string = "shared";',
        'export function tableFor(revision: string): string {',
        '  return `${prefix}_${revision}`;',
        '}',
        '',
      ].join('\n'),
    );
    // Inside versions/ a helper would be read as a migration (as in Alembic), so it sits in a
    // subdirectory there (not scanned unless recursiveVersionLocations).
    project.write(
      'migrations/versions/lib/helpers.ts',
      [
        'import { tableFor } from "../../helpers.js";',
        'export const localTable = (revision: string): string => `local_${tableFor(revision)}`;',
        '',
      ].join('\n'),
    );
    writeMigration(project, {
      revision: 'aaaa',
      downRevision: null,
      imports: "import { tableFor } from '../helpers.js';\nimport { localTable } from './lib/helpers.js';",
      upgrade: [
        '  await op.execute(`CREATE TABLE ${tableFor(revision)} (id INTEGER)`);',
        '  await op.execute(`CREATE TABLE ${localTable(revision)} (id INTEGER)`);',
      ].join('\n'),
      downgrade: [
        '  await op.execute(`DROP TABLE ${localTable(revision)}`);',
        '  await op.execute(`DROP TABLE ${tableFor(revision)}`);',
      ].join('\n'),
    });
    addToEnvironment(project, "import { prefix } from './helpers.js';\nconsole.log(`probe: env sees ${prefix}`);");
    const result = runOk(project, ['upgrade', 'head']);
    expect(probes(result.stdout)).toEqual(['env sees shared']);
    expect(await databaseState(project)).toEqual({ versions: ['aaaa'], tables: ['local_shared_aaaa', 'shared_aaaa'] });
    runOk(project, ['downgrade', 'base']);
    expect(await databaseState(project)).toEqual({ versions: [], tables: [] });
  });
});

describe('syntax errors', () => {
  it('in a .ts migration: FAILED names the file and the line; nothing is applied', async () => {
    const project = initMigrationProject('syntax-ts');
    writeMigration(project, { revision: 'aaaa', downRevision: null });
    const relativePath = writeMigration(project, {
      revision: 'bbbb',
      downRevision: 'aaaa',
      upgrade: "  await op.execute('CREATE TABLE t_bbbb (id INTEGER)'\n  const = 3;",
    });
    const brokenLine =
      project
        .read(relativePath)
        .split('\n')
        .findIndex((line) => line.includes('const = 3')) + 1;
    expect(brokenLine).toBeGreaterThan(1);
    // Listing commands read headers only: the broken file is listed fine.
    expect(outputLines(runOk(project, ['heads']).stdout)).toEqual(['bbbb (head)']);
    const result = project.run(['upgrade', 'head']);
    expectFailure(result, new RegExp(`bbbb_rev\\.ts:${brokenLine}\\b`));
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(await databaseState(project)).toEqual({ versions: null, tables: [] });
  });

  it('in a .js migration: FAILED names the file and the line', async () => {
    const project = initMigrationProject('syntax-js');
    const relativePath = writeMigration(project, {
      revision: 'aaaa',
      downRevision: null,
      format: 'js',
      upgrade: "  await op.execute('CREATE TABLE t_aaaa (id INTEGER)');\n  let let = 1;",
    });
    const brokenLine =
      project
        .read(relativePath)
        .split('\n')
        .findIndex((line) => line.includes('let let')) + 1;
    const result = project.run(['upgrade', 'head']);
    expectFailure(result, new RegExp(`aaaa_rev\\.js:${brokenLine}\\b`));
    expect(await databaseState(project)).toEqual({ versions: null, tables: [] });
  });

  it('a migration importing a module that does not exist fails naming it', async () => {
    const project = initMigrationProject('missing-import');
    writeMigration(project, { revision: 'aaaa', downRevision: null, imports: "import './nowhere.js';" });
    const result = project.run(['upgrade', 'head']);
    expect(result.status).toBe(1);
    expect(outputLines(result.stderr).filter((line) => line.startsWith('FAILED: '))).toEqual([
      expect.stringContaining('nowhere'),
    ]);
    expect(await databaseState(project)).toEqual({ versions: null, tables: [] });
  });
});

describe('@alembic/core inside migrations', () => {
  it("resolves to the CLI's copy in a project with no node_modules", async () => {
    const project = initMigrationProject('resolve-core');
    expect(project.exists('node_modules')).toBe(false);
    writeMigration(project, {
      revision: 'aaaa',
      downRevision: null,
      upgrade: [
        "  console.log(`probe: ${import.meta.resolve('@alembic/core')}`);",
        "  await op.execute('CREATE TABLE t_aaaa (id INTEGER)');",
      ].join('\n'),
    });
    const result = runOk(project, ['upgrade', 'head']);
    const [resolved] = probes(result.stdout);
    expect(resolved).toBeDefined();
    expect(realpathSync(new URL(resolved as string))).toBe(realpathSync(coreEsmEntry));
    expect(await databaseState(project)).toEqual(stateOf(['aaaa'], ['aaaa']));
  });

  it('resolves in an all-JavaScript project too (alembic.config.json, env.mjs, .mjs migrations)', async () => {
    const project = initMigrationProject('resolve-core-js');
    project.remove('alembic.config.ts');
    project.write('alembic.config.json', '{ "scriptLocation": "migrations", "url": "sqlite:///alembic.db" }\n');
    const typedEnvironment = project.read('migrations/env.ts');
    project.remove('migrations/env.ts');
    project.write('migrations/env.mjs', typedEnvironment.replace(/\): Promise<void> \{/g, ') {'));
    writeMigration(project, { revision: 'aaaa', downRevision: null, format: 'mjs' });
    expect(project.exists('node_modules')).toBe(false);
    runOk(project, ['upgrade', 'head']);
    expect(await databaseState(project)).toEqual(stateOf(['aaaa'], ['aaaa']));
  });

  it('upgrade(op) and downgrade(op) receive the instance behind the op proxy', async () => {
    const project = initMigrationProject('op-argument');
    const check = (direction: string): string =>
      [
        `  const marker = Symbol('${direction}');`,
        '  (operations as unknown as Record<symbol, unknown>)[marker] = true;',
        '  const same = (op as unknown as Record<symbol, unknown>)[marker] === true;',
        `  console.log(\`probe: ${direction} same=\${same} context=\${op.getContext() === operations.getContext()}\`);`,
      ].join('\n');
    project.write(
      'migrations/versions/aaaa_rev.ts',
      [
        "import { op, type Operations } from '@alembic/core';",
        "export const revision = 'aaaa';",
        'export const downRevision = null;',
        'export async function upgrade(operations: Operations): Promise<void> {',
        check('upgrade'),
        "  await operations.execute('CREATE TABLE t_arg (id INTEGER)');",
        "  await op.execute('CREATE TABLE t_proxy (id INTEGER)');",
        '}',
        'export async function downgrade(operations: Operations): Promise<void> {',
        check('downgrade'),
        "  await operations.execute('DROP TABLE t_arg');",
        "  await op.execute('DROP TABLE t_proxy');",
        '}',
        '',
      ].join('\n'),
    );
    expect(probes(runOk(project, ['upgrade', 'head']).stdout)).toEqual(['upgrade same=true context=true']);
    expect(await databaseState(project)).toEqual({ versions: ['aaaa'], tables: ['t_arg', 't_proxy'] });
    expect(probes(runOk(project, ['downgrade', 'base']).stdout)).toEqual(['downgrade same=true context=true']);
    expect(await databaseState(project)).toEqual({ versions: [], tables: [] });
  });

  it('two copies of core (the ESM build and the CJS build via createRequire) work in one run', async () => {
    const project = initMigrationProject('two-copies');
    writeMigration(project, {
      revision: 'aaaa',
      downRevision: null,
      imports: "import { createRequire } from 'node:module';\nimport { context } from '@alembic/core';",
      upgrade: [
        `  const cjsCore = createRequire(import.meta.url)(${JSON.stringify(coreCjsEntry)});`,
        '  console.log(`probe: distinct=${cjsCore.op !== op && cjsCore.context !== context}`);',
        '  console.log(`probe: offline=${cjsCore.context.isOfflineMode()} x=${JSON.stringify(cjsCore.context.getXArgument({ asDictionary: true }))}`);',
        "  await cjsCore.op.execute('CREATE TABLE t_from_cjs (id INTEGER)');",
        "  await op.execute('CREATE TABLE t_from_esm (id INTEGER)');",
      ].join('\n'),
      downgrade: [
        `  const cjsCore = createRequire(import.meta.url)(${JSON.stringify(coreCjsEntry)});`,
        "  await cjsCore.op.execute('DROP TABLE t_from_cjs');",
        "  await op.execute('DROP TABLE t_from_esm');",
      ].join('\n'),
    });
    const result = runOk(project, ['-x', 'copy=cjs', 'upgrade', 'head']);
    expect(probes(result.stdout)).toEqual(['distinct=true', 'offline=false x={"copy":"cjs"}']);
    expect(await databaseState(project)).toEqual({ versions: ['aaaa'], tables: ['t_from_cjs', 't_from_esm'] });
    // Offline too: both copies print into the same SQL stream.
    const offline = runOk(project, ['upgrade', 'head', '--sql']);
    expect(offline.stdout).toContain('CREATE TABLE t_from_cjs (id INTEGER);');
    expect(offline.stdout).toContain('CREATE TABLE t_from_esm (id INTEGER);');
    runOk(project, ['downgrade', 'base']);
    expect(await databaseState(project)).toEqual({ versions: [], tables: [] });
  });
});

describe('op and context outside a run', () => {
  function runNode(
    source: string,
    inputType: 'module' | 'commonjs',
  ): { status: number | null; stdout: string; stderr: string } {
    const outcome = spawnSync(process.execPath, [`--input-type=${inputType}`, '-e', source], {
      encoding: 'utf8',
      env: cliChildEnvironment(),
    });
    return { status: outcome.status, stdout: outcome.stdout, stderr: outcome.stderr };
  }

  const script = (load: string): string =>
    [
      load,
      'for (const [name, call] of [',
      "  ['op', () => core.op.execute('SELECT 1')],",
      "  ['context', () => core.context.isOfflineMode()],",
      ']) {',
      '  try {',
      '    await call();',
      '    console.log(`${name}: no error`);',
      '  } catch (error) {',
      '    console.log(`${name}: ${error.code} ${error.message}`);',
      '  }',
      '}',
    ].join('\n');

  const expected = [
    "op: ALEMBIC_NO_RUNTIME 'op' is only available while alembic runs migrations (inside env.ts or a migration's upgrade()/downgrade())",
    "context: ALEMBIC_NO_RUNTIME 'context' is only available while alembic runs migrations (inside env.ts or a migration's upgrade()/downgrade())",
  ];

  it('importing the ESM build: a clear error', () => {
    const result = runNode(script(`const core = await import(${JSON.stringify(coreEsmEntry)});`), 'module');
    expect(result.stderr).toBe('');
    expect(outputLines(result.stdout)).toEqual(expected);
  });

  it('requiring the CJS build: the same error', () => {
    const result = runNode(
      `(async () => {\n${script(`const core = require(${JSON.stringify(coreCjsEntry)});`)}\n})();`,
      'commonjs',
    );
    expect(result.stderr).toBe('');
    expect(outputLines(result.stdout)).toEqual(expected);
  });
});

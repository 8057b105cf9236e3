/**
 * End-to-end tests of how `alembic.config.ts`, `env.ts` and migrations load (core/src/loader/
 * module-hooks.ts): through in-thread module hooks that compile each TypeScript file once, keyed
 * by its content, into the cache (`node_modules/.cache/alembic/compiled/<key>.js`, an inline
 * source map naming the file), and resolve `@alembic/*` from the CLI when the project has none.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, realpathSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import {
  addToEnvironment,
  databaseState,
  expectFailure,
  probes,
  projectWithLocalCache,
  runOk,
  stateOf,
  writeMigration,
} from './support/migration-project.js';
import { cliBinPath, removeAllProjects, type TemporaryProject } from './support/run-cli.js';

jest.setTimeout(120_000);

afterEach(() => {
  removeAllProjects();
});

/** The CLI's own @alembic/core package directory, and its ES module entry. */
const corePackageDirectory = dirname(dirname(createRequire(cliBinPath).resolve('@alembic/core')));
const coreEsmEntry = join(dirname(realpathSync(createRequire(cliBinPath).resolve('@alembic/core'))), 'index.js');

interface CompiledFile {
  readonly name: string;
  /** The file it was compiled from (its inline source map's first source). */
  readonly source: string | undefined;
  readonly text: string;
}

function compiledFiles(project: TemporaryProject): CompiledFile[] {
  const directory = project.path('node_modules', '.cache', 'alembic', 'compiled');
  let names: string[];
  try {
    names = readdirSync(directory).sort();
  } catch {
    return [];
  }
  return names.map((name) => {
    const text = readFileSync(join(directory, name), 'utf8');
    const map = /\/\/# sourceMappingURL=data:application\/json;base64,(\S+)/.exec(text)?.[1];
    const sources =
      map === undefined
        ? []
        : (JSON.parse(Buffer.from(map, 'base64').toString('utf8')) as { sources: string[] }).sources;
    return { name, source: sources[0], text };
  });
}

describe('TypeScript files are compiled once, by content', () => {
  it('config, env.ts and the migration are compiled into the cache; the next command compiles nothing; an edited env.ts is compiled again', async () => {
    const project = projectWithLocalCache('compiled-default');
    writeMigration(project, { revision: 'aaaa', downRevision: null });
    runOk(project, ['upgrade', 'head']);
    expect(await databaseState(project)).toEqual(stateOf(['aaaa'], ['aaaa']));

    const compiled = compiledFiles(project);
    expect(compiled.map((file) => file.source)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/alembic\.config\.ts$/),
        expect.stringMatching(/env\.ts$/),
        expect.stringMatching(/aaaa_rev\.ts$/),
      ]),
    );
    expect(compiled).toHaveLength(3);

    runOk(project, ['current']);
    expect(compiledFiles(project).map((file) => file.name)).toEqual(compiled.map((file) => file.name));
    project.write('migrations/env.ts', `${project.read('migrations/env.ts')}\nconsole.log('probe: edited env');\n`);
    expect(probes(runOk(project, ['current']).stdout)).toEqual(['edited env']);
    expect(compiledFiles(project)).toHaveLength(4);
  });

  it('a project that installs @alembic/core after its first run keeps running', async () => {
    const project = projectWithLocalCache('compiled-install');
    writeMigration(project, { revision: 'aaaa', downRevision: null });
    runOk(project, ['upgrade', 'head']);
    project.write('node_modules/@alembic/.keep', '');
    symlinkSync(corePackageDirectory, project.path('node_modules', '@alembic', 'core'), 'dir');
    runOk(project, ['downgrade', 'base']);
    expect(await databaseState(project)).toEqual({ versions: [], tables: [] });
    runOk(project, ['upgrade', 'head']);
    expect(await databaseState(project)).toEqual(stateOf(['aaaa'], ['aaaa']));
  });
});

describe('modules stay modules', () => {
  it('a JavaScript helper imported by env.ts and by a migration is one module', async () => {
    const project = projectWithLocalCache('compiled-shared');
    project.write(
      'migrations/shared.mjs',
      "export const counter = { value: 0 };\nconsole.log('probe: shared loaded');\n",
    );
    addToEnvironment(project, "import { counter } from './shared.mjs';\ncounter.value += 1;");
    writeMigration(project, {
      revision: 'aaaa',
      downRevision: null,
      imports: "import { counter } from '../shared.mjs';",
      upgrade:
        "  console.log(`probe: migration sees ${counter.value}`);\n  await op.execute('CREATE TABLE t_aaaa (id INTEGER)');",
    });
    const result = runOk(project, ['upgrade', 'head']);
    expect(probes(result.stdout)).toEqual(['shared loaded', 'migration sees 1']);
  });

  it('env.ts importing a TypeScript helper as ./helpers.js finds helpers.ts, and both are compiled once', async () => {
    const project = projectWithLocalCache('compiled-helper');
    project.write('migrations/helpers.ts', 'export const greeting: string = "hello";\n');
    addToEnvironment(project, "import { greeting } from './helpers.js';\nconsole.log(`probe: env says ${greeting}`);");
    writeMigration(project, { revision: 'aaaa', downRevision: null });
    expect(probes(runOk(project, ['upgrade', 'head']).stdout)).toEqual(['env says hello']);
    const sources = compiledFiles(project).map((file) => file.source);
    expect(sources.filter((source) => source?.endsWith('helpers.ts'))).toHaveLength(1);
    expect(sources.filter((source) => source?.endsWith('env.ts'))).toHaveLength(1);
    expect(probes(runOk(project, ['downgrade', 'base']).stdout)).toEqual(['env says hello']);
    expect(await databaseState(project)).toEqual({ versions: [], tables: [] });
  });
});

describe('failures while loading', () => {
  it('a syntax error in env.ts names env.ts and its line', () => {
    const project = projectWithLocalCache('compiled-syntax');
    project.write('migrations/env.ts', `${project.read('migrations/env.ts')}\nconst = 3;\n`);
    const brokenLine = project.read('migrations/env.ts').split('\n').indexOf('const = 3;') + 1;
    const result = project.run(['current']);
    expectFailure(result, new RegExp(`env\\.ts:${brokenLine}\\b`));
  });

  it('an error thrown by env.ts is reported once: env.ts is not run a second time', async () => {
    const project = projectWithLocalCache('compiled-throw');
    project.write(
      'migrations/env.ts',
      `${project.read('migrations/env.ts')}\nconsole.log('probe: env ran');\nthrow new Error('env says no');\n`,
    );
    writeMigration(project, { revision: 'aaaa', downRevision: null });
    const result = project.run(['upgrade', 'head']);
    expectFailure(result, /env says no/);
    expect(probes(result.stdout)).toEqual(['env ran']);
    expect(await databaseState(project)).toEqual(stateOf(['aaaa'], ['aaaa']));
  });

  it('a helper of env.ts that throws while loading fails the command once, before env.ts runs', () => {
    const project = projectWithLocalCache('compiled-dependency-throws');
    project.write(
      'migrations/boom.mjs',
      "console.log('probe: boom loading');\nthrow new Error('boom while loading');\n",
    );
    addToEnvironment(project, "import './boom.mjs';\nconsole.log('probe: env ran');");
    const result = project.run(['current']);
    expectFailure(result, /boom while loading/);
    expect(probes(result.stdout)).toEqual(['boom loading']);
  });
});

describe('a file imported again in the same process', () => {
  it('a config that threw is not run a second time: the second load gets the same error', () => {
    const project = projectWithLocalCache('compiled-reimport');
    project.write(
      'alembic.config.mjs',
      "globalThis.configRuns = (globalThis.configRuns ?? 0) + 1;\nthrow new Error('config not ready');\n",
    );
    const script = [
      `const core = await import(${JSON.stringify(coreEsmEntry)});`,
      'for (const attempt of [1, 2]) {',
      '  try {',
      `    await core.loadConfig(${JSON.stringify(project.root)}, 'alembic.config.mjs');`,
      "    console.log('loaded');",
      '  } catch (error) {',
      '    console.log(`attempt ${attempt}: ${error.message.split(String.fromCharCode(10))[0]}`);',
      '  }',
      '}',
      'console.log(`runs: ${globalThis.configRuns}`);',
    ].join('\n');
    const outcome = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      cwd: project.root,
    });
    expect(outcome.stderr).toBe('');
    const lines = outcome.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^attempt 1: .*config not ready/);
    expect(lines[1]).toMatch(/^attempt 2: .*config not ready/);
    expect(lines[2]).toBe('runs: 1');
  });
});

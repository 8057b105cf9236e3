/**
 * End-to-end tests of loading `alembic.config.ts`, `env.ts` and migrations without module hooks
 * (core/src/loader/relocated-module.ts): each file is compiled once into the cache with its
 * imports rewritten to resolve as from the file itself, and imported from there. The hooks,
 * which cost a thread on every command, are only the fallback for what needs them.
 *
 * The cache is observable: a relocated copy is `compiled/<key>.mjs` whose first line records
 * what it was compiled against; what the hooks compile is `compiled/<key>.js`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, realpathSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

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
  /** The first line's record, for relocated copies. */
  readonly header?: { needsHooks?: string; alembicPackages: Record<string, string> };
  /** The `// <file>` comments esbuild leaves above each input's code. */
  readonly sources: string[];
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
    const firstLine = text.slice(0, text.indexOf('\n'));
    const header = firstLine.startsWith('// alembic-relocated ')
      ? (JSON.parse(firstLine.slice('// alembic-relocated '.length)) as CompiledFile['header'])
      : undefined;
    const sources = [...text.matchAll(/^\/\/ (\S+\.\w+)$/gm)].map((match) => match[1] as string);
    return header === undefined ? { name, sources, text } : { name, header, sources, text };
  });
}

const relocatedCopies = (project: TemporaryProject): CompiledFile[] =>
  compiledFiles(project).filter((file) => file.name.endsWith('.mjs'));
const compiledByHooks = (project: TemporaryProject): CompiledFile[] =>
  compiledFiles(project).filter((file) => file.name.endsWith('.js'));

describe('a default project loads without module hooks', () => {
  it('config, env.ts and the migration run from relocated copies; the hooks compile nothing', async () => {
    const project = projectWithLocalCache('relocated-default');
    writeMigration(project, { revision: 'aaaa', downRevision: null });
    runOk(project, ['upgrade', 'head']);
    expect(await databaseState(project)).toEqual(stateOf(['aaaa'], ['aaaa']));

    const copies = relocatedCopies(project);
    expect(copies.map((copy) => copy.sources[0])).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/alembic\.config\.ts$/),
        expect.stringMatching(/env\.ts$/),
        expect.stringMatching(/aaaa_rev\.ts$/),
      ]),
    );
    expect(copies).toHaveLength(3);
    for (const copy of copies) {
      expect(copy.header?.needsHooks).toBeUndefined();
      // The project has no @alembic/core: the copies import the CLI's, as the hooks would.
      expect(copy.header?.alembicPackages['@alembic/core']).toMatch(/^file:\/\/.*\/index\.js$/);
      expect(copy.text).not.toMatch(/from ["']@alembic\/core["']/);
    }
    expect(compiledByHooks(project)).toEqual([]);

    // A second command reuses the copies; an edited env.ts gets a copy of its own.
    runOk(project, ['current']);
    expect(relocatedCopies(project).map((copy) => copy.name)).toEqual(copies.map((copy) => copy.name));
    project.write('migrations/env.ts', `${project.read('migrations/env.ts')}\nconsole.log('probe: edited env');\n`);
    expect(probes(runOk(project, ['current']).stdout)).toEqual(['edited env']);
    expect(relocatedCopies(project)).toHaveLength(4);
    expect(compiledByHooks(project)).toEqual([]);
  });

  it("once the project installs @alembic/core, the copies are compiled again to import the project's", async () => {
    const project = projectWithLocalCache('relocated-install');
    writeMigration(project, { revision: 'aaaa', downRevision: null });
    runOk(project, ['upgrade', 'head']);
    const before = relocatedCopies(project);
    expect(before.every((copy) => copy.header?.alembicPackages['@alembic/core']?.startsWith('file:'))).toBe(true);

    project.write('node_modules/@alembic/.keep', '');
    symlinkSync(corePackageDirectory, project.path('node_modules', '@alembic', 'core'), 'dir');
    runOk(project, ['downgrade', 'base']);
    expect(await databaseState(project)).toEqual({ versions: [], tables: [] });

    // Same names (same sources), compiled again: the bare import now resolves in the project.
    const after = relocatedCopies(project);
    expect(after.map((copy) => copy.name)).toEqual(before.map((copy) => copy.name));
    for (const copy of after) {
      expect(copy.header?.alembicPackages['@alembic/core']).toBe('project');
      expect(copy.text).toMatch(/from "@alembic\/core"/);
    }
    expect(compiledByHooks(project)).toEqual([]);
  });
});

describe('what the relocated copies keep', () => {
  it('a JavaScript helper imported by env.ts and by a migration is one module', async () => {
    const project = projectWithLocalCache('relocated-shared');
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
    const environmentCopy = relocatedCopies(project).find((copy) => copy.sources[0]?.endsWith('env.ts'));
    expect(environmentCopy?.text).toContain(
      JSON.stringify(pathToFileURL(project.path('migrations', 'shared.mjs')).href),
    );
    expect(compiledByHooks(project)).toEqual([]);
  });

  it('env.ts importing a TypeScript helper goes through the hooks, and is remembered as needing them', async () => {
    const project = projectWithLocalCache('relocated-needs-hooks');
    project.write('migrations/helpers.ts', 'export const greeting: string = "hello";\n');
    addToEnvironment(project, "import { greeting } from './helpers.js';\nconsole.log(`probe: env says ${greeting}`);");
    writeMigration(project, { revision: 'aaaa', downRevision: null });
    expect(probes(runOk(project, ['upgrade', 'head']).stdout)).toEqual(['env says hello']);
    const needingHooks = relocatedCopies(project).filter((copy) => copy.header?.needsHooks !== undefined);
    expect(needingHooks).toHaveLength(1);
    const environmentCopy = needingHooks[0];
    expect(environmentCopy?.header?.needsHooks).toMatch(/helpers\.js/);
    // The record holds no code, and the hooks compiled env.ts and its helper.
    expect(environmentCopy?.text.split('\n').filter((line) => line.length > 0)).toHaveLength(1);
    expect(compiledByHooks(project).length).toBeGreaterThanOrEqual(2);
    expect(probes(runOk(project, ['downgrade', 'base']).stdout)).toEqual(['env says hello']);
    expect(await databaseState(project)).toEqual({ versions: [], tables: [] });
  });
});

describe('failures of relocated files', () => {
  it('a syntax error in env.ts names env.ts and its line', () => {
    const project = projectWithLocalCache('relocated-syntax');
    project.write('migrations/env.ts', `${project.read('migrations/env.ts')}\nconst = 3;\n`);
    const brokenLine = project.read('migrations/env.ts').split('\n').indexOf('const = 3;') + 1;
    const result = project.run(['current']);
    expectFailure(result, new RegExp(`env\\.ts:${brokenLine}\\b`));
  });

  it('an error thrown by env.ts is reported once: env.ts is not run a second time through the hooks', async () => {
    const project = projectWithLocalCache('relocated-throw');
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
    const project = projectWithLocalCache('relocated-dependency-throws');
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

describe('a relocated file imported again in the same process', () => {
  it('a config that threw is not run a second time: the second load gets the same error', () => {
    const project = projectWithLocalCache('relocated-reimport');
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
    expect(relocatedCopies(project)).toHaveLength(1);
  });
});

/**
 * End-to-end tests of loading a long plan of migrations as one ES module bundle, served by the
 * module hooks beside the scripts (see core/src/loader/script-bundle.ts): the scripts behave as if imported one by one (every script
 * of the plan is evaluated, in order, before the first step runs, as Alembic imports them all;
 * helpers are shared modules; code that looks at its own location sees its own file), an edited script is never run from a stale bundle, and a
 * syntax error is still reported with its file and line.
 */
import { readdirSync } from 'node:fs';

import {
  databaseState,
  expectFailure,
  probes,
  projectWithLocalCache,
  runOk,
  runningSteps,
  stateOf,
  writeMigration,
} from './support/migration-project.js';
import { removeAllProjects, type TemporaryProject } from './support/run-cli.js';

jest.setTimeout(120_000);

afterEach(() => {
  removeAllProjects();
});

/** Plans of at least this many scripts are bundled (MINIMUM_BUNDLED_SCRIPTS in core). */
const BUNDLED_PLAN = 16;

function revisionAt(index: number): string {
  return `a${String(index).padStart(3, '0')}`;
}

function bundleFiles(project: TemporaryProject, suffix = '.mjs'): string[] {
  const directory = project.path('node_modules', '.cache', 'alembic', 'bundles');
  try {
    return readdirSync(directory).filter((name) => name.endsWith(suffix));
  } catch {
    return [];
  }
}

/** A chain of `count` migrations that print a probe when loaded and when they run. */
function writeProbingChain(
  project: TemporaryProject,
  count: number,
  overrides: (index: number) => Partial<Parameters<typeof writeMigration>[1]> = () => ({}),
): string[] {
  const revisions = Array.from({ length: count }, (_, index) => revisionAt(index));
  revisions.forEach((revision, index) => {
    writeMigration(project, {
      revision,
      downRevision: index === 0 ? null : (revisions[index - 1] as string),
      imports: `console.log('probe: load ${revision}');`,
      upgrade: `  console.log('probe: upgrade ${revision}');\n  await op.execute('CREATE TABLE t_${revision} (id INTEGER)');`,
      ...overrides(index),
    });
  });
  return revisions;
}

describe('bundled loading of long plans', () => {
  it('runs from one bundle, evaluating every script of the plan before the first step', async () => {
    const project = projectWithLocalCache('bundle-lazy');
    const revisions = writeProbingChain(project, BUNDLED_PLAN + 10);
    const target = revisions[BUNDLED_PLAN + 4] as string;
    const result = runOk(project, ['upgrade', target]);
    expect(bundleFiles(project)).toHaveLength(1);
    const planned = revisions.slice(0, BUNDLED_PLAN + 5);
    expect(probes(result.stdout)).toEqual([
      ...planned.map((revision) => `load ${revision}`),
      ...planned.map((revision) => `upgrade ${revision}`),
    ]);
    expect(await databaseState(project)).toEqual(stateOf([target], planned));
  });

  it('stops running at a failing step: later steps never run', async () => {
    const project = projectWithLocalCache('bundle-failure');
    const failingIndex = 7;
    const revisions = writeProbingChain(project, BUNDLED_PLAN + 4, (index) =>
      index === failingIndex ? { upgrade: "  throw new Error('boom in the middle');" } : {},
    );
    const result = project.run(['upgrade', 'head']);
    expectFailure(result, /boom in the middle/);
    expect(bundleFiles(project)).toHaveLength(1);
    const loaded = probes(result.stdout).filter((line) => line.startsWith('load '));
    expect(loaded).toEqual(revisions.map((revision) => `load ${revision}`));
    const upgraded = probes(result.stdout).filter((line) => line.startsWith('upgrade '));
    expect(upgraded).toEqual(revisions.slice(0, failingIndex).map((revision) => `upgrade ${revision}`));
    expect(await databaseState(project)).toEqual({ versions: null, tables: [] });
  });

  it('a second run of the same plan reuses the bundle; it has a source map beside it', () => {
    const project = projectWithLocalCache('bundle-reuse');
    writeProbingChain(project, BUNDLED_PLAN + 2);
    runOk(project, ['upgrade', 'head']);
    const [bundle] = bundleFiles(project);
    expect(bundleFiles(project, '.mjs.map')).toEqual([`${bundle}.map`]);
    // The downgrade plan (other scripts' order) has a bundle of its own; the upgrade reuses its.
    runOk(project, ['downgrade', 'base']);
    const afterDowngrade = bundleFiles(project);
    expect(afterDowngrade).toHaveLength(2);
    runOk(project, ['upgrade', 'head']);
    expect(bundleFiles(project)).toEqual(afterDowngrade);
  });

  it('an edited script runs its new code, not the cached bundle', () => {
    const project = projectWithLocalCache('bundle-edit');
    const revisions = writeProbingChain(project, BUNDLED_PLAN + 2);
    runOk(project, ['upgrade', 'head']);
    runOk(project, ['downgrade', 'base']);
    const edited = revisions[3] as string;
    writeMigration(project, {
      revision: edited,
      downRevision: revisions[2] as string,
      upgrade: `  console.log('probe: edited ${edited}');\n  await op.execute('CREATE TABLE t_${edited} (id INTEGER)');`,
    });
    const again = runOk(project, ['upgrade', 'head']);
    expect(probes(again.stdout)).toContain(`edited ${edited}`);
    expect(probes(again.stdout)).not.toContain(`upgrade ${edited}`);
    expect(bundleFiles(project).length).toBeGreaterThanOrEqual(2);
  });

  it("helpers are shared modules, import.meta names the script itself, and CommonJS's require works", () => {
    const project = projectWithLocalCache('bundle-helpers');
    project.write('migrations/helpers/counter.ts', 'export const counter = { runs: 0 };\n');
    const count = BUNDLED_PLAN + 2;
    const locatedIndex = 5;
    const commonJsIndex = 7;
    const upgradeAt = (index: number): string => {
      if (index === locatedIndex) {
        return "  counter.runs += 1;\n  console.log('probe: located ' + new URL(import.meta.url).pathname.split('/').pop());";
      }
      if (index === commonJsIndex) {
        // Only `require.resolve`: no call of `require` itself, nothing else tied to the file.
        return "  counter.runs += 1;\n  console.log('probe: commonjs ' + require.resolve('node:path'));";
      }
      return '  counter.runs += 1;\n  console.log(`probe: runs ${counter.runs}`);';
    };
    writeProbingChain(project, count, (index) => ({
      imports: "import { counter } from '../helpers/counter.js';",
      upgrade: upgradeAt(index),
    }));
    const result = runOk(project, ['upgrade', 'head']);
    const lines = probes(result.stdout);
    expect(lines).toContain(`located ${revisionAt(locatedIndex)}_rev.ts`);
    expect(lines).toContain('commonjs node:path');
    expect(lines[lines.length - 1]).toBe(`runs ${count}`);
    expect(runningSteps(result)).toHaveLength(count);
    expect(bundleFiles(project)).toHaveLength(1);
    runOk(project, ['stamp', 'base']);
    expect(probes(runOk(project, ['upgrade', 'head']).stdout)).toContain(`runs ${count}`);
  });

  it('a syntax error in one of many scripts names its file and line; nothing is applied', async () => {
    const project = projectWithLocalCache('bundle-syntax');
    const brokenIndex = 9;
    const revisions = writeProbingChain(project, BUNDLED_PLAN + 4, (index) =>
      index === brokenIndex ? { upgrade: "  await op.execute('CREATE TABLE t_x (id INTEGER)'\n  const = 3;" } : {},
    );
    const brokenPath = `migrations/versions/${revisions[brokenIndex]}_rev.ts`;
    const brokenLine =
      project
        .read(brokenPath)
        .split('\n')
        .findIndex((line) => line.includes('const = 3')) + 1;
    const result = project.run(['upgrade', 'head']);
    expectFailure(result, new RegExp(`${revisions[brokenIndex]}_rev\\.ts:${brokenLine}\\b`));
    expect(await databaseState(project)).toEqual({ versions: null, tables: [] });
  });
});

describe('what bundled scripts keep', () => {
  it('default, named and namespace imports of an ES module helper keep their ES module meaning', () => {
    const project = projectWithLocalCache('bundle-imports');
    project.write(
      'migrations/helpers/values.mjs',
      "export default 'the default';\nexport const named = 'the named';\n",
    );
    writeProbingChain(project, BUNDLED_PLAN + 1, (index) => ({
      imports:
        "import fallback, { named } from '../helpers/values.mjs';\nimport * as everything from '../helpers/values.mjs';",
      upgrade:
        index === 3
          ? "  console.log(`probe: ${fallback} / ${named} / ${everything.default} / ${everything.named}`);\n  await op.execute('CREATE TABLE t_values (id INTEGER)');"
          : `  await op.execute('CREATE TABLE t_${revisionAt(index)} (id INTEGER)');`,
    }));
    const result = runOk(project, ['upgrade', 'head']);
    expect(bundleFiles(project)).toHaveLength(1);
    expect(probes(result.stdout).filter((line) => line.includes(' / '))).toEqual([
      'the default / the named / the default / the named',
    ]);
  });

  it('a script with top-level await runs where it stands', async () => {
    const project = projectWithLocalCache('bundle-top-level-await');
    const awaitingIndex = 4;
    const revisions = writeProbingChain(project, BUNDLED_PLAN + 1, (index) =>
      index === awaitingIndex
        ? {
            imports: `const ready = await Promise.resolve('ready');\nconsole.log('probe: load ${revisionAt(index)} ' + ready);`,
          }
        : {},
    );
    const result = runOk(project, ['upgrade', 'head']);
    expect(probes(result.stdout)).toContain(`load ${revisionAt(awaitingIndex)} ready`);
    expect(runningSteps(result)).toHaveLength(revisions.length);
    expect(await databaseState(project)).toEqual(stateOf([revisions[revisions.length - 1] as string], revisions));
  });
});

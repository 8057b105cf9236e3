/**
 * Differential test of the commands that run migrations: the same branchy graphs built in our
 * project (TypeScript migrations) and in a Python Alembic project (`sqlalchemy.url =
 * sqlite:///alembic.db`, `.py` migrations), each migration creating one table with
 * op.execute; the same sequences of upgrade / downgrade / stamp / merge commands run through
 * both tools. After every command the test compares:
 *
 * - success or failure, and the failure message (ours: `FAILED:` on stderr, exit 1; Alembic:
 *   `FAILED:` on stdout, exit 255);
 * - the `Running <step>` lines, in order;
 * - the `alembic_version` rows (as a multiset: Alembic's row order after an unmerge comes from
 *   set iteration) and the set of other tables;
 * - the lines `current` prints (as a multiset: Alembic prints them in set order).
 *
 * Deliberate differences, normalised: a missing `alembic_version` counts as an empty one
 * (Alembic creates the table before it plans the steps and, on SQLite, keeps it when the
 * planning fails; our run is one transaction and leaves nothing). Python runs go through the
 * sorted-load launcher of support/run-cli.ts (Alembic 1.8 reads version files in directory
 * order; we and Alembic 1.10+ sort them by name).
 *
 * Where Python Alembic is not installed this file registers one test that states why.
 */
import {
  databaseState,
  initMigrationProject,
  pythonMigrationSource,
  writeMigration,
  type MigrationDescription,
} from './support/migration-project.js';
import {
  createProject,
  outputLines,
  pythonAlembicAvailable,
  pythonAlembicSkipReason,
  pythonAlembicVersion,
  removeAllProjects,
  type CommandResult,
  type TemporaryProject,
} from './support/run-cli.js';
import { ourFailure, pythonFailure } from './support/listing-normaliser.js';

jest.setTimeout(300_000);

/** Things worth telling, printed at the end. */
const notes: string[] = [];

afterAll(() => {
  removeAllProjects();
  if (notes.length > 0) {
    // eslint-disable-next-line no-console
    console.log(`differential-runtime notes:\n- ${notes.join('\n- ')}`);
  }
});

/** One revision of a graph, written as both a `.ts` and a `.py` migration. */
interface GraphRevision {
  readonly fileStem: string;
  readonly revision: string;
  readonly downRevision: string | readonly string[] | null;
  readonly branchLabels?: string;
  readonly dependsOn?: string;
}

interface ProjectPair {
  readonly ours: TemporaryProject;
  readonly python: TemporaryProject;
}

/** Both projects with the graph written. */
function buildPair(name: string, graph: readonly GraphRevision[]): ProjectPair {
  const ours = initMigrationProject(`diffrun-${name}-ours`);
  const python = createProject(`diffrun-${name}-python`);
  const init = python.runPython(['init', 'migrations']);
  if (init.status !== 0) {
    throw new Error(`python alembic init failed:\n${init.stdout}${init.stderr}`);
  }
  const ini = python.read('alembic.ini');
  const configured = ini.replace(/^sqlalchemy\.url = .*$/m, 'sqlalchemy.url = sqlite:///alembic.db');
  expect(configured).not.toBe(ini);
  python.write('alembic.ini', configured);
  for (const revision of graph) {
    const description: MigrationDescription = {
      revision: revision.revision,
      downRevision: revision.downRevision,
      branchLabels: revision.branchLabels ?? null,
      dependsOn: revision.dependsOn ?? null,
      fileName: `${revision.fileStem}.ts`,
    };
    writeMigration(ours, description);
    python.write(`migrations/versions/${revision.fileStem}.py`, pythonMigrationSource(description));
  }
  return { ours, python };
}

/** What a command did, in terms both tools share. */
interface Outcome {
  readonly ok: boolean;
  readonly failure: string | null;
  readonly steps: string[];
  readonly versions: string[];
  readonly tables: string[];
}

function runningLines(stderr: string, prefix: RegExp): string[] {
  return outputLines(stderr)
    .map((line) => line.replace(prefix, ''))
    .filter((line) => line.startsWith('Running '));
}

async function outcomeOf(project: TemporaryProject, result: CommandResult, python: boolean): Promise<Outcome> {
  const state = await databaseState(project);
  const failure = python ? pythonFailure(result) : ourFailure(result);
  return {
    ok: result.status === 0,
    failure: failure.message,
    steps: runningLines(result.stderr, python ? /^INFO {2}\[alembic\.runtime\.migration\] / : /^$/),
    versions: state.versions ?? [],
    tables: state.tables,
  };
}

/** The lines `current` prints, sorted (or its failure). */
function currentLines(result: CommandResult): string[] {
  if (result.status !== 0) {
    return [`exit ${String(result.status)}`, ...outputLines(result.stdout), ...outputLines(result.stderr)];
  }
  return outputLines(result.stdout).sort();
}

/** Runs one command in both projects and compares; then compares `current`. */
async function compareCommand(pair: ProjectPair, commandArguments: readonly string[]): Promise<void> {
  const label = `alembic ${commandArguments.join(' ')}`;
  const pythonResult = pair.python.runPython(commandArguments);
  const ourResult = pair.ours.run(commandArguments);
  const python = await outcomeOf(pair.python, pythonResult, true);
  const ours = await outcomeOf(pair.ours, ourResult, false);
  if (!ourResult.status || ourResult.status === 1) {
    // our conventions: exit 0, or 1 with FAILED on stderr
  } else {
    throw new Error(`${label}: our exit status ${String(ourResult.status)}\n${ourResult.stderr}`);
  }
  const pythonCrash = pythonFailure(pythonResult).kind === 'crash' || pythonFailure(pythonResult).kind === 'traceback';
  if (pythonCrash) {
    notes.push(
      `${label}: Python Alembic crashed (${python.failure ?? ''}); ours: ${ours.ok ? 'ok' : `FAILED: ${ours.failure ?? ''}`}`,
    );
    expect({ label, versions: ours.versions, tables: ours.tables }).toEqual({
      label,
      versions: python.versions,
      tables: python.tables,
    });
    return;
  }
  expect({ label, ...ours }).toEqual({ label, ...python });
  const pythonCurrent = pair.python.runPython(['current']);
  const ourCurrent = pair.ours.run(['current']);
  expect({ label: `${label}; current`, lines: currentLines(ourCurrent) }).toEqual({
    label: `${label}; current`,
    lines: currentLines(pythonCurrent),
  });
}

/** Registers one test per command, run in order on one pair of projects. */
function sequenceTests(name: string, graph: readonly GraphRevision[], commands: readonly (readonly string[])[]): void {
  describe(name, () => {
    let pair: ProjectPair | undefined;
    beforeAll(() => {
      pair = buildPair(name.replace(/\W+/g, '-').slice(0, 20), graph);
    });
    commands.forEach((commandArguments, index) => {
      it(`${String(index + 1).padStart(2, '0')}: alembic ${commandArguments.join(' ')}`, async () => {
        if (pair === undefined) throw new Error('the projects were not built');
        await compareCommand(pair, commandArguments);
      });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// graphs

/** Case 16: a -> b -> {c1 (c1branch) -> d1, c2 (c2branch) -> d2}; load order a, b, c1, d1, c2, d2. */
const branched: GraphRevision[] = [
  { fileStem: '01_aaaa', revision: 'aaaa', downRevision: null },
  { fileStem: '02_bbbb', revision: 'bbbb', downRevision: 'aaaa' },
  { fileStem: '03_c1c1', revision: 'c1c1', downRevision: 'bbbb', branchLabels: 'c1branch' },
  { fileStem: '04_d1d1', revision: 'd1d1', downRevision: 'c1c1' },
  { fileStem: '05_c2c2', revision: 'c2c2', downRevision: 'bbbb', branchLabels: 'c2branch' },
  { fileStem: '06_d2d2', revision: 'd2d2', downRevision: 'c2c2' },
];

/** Appendix B with its merge and one more revision: aaa1 -> bbb2 -> {ccc3, ddd4 (xbranch)} -> eee5 -> fff6. */
const appendixB: GraphRevision[] = [
  { fileStem: 'aaa1_create_account', revision: 'aaa1', downRevision: null },
  { fileStem: 'bbb2_add_column', revision: 'bbb2', downRevision: 'aaa1' },
  { fileStem: 'ccc3_third', revision: 'ccc3', downRevision: 'bbb2' },
  { fileStem: 'ddd4_branch_x', revision: 'ddd4', downRevision: 'bbb2', branchLabels: 'xbranch' },
  { fileStem: 'eee5_merge', revision: 'eee5', downRevision: ['ccc3', 'ddd4'] },
  { fileStem: 'fff6_after', revision: 'fff6', downRevision: 'eee5' },
];

/** Case 35: a1 -> a2 -> a3 (alpha); b1 -> b2 (depends on a2) -> b3 (beta). */
const dependencies: GraphRevision[] = [
  { fileStem: 'a1a1_a', revision: 'a1a1', downRevision: null, branchLabels: 'alpha' },
  { fileStem: 'a2a2_a', revision: 'a2a2', downRevision: 'a1a1' },
  { fileStem: 'a3a3_a', revision: 'a3a3', downRevision: 'a2a2' },
  { fileStem: 'b1b1_b', revision: 'b1b1', downRevision: null, branchLabels: 'beta' },
  { fileStem: 'b2b2_b', revision: 'b2b2', downRevision: 'b1b1', dependsOn: 'a2a2' },
  { fileStem: 'b3b3_b', revision: 'b3b3', downRevision: 'b2b2' },
];

/** Two bases merged: x1 (base), y1 (base) -> z1 = (x1, y1) -> z2. */
const twoBases: GraphRevision[] = [
  { fileStem: 'x1x1_x', revision: 'x1x1', downRevision: null },
  { fileStem: 'y1y1_y', revision: 'y1y1', downRevision: null },
  { fileStem: 'z1z1_merge', revision: 'z1z1', downRevision: ['x1x1', 'y1y1'] },
  { fileStem: 'z2z2_z', revision: 'z2z2', downRevision: 'z1z1' },
];

if (!pythonAlembicAvailable()) {
  const reason = pythonAlembicSkipReason();
  // eslint-disable-next-line no-console
  console.log(`differential-runtime: Python Alembic is not available (${reason}); the comparison did not run`);
  it('did not run: Python Alembic is not available', () => {
    expect(reason).not.toBe('');
    // CI installs the reference: there, a missing one is a failure, never a pass.
    expect(process.env.ALEMBIC_TEST_REQUIRE_SERVERS).not.toBe('1');
  });
} else {
  it(`compares with Python Alembic ${pythonAlembicVersion()}`, () => {
    expect(pythonAlembicVersion()).toMatch(/^\d+\.\d+/);
  });

  sequenceTests('branched graph with labels (case 16), then a merge', branched, [
    ['upgrade', 'head'],
    ['upgrade', 'c1branch@+2'],
    ['upgrade', 'c1branch@head'],
    ['upgrade', 'c2branch@+1'],
    ['upgrade', '+1'],
    ['upgrade', 'heads'],
    ['downgrade', 'c1branch@-1'],
    ['downgrade', '-1'],
    ['upgrade', 'heads'],
    ['downgrade', 'c2branch@base+2'],
    ['upgrade', 'c2branch@head-1'],
    ['upgrade', 'heads'],
    ['downgrade', 'bbbb'],
    ['upgrade', '+1'],
    ['upgrade', 'c2c2'],
    ['upgrade', 'd1'],
    ['downgrade', 'c1branch@base'],
    ['upgrade', 'base+1'],
    ['downgrade', 'base'],
    ['stamp', 'd1d1', 'c2c2'],
    ['stamp', 'bbbb'],
    ['stamp', 'c2branch@head'],
    ['stamp', 'd1d1'],
    ['stamp', 'c1branch@base'],
    ['stamp', '--purge', 'base'],
    ['stamp', 'heads'],
    ['stamp', 'base'],
    ['upgrade', 'heads'],
    ['merge', '-m', 'merge it', 'heads', '--rev-id', 'mmmm'],
    ['upgrade', 'head'],
    ['downgrade', '-1'],
    ['downgrade', 'c1c1'],
    ['downgrade', 'c2branch@-1'],
    ['upgrade', 'head'],
    ['downgrade', 'd2d2'],
    ['downgrade', 'aaaa'],
    ['upgrade', 'mmmm'],
    ['downgrade', 'base'],
  ]);

  sequenceTests("Appendix B's graph with its merge", appendixB, [
    ['upgrade', 'ccc3'],
    ['upgrade', 'ddd4'],
    ['upgrade', '+1'],
    ['upgrade', 'eee5'],
    ['downgrade', '-1'],
    ['upgrade', 'head'],
    ['downgrade', 'ccc3'],
    ['downgrade', 'ddd4'],
    ['downgrade', 'bbb2'],
    ['upgrade', 'xbranch@head'],
    ['downgrade', 'xbranch@-1'],
    ['downgrade', 'xbranch@-2'],
    ['downgrade', 'base'],
    ['upgrade', 'heads'],
    ['downgrade', 'aaa1'],
    ['upgrade', 'fff6-1'],
    ['downgrade', 'base'],
    ['stamp', 'eee5'],
    ['stamp', 'ccc3'],
    ['stamp', 'ddd4'],
    ['stamp', 'base'],
    ['stamp', 'ccc3', 'ddd4'],
    ['stamp', 'heads'],
    ['stamp', 'bbb2'],
    ['stamp', 'xbranch@head'],
    ['stamp', '--purge', 'ccc3', 'ddd4'],
    ['stamp', 'base'],
  ]);

  sequenceTests('dependencies (case 35)', dependencies, [
    ['upgrade', 'b2b2'],
    ['upgrade', 'heads'],
    ['downgrade', 'a2a2'],
    ['downgrade', 'a1a1'],
    ['upgrade', 'beta@head'],
    ['downgrade', 'beta@base'],
    ['upgrade', 'alpha@head'],
    ['downgrade', 'base'],
    ['stamp', 'b2b2'],
    ['stamp', 'heads'],
    ['stamp', 'a2a2'],
    ['stamp', 'base'],
  ]);

  sequenceTests('two bases merged', twoBases, [
    ['upgrade', 'x1x1'],
    ['upgrade', 'heads'],
    ['downgrade', 'z1z1'],
    ['downgrade', '-1'],
    ['downgrade', 'x1x1'],
    ['upgrade', 'head'],
    ['downgrade', 'y1y1'],
    ['downgrade', 'base'],
    ['stamp', 'z2z2'],
    ['stamp', 'x1x1'],
    ['stamp', 'y1y1'],
    ['stamp', 'base'],
    ['stamp', 'x1x1', 'y1y1'],
    ['stamp', 'z1z1'],
    ['stamp', 'base'],
  ]);
}

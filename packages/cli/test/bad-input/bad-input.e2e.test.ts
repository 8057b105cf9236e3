/**
 * The bad-input corpus (DESIGN 5): every case of `cases-*.ts`, on SQLite and, for the cases
 * that name them, on the live PostgreSQL and MariaDB servers. Each case must answer with a
 * non-zero exit (2 for a usage error), one clear line (`FAILED: ...`, or the usage line and
 * `alembic: error: ...`) and nothing else, no stack trace, no password, and leave the database
 * (schema and rows) and the files of the project and its parent exactly as they were.
 *
 * The cases run side by side (each in its own sandbox and database) before the tests, which
 * then only compare; a failing test shows what differed.
 */
import { availableParallelism } from 'node:os';

import { expectSuccess } from '../support/migration-project.js';
import { serverUnavailableReason, describeWithServer } from '../support/live-databases.js';
import { createProject, removeAllProjects } from '../support/run-cli.js';
import type { Backend, BadInputCase } from './bad-input-case.js';
import { createMariadbCaseUser, dropMariadbCaseUser } from './case-databases.js';
import { ARGUMENT_CASES } from './cases-arguments.js';
import { CONFIG_CASES } from './cases-config.js';
import { DATABASE_CASES } from './cases-database.js';
import { ENVIRONMENT_CASES } from './cases-environment.js';
import { SCRIPT_CASES } from './cases-scripts.js';
import { URL_CASES } from './cases-urls.js';
import { expectedObservations, observe, runCase, type CaseOutcome, type CaseRun } from './run-case.js';

jest.setTimeout(900_000);

const CASE_GROUPS: ReadonlyArray<readonly [string, readonly BadInputCase[]]> = [
  ['arguments', ARGUMENT_CASES],
  ['config', CONFIG_CASES],
  ['env.ts', ENVIRONMENT_CASES],
  ['scripts', SCRIPT_CASES],
  ['URLs', URL_CASES],
  ['database states', DATABASE_CASES],
];

/** Whether a backend's cases run here (SQLite always; a server when it answers). */
function backendRuns(backend: Backend): boolean {
  return backend === 'sqlite' || serverUnavailableReason(backend) === undefined;
}

/** `ALEMBIC_TEST_CASES=<regex>` runs only the cases whose name matches (when working on a few). */
const onlyCases =
  process.env['ALEMBIC_TEST_CASES'] === undefined ? undefined : new RegExp(process.env['ALEMBIC_TEST_CASES']);

const runs: CaseRun[] = CASE_GROUPS.flatMap(([, cases]) => cases)
  .filter((testCase) => onlyCases === undefined || onlyCases.test(testCase.name))
  .flatMap((testCase) => (testCase.backends ?? ['sqlite']).map((backend) => ({ testCase, backend, index: 0 })))
  .map((run, index) => ({ ...run, index }));

const outcomes = new Map<CaseRun, CaseOutcome | Error>();

/** Runs `work` on every item, at most `limit` at a time. */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

beforeAll(async () => {
  const template = createProject('bad-template');
  expectSuccess(template.run(['init', 'migrations']));
  if (backendRuns('mariadb')) await createMariadbCaseUser();
  const runnable = runs.filter((run) => backendRuns(run.backend));
  await inParallel(runnable, Math.max(2, availableParallelism() * 2), async (run) => {
    try {
      outcomes.set(run, await runCase(run, template.root));
    } catch (error) {
      outcomes.set(run, error as Error);
    }
  });
});

afterAll(async () => {
  removeAllProjects();
  if (backendRuns('mariadb')) await dropMariadbCaseUser();
});

it('the corpus holds at least 60 distinct bad inputs', () => {
  const names = CASE_GROUPS.flatMap(([group, cases]) => cases.map((testCase) => `${group}: ${testCase.name}`));
  expect(new Set(names).size).toBe(names.length);
  expect(names.length).toBeGreaterThanOrEqual(60);
});

/** The tests of one backend's runs. */
function defineBackendTests(backend: Backend): void {
  for (const [group, cases] of CASE_GROUPS) {
    const groupRuns = runs.filter((run) => run.backend === backend && cases.includes(run.testCase));
    if (groupRuns.length === 0) continue;
    describe(group, () => {
      it.each(groupRuns.map((run) => [run.testCase.name, run] as const))('%s', (_name, run) => {
        const outcome = outcomes.get(run);
        if (outcome instanceof Error) throw outcome;
        if (outcome === undefined) throw new Error('the case did not run');
        expect(observe(run.testCase, outcome)).toEqual(expectedObservations(run.testCase));
      });
    });
  }
}

describe('on SQLite', () => defineBackendTests('sqlite'));
describeWithServer('postgresql', 'on PostgreSQL', () => defineBackendTests('postgresql'));
describeWithServer('mariadb', 'on MariaDB', () => defineBackendTests('mariadb'));

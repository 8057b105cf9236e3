/**
 * A run killed mid-migration on the live servers, as `failure-and-lock.e2e.test.ts` does on
 * SQLite: `upgrade head` from aaaa, killed (SIGKILL, or SIGINT as Ctrl-C sends it) while
 * migration cccc sleeps inside `upgrade()` after its `CREATE TABLE` and `INSERT`; then a plain
 * re-run finishes.
 *
 * - PostgreSQL (transactional DDL, one transaction per run): nothing of the run stays; the
 *   database is exactly as before it.
 * - MariaDB (DDL commits implicitly, so one transaction per migration): the version table shows
 *   the last migration that completed (bbbb) and its tables stay. Of the killed migration, what
 *   its `CREATE TABLE` and the statements after it did stays too: the `CREATE TABLE` committed
 *   the migration's transaction, and the session autocommits from there on. So the re-run starts
 *   again at cccc, whose statements must then tolerate their own earlier work (here
 *   `CREATE TABLE IF NOT EXISTS`), as on MySQL after any failure mid-migration.
 *
 * Each test works in a database of its own, `alembic_kill_c_<pid>_<n>`, dropped afterwards.
 */
import {
  initMigrationProject,
  runningSteps,
  runOk,
  startCli,
  stateOf,
  waitFor,
  writeMigration,
} from './support/migration-project.js';
import {
  createServerDatabase,
  describeWithServer,
  dropServerDatabase,
  runServerSql,
  serverConfigSource,
  serverDatabaseState,
  serverUrl,
  type ServerKind,
} from './support/live-databases.js';
import { removeAllProjects, type TemporaryProject } from './support/run-cli.js';

jest.setTimeout(120_000);

let databaseCount = 0;
const databases: Array<{ kind: ServerKind; name: string }> = [];

afterEach(async () => {
  removeAllProjects();
  for (const { kind, name } of databases.splice(0)) await dropServerDatabase(kind, name);
});

/** cccc's upgrade(): a table, a row in it, a marker file for the test, then a long sleep. */
function sleepingUpgrade(marker: string): string {
  return [
    "  await op.execute('CREATE TABLE t_cccc (id INTEGER)');",
    "  await op.execute('INSERT INTO t_cccc VALUES (1)');",
    `  (await import('node:fs')).writeFileSync(${JSON.stringify(marker)}, String(process.pid));`,
    '  await new Promise((resolve) => setTimeout(resolve, 60_000));',
  ].join('\n');
}

/** A project on a fresh database of the server: aaaa, bbbb, cccc (sleeps), dddd; aaaa applied. */
async function sleepingProject(kind: ServerKind): Promise<{ project: TemporaryProject; database: string }> {
  databaseCount += 1;
  const database = `alembic_kill_c_${process.pid}_${databaseCount}`;
  await createServerDatabase(kind, database);
  databases.push({ kind, name: database });
  const project = initMigrationProject(`kill-${kind}`);
  project.write('alembic.config.ts', serverConfigSource(kind, serverUrl(kind, database)));
  writeMigration(project, { revision: 'aaaa', downRevision: null });
  writeMigration(project, { revision: 'bbbb', downRevision: 'aaaa' });
  writeMigration(project, {
    revision: 'cccc',
    downRevision: 'bbbb',
    upgrade: sleepingUpgrade(project.path('started-cccc')),
  });
  writeMigration(project, { revision: 'dddd', downRevision: 'cccc' });
  runOk(project, ['upgrade', 'aaaa']);
  return { project, database };
}

/** Starts `upgrade head`, waits until cccc's upgrade() sleeps, sends the signal, waits for the end. */
async function killDuringMigration(project: TemporaryProject, signal: NodeJS.Signals): Promise<void> {
  const run = startCli(project, ['upgrade', 'head']);
  await waitFor(() => project.exists('started-cccc') || run.child.exitCode !== null, 'the migration cccc to start');
  if (!project.exists('started-cccc')) {
    const early = await run.finished;
    throw new Error(`upgrade head ended before cccc started (exit ${String(early.status)}):\n${early.stderr}`);
  }
  expect(run.child.kill(signal)).toBe(true);
  const result = await run.finished;
  expect(result.status === null ? result.signal : result.status).not.toBe(0);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  project.remove('started-cccc');
}

/** Rewrites cccc without the sleep (and, where its table may already exist, tolerating that). */
function wakeUp(project: TemporaryProject, tableMayExist: boolean): void {
  writeMigration(project, {
    revision: 'cccc',
    downRevision: 'bbbb',
    upgrade: `  await op.execute('CREATE TABLE ${tableMayExist ? 'IF NOT EXISTS ' : ''}t_cccc (id INTEGER)');`,
  });
}

const SIGNALS = ['SIGKILL', 'SIGINT'] as const;

describeWithServer('postgresql', 'a run killed on PostgreSQL', () => {
  it.each(SIGNALS)('%s leaves the database as it was before the run; a re-run finishes', async (signal) => {
    const { project, database } = await sleepingProject('postgresql');
    const before = await serverDatabaseState('postgresql', database);
    expect(before).toEqual(stateOf(['aaaa'], ['aaaa']));
    await killDuringMigration(project, signal);
    expect(await serverDatabaseState('postgresql', database)).toEqual(before);
    expect(runOk(project, ['current']).stdout).toBe('aaaa\n');
    wakeUp(project, false);
    const rerun = runOk(project, ['upgrade', 'head']);
    expect(runningSteps(rerun)).toEqual(['upgrade aaaa -> bbbb', 'upgrade bbbb -> cccc', 'upgrade cccc -> dddd']);
    expect(await serverDatabaseState('postgresql', database)).toEqual(
      stateOf(['dddd'], ['aaaa', 'bbbb', 'cccc', 'dddd']),
    );
  });
});

describeWithServer('mariadb', 'a run killed on MariaDB', () => {
  it.each(SIGNALS)(
    '%s: the version table shows the last completed migration; a re-run finishes the rest',
    async (signal) => {
      const { project, database } = await sleepingProject('mariadb');
      await killDuringMigration(project, signal);
      expect(await serverDatabaseState('mariadb', database)).toEqual(stateOf(['bbbb'], ['aaaa', 'bbbb', 'cccc']));
      expect(await runServerSql('mariadb', database, 'SELECT COUNT(*) FROM t_cccc;')).toEqual(['1']);
      expect(runOk(project, ['current']).stdout).toBe('bbbb\n');
      wakeUp(project, true);
      const rerun = runOk(project, ['upgrade', 'head']);
      expect(runningSteps(rerun)).toEqual(['upgrade bbbb -> cccc', 'upgrade cccc -> dddd']);
      expect(await serverDatabaseState('mariadb', database)).toEqual(
        stateOf(['dddd'], ['aaaa', 'bbbb', 'cccc', 'dddd']),
      );
    },
  );
});

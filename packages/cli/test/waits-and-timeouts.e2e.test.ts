/**
 * Nothing hangs in silence (issue 10): a run waiting for the migration lock says so on stderr
 * (which database, which lock, who holds it) and goes on when the lock comes free;
 * `--lock-timeout` / `lockTimeout` give up with one `FAILED:` line and nothing changed; bad
 * timeout values are usage errors; a migration or `env.ts` awaiting a promise that nothing is
 * left to settle fails naming it instead of exiting 13 in silence (on a server, instead of
 * waiting forever on the idle connection); `--statement-timeout`
 * cancels a statement on the servers that have such a limit. SQLite always; PostgreSQL and
 * MariaDB live, each test in a database of its own.
 */
import { randomBytes } from 'node:crypto';
import {
  addToEnvironment,
  databaseState,
  expectFailure,
  initMigrationProject,
  runOk,
  runningSteps,
  startCli,
  stateOf,
  waitFor,
  writeChain,
  writeMigration,
  type BackgroundRun,
} from './support/migration-project.js';
import {
  holdMysqlLock,
  holdPostgresLock,
  holdSqliteWriteLock,
  mysqlLockName,
  postgresLockKey,
  type HeldLock,
} from './support/lock-holders.js';
import {
  createServerDatabase,
  describeWithServer,
  dropServerDatabase,
  runServerSql,
  serverConfigSource,
  serverUrl,
  type ServerKind,
} from './support/live-databases.js';
import { outputLines, removeAllProjects, type TemporaryProject } from './support/run-cli.js';

jest.setTimeout(120_000);

afterEach(() => {
  removeAllProjects();
});

const LOCK_NAME = 'alembic:.alembic_version';
const WAIT_FOREVER =
  '(another migration run holds it; waiting until it is released; --lock-timeout SECONDS gives up instead)';
const TAIL =
  'Another migration run holds it; nothing was changed. Wait for that run to finish, or raise --lock-timeout (lockTimeout in the config)';

function waitingLines(stderr: string): string[] {
  return outputLines(stderr).filter((line) => line.startsWith('Waiting for the migration lock'));
}

/** Waits until a background run has printed its waiting line; returns that line. */
async function waitingLineOf(run: BackgroundRun): Promise<string> {
  await waitFor(() => waitingLines(run.output().stderr).length > 0, 'the waiting line');
  return waitingLines(run.output().stderr)[0] as string;
}

/** Adds `key: value,` entries to the generic project's alembic.config.ts. */
function addConfigKeys(project: TemporaryProject, entries: string): void {
  const config = project.read('alembic.config.ts');
  const anchor = "  url: process.env.DATABASE_URL ?? 'sqlite:///alembic.db',";
  expect(config).toContain(anchor);
  project.write('alembic.config.ts', config.replace(anchor, `${anchor}\n  ${entries}`));
}

/** A migration whose upgrade() awaits a promise nothing will ever settle (after a first statement). */
const NEVER_SETTLING_UPGRADE = [
  "  await op.execute('CREATE TABLE t_bbbb (id INTEGER)');",
  '  await new Promise(() => undefined);',
].join('\n');

// ---------------------------------------------------------------------------------------------

describe('the migration lock on SQLite', () => {
  let held: HeldLock | undefined;

  afterEach(async () => {
    await held?.release();
    held = undefined;
  });

  it('a run waiting for the write lock says so once, naming the file, then finishes when the lock is free', async () => {
    const project = initMigrationProject('lock-wait');
    writeChain(project, ['aaaa', 'bbbb']);
    held = await holdSqliteWriteLock(project.path('alembic.db'));
    const run = startCli(project, ['upgrade', 'head']);
    const line = await waitingLineOf(run);
    expect(line).toBe(
      `Waiting for the migration lock of sqlite:///alembic.db: SQLite write lock on ${project.path('alembic.db')} ${WAIT_FOREVER}`,
    );
    expect(runningSteps({ status: null, ...run.output() })).toEqual([]);
    await held.release();
    held = undefined;
    const result = await run.finished;
    expect(result.status).toBe(0);
    expect(waitingLines(result.stderr)).toHaveLength(1);
    expect(runningSteps(result)).toEqual(['upgrade  -> aaaa', 'upgrade aaaa -> bbbb']);
    expect(await databaseState(project)).toEqual(stateOf(['bbbb'], ['aaaa', 'bbbb']));
  });

  it('--lock-timeout gives up: one FAILED line naming the lock, exit 1, the database unchanged', async () => {
    const project = initMigrationProject('lock-timeout');
    writeChain(project, ['aaaa', 'bbbb']);
    runOk(project, ['upgrade', 'aaaa']);
    held = await holdSqliteWriteLock(project.path('alembic.db'));
    const run = startCli(project, ['upgrade', 'head', '--lock-timeout', '4']);
    expect(await waitingLineOf(run)).toMatch(/ \(another migration run holds it; giving up after 4 s\)$/);
    const result = await run.finished;
    expectFailure(
      result,
      `Gave up after 4 s waiting for the migration lock of sqlite:///alembic.db: SQLite write lock on ${project.path('alembic.db')}. ${TAIL}`,
    );
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(runningSteps(result)).toEqual([]);
    await held.release();
    held = undefined;
    expect(await databaseState(project)).toEqual(stateOf(['aaaa'], ['aaaa']));
  });

  it('lockTimeout in the config: 0 fails at once; --lock-timeout on the command line wins', async () => {
    const project = initMigrationProject('lock-config');
    writeChain(project, ['aaaa']);
    addConfigKeys(project, 'lockTimeout: 0,');
    held = await holdSqliteWriteLock(project.path('alembic.db'));
    expectFailure(
      project.run(['upgrade', 'head']),
      /^Gave up after 0 s waiting for the migration lock of sqlite:\/\/\/alembic\.db: SQLite write lock on /,
    );
    const run = startCli(project, ['upgrade', 'head', '--lock-timeout', '60']);
    expect(await waitingLineOf(run)).toMatch(/giving up after 60 s\)$/);
    await held.release();
    held = undefined;
    expect((await run.finished).status).toBe(0);
    expect(await databaseState(project)).toEqual(stateOf(['aaaa'], ['aaaa']));
  });

  it.each([
    ['downgrade', ['downgrade', 'base']],
    ['stamp', ['stamp', 'base']],
    ['ensure-version', ['ensure-version']],
  ])('%s takes --lock-timeout too', async (_command, commandArguments) => {
    const project = initMigrationProject('lock-commands');
    writeChain(project, ['aaaa']);
    runOk(project, ['upgrade', 'head']);
    held = await holdSqliteWriteLock(project.path('alembic.db'));
    expectFailure(
      project.run([...commandArguments, '--lock-timeout', '0']),
      /^Gave up after 0 s waiting for the migration lock/,
    );
    await held.release();
    held = undefined;
    expect(await databaseState(project)).toEqual(stateOf(['aaaa'], ['aaaa']));
  });

  it('--statement-timeout: SQLite has none, a warning says so and the run goes on', async () => {
    const project = initMigrationProject('statement-timeout-sqlite');
    writeChain(project, ['aaaa']);
    const result = runOk(project, ['upgrade', 'head', '--statement-timeout', '5']);
    expect(outputLines(result.stderr)).toContain(
      'WARNING: The sqlite dialect has no statement timeout: statementTimeout (--statement-timeout) is ignored',
    );
    expect(await databaseState(project)).toEqual(stateOf(['aaaa'], ['aaaa']));
  });
});

// ---------------------------------------------------------------------------------------------

describe('timeout values', () => {
  it.each([
    ['--lock-timeout', '-1', 'a number of seconds, 0 or more'],
    ['--lock-timeout', 'abc', 'a number of seconds, 0 or more'],
    ['--lock-timeout', '', 'a number of seconds, 0 or more'],
    ['--lock-timeout', 'Infinity', 'a number of seconds, 0 or more'],
    ['--lock-timeout', '1e3', 'a number of seconds, 0 or more'],
    ['--statement-timeout', '0', 'a number of seconds greater than 0'],
    ['--statement-timeout', '-2.5', 'a number of seconds greater than 0'],
    ['--statement-timeout', 'soon', 'a number of seconds greater than 0'],
  ])('%s %p is a usage error: exit 2, nothing touched', async (flag, value, expected) => {
    const project = initMigrationProject('bad-timeout');
    writeChain(project, ['aaaa']);
    const result = project.run(['upgrade', 'head', flag, value]);
    expect(result.status).toBe(2);
    expect(outputLines(result.stderr).at(-1)).toBe(
      `alembic: error: argument ${flag}: expected ${expected}, got '${value}'`,
    );
    expect(result.stderr).not.toContain('FAILED');
    expect(project.exists('alembic.db')).toBe(false);
  });

  it.each([
    ['lockTimeout: -1,', "'lockTimeout' in <config> must be a number of seconds, 0 or more"],
    ["lockTimeout: '30',", "'lockTimeout' in <config> must be a number of seconds, 0 or more"],
    ['statementTimeout: 0,', "'statementTimeout' in <config> must be a number of seconds greater than 0"],
  ])('%s in the config is one FAILED line', async (entry, message) => {
    const project = initMigrationProject('bad-timeout-config');
    writeChain(project, ['aaaa']);
    addConfigKeys(project, entry);
    expectFailure(project.run(['upgrade', 'head']), message.replace('<config>', project.path('alembic.config.ts')));
    expect(project.exists('alembic.db')).toBe(false);
  });

  it('fractions of a second are accepted', async () => {
    const project = initMigrationProject('fraction-timeout');
    writeChain(project, ['aaaa']);
    runOk(project, ['upgrade', 'head', '--lock-timeout', '0.25']);
    expect(await databaseState(project)).toEqual(stateOf(['aaaa'], ['aaaa']));
  });

  it('upgrade --help documents both options and their defaults', () => {
    const help = runOk(initMigrationProject('timeout-help'), ['upgrade', '--help', 'head']).stdout;
    expect(help).toMatch(
      /--lock-timeout SECONDS +Fail if another run holds the migration lock for longer than SECONDS \(0: do not wait\)\. Default \(config lockTimeout\): wait until it is free, saying so after 1 s/,
    );
    expect(help).toMatch(
      /--statement-timeout SECONDS +Cancel any statement running longer than SECONDS .*SQLite has none\)\. Default \(config statementTimeout\): no limit/,
    );
  });
});

// ---------------------------------------------------------------------------------------------

describe('a promise that never settles', () => {
  const NEVER = '(no query, timer or I/O pending: a promise never resolved, or a callback never called?)';

  it('in a migration: one FAILED line naming revision and file, exit 1, its transaction rolled back', async () => {
    const project = initMigrationProject('never-settles');
    writeMigration(project, { revision: 'aaaa', downRevision: null });
    writeMigration(project, { revision: 'bbbb', downRevision: 'aaaa', upgrade: NEVER_SETTLING_UPGRADE });
    writeMigration(project, { revision: 'cccc', downRevision: 'bbbb' });
    runOk(project, ['upgrade', 'aaaa']);
    const result = project.run(['upgrade', 'head']);
    expectFailure(
      result,
      `upgrade aaaa -> bbbb (migrations/versions/bbbb_rev.ts) never finished: upgrade() awaited a promise that nothing was left to settle ${NEVER}; its transaction was rolled back`,
    );
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(await databaseState(project)).toEqual(stateOf(['aaaa'], ['aaaa']));
    // The lock went with the transaction: the next run is not kept waiting.
    writeMigration(project, { revision: 'bbbb', downRevision: 'aaaa' });
    runOk(project, ['upgrade', 'head', '--lock-timeout', '0']);
    expect(await databaseState(project)).toEqual(stateOf(['cccc'], ['aaaa', 'bbbb', 'cccc']));
  });

  it('in a downgrade, with one transaction per migration: the migrations before it stay', async () => {
    const project = initMigrationProject('never-settles-down');
    writeChain(project, ['aaaa', 'bbbb']);
    writeMigration(project, {
      revision: 'cccc',
      downRevision: 'bbbb',
      downgrade: '  await new Promise(() => undefined);',
    });
    runOk(project, ['upgrade', 'head']);
    const environment = project.read('migrations/env.ts');
    project.write(
      'migrations/env.ts',
      environment.replace(
        'context.configure({ connection, targetMetadata });',
        'context.configure({ connection, targetMetadata, transactionPerMigration: true });',
      ),
    );
    expect(project.read('migrations/env.ts')).toContain('transactionPerMigration: true');
    expectFailure(
      project.run(['downgrade', 'base']),
      /^downgrade cccc -> bbbb \(migrations\/versions\/cccc_rev\.ts\) never finished: downgrade\(\) awaited a promise/,
    );
    expect(await databaseState(project)).toEqual(stateOf(['cccc'], ['aaaa', 'bbbb', 'cccc']));
  });

  it('in env.ts: one FAILED line naming env.ts, exit 1, nothing changed', async () => {
    const project = initMigrationProject('never-settles-env');
    writeChain(project, ['aaaa']);
    addToEnvironment(project, 'await new Promise(() => undefined);');
    const result = project.run(['upgrade', 'head']);
    expectFailure(
      result,
      `migrations/env.ts never finished: it awaited a promise that nothing was left to settle ${NEVER}`,
    );
    expect(project.exists('alembic.db')).toBe(false);
  });

  it('in env.ts after the migrations ran in its transaction: rolled back', async () => {
    const project = initMigrationProject('never-settles-env-after');
    writeChain(project, ['aaaa']);
    const environment = project.read('migrations/env.ts');
    const original = 'await context.beginTransaction(() => context.runMigrations());\n  } finally {';
    expect(environment).toContain(original);
    project.write(
      'migrations/env.ts',
      environment.replace(
        original,
        'await context.beginTransaction(async () => {\n      await context.runMigrations();\n      await new Promise(() => undefined);\n    });\n  } finally {',
      ),
    );
    expectFailure(
      project.run(['upgrade', 'head']),
      /^migrations\/env\.ts never finished: it awaited a promise .*; its transaction was rolled back$/,
    );
    expect(await databaseState(project)).toEqual({ versions: null, tables: [] });
  });
});

// ---------------------------------------------------------------------------------------------

/** A project on a live server, in a database of its own. */
interface ServerProject {
  readonly project: TemporaryProject;
  readonly database: string;
  readonly url: string;
}

/** The tables of a server database, sorted (the check that nothing changed). */
async function serverTables(kind: ServerKind, database: string): Promise<string[]> {
  const sql =
    kind === 'postgresql'
      ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1;"
      : 'SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY 1;';
  return runServerSql(kind, database, sql);
}

async function serverVersions(kind: ServerKind, database: string): Promise<string[]> {
  return runServerSql(kind, database, 'SELECT version_num FROM alembic_version ORDER BY 1;');
}

function describeServer(
  kind: ServerKind,
  title: string,
  facts: {
    /** The waiting line's lock and holder, for the lock `session` holds in `database`. */
    readonly lock: (database: string, session: string) => RegExp;
    readonly hold: (server: ServerProject) => Promise<HeldLock>;
    /** A statement that runs for about three seconds. */
    readonly slowStatement: string;
    /** The database's message when the statement timeout cancels it. */
    readonly canceled: RegExp;
  },
): void {
  describeWithServer(kind, title, () => {
    const created: string[] = [];
    let held: HeldLock | undefined;

    afterEach(async () => {
      await held?.release();
      held = undefined;
      for (const database of created.splice(0)) await dropServerDatabase(kind, database);
    });

    async function serverProject(label: string): Promise<ServerProject> {
      const database = `alembic_waits_${label}_${randomBytes(4).toString('hex')}`;
      await createServerDatabase(kind, database);
      created.push(database);
      const url = serverUrl(kind, database);
      const project = initMigrationProject(`waits-${kind}`);
      project.write('alembic.config.ts', serverConfigSource(kind, url));
      return { project, database, url };
    }

    it('a run waiting for the lock says so, naming the database, the lock and its holder, then goes on', async () => {
      const server = await serverProject('wait');
      writeChain(server.project, ['aaaa', 'bbbb']);
      held = await facts.hold(server);
      const run = startCli(server.project, ['upgrade', 'head']);
      const line = await waitingLineOf(run);
      const prefix = `Waiting for the migration lock of ${server.url}: `;
      expect(line.startsWith(prefix)).toBe(true);
      expect(line.endsWith(` ${WAIT_FOREVER}`)).toBe(true);
      expect(line.slice(prefix.length, -` ${WAIT_FOREVER}`.length)).toMatch(facts.lock(server.database, held.session));
      expect(await serverTables(kind, server.database)).toEqual([]);
      await held.release();
      held = undefined;
      const result = await run.finished;
      expect(result.status).toBe(0);
      expect(waitingLines(result.stderr)).toHaveLength(1);
      expect(await serverVersions(kind, server.database)).toEqual(['bbbb']);
    });

    it('--lock-timeout gives up with one FAILED line naming the lock and its holder; nothing changed', async () => {
      const server = await serverProject('timeout');
      writeChain(server.project, ['aaaa', 'bbbb']);
      runOk(server.project, ['upgrade', 'aaaa']);
      held = await facts.hold(server);
      const result = server.project.run(['upgrade', 'head', '--lock-timeout', '1.5']);
      expectFailure(result, /^Gave up after 1\.5 s waiting for the migration lock of /);
      const message = (outputLines(result.stderr).find((line) => line.startsWith('FAILED: ')) as string).slice(
        'FAILED: '.length,
      );
      const prefix = `Gave up after 1.5 s waiting for the migration lock of ${server.url}: `;
      expect(message.startsWith(prefix)).toBe(true);
      expect(message.slice(prefix.length, -`. ${TAIL}`.length)).toMatch(facts.lock(server.database, held.session));
      expect(message.endsWith(`. ${TAIL}`)).toBe(true);
      expect(await serverTables(kind, server.database)).toEqual(['alembic_version', 't_aaaa']);
      expect(await serverVersions(kind, server.database)).toEqual(['aaaa']);
    });

    it('--statement-timeout cancels a statement that runs too long: FAILED names the migration; nothing of it stays', async () => {
      const server = await serverProject('statement');
      writeMigration(server.project, { revision: 'aaaa', downRevision: null });
      writeMigration(server.project, {
        revision: 'bbbb',
        downRevision: 'aaaa',
        upgrade: `  await op.execute(${JSON.stringify(facts.slowStatement)});`,
      });
      runOk(server.project, ['upgrade', 'aaaa']);
      const result = server.project.run(['upgrade', 'head', '--statement-timeout', '0.5']);
      expectFailure(
        result,
        // The line of the failing call, when the driver's error carries the caller's stack (mysql2).
        /^upgrade aaaa -> bbbb \(migrations\/versions\/bbbb_rev\.ts(?::\d+)?\) failed while running "SELECT /,
      );
      expect(outputLines(result.stderr).find((line) => line.startsWith('FAILED: '))).toMatch(facts.canceled);
      expect(await serverVersions(kind, server.database)).toEqual(['aaaa']);
      // Without the limit the same migration runs.
      runOk(server.project, ['upgrade', 'head']);
      expect(await serverVersions(kind, server.database)).toEqual(['bbbb']);
    });

    it('a migration whose promise never settles fails within seconds: one FAILED line naming it, exit 1', async () => {
      // The connection's idle socket keeps the process alive: the run is seen to wait on nothing.
      const server = await serverProject('never');
      writeMigration(server.project, { revision: 'aaaa', downRevision: null });
      writeMigration(server.project, { revision: 'bbbb', downRevision: 'aaaa', upgrade: NEVER_SETTLING_UPGRADE });
      runOk(server.project, ['upgrade', 'aaaa']);
      const result = server.project.run(['upgrade', 'head']);
      expectFailure(
        result,
        /^upgrade aaaa -> bbbb \(migrations\/versions\/bbbb_rev\.ts\) never finished: upgrade\(\) awaited a promise that nothing was left to settle /,
      );
      expect(result.stderr).not.toMatch(/^\s+at /m);
      expect(await serverVersions(kind, server.database)).toEqual(['aaaa']);
    });

    it('a migration waiting on a timer is not taken for one that never settles', async () => {
      const server = await serverProject('timer');
      writeMigration(server.project, {
        revision: 'aaaa',
        downRevision: null,
        upgrade:
          "  await new Promise((resolve) => setTimeout(resolve, 3000));\n  await op.execute('CREATE TABLE t_late (id INTEGER)');",
      });
      runOk(server.project, ['upgrade', 'head']);
      expect(await serverTables(kind, server.database)).toEqual(['alembic_version', 't_late']);
    });

    it('statementTimeout in the config applies too', async () => {
      const server = await serverProject('statement_config');
      server.project.write('alembic.config.ts', serverConfigSource(kind, server.url, 'statementTimeout: 0.5,'));
      writeMigration(server.project, {
        revision: 'aaaa',
        downRevision: null,
        upgrade: `  await op.execute(${JSON.stringify(facts.slowStatement)});`,
      });
      expectFailure(server.project.run(['upgrade', 'head']), facts.canceled);
      expect(await serverTables(kind, server.database)).not.toContain('t_aaaa');
    });
  });
}

describeServer('postgresql', 'the migration lock and statement timeout on PostgreSQL (live)', {
  lock: (_database, session) =>
    new RegExp(
      `^advisory lock ${postgresLockKey(LOCK_NAME)} \\('${LOCK_NAME.replace(/\./g, '\\.')}'\\), held by PostgreSQL backend ${session} \\(user postgres(, client [0-9a-f.:]+)?\\)$`,
    ),
  hold: (server) => holdPostgresLock(server.url, LOCK_NAME),
  slowStatement: 'SELECT pg_sleep(3)',
  canceled: /canceling statement due to statement timeout$/,
});

describeServer('mariadb', 'the migration lock and statement timeout on MariaDB (live)', {
  lock: (database, session) =>
    new RegExp(
      `^GET_LOCK\\('${mysqlLockName(LOCK_NAME, database).replace(/\./g, '\\.')}'\\), held by MariaDB connection ${session} \\(root@[^)]+\\)$`,
    ),
  hold: (server) => holdMysqlLock(server.url, server.database, LOCK_NAME),
  slowStatement: 'SELECT SLEEP(3)',
  canceled: /max_statement_time exceeded/,
});

import { idempotentRelease } from '@alembic/core/dialect';
import type {
  DatabaseConnection,
  MigrationLockOptions,
  MigrationLockWait,
  ReleaseMigrationLock,
} from '@alembic/core/dialect';
import { PostgresDatabaseError } from './postgres-database-error.js';
import { advisoryLockKey } from './postgres-lock-key.js';

const FIRST_POLL_MILLISECONDS = 20;
const LONGEST_POLL_MILLISECONDS = 100;

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

/**
 * One attempt. The key (a decimal integer this package computed) is written into the SQL so the
 * statement goes through the simple query protocol: a parameterised one leaves its finished
 * portal, and with it a snapshot, open inside the caller's transaction until the next
 * statement, and `CREATE INDEX CONCURRENTLY` in the holder's run would wait for that
 * transaction to end, which never happens while it waits for the lock.
 */
async function tryLock(connection: DatabaseConnection, key: string): Promise<boolean> {
  const { rows } = await connection.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${key}) AS locked`);
  return rows[0]?.locked === true;
}

/**
 * The session holding the advisory lock `key` in this database, from `pg_locks` and
 * `pg_stat_activity`: `PostgreSQL backend 4242 (user app, application 'deploy', client
 * 10.0.0.7)`; undefined when it is gone already. The columns of other users' sessions that
 * the server hides come back NULL and are left out. Simple query protocol, as in `tryLock`.
 */
async function lockHolder(connection: DatabaseConnection, key: string): Promise<string | undefined> {
  const unsigned = BigInt.asUintN(64, BigInt(key));
  const { rows } = await connection.query<{
    pid: unknown;
    usename: unknown;
    application_name: unknown;
    client_addr: unknown;
  }>(
    `SELECT l.pid, a.usename, a.application_name, host(a.client_addr) AS client_addr
       FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
        AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND l.classid = ${(unsigned >> 32n).toString()} AND l.objid = ${(unsigned & 0xffffffffn).toString()}
      LIMIT 1`,
  );
  const row = rows[0];
  if (row === undefined) return undefined;
  const details = [
    typeof row.usename === 'string' && row.usename !== '' ? `user ${row.usename}` : undefined,
    typeof row.application_name === 'string' && row.application_name !== ''
      ? `application '${row.application_name}'`
      : undefined,
    typeof row.client_addr === 'string' && row.client_addr !== '' ? `client ${row.client_addr}` : undefined,
  ].filter((detail) => detail !== undefined);
  return `PostgreSQL backend ${String(row.pid)}${details.length === 0 ? '' : ` (${details.join(', ')})`}`;
}

/** Tells `onWait` the lock and, as far as the server says, its holder. */
async function reportWait(connection: DatabaseConnection, key: string, options: MigrationLockOptions): Promise<void> {
  if (options.onWait === undefined) return;
  const holder = await lockHolder(connection, key).catch(() => undefined);
  const wait: MigrationLockWait = {
    lock: `advisory lock ${key} ('${options.lockName}')`,
    ...(holder === undefined ? {} : { holder }),
  };
  options.onWait(wait);
}

async function waitForLock(connection: DatabaseConnection, key: string, options: MigrationLockOptions): Promise<void> {
  const { timeoutMilliseconds } = options;
  const deadline = timeoutMilliseconds === undefined ? undefined : Date.now() + timeoutMilliseconds;
  let pause = FIRST_POLL_MILLISECONDS;
  let reported = false;
  while (!(await tryLock(connection, key))) {
    if (!reported) {
      reported = true;
      await reportWait(connection, key, options);
    }
    const remaining = deadline === undefined ? pause : deadline - Date.now();
    if (remaining <= 0) {
      throw new PostgresDatabaseError(
        'ALEMBIC_DATABASE_LOCKED',
        `Timed out after ${timeoutMilliseconds} ms waiting for the migration lock '${options.lockName}' (pg_advisory_lock(${key})): another migration run holds it; wait for it to finish, or pass --no-lock if a connection pooler cannot hold session locks`,
      );
    }
    await sleep(Math.min(pause, remaining));
    pause = Math.min(pause * 2, LONGEST_POLL_MILLISECONDS);
  }
}

/**
 * The migration lock of PostgreSQL: a session-level advisory lock,
 * `pg_advisory_lock(<64-bit hash of the lock name>)`, held by the connection until the release
 * (`pg_advisory_unlock`), whatever transactions begin and end meanwhile. A second run on the
 * same database waits for it (indefinitely, or until `timeoutMilliseconds`, then an
 * `ALEMBIC_DATABASE_LOCKED` error), then reads the version table afresh. Session locks do not
 * survive transaction-mode poolers (PgBouncer): use `--no-lock` there.
 *
 * The wait polls `pg_try_advisory_lock` (every 20 ms at first, then every 100 ms) instead of
 * blocking in `pg_advisory_lock`: a backend blocked in a statement holds a transaction that
 * `CREATE INDEX CONCURRENTLY` in the holder's run must wait for, which PostgreSQL reports as a
 * deadlock; between polls the waiting backend runs nothing. So the statement timeout never
 * cuts the wait short, and the deadline is checked between polls. When the first poll finds
 * the lock taken, `onWait` hears the key and the holding backend (`pg_locks`,
 * `pg_stat_activity`).
 *
 * ```ts
 * const release = await acquirePostgresMigrationLock(connection, { lockName: 'alembic:.alembic_version' });
 * try { ... } finally { await release(); }
 * ```
 */
export async function acquirePostgresMigrationLock(
  connection: DatabaseConnection,
  options: MigrationLockOptions,
): Promise<ReleaseMigrationLock> {
  const key = advisoryLockKey(options.lockName);
  await waitForLock(connection, key, options);
  return idempotentRelease(() => connection.query(`SELECT pg_advisory_unlock(${key})`));
}

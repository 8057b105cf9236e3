import type { DatabaseConnection, MigrationLockOptions, ReleaseMigrationLock } from '@alembic/core';
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

async function waitForLock(connection: DatabaseConnection, key: string, options: MigrationLockOptions): Promise<void> {
  const { timeoutMilliseconds } = options;
  const deadline = timeoutMilliseconds === undefined ? undefined : Date.now() + timeoutMilliseconds;
  let pause = FIRST_POLL_MILLISECONDS;
  while (!(await tryLock(connection, key))) {
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
 * deadlock; between polls the waiting backend runs nothing.
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
  let released = false;
  return async () => {
    if (released) {
      return;
    }
    released = true;
    await connection.query(`SELECT pg_advisory_unlock(${key})`);
  };
}

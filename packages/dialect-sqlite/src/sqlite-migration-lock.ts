import type { DatabaseConnection, MigrationLockOptions, ReleaseMigrationLock } from '@alembic/core/dialect';
import type { SqliteConnection } from './sqlite-connection.js';

/**
 * The migration lock of SQLite: its write lock. SQLite lets one connection write at a time,
 * and every transaction of this dialect starts with `BEGIN IMMEDIATE`, which takes that lock at
 * once; so the `BEGIN IMMEDIATE` transaction the runtime opens around a run is the lock, and a
 * second `alembic upgrade` on the same file waits for it, then reads the version table afresh.
 *
 * Called inside that transaction (the generic `env.ts`), there is nothing more to take and the
 * release does nothing. Called outside any transaction (`transactionPerMigration`), it opens a
 * `BEGIN IMMEDIATE` transaction itself and holds it until the release, turning each
 * migration's transaction into a savepoint, so no other run can write between two migrations
 * (see `SqliteConnection.acquireWriteLock`). A connection this package did not create is left
 * alone: its own transactions are the lock.
 *
 * While another connection writes, it waits (SQLite's busy timeout per attempt, never past
 * `timeoutMilliseconds`, then `SQLITE_BUSY`), having told `onWait` which file it waits for.
 *
 * ```ts
 * const release = await acquireSqliteMigrationLock(connection, { lockName: 'alembic:.alembic_version' });
 * try { ... } finally { await release(); }
 * ```
 */
export async function acquireSqliteMigrationLock(
  connection: DatabaseConnection,
  options: MigrationLockOptions,
): Promise<ReleaseMigrationLock> {
  const acquireWriteLock = (connection as Partial<Pick<SqliteConnection, 'acquireWriteLock'>>).acquireWriteLock;
  if (typeof acquireWriteLock !== 'function') {
    return async () => undefined;
  }
  return acquireWriteLock.call(connection, options.timeoutMilliseconds, options.onWait);
}

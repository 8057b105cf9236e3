import { createHash } from 'node:crypto';
import { ConfigError } from '@alembic/core';
import type { DatabaseConnection, MigrationLockOptions, ReleaseMigrationLock } from '@alembic/core';
import { MssqlConnection } from './mssql-connection.js';
import { MssqlDatabaseError } from './mssql-database-error.js';

/** `sp_getapplock` resource names are at most 255 characters. */
const MAXIMUM_RESOURCE_LENGTH = 255;

/** `@LockTimeout = -1`: wait until the lock is free. */
const WAIT_INDEFINITELY = -1;

const ACQUIRE_SQL = `DECLARE @result int;
EXEC @result = sp_getapplock @Resource = @p1, @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = @p2;
SELECT @result AS result;`;

const RELEASE_SQL = "EXEC sp_releaseapplock @Resource = @p1, @LockOwner = 'Session'";

/**
 * The resource name of the lock: the runtime's name (application locks are kept per database
 * already), hashed when longer than 255 characters.
 *
 * ```ts
 * mssqlLockResource('alembic:.alembic_version'); // 'alembic:.alembic_version'
 * ```
 */
export function mssqlLockResource(lockName: string): string {
  if (lockName.length <= MAXIMUM_RESOURCE_LENGTH) {
    return lockName;
  }
  return `alembic:${createHash('sha256').update(lockName).digest('hex')}`;
}

/** Why `sp_getapplock` did not grant the lock, by its return code. */
function refusal(result: number, resource: string, timeoutMilliseconds: number): MssqlDatabaseError {
  switch (result) {
    case -1:
      return new MssqlDatabaseError(
        'ALEMBIC_DATABASE_LOCKED',
        `Another migration run holds the lock '${resource}'; gave up after ${timeoutMilliseconds / 1000} s (pass --no-lock only if nothing else migrates this database)`,
      );
    case -3:
      return new MssqlDatabaseError('ALEMBIC_DEADLOCK', `Waiting for the migration lock '${resource}' was chosen as a deadlock victim`);
    default:
      return new MssqlDatabaseError('ALEMBIC_DATABASE_ERROR', `Could not take the migration lock '${resource}' (sp_getapplock returned ${result})`);
  }
}

/**
 * The migration lock of SQL Server: an exclusive application lock `sp_getapplock` owned by the
 * connection's session, released by `sp_releaseapplock` (or when the session ends). A second
 * run on the same database waits in `sp_getapplock` until the first releases it, then reads the
 * version table afresh. Without `timeoutMilliseconds` it waits indefinitely; when the timeout
 * passes, an `MssqlDatabaseError` with code `ALEMBIC_DATABASE_LOCKED` says who to wait for. The
 * lock is independent of transactions, so it spans every migration of the run.
 *
 * A session lock needs every request on one session: a pool this package opened is one; an
 * application's pool (`existingClient`) must have `pool.max` 1, else a `ConfigError` says so.
 *
 * ```ts
 * const release = await acquireMssqlMigrationLock(connection, { lockName: 'alembic:.alembic_version' });
 * try { ... } finally { await release(); }
 * ```
 */
export async function acquireMssqlMigrationLock(
  connection: DatabaseConnection,
  options: MigrationLockOptions,
): Promise<ReleaseMigrationLock> {
  if (connection instanceof MssqlConnection && !connection.singleSession) {
    throw new ConfigError(
      "The SQL Server migration lock (sp_getapplock, owned by the session) needs one session: give existingClient an mssql ConnectionPool with pool: { max: 1 }, or run with --no-lock",
    );
  }
  const resource = mssqlLockResource(options.lockName);
  const timeout = options.timeoutMilliseconds === undefined ? WAIT_INDEFINITELY : Math.max(0, Math.round(options.timeoutMilliseconds));
  const { rows } = await connection.query<{ result: unknown }>(ACQUIRE_SQL, [resource, timeout]);
  const result = Number(rows[0]?.result);
  if (!(result === 0 || result === 1)) {
    throw refusal(result, resource, timeout);
  }
  let released = false;
  return async () => {
    if (released) {
      return;
    }
    released = true;
    await connection.query(RELEASE_SQL, [resource]);
  };
}

import { createHash } from 'node:crypto';
import { ConfigError, idempotentRelease } from '@alembic/core/dialect';
import type { DatabaseConnection, MigrationLockOptions, ReleaseMigrationLock } from '@alembic/core/dialect';
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

/** `sp_getapplock` granted the lock at once (0) or after waiting (1). */
function granted(result: number): boolean {
  return result === 0 || result === 1;
}

/** `sp_getapplock`'s answer when it timed out. */
const TIMED_OUT = -1;

/** Why `sp_getapplock` did not grant the lock, by its return code. */
function refusal(result: number, resource: string, timeoutMilliseconds: number | undefined): MssqlDatabaseError {
  switch (result) {
    case TIMED_OUT:
      return new MssqlDatabaseError(
        'ALEMBIC_DATABASE_LOCKED',
        `Another migration run holds the lock '${resource}'; gave up after ${(timeoutMilliseconds ?? 0) / 1000} s (pass --no-lock only if nothing else migrates this database)`,
      );
    case -3:
      return new MssqlDatabaseError(
        'ALEMBIC_DEADLOCK',
        `Waiting for the migration lock '${resource}' was chosen as a deadlock victim`,
      );
    default:
      return new MssqlDatabaseError(
        'ALEMBIC_DATABASE_ERROR',
        `Could not take the migration lock '${resource}' (sp_getapplock returned ${result})`,
      );
  }
}

/** mssql's request timeout when a pool's configuration sets none. */
const DRIVER_DEFAULT_REQUEST_TIMEOUT = 15_000;

/**
 * The longest one `sp_getapplock` may wait: the driver cancels any request that outlasts the
 * pool's `requestTimeout` (the statement timeout), so a longer wait is made of several shorter
 * ones; undefined when requests have no time limit.
 */
function longestSingleWait(connection: DatabaseConnection): number | undefined {
  const configured = connection instanceof MssqlConnection ? connection.pool.config?.requestTimeout : undefined;
  const requestTimeout = typeof configured === 'number' ? configured : DRIVER_DEFAULT_REQUEST_TIMEOUT;
  return requestTimeout <= 0 ? undefined : Math.max(1, Math.floor(requestTimeout * 0.8));
}

async function getApplock(connection: DatabaseConnection, resource: string, lockTimeout: number): Promise<number> {
  const { rows } = await connection.query<{ result: unknown }>(ACQUIRE_SQL, [resource, lockTimeout]);
  return Number(rows[0]?.result);
}

/**
 * The migration lock of SQL Server: an exclusive application lock `sp_getapplock` owned by the
 * connection's session, released by `sp_releaseapplock` (or when the session ends). A second
 * run on the same database waits in `sp_getapplock` until the first releases it, then reads the
 * version table afresh. Without `timeoutMilliseconds` it waits indefinitely; when the timeout
 * passes, an `MssqlDatabaseError` with code `ALEMBIC_DATABASE_LOCKED` says so. The lock is
 * independent of transactions, so it spans every migration of the run.
 *
 * A first `sp_getapplock` with `@LockTimeout = 0` finds out without waiting whether another
 * session holds it; then `onWait` hears the resource (who holds it is not asked: that needs
 * `VIEW SERVER STATE`) and the waiting `sp_getapplock` calls follow, each within the pool's
 * `requestTimeout`.
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
      'The SQL Server migration lock (sp_getapplock, owned by the session) needs one session: give existingClient an mssql ConnectionPool with pool: { max: 1 }, or run with --no-lock',
    );
  }
  const resource = mssqlLockResource(options.lockName);
  const timeout =
    options.timeoutMilliseconds === undefined ? undefined : Math.max(0, Math.round(options.timeoutMilliseconds));
  let result = await getApplock(connection, resource, 0);
  if (result === TIMED_OUT) {
    const database = connection instanceof MssqlConnection ? connection.database : undefined;
    options.onWait?.({
      lock: `sp_getapplock resource '${resource}'${database === undefined ? '' : ` in database ${database}`}`,
    });
    const deadline = timeout === undefined ? undefined : Date.now() + timeout;
    const longest = longestSingleWait(connection);
    while (result === TIMED_OUT) {
      const remaining = deadline === undefined ? undefined : deadline - Date.now();
      if (remaining !== undefined && remaining <= 0) break;
      // The call that waits out the rest of the time is the last one.
      const last = remaining !== undefined && (longest === undefined || remaining <= longest);
      result = await getApplock(connection, resource, last ? remaining : (longest ?? WAIT_INDEFINITELY));
      if (last) break;
    }
  }
  if (!granted(result)) {
    throw refusal(result, resource, timeout);
  }
  return idempotentRelease(() => connection.query(RELEASE_SQL, [resource]));
}

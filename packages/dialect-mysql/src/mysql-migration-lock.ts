import { createHash } from 'node:crypto';
import type { DatabaseConnection, MigrationLockOptions, ReleaseMigrationLock } from '@alembic/core';
import { MysqlConnection } from './mysql-connection.js';
import { MysqlDatabaseError } from './mysql-database-error.js';

/** `GET_LOCK` names are at most 64 characters. */
const MAXIMUM_LOCK_NAME_LENGTH = 64;

/** "Wait indefinitely": a year, since MariaDB refuses the negative timeout MySQL reads as infinite. */
const INDEFINITE_TIMEOUT_SECONDS = 365 * 24 * 60 * 60;

/**
 * The server-wide name of the lock: the runtime's name plus the current database, so runs on two
 * databases of one server do not wait for each other; hashed when longer than 64 characters.
 *
 * ```ts
 * mysqlLockName('alembic:.alembic_version', 'shop'); // 'alembic:.alembic_version@shop'
 * ```
 */
export function mysqlLockName(lockName: string, database: string | undefined): string {
  const name = database === undefined ? lockName : `${lockName}@${database}`;
  if (name.length <= MAXIMUM_LOCK_NAME_LENGTH) {
    return name;
  }
  return `alembic:${createHash('sha256').update(name).digest('hex').slice(0, MAXIMUM_LOCK_NAME_LENGTH - 8)}`;
}

async function currentDatabase(connection: DatabaseConnection): Promise<string | undefined> {
  if (connection instanceof MysqlConnection) {
    return connection.database;
  }
  const { rows } = await connection.query<{ database_name: unknown }>('SELECT DATABASE() AS database_name');
  const value = rows[0]?.database_name;
  return typeof value === 'string' ? value : undefined;
}

/**
 * The migration lock of MySQL and MariaDB: the named user lock `GET_LOCK(name, timeout)` of
 * the connection's session, released by `RELEASE_LOCK(name)` (or when the session ends). A
 * second run on the same database waits in `GET_LOCK` until the first releases it, then reads
 * the version table afresh. Without `timeoutMilliseconds` it waits indefinitely; when the
 * timeout passes, a `MysqlDatabaseError` with code `ALEMBIC_DATABASE_LOCKED` says who to wait for.
 * The lock is independent of transactions, so MySQL's implicit commits around DDL do not
 * release it.
 *
 * ```ts
 * const release = await acquireMysqlMigrationLock(connection, { lockName: 'alembic:.alembic_version' });
 * try { ... } finally { await release(); }
 * ```
 */
export async function acquireMysqlMigrationLock(
  connection: DatabaseConnection,
  options: MigrationLockOptions,
): Promise<ReleaseMigrationLock> {
  const name = mysqlLockName(options.lockName, await currentDatabase(connection));
  const seconds =
    options.timeoutMilliseconds === undefined ? INDEFINITE_TIMEOUT_SECONDS : Math.max(0, options.timeoutMilliseconds / 1000);
  const { rows } = await connection.query<{ acquired: unknown }>('SELECT GET_LOCK(?, ?) AS acquired', [name, seconds]);
  const acquired = rows[0]?.acquired;
  if (Number(acquired) !== 1) {
    throw new MysqlDatabaseError(
      'ALEMBIC_DATABASE_LOCKED',
      acquired === null || acquired === undefined
        ? `Could not take the migration lock '${name}' (GET_LOCK returned NULL)`
        : `Another migration run holds the lock '${name}'; gave up after ${seconds} s (pass --no-lock only if nothing else migrates this database)`,
    );
  }
  let released = false;
  return async () => {
    if (released) {
      return;
    }
    released = true;
    await connection.query('SELECT RELEASE_LOCK(?) AS released', [name]);
  };
}

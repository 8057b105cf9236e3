import { idempotentRelease } from '@alembic/core/dialect';
import { createHash } from 'node:crypto';
import type { DatabaseConnection, MigrationLockOptions, ReleaseMigrationLock } from '@alembic/core/dialect';
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
  return `alembic:${createHash('sha256')
    .update(name)
    .digest('hex')
    .slice(0, MAXIMUM_LOCK_NAME_LENGTH - 8)}`;
}

async function currentDatabase(connection: DatabaseConnection): Promise<string | undefined> {
  if (connection instanceof MysqlConnection) {
    return connection.database;
  }
  const { rows } = await connection.query<{ database_name: unknown }>('SELECT DATABASE() AS database_name');
  const value = rows[0]?.database_name;
  return typeof value === 'string' ? value : undefined;
}

/** The `acquired` column of a lock query's first row. */
async function acquiredOf(connection: DatabaseConnection, sql: string, parameters: unknown[] = []): Promise<unknown> {
  const { rows } = await connection.query<{ acquired: unknown }>(sql, parameters);
  return rows[0]?.acquired;
}

/**
 * `GET_LOCK(name, seconds)`: true when it granted the lock, false when it timed out. A wait is
 * kept clear of the session's statement timeout: MariaDB's `max_statement_time` is lifted for
 * the statement; MySQL's `max_execution_time` covers only `SELECT`, so the wait runs in a `SET`.
 */
async function getLock(connection: DatabaseConnection, name: string, seconds: number): Promise<boolean> {
  const limited =
    connection instanceof MysqlConnection && connection.statementTimeoutMilliseconds !== undefined && seconds > 0;
  let acquired: unknown;
  if (!limited) {
    acquired = await acquiredOf(connection, 'SELECT GET_LOCK(?, ?) AS acquired', [name, seconds]);
  } else if (connection.flavour === 'mariadb') {
    acquired = await acquiredOf(
      connection,
      'SET STATEMENT max_statement_time = 0 FOR SELECT GET_LOCK(?, ?) AS acquired',
      [name, seconds],
    );
  } else {
    await connection.query('SET @alembic_migration_lock = GET_LOCK(?, ?)', [name, seconds]);
    acquired = await acquiredOf(connection, 'SELECT @alembic_migration_lock AS acquired');
  }
  if (acquired === null || acquired === undefined) {
    throw new MysqlDatabaseError(
      'ALEMBIC_DATABASE_ERROR',
      `Could not take the migration lock '${name}' (GET_LOCK returned NULL)`,
    );
  }
  return Number(acquired) === 1;
}

/**
 * The session holding the lock: `MariaDB connection 42 (app@10.0.0.7:51234)`, the account from
 * `information_schema.PROCESSLIST` when this session may see it; undefined when the lock is free
 * again.
 */
async function lockHolder(connection: DatabaseConnection, name: string): Promise<string | undefined> {
  const { rows } = await connection.query<{ id: unknown; account: unknown }>(
    "SELECT IS_USED_LOCK(?) AS id, (SELECT CONCAT(USER, '@', HOST) FROM information_schema.PROCESSLIST WHERE ID = IS_USED_LOCK(?)) AS account",
    [name, name],
  );
  const { id, account } = rows[0] ?? {};
  if (id === null || id === undefined) return undefined;
  const server = connection instanceof MysqlConnection && connection.flavour === 'mariadb' ? 'MariaDB' : 'MySQL';
  return `${server} connection ${String(id)}${typeof account === 'string' ? ` (${account})` : ''}`;
}

/**
 * The migration lock of MySQL and MariaDB: the named user lock `GET_LOCK(name, timeout)` of
 * the connection's session, released by `RELEASE_LOCK(name)` (or when the session ends). A
 * second run on the same database waits in `GET_LOCK` until the first releases it, then reads
 * the version table afresh. Without `timeoutMilliseconds` it waits indefinitely; when the
 * timeout passes, a `MysqlDatabaseError` with code `ALEMBIC_DATABASE_LOCKED` says so.
 * The lock is independent of transactions, so MySQL's implicit commits around DDL do not
 * release it.
 *
 * A first `GET_LOCK(name, 0)` finds out without waiting whether another session holds it;
 * then `onWait` hears the lock and its holder (`IS_USED_LOCK`, `PROCESSLIST`) before the
 * waiting `GET_LOCK`, which the session's statement timeout does not cut short.
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
    options.timeoutMilliseconds === undefined
      ? INDEFINITE_TIMEOUT_SECONDS
      : Math.max(0, options.timeoutMilliseconds / 1000);
  if (!(await getLock(connection, name, 0))) {
    const holder = await lockHolder(connection, name).catch(() => undefined);
    options.onWait?.({ lock: `GET_LOCK('${name}')`, ...(holder === undefined ? {} : { holder }) });
    if (seconds === 0 || !(await getLock(connection, name, seconds))) {
      throw new MysqlDatabaseError(
        'ALEMBIC_DATABASE_LOCKED',
        `Another migration run holds the lock '${name}'; gave up after ${seconds} s (pass --no-lock only if nothing else migrates this database)`,
      );
    }
  }
  return idempotentRelease(() => connection.query('SELECT RELEASE_LOCK(?) AS released', [name]));
}

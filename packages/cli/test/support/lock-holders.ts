/**
 * The migration lock of each database, held by a connection of the test's own as another
 * migration run would hold it: SQLite's write lock (`BEGIN IMMEDIATE`), PostgreSQL's advisory
 * lock (the dialect's key for the lock name), MariaDB's `GET_LOCK` (the dialect's name). The
 * drivers are the dialect packages' own.
 */
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { closeDatabase, openDatabase } from './migration-project.js';

/** A held lock; `release()` lets it go and closes the connection. */
export interface HeldLock {
  /** The session holding it, as the server numbers it (PostgreSQL backend pid, MariaDB connection id). */
  readonly session: string;
  release(): Promise<void>;
}

/** `require` from inside a package of the workspace (its dependencies, its build). */
function requireFrom(packageName: string): NodeJS.Require {
  return createRequire(resolve(__dirname, '..', '..', '..', packageName, 'package.json'));
}

/** Takes SQLite's write lock on `path` (creating the file if needed) until `release()`. */
export async function holdSqliteWriteLock(path: string): Promise<HeldLock> {
  const database = await openDatabase(path, 'create');
  const execute = (sql: string): Promise<void> =>
    new Promise((resolvePromise, reject) => database.exec(sql, (error) => (error ? reject(error) : resolvePromise())));
  await execute('BEGIN IMMEDIATE');
  return {
    session: 'sqlite',
    release: async () => {
      await execute('ROLLBACK');
      await closeDatabase(database);
    },
  };
}

interface PostgresClient {
  connect(): Promise<unknown>;
  query(sql: string): Promise<{ rows: Record<string, unknown>[] }>;
  end(): Promise<void>;
}

/** The advisory lock key the PostgreSQL dialect takes for `lockName`. */
export function postgresLockKey(lockName: string): string {
  const dialect = requireFrom('dialect-postgres')('./dist/index.cjs') as { advisoryLockKey(name: string): string };
  return dialect.advisoryLockKey(lockName);
}

/** Takes the PostgreSQL dialect's advisory lock for `lockName` on the database of `url`. */
export async function holdPostgresLock(url: string, lockName: string): Promise<HeldLock> {
  const pg = requireFrom('dialect-postgres')('pg') as {
    Client: new (config: { connectionString: string }) => PostgresClient;
  };
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const key = postgresLockKey(lockName);
  const { rows } = await client.query(`SELECT pg_backend_pid() AS pid, pg_advisory_lock(${key})`);
  return {
    session: String(rows[0]?.['pid']),
    release: async () => {
      await client.query(`SELECT pg_advisory_unlock(${key})`);
      await client.end();
    },
  };
}

interface MysqlConnection {
  query(sql: string, values?: unknown[]): Promise<[Record<string, unknown>[], unknown]>;
  end(): Promise<void>;
}

/** The `GET_LOCK` name the MySQL dialect takes for `lockName` in `database`. */
export function mysqlLockName(lockName: string, database: string): string {
  const dialect = requireFrom('dialect-mysql')('./dist/index.cjs') as {
    mysqlLockName(name: string, database: string): string;
  };
  return dialect.mysqlLockName(lockName, database);
}

/** Takes the MySQL dialect's `GET_LOCK` for `lockName` on the database of `url`. */
export async function holdMysqlLock(url: string, database: string, lockName: string): Promise<HeldLock> {
  const mysql = requireFrom('dialect-mysql')('mysql2/promise') as {
    createConnection(options: { uri: string }): Promise<MysqlConnection>;
  };
  const connection = await mysql.createConnection({ uri: url });
  const name = mysqlLockName(lockName, database);
  const [rows] = await connection.query('SELECT CONNECTION_ID() AS id, GET_LOCK(?, 10) AS acquired', [name]);
  if (Number(rows[0]?.['acquired']) !== 1) throw new Error(`could not take GET_LOCK('${name}')`);
  return {
    session: String(rows[0]?.['id']),
    release: async () => {
      await connection.query('SELECT RELEASE_LOCK(?)', [name]);
      await connection.end();
    },
  };
}

import { closeOnFailure, ConfigError, defineDialectConnect, loadDriver } from '@alembic/core/dialect';
import type { DialectConnect, DialectConnectOptions } from '@alembic/core/dialect';
import type { SqliteClient } from './sqlite-client.js';
import { isSqliteClient } from './sqlite-client.js';
import { SqliteConnection } from './sqlite-connection.js';
import type { SqliteDialectOptions } from './sqlite-dialect-options.js';
import { DEFAULT_BUSY_TIMEOUT_MILLISECONDS } from './sqlite-dialect-options.js';
import { SqliteDatabaseError } from './sqlite-database-error.js';
import { translateSqliteError } from './sqlite-error-translator.js';
import type { SqliteUrl } from './sqlite-url.js';
import { parseSqliteUrl } from './sqlite-url.js';

/** The part of the `sqlite3` module used to open a database. */
interface SqliteDriver {
  readonly Database: new (filename: string, mode: number, callback: (error: Error | null) => void) => SqliteClient;
  readonly OPEN_READONLY: number;
  readonly OPEN_READWRITE: number;
  readonly OPEN_CREATE: number;
}

function openMode(driver: SqliteDriver, mode: SqliteUrl['mode']): number {
  if (mode === 'ro') {
    return driver.OPEN_READONLY;
  }
  return mode === 'rw' ? driver.OPEN_READWRITE : driver.OPEN_READWRITE | driver.OPEN_CREATE;
}

async function openDatabase(
  driver: SqliteDriver,
  url: SqliteUrl,
  driverOptions: DialectConnectOptions['driverOptions'],
): Promise<SqliteClient> {
  const mode = typeof driverOptions?.mode === 'number' ? driverOptions.mode : openMode(driver, url.mode);
  return new Promise<SqliteClient>((resolve, reject) => {
    const database: SqliteClient = new driver.Database(url.filename, mode, (error) => {
      if (error) {
        const translated = translateSqliteError(error);
        if (SqliteDatabaseError.isInstance(translated)) {
          translated.message = `${translated.message} (${url.filename})`;
        }
        reject(translated);
      } else {
        resolve(database);
      }
    });
  });
}

async function setBusyTimeout(connection: SqliteConnection, milliseconds: number): Promise<void> {
  await connection.execute(`PRAGMA busy_timeout = ${Math.max(0, Math.round(milliseconds))}`);
}

/**
 * Opens the database a `sqlite://` URL names (see `parseSqliteUrl`), or wraps an application's
 * own `Database` (`existingClient`, from the call or the dialect's options). The sqlite3
 * driver is imported here, never when this package loads. Databases opened here get a busy
 * timeout (30 s unless configured) so a second process waits for the lock; `PRAGMA
 * foreign_keys` keeps the driver's default (off).
 *
 * ```ts
 * const connection = await connectSqlite('sqlite:////srv/app/app.db');
 * ```
 */
export const connectSqlite: DialectConnect<SqliteDialectOptions, SqliteConnection> = defineDialectConnect(
  'connectSqlite',
  {
    wrapExisting: (existingClient, _options, dialectOptions) =>
      wrapExistingDatabase(existingClient, dialectOptions.busyTimeoutMilliseconds),
    openOwn: openConnection,
  },
);

/** Wraps an application's own `Database`, with the configured busy timeout when there is one. */
async function wrapExistingDatabase(
  existingClient: unknown,
  busyTimeoutMilliseconds: number | undefined,
): Promise<SqliteConnection> {
  if (!isSqliteClient(existingClient)) {
    throw new ConfigError('existingClient must be a sqlite3 Database (an object with all, run, exec and close)');
  }
  const connection = new SqliteConnection(existingClient, { ownsClient: false });
  if (busyTimeoutMilliseconds !== undefined) {
    await setBusyTimeout(connection, busyTimeoutMilliseconds);
  }
  return connection;
}

/** Opens the database `url` names with the busy timeout (the URL's, the dialect's or 30 s), closed again if that fails. */
async function openConnection(
  url: string,
  options: DialectConnectOptions,
  dialectOptions: SqliteDialectOptions,
): Promise<SqliteConnection> {
  const parsed = parseSqliteUrl(url);
  const driver = await loadDriver<SqliteDriver>(() => import('sqlite3'), {
    namedExport: 'Database',
    missingMessage: 'The SQLite dialect needs the sqlite3 driver: npm install sqlite3',
  });
  const client = await openDatabase(driver, parsed, options.driverOptions);
  const connection = new SqliteConnection(client, { ownsClient: true });
  const busyTimeout =
    parsed.busyTimeoutMilliseconds ?? dialectOptions.busyTimeoutMilliseconds ?? DEFAULT_BUSY_TIMEOUT_MILLISECONDS;
  return closeOnFailure(
    async () => {
      await setBusyTimeout(connection, busyTimeout);
      return connection;
    },
    () => connection.close(),
    translateSqliteError,
  );
}

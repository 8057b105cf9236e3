import { ConfigError, loadDriver } from '@alembic/core/dialect';
import { closeOnFailure, connectionPassword, defineDialectConnect } from '@alembic/core/dialect';
import type { DialectConnect, DialectConnectOptions } from '@alembic/core/dialect';
import type { MssqlPool } from './mssql-client.js';
import { isMssqlPool } from './mssql-client.js';
import { MssqlConnection } from './mssql-connection.js';
import type { MssqlDialectOptions } from './mssql-dialect-options.js';
import { translateMssqlError } from './mssql-error-translator.js';
import { scrubSecret } from './mssql-secret-scrubber.js';
import type { MssqlUrl } from './mssql-url.js';
import { parseMssqlUrl } from './mssql-url.js';

/** The part of the `mssql` module used to open a pool. */
interface MssqlDriver {
  ConnectionPool: new (config: Record<string, unknown>) => OwnedPool;
}

/** A pool this package opened: it connects and closes it, and listens for its idle-time errors. */
interface OwnedPool extends MssqlPool {
  connect(): Promise<unknown>;
  on?(event: 'error', listener: (error: unknown) => void): unknown;
}

/** A connection kept idle this long (about 24 days, the timer maximum) is not reaped: the session must last. */
const NEVER_IDLE_OUT = 2 ** 31 - 1;

/**
 * The `mssql` pool configuration of a parsed URL: one connection that is never reaped (one
 * session for the whole run), no statement timeout unless one is given (`--statement-timeout`,
 * which wins) or the URL sets one (`request_timeout`): the driver's `requestTimeout`.
 *
 * ```ts
 * mssqlPoolConfig(parseMssqlUrl('mssql://sa@localhost/shop'));
 * // { server: 'localhost', port: 1433, user: 'sa', database: 'shop', requestTimeout: 0, options: {...}, pool: { min: 0, max: 1, ... } }
 * ```
 */
export function mssqlPoolConfig(settings: MssqlUrl, statementTimeoutMilliseconds?: number): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  if (settings.encrypt !== undefined) options.encrypt = settings.encrypt;
  if (settings.trustServerCertificate !== undefined) options.trustServerCertificate = settings.trustServerCertificate;
  if (settings.instanceName !== undefined) options.instanceName = settings.instanceName;
  if (settings.applicationName !== undefined) options.appName = settings.applicationName;
  return {
    server: settings.server,
    ...(settings.port === undefined ? {} : { port: settings.port }),
    ...(settings.user === undefined ? {} : { user: settings.user }),
    ...(settings.password === undefined ? {} : { password: settings.password }),
    ...(settings.database === undefined ? {} : { database: settings.database }),
    ...(settings.connectTimeoutMilliseconds === undefined
      ? {}
      : { connectionTimeout: settings.connectTimeoutMilliseconds }),
    requestTimeout:
      statementTimeoutMilliseconds === undefined
        ? (settings.requestTimeoutMilliseconds ?? 0)
        : Math.round(statementTimeoutMilliseconds),
    options,
    pool: { min: 0, max: 1, idleTimeoutMillis: NEVER_IDLE_OUT },
  };
}

/** Reads the session's default schema, database and server version, to make the {@link MssqlConnection}. */
async function describeSession(
  pool: MssqlPool,
  singleSession: boolean,
  close: () => Promise<void>,
): Promise<MssqlConnection> {
  const result = await pool
    .request()
    .query(
      "SELECT SCHEMA_NAME() AS default_schema, DB_NAME() AS database_name, CAST(SERVERPROPERTY('ProductVersion') AS nvarchar(128)) AS server_version",
    );
  const row = result.recordset?.[0] ?? {};
  return new MssqlConnection(pool, {
    defaultSchema: typeof row.default_schema === 'string' ? row.default_schema : 'dbo',
    database: typeof row.database_name === 'string' ? row.database_name : undefined,
    serverVersion: String(row.server_version ?? ''),
    singleSession,
    close,
  });
}

/** Wraps an application's own pool (connecting it if it is not yet); it is never closed here. */
async function wrapExistingPool(existingClient: unknown): Promise<MssqlConnection> {
  if (!isMssqlPool(existingClient)) {
    throw new ConfigError(
      'existingClient must be an mssql ConnectionPool (an object with request() and transaction())',
    );
  }
  if (existingClient.connected === false && typeof existingClient.connect === 'function') {
    await existingClient.connect();
  }
  return describeSession(existingClient, existingClient.config?.pool?.max === 1, async () => undefined);
}

/**
 * Opens a session on the server an `mssql://` / `sqlserver://` URL names (see `parseMssqlUrl`):
 * an `mssql` `ConnectionPool` of one connection, so every request shares one session; or wraps an
 * application's own pool (`existingClient`, from the call or the dialect's options). The `mssql`
 * driver is imported here, never when this package loads. `driverOptions` go into the pool's
 * configuration as is. `statementTimeoutMilliseconds` becomes the pool's `requestTimeout`; an
 * application's pool keeps its own. Errors come translated (`MssqlDatabaseError`), with the password
 * scrubbed out.
 *
 * ```ts
 * const connection = await connectMssql('mssql://sa:secret@localhost/shop?trustServerCertificate=true');
 * connection.defaultSchema; // 'dbo'
 * ```
 */
export const connectMssql: DialectConnect<MssqlDialectOptions, MssqlConnection> = defineDialectConnect('connectMssql', {
  wrapExisting: wrapExistingPool,
  openOwn: openPool,
});

/** Opens a pool of one connection on the server `url` names, closed again if the session cannot be described. */
async function openPool(url: string, options: DialectConnectOptions): Promise<MssqlConnection> {
  const settings = parseMssqlUrl(url);
  const password = connectionPassword(options, settings.password);
  const driver = await loadDriver<MssqlDriver>(() => import('mssql'), {
    namedExport: 'ConnectionPool',
    missingMessage: 'The SQL Server dialect needs the mssql driver: npm install mssql@11',
  });
  const config = { ...mssqlPoolConfig(settings, options.statementTimeoutMilliseconds), ...options.driverOptions };
  const singleSession = (config.pool as { max?: unknown } | undefined)?.max === 1;
  const pool = new driver.ConnectionPool(config);
  // A connection lost while idle is reported by the next request; without a listener, the
  // pool's 'error' event would end the process.
  pool.on?.('error', () => undefined);
  return closeOnFailure(
    async () => {
      await pool.connect();
      return describeSession(pool, singleSession, async () => {
        await pool.close();
      });
    },
    () => pool.close(),
    (error) => translateMssqlError(scrubSecret(error, password)),
  );
}

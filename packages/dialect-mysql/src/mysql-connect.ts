import { ConfigError, loadDriver } from '@alembic/core/dialect';
import { closeOnFailure, connectionPassword, defineDialectConnect } from '@alembic/core/dialect';
import type { DialectConnect, DialectConnectOptions } from '@alembic/core/dialect';
import type { MysqlClient } from './mysql-client.js';
import { isMysqlCallbackClient, isMysqlClient, isMysqlPool } from './mysql-client.js';
import { MysqlConnection } from './mysql-connection.js';
import type { MysqlDialectOptions } from './mysql-dialect-options.js';
import { translateMysqlError } from './mysql-error-translator.js';
import { detectMysqlFlavour } from './mysql-flavour.js';
import { scrubSecret } from './mysql-secret-scrubber.js';
import { parseMysqlUrl } from './mysql-url.js';

/** The part of `mysql2/promise` used to open a connection. */
interface MysqlDriver {
  createConnection(options: Record<string, unknown>): Promise<OwnedClient>;
}

/** A connection this package opened: it ends it, and listens for its idle-time errors. */
interface OwnedClient extends MysqlClient {
  end(): Promise<void>;
  on?(event: 'error', listener: (error: unknown) => void): unknown;
}

/** Reads the server's version and the current database, to make the {@link MysqlConnection}. */
async function describeSession(client: MysqlClient, close: () => Promise<void>): Promise<MysqlConnection> {
  const [rows] = await client.query('SELECT VERSION() AS server_version, DATABASE() AS database_name');
  const row = (rows as Array<{ server_version?: unknown; database_name?: unknown }>)[0] ?? {};
  const serverVersion = String(row.server_version ?? '');
  return new MysqlConnection(client, {
    flavour: detectMysqlFlavour(serverVersion),
    serverVersion,
    database: typeof row.database_name === 'string' ? row.database_name : undefined,
    close,
  });
}

/** Describes an application's own connection, or one checked out of its pool (given back on close). */
async function describeExistingClient(existingClient: unknown): Promise<MysqlConnection> {
  const client = isMysqlCallbackClient(existingClient) ? existingClient.promise() : existingClient;
  if (isMysqlPool(client)) {
    const pooled = await client.getConnection();
    try {
      return await describeSession(pooled, async () => pooled.release());
    } catch (error) {
      pooled.release();
      throw error;
    }
  }
  if (!isMysqlClient(client)) {
    throw new ConfigError(
      'existingClient must be a mysql2 connection or pool (an object with query() or getConnection())',
    );
  }
  return describeSession(client, async () => undefined);
}

/** Wraps an application's own connection or pool, with the statement timeout when one is given. */
async function wrapExistingClient(existingClient: unknown, options: DialectConnectOptions): Promise<MysqlConnection> {
  const connection = await describeExistingClient(existingClient);
  const statementTimeout = options.statementTimeoutMilliseconds;
  if (statementTimeout === undefined) {
    return connection;
  }
  return closeOnFailure(
    async () => {
      await connection.setStatementTimeout(statementTimeout, true);
      return connection;
    },
    () => connection.close(),
    translateMysqlError,
  );
}

/** Opens a session of its own on the server `url` names, ended again if it cannot be set up. */
async function openConnection(url: string, options: DialectConnectOptions): Promise<MysqlConnection> {
  const settings = parseMysqlUrl(url);
  const password = connectionPassword(options, settings.password);
  const translate = (error: unknown): unknown => translateMysqlError(scrubSecret(error, password));
  const driver = await loadDriver<MysqlDriver>(() => import('mysql2/promise'), {
    namedExport: 'createConnection',
    missingMessage: 'The MySQL dialect needs the mysql2 driver: npm install mysql2',
  });
  let client: OwnedClient;
  try {
    client = await driver.createConnection({ ...settings, multipleStatements: true, ...options.driverOptions });
  } catch (error) {
    throw translate(error);
  }
  // A session lost while idle is reported by the next query; without a listener, mysql2's
  // 'error' event would end the process.
  client.on?.('error', () => undefined);
  const statementTimeout = options.statementTimeoutMilliseconds;
  return closeOnFailure(
    async () => {
      const connection = await describeSession(client, () => client.end());
      if (statementTimeout !== undefined) await connection.setStatementTimeout(statementTimeout, false);
      return connection;
    },
    () => client.end(),
    translate,
  );
}

/**
 * Opens a session on the server a `mysql://` / `mariadb://` URL names (see `parseMysqlUrl`), or
 * wraps an application's own mysql2 connection or pool (`existingClient`, from the call or the
 * dialect's options). The mysql2 driver is imported here, never when this package loads.
 * Sessions opened here allow several statements per `execute()` (`multipleStatements`);
 * `driverOptions` go to mysql2's `createConnection` as is. The server's flavour (MySQL or
 * MariaDB) is detected from its version string. Errors come translated
 * (`MysqlDatabaseError`), with the password scrubbed out. `statementTimeoutMilliseconds` sets
 * the session's `max_statement_time` (MariaDB) or `max_execution_time` (MySQL, SELECT only);
 * see `MysqlConnection.setStatementTimeout`.
 *
 * ```ts
 * const connection = await connectMysql('mysql://app:secret@db.internal/shop');
 * connection.flavour; // 'mysql'
 * ```
 */
export const connectMysql: DialectConnect<MysqlDialectOptions, MysqlConnection> = defineDialectConnect('connectMysql', {
  wrapExisting: wrapExistingClient,
  openOwn: openConnection,
});

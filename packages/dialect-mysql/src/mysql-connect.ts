import { ConfigError, loadDriver } from '@alembic/core/dialect';
import type { DialectConnectOptions } from '@alembic/core/dialect';
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

/** Wraps an application's own connection or pool. */
async function wrapExistingClient(existingClient: unknown): Promise<MysqlConnection> {
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
export async function connectMysql(
  url: string,
  options: DialectConnectOptions = {},
  dialectOptions: MysqlDialectOptions = {},
): Promise<MysqlConnection> {
  const existingClient = options.existingClient ?? dialectOptions.existingClient;
  const statementTimeout = options.statementTimeoutMilliseconds;
  if (existingClient !== undefined) {
    const connection = await wrapExistingClient(existingClient);
    if (statementTimeout !== undefined) {
      try {
        await connection.setStatementTimeout(statementTimeout, true);
      } catch (error) {
        await connection.close().catch(() => undefined);
        throw translateMysqlError(error);
      }
    }
    return connection;
  }
  const settings = parseMysqlUrl(url);
  const driverPassword = options.driverOptions?.password;
  const secret = typeof driverPassword === 'string' ? driverPassword : settings.password;
  const driver = await loadDriver<MysqlDriver>(() => import('mysql2/promise'), {
    namedExport: 'createConnection',
    missingMessage: 'The MySQL dialect needs the mysql2 driver: npm install mysql2',
  });
  let client: OwnedClient;
  try {
    client = await driver.createConnection({ ...settings, multipleStatements: true, ...options.driverOptions });
  } catch (error) {
    throw translateMysqlError(scrubSecret(error, secret));
  }
  // A session lost while idle is reported by the next query; without a listener, mysql2's
  // 'error' event would end the process.
  client.on?.('error', () => undefined);
  try {
    const connection = await describeSession(client, () => client.end());
    if (statementTimeout !== undefined) await connection.setStatementTimeout(statementTimeout, false);
    return connection;
  } catch (error) {
    await client.end().catch(() => undefined);
    throw translateMysqlError(scrubSecret(error, secret));
  }
}

import {
  closeOnFailure,
  ConfigError,
  defineDialectConnect,
  isErrorLike,
  loadDriver,
  maskPassword,
} from '@alembic/core/dialect';
import type { DialectConnect, DialectConnectOptions } from '@alembic/core/dialect';
import type { PostgresClient } from './postgres-client.js';
import { isPostgresClient, isPostgresPool } from './postgres-client.js';
import { PostgresConnection } from './postgres-connection.js';
import { pgConnectionString } from './postgres-connection-string.js';
import type { PostgresDialectOptions } from './postgres-dialect-options.js';
import { PostgresDatabaseError } from './postgres-database-error.js';
import { translatePostgresError } from './postgres-error-translator.js';

/** The part of the `pg` module used to open a connection. */
interface PostgresDriver {
  readonly Client: new (
    config: Record<string, unknown>,
  ) => PostgresClient & {
    connect(): Promise<unknown>;
    end(): Promise<void>;
  };
}

/**
 * The URL's passwords, to scrub them from messages: its user information's and a `password`
 * parameter's, each decoded (as an error may show it) and as written (as the URL shows it).
 */
function urlPasswords(url: string): (string | undefined)[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [/^[a-z][a-z0-9+.-]*:\/\/[^:/?#@\s]*:([^@/\s]*)@/i.exec(url)?.[1]];
  }
  const writtenParameter = /[?&]password=([^&]*)/i.exec(parsed.search)?.[1];
  return [
    decoded(parsed.password),
    parsed.password,
    parsed.searchParams.get('password') ?? undefined,
    writtenParameter,
  ];
}

/** `text` percent-decoded; as written when it holds a stray `%`. */
function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Whether `value` (a string, or an error's own properties, a few levels deep) shows `password`. */
function showsPassword(value: unknown, password: string, depth = 0): boolean {
  if (typeof value === 'string') {
    return value.includes(password);
  }
  if (typeof value !== 'object' || value === null || depth > 3) {
    return false;
  }
  return Object.getOwnPropertyNames(value).some((key) =>
    showsPassword((value as Record<string, unknown>)[key], password, depth + 1),
  );
}

/**
 * The passwords a failure might show, longest first (so that one holding another is hidden
 * whole): the URL's, which an error may echo with the URL, and the `password` driver option,
 * which the connection string carries (see {@link pgConnectionString}).
 */
function passwordsOf(url: string, driverOptions: Readonly<Record<string, unknown>>): string[] {
  const passwords = new Set([...urlPasswords(url), driverOptions.password]);
  return [...passwords]
    .filter((password): password is string => typeof password === 'string' && password !== '')
    .sort((first, second) => second.length - first.length);
}

/**
 * A failure to connect, translated, with the passwords gone: when the message, the stack or
 * anything the driver attached shows one (Node's URL errors carry the whole URL as `input`),
 * a new `ALEMBIC_CONNECTION_FAILED` error with each replaced by `***` and no cause.
 */
function connectionError(error: unknown, url: string, passwords: readonly string[]): unknown {
  const translated = translatePostgresError(error);
  if (!passwords.some((password) => showsPassword(translated, password))) {
    return translated;
  }
  const message = isErrorLike(translated) ? translated.message : String(translated);
  const sqlState = PostgresDatabaseError.isInstance(translated) ? translated.sqlState : undefined;
  // The exact passwords first: masking first could cut one (a `?password=a;b` value masks to `***;b`).
  const scrub = (text: string): string =>
    maskPassword(passwords.reduce((scrubbed, password) => scrubbed.split(password).join('***'), text));
  return new PostgresDatabaseError(
    'ALEMBIC_CONNECTION_FAILED',
    `Could not connect to ${scrub(url)}: ${scrub(message)}`,
    sqlState === undefined ? {} : { sqlState },
  );
}

/**
 * Opens a connection for a `postgresql://` / `postgres://` URL through the `pg` driver
 * (imported here, never when this package loads), or wraps an application's own client or pool
 * (`existingClient`, from the call or the dialect's options). Connection failures are
 * translated (`ALEMBIC_ACCESS_DENIED`, `ALEMBIC_DATABASE_NOT_FOUND`, `ALEMBIC_CONNECTION_FAILED`) and never show the password.
 * `statementTimeoutMilliseconds` becomes the session's `statement_timeout` (an application's
 * session gets its own value back on close).
 *
 * ```ts
 * const connection = await connectPostgres('postgresql://app@127.0.0.1:5432/app');
 * ```
 */
export const connectPostgres: DialectConnect<PostgresDialectOptions, PostgresConnection> = defineDialectConnect(
  'connectPostgres',
  {
    wrapExisting: wrapExistingClient,
    openOwn: openClient,
  },
);

/** Wraps an application's own client, or one checked out of its pool (given back on close). */
async function wrapExistingClient(
  existingClient: unknown,
  options: DialectConnectOptions,
): Promise<PostgresConnection> {
  const statementTimeout = options.statementTimeoutMilliseconds;
  if (isPostgresPool(existingClient)) {
    const client = await existingClient.connect();
    return closeOnFailure(
      () => borrowedConnection(client, async () => client.release(), statementTimeout),
      async () => client.release(),
      translatePostgresError,
    );
  }
  if (!isPostgresClient(existingClient)) {
    throw new ConfigError('existingClient must be a pg Client or Pool (an object with query, or a pool with connect)');
  }
  return borrowedConnection(existingClient, undefined, statementTimeout).catch((error: unknown) => {
    throw translatePostgresError(error);
  });
}

/** Opens a client of its own through `pg`, ended again if it cannot connect or take the statement timeout. */
async function openClient(
  url: string,
  options: DialectConnectOptions,
  dialectOptions: PostgresDialectOptions,
): Promise<PostgresConnection> {
  const driver = await loadDriver<PostgresDriver>(() => import('pg'), {
    namedExport: 'Client',
    missingMessage: 'The PostgreSQL dialect needs the pg driver: npm install pg',
  });
  const driverOptions = { ...dialectOptions.driverOptions, ...options.driverOptions };
  const passwords = passwordsOf(url, driverOptions);
  let client: InstanceType<PostgresDriver['Client']>;
  try {
    client = new driver.Client({ ...driverOptions, connectionString: pgConnectionString(url, driverOptions) });
  } catch (error) {
    // pg reads the URL with `new URL()`, whose own message names neither the URL nor the problem.
    if ((error as { code?: unknown }).code === 'ERR_INVALID_URL') {
      throw new ConfigError(`Could not parse the PostgreSQL URL '${maskPassword(url)}'`);
    }
    throw connectionError(error, url, passwords);
  }
  // An idle connection the server closes emits 'error'; the next query reports it instead.
  client.on?.('error', () => undefined);
  const statementTimeout = options.statementTimeoutMilliseconds;
  return closeOnFailure(
    async () => {
      await client.connect();
      if (statementTimeout !== undefined) await client.query(`SET statement_timeout = ${Math.round(statementTimeout)}`);
      return new PostgresConnection(client, { releaseClient: () => client.end() });
    },
    () => client.end(),
    (error) => connectionError(error, url, passwords),
  );
}

/**
 * A connection over the application's own client (or one checked out of its pool). With a
 * statement timeout, the session's own setting is read first and put back when the connection
 * closes, so the application's session is left as it was.
 */
async function borrowedConnection(
  client: PostgresClient,
  giveBack: (() => Promise<void>) | undefined,
  statementTimeout: number | undefined,
): Promise<PostgresConnection> {
  if (statementTimeout === undefined) {
    return new PostgresConnection(client, giveBack === undefined ? {} : { releaseClient: giveBack });
  }
  const shown = await client.query('SHOW statement_timeout');
  const previous = String(
    ((Array.isArray(shown) ? shown[0] : shown)?.rows[0] as { statement_timeout?: unknown } | undefined)
      ?.statement_timeout ?? '0',
  );
  await client.query(`SET statement_timeout = ${Math.round(statementTimeout)}`);
  return new PostgresConnection(client, {
    releaseClient: async () => {
      await client.query(`SET statement_timeout = '${previous.replace(/'/g, "''")}'`).catch(() => undefined);
      await giveBack?.();
    },
  });
}

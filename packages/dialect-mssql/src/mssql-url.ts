import { ConfigError, maskPassword } from '@alembic/core/dialect';

/** The connection settings an `mssql://` / `sqlserver://` URL holds. */
export interface MssqlUrl {
  /** The host name (`localhost` when the URL has none). */
  readonly server: string;
  /** The TCP port; unset with a named instance (the SQL Server Browser finds it), else 1433. */
  readonly port?: number;
  /** A named instance: `host\SQLEXPRESS`, or `?instanceName=SQLEXPRESS`. */
  readonly instanceName?: string;
  readonly user?: string;
  /** Percent-decoded. Never put into messages. */
  readonly password?: string;
  readonly database?: string;
  /** TLS: `true` (the driver's default), `false`, or `'strict'` (TDS 8). */
  readonly encrypt?: boolean | 'strict';
  /** Accept a server certificate that does not chain to a trusted CA (development servers). */
  readonly trustServerCertificate?: boolean;
  readonly connectTimeoutMilliseconds?: number;
  /** How long one statement may run; unset: no limit (migrations and the lock wait may be long). */
  readonly requestTimeoutMilliseconds?: number;
  readonly applicationName?: string;
}

const DEFAULT_PORT = 1433;

function decode(part: string, what: string, url: string): string {
  try {
    return decodeURIComponent(part);
  } catch (error) {
    throw new ConfigError(`Bad percent-encoding in the ${what} of '${maskPassword(url)}'`, { cause: error });
  }
}

function flag(value: string, name: string, url: string): boolean {
  if (/^(true|yes|1)$/i.test(value)) {
    return true;
  }
  if (/^(false|no|0)$/i.test(value)) {
    return false;
  }
  throw new ConfigError(`${name} must be true or false in '${maskPassword(url)}'`);
}

function seconds(value: string, name: string, url: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) {
    throw new ConfigError(`${name} must be a number of seconds in '${maskPassword(url)}'`);
  }
  return Math.round(parsed * 1000);
}

/** Reads a query parameter's value (`key` and `url` name it in errors). */
type ParameterReader = (value: string, key: string, url: string) => unknown;

const verbatim: ParameterReader = (value) => value;

/**
 * The query parameters understood (names compared case-insensitively, `_` ignored): the option
 * each sets and how its value is read; `driver` (ODBC's) is accepted and sets none.
 */
const PARAMETERS = {
  encrypt: ['encrypt', (value, key, url) => (/^strict$/i.test(value) ? 'strict' : flag(value, key, url))],
  trustServerCertificate: ['trustServerCertificate', flag],
  instanceName: ['instanceName', verbatim],
  connect_timeout: ['connectTimeoutMilliseconds', seconds],
  request_timeout: ['requestTimeoutMilliseconds', seconds],
  application_name: ['applicationName', verbatim],
  driver: undefined,
} satisfies Readonly<Record<string, readonly [keyof MssqlUrl, ParameterReader] | undefined>>;

type ParameterName = keyof typeof PARAMETERS;

const PARAMETER_NAMES = Object.keys(PARAMETERS) as ParameterName[];

const PARAMETER_BY_KEY: ReadonlyMap<string, ParameterName> = new Map([
  ...PARAMETER_NAMES.map((name) => [name.replaceAll('_', '').toLowerCase(), name] as const),
  ['appname', 'application_name'],
  ['connecttimeout', 'connect_timeout'],
  ['requesttimeout', 'request_timeout'],
]);

/** Splits `host\instance` off the authority: the WHATWG URL parser refuses a backslash in a host. */
function splitInstance(rest: string): { rest: string; instanceName?: string } {
  const authorityEnd = rest.search(/[/?#]/);
  const authority = authorityEnd === -1 ? rest : rest.slice(0, authorityEnd);
  const hostStart = authority.lastIndexOf('@') + 1;
  const host = authority.slice(hostStart);
  const separator = host.search(/\\|%5c/i);
  if (separator === -1) {
    return { rest };
  }
  const length = host[separator] === '\\' ? 1 : 3;
  const hostAndPort = host.slice(0, separator);
  const instanceAndPort = host.slice(separator + length);
  const portMatch = /:(\d+)$/.exec(instanceAndPort);
  const instanceName = portMatch === null ? instanceAndPort : instanceAndPort.slice(0, portMatch.index);
  const newHost = portMatch === null ? hostAndPort : `${hostAndPort}:${portMatch[1]}`;
  return {
    rest: `${authority.slice(0, hostStart)}${newHost}${authorityEnd === -1 ? '' : rest.slice(authorityEnd)}`,
    instanceName: decodeURIComponent(instanceName),
  };
}

/**
 * Reads a SQL Server URL: `mssql://user:password@host:1433/database?encrypt=true`, or
 * `sqlserver://...`; driver suffixes of Python configs (`mssql+pyodbc://`, `mssql+pymssql://`)
 * are the same. A named instance is `host\SQLEXPRESS` (or `?instanceName=`). Query parameters:
 * `encrypt` (`true`, `false`, `strict`), `trustServerCertificate` (ODBC's
 * `TrustServerCertificate=yes` too), `instanceName`, `connect_timeout` and `request_timeout`
 * (seconds), `application_name`; `driver` (an ODBC driver name) is ignored. Others are refused
 * rather than ignored. Errors show the URL with its password masked.
 *
 * ```ts
 * parseMssqlUrl('mssql://sa:s%40cret@db.internal/shop?trustServerCertificate=true');
 * // { server: 'db.internal', port: 1433, user: 'sa', password: 's@cret', database: 'shop', trustServerCertificate: true }
 * ```
 */
export function parseMssqlUrl(url: string): MssqlUrl {
  const match = /^(mssql|sqlserver)(?:\+[a-z0-9_]+)?:\/\//i.exec(url);
  if (match === null) {
    throw new ConfigError(
      `Not a SQL Server URL: '${maskPassword(url)}'; expected mssql://user:password@host:1433/database`,
    );
  }
  const { rest, instanceName: hostInstance } = splitInstance(url.slice(match[0].length));
  let parsed: URL;
  try {
    parsed = new URL(`mssql://${rest}`);
  } catch {
    // No cause: Node's error says only 'Invalid URL', and carries the whole URL, password and all, as `input`.
    throw new ConfigError(`Could not parse the SQL Server URL '${maskPassword(url)}'`);
  }
  const result: Record<string, unknown> = { server: parsed.hostname.replace(/^\[(.*)\]$/, '$1') || 'localhost' };
  if (parsed.port !== '') {
    result.port = Number(parsed.port);
  }
  if (hostInstance !== undefined && hostInstance !== '') {
    result.instanceName = hostInstance;
  }
  if (parsed.username !== '') {
    result.user = decode(parsed.username, 'user name', url);
  }
  if (parsed.password !== '') {
    result.password = decode(parsed.password, 'password', url);
  }
  const database = decode(parsed.pathname.replace(/^\//, ''), 'database name', url);
  if (database !== '') {
    result.database = database;
  }
  for (const [key, value] of parsed.searchParams) {
    const name = PARAMETER_BY_KEY.get(key.replaceAll('_', '').toLowerCase());
    if (name === undefined) {
      throw new ConfigError(
        `Unknown parameter '${key}' in the SQL Server URL '${maskPassword(url)}'; known: ${PARAMETER_NAMES.join(', ')} (pass other driver options as driverOptions)`,
      );
    }
    const parameter = PARAMETERS[name];
    if (parameter !== undefined) {
      const [option, read] = parameter;
      result[option] = read(value, key, url);
    }
  }
  if (result.port === undefined && result.instanceName === undefined) {
    result.port = DEFAULT_PORT;
  }
  return result as unknown as MssqlUrl;
}

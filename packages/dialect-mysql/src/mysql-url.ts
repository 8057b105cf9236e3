import { ConfigError, maskPassword } from '@alembic/core/dialect';

/** The connection settings a `mysql://` / `mariadb://` URL holds, in mysql2's terms. */
export interface MysqlUrl {
  readonly host: string;
  readonly port: number;
  readonly user?: string;
  /** Percent-decoded. Never put into messages. */
  readonly password?: string;
  readonly database?: string;
  readonly socketPath?: string;
  readonly charset?: string;
  readonly timezone?: string;
  readonly connectTimeout?: number;
  readonly ssl?: Record<string, never>;
}

const DEFAULT_PORT = 3306;

/** Query parameters understood, with SQLAlchemy's spellings where it has one. */
const QUERY_PARAMETERS = ['charset', 'connect_timeout', 'unix_socket', 'timezone', 'ssl'] as const;

function decode(part: string, what: string, url: string): string {
  try {
    return decodeURIComponent(part);
  } catch (error) {
    throw new ConfigError(`Bad percent-encoding in the ${what} of '${maskPassword(url)}'`, { cause: error });
  }
}

/**
 * Reads a MySQL / MariaDB URL: `mysql://user:password@host:3306/database?charset=utf8mb4`.
 * `mariadb://` and driver suffixes (`mysql+mysql2://`, `mysql+pymysql://` from a Python config)
 * are the same. Query parameters: `charset`, `connect_timeout` (seconds), `unix_socket`,
 * `timezone` (`'Z'`, `'+02:00'`, `'local'`), `ssl` (`true`: TLS with the system's CAs);
 * others are refused rather than ignored. Errors show the URL with its password masked.
 *
 * ```ts
 * parseMysqlUrl('mysql://app:s%40cret@db.internal/shop');
 * // { host: 'db.internal', port: 3306, user: 'app', password: 's@cret', database: 'shop' }
 * ```
 */
export function parseMysqlUrl(url: string): MysqlUrl {
  const match = /^(mysql|mariadb)(?:\+[a-z0-9_]+)?:\/\//i.exec(url);
  if (match === null) {
    throw new ConfigError(`Not a MySQL URL: '${maskPassword(url)}'; expected mysql://user:password@host:3306/database`);
  }
  let parsed: URL;
  try {
    parsed = new URL(`mysql://${url.slice(match[0].length)}`);
  } catch {
    // No cause: Node's error says only 'Invalid URL', and carries the whole URL, password and all, as `input`.
    throw new ConfigError(`Could not parse the MySQL URL '${maskPassword(url)}'`);
  }
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = parsed.port === '' ? DEFAULT_PORT : Number(parsed.port);
  const database = decode(parsed.pathname.replace(/^\//, ''), 'database name', url);
  const result: Record<string, unknown> = { host: host === '' ? 'localhost' : host, port };
  if (parsed.username !== '') {
    result.user = decode(parsed.username, 'user name', url);
  }
  if (parsed.password !== '') {
    result.password = decode(parsed.password, 'password', url);
  }
  if (database !== '') {
    result.database = database;
  }
  for (const [key, value] of parsed.searchParams) {
    switch (key as (typeof QUERY_PARAMETERS)[number]) {
      case 'charset':
        result.charset = value;
        break;
      case 'timezone':
        result.timezone = value;
        break;
      case 'unix_socket':
        result.socketPath = value;
        break;
      case 'connect_timeout': {
        const seconds = Number(value);
        if (!Number.isFinite(seconds) || seconds <= 0) {
          throw new ConfigError(`connect_timeout must be a positive number of seconds in '${maskPassword(url)}'`);
        }
        result.connectTimeout = Math.round(seconds * 1000);
        break;
      }
      case 'ssl':
        if (!/^(true|1|false|0)$/i.test(value)) {
          throw new ConfigError(`ssl must be true or false in '${maskPassword(url)}'`);
        }
        if (/^(true|1)$/i.test(value)) {
          result.ssl = {};
        }
        break;
      default:
        throw new ConfigError(
          `Unknown parameter '${key}' in the MySQL URL '${maskPassword(url)}'; known: ${QUERY_PARAMETERS.join(', ')} (pass other driver options as driverOptions)`,
        );
    }
  }
  return result as unknown as MysqlUrl;
}

import { ConfigError } from '@alembic/core/dialect';

/** What a `sqlite://` URL asks for. */
export interface SqliteUrl {
  /** A file path (relative paths are relative to the working directory) or `':memory:'`. */
  readonly filename: string;
  /** `'ro'`: read only; `'rw'`: the file must exist; `'rwc'` (default): created when missing. */
  readonly mode: 'ro' | 'rw' | 'rwc';
  /** `?timeout=<seconds>` (Python's sqlite3 option), in milliseconds; overrides the dialect's busy timeout. */
  readonly busyTimeoutMilliseconds?: number;
}

const URL_PATTERN = /^sqlite(?:\+[a-z0-9_]+)?:\/\/(.*)$/is;
const MODES: ReadonlySet<string> = new Set(['ro', 'rw', 'rwc']);

function parseQuery(url: string, query: string): Pick<SqliteUrl, 'mode' | 'busyTimeoutMilliseconds'> {
  let mode: SqliteUrl['mode'] = 'rwc';
  let busyTimeoutMilliseconds: number | undefined;
  for (const [key, value] of new URLSearchParams(query)) {
    if (key === 'mode' && MODES.has(value)) {
      mode = value as SqliteUrl['mode'];
    } else if (key === 'timeout' && value.trim() !== '' && Number.isFinite(Number(value)) && Number(value) >= 0) {
      busyTimeoutMilliseconds = Math.round(Number(value) * 1000);
    } else {
      throw new ConfigError(
        `Unsupported option '${key}=${value}' in the SQLite URL '${url}'; known options: mode=ro|rw|rwc, timeout=<seconds>`,
      );
    }
  }
  return busyTimeoutMilliseconds === undefined ? { mode } : { mode, busyTimeoutMilliseconds };
}

/**
 * Reads a SQLite URL, with SQLAlchemy's forms:
 *
 * - `sqlite:///relative/path.db`: relative to the working directory (the runtime anchors such
 *   URLs to the config file's directory first, so it passes `sqlite:////abs/path.db`);
 * - `sqlite:////absolute/path.db`: an absolute path;
 * - `sqlite://` and `sqlite:///:memory:`: a private in-memory database.
 *
 * Options go in the query string: `?mode=ro`, `?timeout=5` (seconds).
 *
 * ```ts
 * parseSqliteUrl('sqlite:////srv/app/app.db'); // { filename: '/srv/app/app.db', mode: 'rwc' }
 * ```
 */
export function parseSqliteUrl(url: string): SqliteUrl {
  const match = URL_PATTERN.exec(url);
  if (match === null) {
    throw new ConfigError(
      `Not a SQLite URL: '${url}'; expected sqlite:///relative.db, sqlite:////absolute.db or sqlite://`,
    );
  }
  const rest = match[1] as string;
  const queryStart = rest.indexOf('?');
  const location = queryStart < 0 ? rest : rest.slice(0, queryStart);
  const options = queryStart < 0 ? { mode: 'rwc' as const } : parseQuery(url, rest.slice(queryStart + 1));
  if (location === '') {
    return { filename: ':memory:', ...options };
  }
  if (!location.startsWith('/')) {
    throw new ConfigError(
      `The SQLite URL '${url}' names a host; write sqlite:///relative.db or sqlite:////absolute.db`,
    );
  }
  const path = location.slice(1);
  if (path === '') {
    throw new ConfigError(
      `The SQLite URL '${url}' has no file name; write sqlite:///relative.db, sqlite:////absolute.db or sqlite://`,
    );
  }
  return { filename: path, ...options };
}

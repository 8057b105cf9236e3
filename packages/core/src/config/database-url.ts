import { isAbsolute, resolve } from 'node:path';
import { ConfigError } from '../errors/config-error.js';

/** The parts of a database URL core needs; dialects parse the rest themselves. */
export interface DatabaseUrl {
  /** `postgresql`, `mysql`, `sqlite`... (a `+driver` suffix is dropped: `postgresql+pg` → `postgresql`). */
  readonly scheme: string;
  /** The URL as given. */
  readonly text: string;
}

const URL_PATTERN = /^([a-z][a-z0-9+.-]*):\/\//i;

/** Splits off the scheme of a database URL; throws a `ConfigError` on anything else. */
export function parseDatabaseUrl(url: string): DatabaseUrl {
  const match = URL_PATTERN.exec(url);
  if (match === null) {
    throw new ConfigError(
      `Could not parse the database URL '${maskPassword(url)}'; expected scheme://..., e.g. sqlite:///alembic.db or postgresql://user@localhost/db`,
    );
  }
  const scheme = (match[1] as string).toLowerCase().split('+')[0] as string;
  return { scheme, text: url };
}

/**
 * A URL's user information with a password: `scheme://user:` (the user may hold an unencoded
 * `@`, as in `app@tenant`) up to the last `@` of the authority. When the password holds a `/`,
 * `?` or `#`: up to the last `@` before the next white space; when it holds white space: up to
 * the last `@` of the line that no `/`, `?`, `#`, quote or parenthesis comes before (hiding too
 * much rather than too little). Those two wider readings are not tried on a port
 * (`mssql://db:1433: ... dba@example.com`); a scheme is only read at the start of a word, so a
 * long run of letters is not tried again from each of them.
 */
const USERINFO_PASSWORD =
  /(?<![a-z0-9+.-])([a-z][a-z0-9+.-]*:\/\/[^:/?#\s[]*:)(?:[^/?#\s]*@|(?!\d{1,5}(?:[/?#\s:,;)'"]|$))(?:\S*@|[^/?#'"()\n]*@))/gi;

/**
 * A password given as a parameter: `?password=` or `&password=` in a URL, `;password=` in a
 * JDBC-style URL, `Password=` / `PWD=` in an ADO.NET or ODBC connection string (which may start
 * the text or a quotation). Its value runs to the next `&`, `;` or white space; an ODBC value in
 * braces to its closing brace.
 */
const PARAMETER_PASSWORD = /(^|[?&;'"])(\s*(?:password|passwd|pwd)\s*=\s*)(\{(?:[^}]|\}\})*\}|[^&;\s]*)/gim;

/**
 * The masked parameter. A quote that closes the quotation the text stands in is kept: in a URL,
 * one that ends the value; in a connection string that starts a quotation, the first one
 * (`('password=x')` in SQL).
 */
function maskParameter(_: string, before: string, key: string, value: string): string {
  if (value.startsWith('{')) return `${before}${key}***`;
  const startsQuotation = before === '' || before === "'" || before === '"';
  const quote = startsQuotation ? /['"]/.exec(value) : /['"]$/.exec(value);
  return `${before}${key}***${quote === null ? '' : value.slice(quote.index)}`;
}

/**
 * Hides the passwords of database URLs and connection strings in `text`:
 * `postgresql://app:secret@db/x` → `postgresql://app:***@db/x`,
 * `mysql://app@db/x?password=secret` → `mysql://app@db/x?password=***`,
 * `Server=db;Password=secret` → `Server=db;Password=***`. A password the URL did not
 * percent-encode (`app:se/cr@et@db`) is hidden up to its URL's last `@`. A value in quotes in a
 * connection string (`Password='my secret'`) is hidden only up to its first `;` or white space.
 */
export function maskPassword(text: string): string {
  return text.replace(USERINFO_PASSWORD, '$1***@').replace(PARAMETER_PASSWORD, maskParameter);
}

/**
 * Makes a relative SQLite file URL absolute against `directory` (the config file's), so that
 * `sqlite:///alembic.db` means the file next to the config wherever the command runs from.
 * Other URLs are returned unchanged.
 */
export function anchorSqliteUrl(url: string, directory: string): string {
  const match = /^(sqlite(?:\+[a-z0-9]+)?):\/\/\/(.*)$/i.exec(url);
  if (match === null) return url;
  const path = match[2] as string;
  if (path === '' || path === ':memory:' || path.startsWith('/') || isAbsolute(path)) return url;
  const [file, query] = path.split('?', 2) as [string, string | undefined];
  return `${match[1]}:///${resolve(directory, file)}${query === undefined ? '' : `?${query}`}`;
}

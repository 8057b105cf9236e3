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

/** A password key (`password`, `passwd`, `pwd`, or libpq's `sslpassword`, the client key's) and its `=`. */
const PASSWORD_KEY = String.raw`[ \t]*(?:sslpassword|password|passwd|pwd)[ \t]*=[ \t]*`;

/** An ODBC value in braces, a `}` in it doubled, on one line. */
const BRACED_VALUE = String.raw`\{(?:[^}\r\n]|\}\})*\}`;

/**
 * A password given as a URL parameter, `?password=` or `&password=`. Its value runs to the next
 * `&`, `;` or white space; one in braces to its closing brace.
 */
const URL_PARAMETER_PASSWORD = new RegExp(String.raw`([?&]${PASSWORD_KEY})(${BRACED_VALUE}|[^&;\s]*)`, 'gi');

/**
 * A password in a connection string: a key that follows a `;` (ADO.NET `Password=`, ODBC `PWD=`,
 * JDBC-style `;password=`) or starts the line or a quotation. A value in braces (ODBC) or quotes
 * (ADO.NET, a quote in it doubled: `'it''s'`, on one line) runs to its closing brace or quote; any
 * other value, captured, to the next `;` or the end of the line, white space included.
 */
const CONNECTION_STRING_PASSWORD = new RegExp(
  String.raw`((?:^|[;'"])${PASSWORD_KEY})(?:${BRACED_VALUE}|'(?:[^'\r\n]|'')*'|"(?:[^"\r\n]|"")*"|([^;\r\n]*))`,
  'gim',
);

/** The masked URL parameter. A quote that ends its value closes the quotation the URL stands in, and is kept. */
function maskUrlParameter(_: string, key: string, value: string): string {
  return `${key}***${/['"]$/.test(value) ? value.slice(-1) : ''}`;
}

/**
 * The masked connection-string parameter. A value in braces or quotes is hidden whole. Of any
 * other value, a quote that may close the quotation the text stands in is kept, with what follows
 * it: in a connection string that starts a quotation, the first quote of that kind
 * (`('password=x')` in SQL); in any other, the first quote that no letter or digit follows (an
 * unquoted ADO.NET value does not end in a quote).
 */
function maskConnectionStringParameter(_: string, key: string, unquotedValue: string | undefined): string {
  if (unquotedValue === undefined) return `${key}***`;
  const quotation = key[0] === "'" || key[0] === '"' ? key[0] : undefined;
  const quote = quotation === undefined ? unquotedValue.search(/['"](?!\w)/) : unquotedValue.indexOf(quotation);
  return `${key}***${quote === -1 ? '' : unquotedValue.slice(quote)}`;
}

/**
 * Hides the passwords of database URLs and connection strings in `text`:
 * `postgresql://app:secret@db/x` → `postgresql://app:***@db/x`,
 * `mysql://app@db/x?password=secret` → `mysql://app@db/x?password=***` (likewise libpq's
 * `?sslpassword=`; the value of a URL parameter ends at the next `&`, `;` or white space),
 * `Server=db;Password=secret` → `Server=db;Password=***`. A password the URL did not
 * percent-encode (`app:se/cr@et@db`) is hidden up to its URL's last `@`. In a connection string,
 * a value in quotes (`Password='se;cret'`, a quote in it doubled) or braces (`PWD={se;cret}`) is
 * hidden whole, any other value up to the next `;` or the end of the line
 * (`Password=my secret;Database=x` → `Password=***;Database=x`).
 */
export function maskPassword(text: string): string {
  return text
    .replace(USERINFO_PASSWORD, '$1***@')
    .replace(URL_PARAMETER_PASSWORD, maskUrlParameter)
    .replace(CONNECTION_STRING_PASSWORD, maskConnectionStringParameter);
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

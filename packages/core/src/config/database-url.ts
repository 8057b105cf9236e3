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
 * Hides the password of a URL: `postgresql://app:secret@db/x` → `postgresql://app:***@db/x`.
 * Passwords never appear in output or errors.
 */
export function maskPassword(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/[^:/?#@\s]*:)[^@/\s]*@/gi, '$1***@');
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

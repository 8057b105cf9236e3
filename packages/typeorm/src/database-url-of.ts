import { resolve } from 'node:path';
import { targetDialectOf } from './target-dialect.js';
import { TypeOrmModelError } from './typeorm-model-error.js';
import type { TypeOrmDataSource, TypeOrmDataSourceOptions } from './typeorm-shapes.js';
import { isTypeOrmDataSource } from './typeorm-shapes.js';

/** The URL scheme of each dialect's database. */
const SCHEME_OF_DIALECT = {
  postgres: 'postgresql',
  mysql: 'mysql',
  mariadb: 'mariadb',
  mssql: 'mssql',
} as const;

/** What a URL is made of, from TypeORM's connection options (or from `replication.master`). */
interface ServerOptions {
  readonly url?: unknown;
  readonly host?: unknown;
  readonly port?: unknown;
  readonly username?: unknown;
  readonly password?: unknown;
  readonly database?: unknown;
}

function unusable(type: string, reason: string): TypeOrmModelError {
  return new TypeOrmModelError(
    'ALEMBIC_TYPEORM_NO_URL',
    `The ${type} DataSource gives no database URL (${reason}): set DATABASE_URL, or url in alembic.config.ts`,
  );
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;
}

/**
 * The database URL alembic connects with, from a TypeORM DataSource's own connection options:
 * its `url`, else `host`, `port`, `username`, `password` and `database` (those of
 * `replication.master` when it replicates); for SQLite, its `database` file, resolved from the
 * working directory as TypeORM does. The password is percent-encoded. What a URL cannot carry
 * (`ssl`, `extra`, driver options) is not in it: set `DATABASE_URL` when the connection needs
 * it.
 *
 * ```ts
 * databaseUrlOf(new DataSource({ type: 'postgres', host: 'db', username: 'app', password: 'p@ss', database: 'shop' }));
 * // 'postgresql://app:p%40ss@db/shop'
 * databaseUrlOf({ type: 'better-sqlite3', database: 'app.db' }); // 'sqlite:////home/me/project/app.db'
 * ```
 *
 * @throws TypeOrmModelError (`ALEMBIC_TYPEORM_NO_URL`) when the options name no database
 *   (an in-memory SQLite database, a password given as a function), and
 *   `ALEMBIC_TYPEORM_UNSUPPORTED_DIALECT` for a database alembic has no dialect for
 */
export function databaseUrlOf(source: TypeOrmDataSource | TypeOrmDataSourceOptions): string {
  const options = isTypeOrmDataSource(source) ? source.options : source;
  const dialect = targetDialectOf(options.type);
  if (dialect === 'sqlite') {
    const file = text(options.database);
    if (file === undefined || file === ':memory:') throw unusable(options.type, 'an in-memory database');
    return `sqlite:///${resolve(file)}`;
  }
  const replication = options.replication as { master?: ServerOptions } | undefined;
  const server: ServerOptions = replication?.master ?? (options as ServerOptions);
  const url = text(server.url);
  if (url !== undefined) return url;
  if (server.password !== undefined && typeof server.password !== 'string') {
    throw unusable(options.type, 'its password is not a string');
  }
  const username = text(server.username);
  const password = text(server.password);
  const credentials =
    username === undefined
      ? ''
      : `${encodeURIComponent(username)}${password === undefined ? '' : `:${encodeURIComponent(password)}`}@`;
  const port = text(server.port);
  const host = `${text(server.host) ?? 'localhost'}${port === undefined ? '' : `:${port}`}`;
  const database = text(server.database ?? options.database);
  return `${SCHEME_OF_DIALECT[dialect]}://${credentials}${host}/${database === undefined ? '' : encodeURIComponent(database)}`;
}

import { defineDialect } from '@alembic/core/dialect';
import type { Dialect } from '@alembic/core/dialect';
import { capabilitiesOfFlavour } from './mysql-capabilities.js';
import { connectMysql } from './mysql-connect.js';
import { MysqlConnection } from './mysql-connection.js';
import type { MysqlDdlCompilerOptions } from './mysql-ddl-compiler.js';
import { MysqlDdlCompiler } from './mysql-ddl-compiler.js';
import type { MysqlDialectOptions } from './mysql-dialect-options.js';
import { translateMysqlError } from './mysql-error-translator.js';
import type { MysqlFlavour } from './mysql-flavour.js';
import { MysqlIntrospector } from './mysql-introspector.js';
import { acquireMysqlMigrationLock } from './mysql-migration-lock.js';
import { MysqlSchemaNormalizer } from './mysql-schema-normalizer.js';

/**
 * The MySQL / MariaDB dialect, configured: `mysql://` and `mariadb://` URLs through the
 * `mysql2` driver (a peer dependency, imported only when a connection opens).
 *
 * MySQL 8 and MariaDB 10.11 are two flavours of this one dialect. Online, the flavour is the
 * server's, read from its version string when the dialect connects, and the DDL compiler
 * created after that writes for it. Offline (`--sql`), no server is seen: the compiler writes
 * for `options.flavour` (default MySQL); `mariadb://` URLs resolve to {@link mariadbDialect},
 * which writes for MariaDB.
 *
 * DDL is not transactional on these servers: each statement commits, so a failed migration
 * keeps its completed statements, and the version table shows the last migration that
 * completed. The migration lock is `GET_LOCK` on the session.
 *
 * Autogenerate compares through {@link MysqlSchemaNormalizer}, for the flavour of the
 * connection it is given (the offline flavour without one).
 *
 * ```ts
 * // alembic.config.ts
 * import { defineConfig } from '@alembic/core';
 * import { mysql } from '@alembic/dialect-mysql';
 *
 * export default defineConfig({
 *   url: 'mariadb://app@db.internal/shop',
 *   dialects: [mysql({ flavour: 'mariadb' })],
 * });
 * ```
 */
export function mysql(options: MysqlDialectOptions = {}): Dialect {
  const offlineFlavour = options.flavour ?? 'mysql';
  /** Online, the server the run's connection reached decides; offline, the options do. */
  const flavourFor = (compilerOptions: MysqlDdlCompilerOptions): MysqlFlavour =>
    compilerOptions.flavour ??
    (compilerOptions.connection instanceof MysqlConnection ? compilerOptions.connection.flavour : undefined) ??
    offlineFlavour;
  return defineDialect({
    name: 'mysql',
    urlSchemes: ['mysql', 'mariadb'],
    capabilities: capabilitiesOfFlavour(offlineFlavour),
    createDdlCompiler: (compilerOptions: MysqlDdlCompilerOptions = {}) =>
      new MysqlDdlCompiler({ ...compilerOptions, flavour: flavourFor(compilerOptions) }),
    connect: (url, connectOptions) => connectMysql(url, connectOptions, options),
    createIntrospector: (connection) => new MysqlIntrospector(connection),
    createSchemaNormalizer: (connection) =>
      new MysqlSchemaNormalizer({
        flavour: connection instanceof MysqlConnection ? connection.flavour : offlineFlavour,
      }),
    acquireMigrationLock: acquireMysqlMigrationLock,
    translateError: translateMysqlError,
  });
}

/**
 * The MySQL dialect with default options: what `mysql://` URLs use when no dialect is listed in
 * the config. It writes MySQL 8 SQL offline and detects MariaDB servers online.
 */
export const mysqlDialect: Dialect = mysql();

/**
 * The dialect with MariaDB as its offline flavour, serving `mariadb://` URLs only: what those
 * URLs use when no dialect is listed in the config (core takes the first export, in name
 * order, that serves the scheme, and `mariadbDialect` comes before `mysqlDialect`).
 */
export const mariadbDialect: Dialect = defineDialect({ ...mysql({ flavour: 'mariadb' }), urlSchemes: ['mariadb'] });

import { defineDialect } from '@alembic/core/dialect';
import type { Dialect } from '@alembic/core/dialect';
import { sqliteCapabilities } from './sqlite-capabilities.js';
import { connectSqlite } from './sqlite-connect.js';
import { SqliteDdlCompiler } from './sqlite-ddl-compiler.js';
import type { SqliteDialectOptions } from './sqlite-dialect-options.js';
import { translateSqliteError } from './sqlite-error-translator.js';
import { SqliteIntrospector } from './sqlite-introspector.js';
import { SqliteSchemaNormalizer } from './sqlite-schema-normalizer.js';
import { acquireSqliteMigrationLock } from './sqlite-migration-lock.js';

/**
 * The SQLite dialect, configured: `sqlite:///relative.db`, `sqlite:////absolute.db` and
 * `sqlite://` (in memory) URLs, through the `sqlite3` driver (a peer dependency, imported only
 * when a connection opens). DDL runs inside transactions, so a failed migration leaves nothing
 * behind; the migration lock is SQLite's write lock (`BEGIN IMMEDIATE`).
 *
 * ```ts
 * // alembic.config.ts
 * import { defineConfig } from '@alembic/core';
 * import { sqlite } from '@alembic/dialect-sqlite';
 *
 * export default defineConfig({
 *   url: 'sqlite:///app.db',
 *   dialects: [sqlite({ busyTimeoutMilliseconds: 60_000 })],
 * });
 * ```
 */
export function sqlite(options: SqliteDialectOptions = {}): Dialect {
  return defineDialect({
    name: 'sqlite',
    capabilities: sqliteCapabilities,
    createDdlCompiler: (compilerOptions) => new SqliteDdlCompiler(compilerOptions),
    connect: (url, connectOptions) => connectSqlite(url, connectOptions, options),
    createIntrospector: (connection) => new SqliteIntrospector(connection),
    createSchemaNormalizer: () => new SqliteSchemaNormalizer(),
    acquireMigrationLock: acquireSqliteMigrationLock,
    translateError: translateSqliteError,
  });
}

/**
 * The SQLite dialect with default options: what `sqlite://` URLs use when no dialect is listed
 * in the config.
 */
export const sqliteDialect: Dialect = sqlite();

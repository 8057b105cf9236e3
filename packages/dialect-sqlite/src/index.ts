/**
 * @alembic/dialect-sqlite: SQLite for @alembic, the embedded default dialect. DDL compiler,
 * introspector, migration lock and error translation over the `sqlite3` driver (a peer
 * dependency, loaded only when a connection opens).
 *
 * @packageDocumentation
 */

export { sqlite, sqliteDialect } from './sqlite-dialect.js';
export { DEFAULT_BUSY_TIMEOUT_MILLISECONDS, type SqliteDialectOptions } from './sqlite-dialect-options.js';
export { sqliteCapabilities } from './sqlite-capabilities.js';
export { SqliteDdlCompiler } from './sqlite-ddl-compiler.js';
export { SqliteConnection, type SqliteConnectionOptions } from './sqlite-connection.js';
export { connectSqlite } from './sqlite-connect.js';
export { isSqliteClient, type SqliteClient, type SqliteRunResult, type SqliteStatement } from './sqlite-client.js';
export { parseSqliteUrl, type SqliteUrl } from './sqlite-url.js';
export { SqliteIntrospector } from './sqlite-introspector.js';
export { SqliteSchemaNormalizer } from './sqlite-schema-normalizer.js';
export { canonicalSqliteDefault } from './sqlite-default-text.js';
export {
  sqliteIntrospectionQueries,
  type SqliteIntrospectionQueries,
  type SqliteTableRow,
  type SqliteColumnRow,
  type SqliteIndexRow,
  type SqliteForeignKeyRow,
} from './sqlite-introspection-queries.js';
export { sqliteReflectedTable, type SqliteTableRows } from './sqlite-reflected-table.js';
export { acquireSqliteMigrationLock } from './sqlite-migration-lock.js';
export { translateSqliteError } from './sqlite-error-translator.js';
export { SqliteDatabaseError, type SqliteDatabaseErrorCode } from './sqlite-database-error.js';

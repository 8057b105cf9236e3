/**
 * @alembic/dialect-mssql: Microsoft SQL Server for @alembic. DDL compiler, introspector,
 * migration lock (`sp_getapplock`) and error translation over the `mssql` driver (a peer
 * dependency, version 11, loaded only when a connection opens).
 *
 * @packageDocumentation
 */

export { mssql, mssqlDialect } from './mssql-dialect.js';
export type { MssqlDialectOptions } from './mssql-dialect-options.js';
export { DEFAULT_BATCH_SEPARATOR, defineMssqlCapabilities, mssqlCapabilities } from './mssql-capabilities.js';
export { MssqlDdlCompiler, type MssqlDdlCompilerOptions } from './mssql-ddl-compiler.js';
export { planMssqlAlterColumn, type MssqlAlterColumnPlan } from './mssql-alter-column-plan.js';
export {
  dropColumnConstraintBlock,
  type MssqlColumnConstraintKind,
  type MssqlColumnConstraintTarget,
} from './mssql-column-constraint-drop.js';
export {
  commentStatement,
  setCommentStatement,
  type MssqlCommentAction,
  type MssqlCommentTarget,
} from './mssql-extended-property.js';
export { readMssqlIndexOptions, type MssqlIndexOptions } from './mssql-index-options.js';
export { MSSQL_RESERVED_WORDS } from './mssql-reserved-words.js';
export { bracketIdentifier, tsqlString } from './mssql-sql-text.js';
export { nvarchar } from './mssql-types.js';
export { MssqlConnection, type MssqlConnectionOptions } from './mssql-connection.js';
export { connectMssql, mssqlPoolConfig } from './mssql-connect.js';
export {
  isMssqlPool,
  type MssqlDriverResult,
  type MssqlPool,
  type MssqlRequest,
  type MssqlTransaction,
} from './mssql-client.js';
export { toQueryResult } from './mssql-query-result.js';
export { parseMssqlUrl, type MssqlUrl } from './mssql-url.js';
export { MssqlIntrospector } from './mssql-introspector.js';
export {
  MSSQL_INTROSPECTION_QUERIES,
  MSSQL_MAX_NAME_PARAMETERS,
  mssqlIntrospectionQueries,
  type MssqlIntrospectionQueries,
} from './mssql-introspection-queries.js';
export type { MssqlTableRow } from './mssql-introspector.js';
export { MssqlSchemaNormalizer } from './mssql-schema-normalizer.js';
export { canonicalMssqlDefault, canonicalMssqlExpression } from './mssql-expression-text.js';
export { isMssqlGeneratedName } from './mssql-generated-names.js';
export { mssqlTypeRowFromText } from './mssql-type-text.js';
export {
  buildReflectedTable,
  type MssqlCheckRow,
  type MssqlColumnRow,
  type MssqlForeignKeyRow,
  type MssqlIndexRow,
  type MssqlTableRows,
} from './mssql-reflected-table.js';
export { parseMssqlType, type MssqlTypeRow } from './mssql-type-parser.js';
export { parseMssqlDefault } from './mssql-default-parser.js';
export { acquireMssqlMigrationLock, mssqlLockResource } from './mssql-migration-lock.js';
export { translateMssqlError } from './mssql-error-translator.js';
export {
  MssqlDatabaseError,
  type MssqlDatabaseErrorCode,
  type MssqlDatabaseErrorDetails,
} from './mssql-database-error.js';
export { scrubSecret } from './mssql-secret-scrubber.js';

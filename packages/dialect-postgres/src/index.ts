/**
 * @alembic/dialect-postgres: PostgreSQL for @alembic. DDL compiler, introspector, advisory
 * migration lock and error translation over the `pg` driver (a peer dependency, loaded only
 * when a connection opens).
 *
 * @packageDocumentation
 */

export { postgres, postgresDialect } from './postgres-dialect.js';
export type { PostgresDialectOptions } from './postgres-dialect-options.js';
export { postgresCapabilities } from './postgres-capabilities.js';
export { PostgresDdlCompiler, type PostgresDdlCompilerOptions } from './postgres-ddl-compiler.js';
export type {
  PostgresAlterColumnOptions,
  PostgresDropIndexOptions,
  PostgresForeignKeyOptions,
  PostgresIndexOptions,
} from './postgres-operation-options.js';
export type { ExcludeConstraintDefinition, ExcludeConstraintElement } from './postgres-exclude-constraint.js';
export { createExcludeConstraintOperation } from './postgres-exclude-constraint-operation.js';
export { jsonb } from './postgres-types.js';
export type { NamedEnumType } from './postgres-enum-types.js';
export { POSTGRES_RESERVED_WORDS } from './postgres-reserved-words.js';
export { PostgresConnection, type PostgresConnectionOptions } from './postgres-connection.js';
export { connectPostgres } from './postgres-connect.js';
export {
  isPostgresClient,
  isPostgresPool,
  type PostgresClient,
  type PostgresDriverResult,
  type PostgresPool,
} from './postgres-client.js';
export { PostgresIntrospector } from './postgres-introspector.js';
export { parsePostgresType, type PostgresTypeDescription } from './postgres-type-parser.js';
export { parsePostgresDefault } from './postgres-default-expression.js';
export { PostgresSchemaNormalizer } from './postgres-schema-normalizer.js';
export { formatPostgresTypeText, type FormattedPostgresType } from './postgres-type-text.js';
export { canonicalPostgresDefault } from './postgres-default-text.js';
export { canonicalPostgresExpression, type CanonicalExpressionOptions } from './postgres-expression-text.js';
export { postgresObjectName, isPostgresGeneratedName } from './postgres-generated-names.js';
export { acquirePostgresMigrationLock } from './postgres-migration-lock.js';
export { advisoryLockKey } from './postgres-lock-key.js';
export { translatePostgresError } from './postgres-error-translator.js';
export {
  PostgresDatabaseError,
  type PostgresDatabaseErrorCode,
  type PostgresErrorDetails,
} from './postgres-database-error.js';

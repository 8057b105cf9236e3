/**
 * @alembic/core/dialect: what a dialect package builds on. The {@link Dialect} contract and its
 * capabilities, the connection a dialect returns, the default DDL compiler a dialect extends
 * (overriding only what its database does differently), the introspector and schema
 * normalizer contracts with the bases a dialect extends (`BaseSchemaIntrospector`,
 * `DefaultSchemaNormalizer`), `DatabaseError` and its codes for `translateError`, the errors a
 * compiler throws, and the schema model and operation objects a compiler reads.
 *
 * Migration and `env.ts` authors import from `@alembic/core` instead. See
 * docs/adding-a-dialect.md.
 *
 * @packageDocumentation
 */

// The contract
export type {
  Dialect,
  DialectConnectOptions,
  MigrationLockOptions,
  MigrationLockWait,
  ReleaseMigrationLock,
} from '../dialect/dialect.js';
export { defineDialect, type DialectDefinition } from '../dialect/define-dialect.js';
export {
  defaultCapabilities,
  defineCapabilities,
  type DialectCapabilities,
  type OfflineTransactionStatements,
} from '../dialect/dialect-capabilities.js';
export type { DatabaseConnection, QueryResult } from '../dialect/database-connection.js';
export { batchStatementText } from '../dialect/batch-statement-text.js';
export { maskPassword } from '../config/database-url.js';

// DDL: the default compiler and renderer a dialect extends
export type { CompiledStatement, DdlCompiler, DdlCompilerOptions } from '../dialect/ddl-compiler.js';
export { DefaultDdlCompiler } from '../dialect/default-ddl-compiler.js';
export {
  DefaultDdlRenderer,
  type ColumnRenderContext,
  type DefaultDdlCompilerOptions,
  type TypeSpellings,
} from '../dialect/default-ddl-renderer.js';
export type { TableTarget } from '../dialect/default-ddl-statements.js';
export type { IndexStatementParts } from '../dialect/index-statement-parts.js';
export { DEFAULT_RESERVED_WORDS } from '../dialect/reserved-words.js';
export type { BatchRecreatePlan, ColumnTransfer } from '../operations/batch/plan-batch-recreate.js';

// Reading a schema back, and comparing it with the models
export type { GetTablesOptions, SchemaIntrospector } from '../dialect/schema-introspector.js';
export { BaseSchemaIntrospector } from '../dialect/base-schema-introspector.js';
export { groupRows } from '../dialect/group-rows.js';
export { tableExists } from '../dialect/table-exists.js';
export { reflectedCheckConstraint } from '../dialect/reflected-check-constraint.js';
export type { ReflectedTableRows } from '../dialect/reflected-table-rows.js';
export { reflectedForeignKeys, type ForeignKeyColumnRow } from '../dialect/reflected-foreign-keys.js';
export { idempotentRelease } from '../dialect/idempotent-release.js';
export { loadDriver, type LoadDriverOptions } from '../dialect/load-driver.js';
export {
  defineDialectConnect,
  type DialectConnect,
  type DialectConnectWays,
} from '../dialect/define-dialect-connect.js';
export { connectionPassword } from '../dialect/connection-password.js';
export { closeOnFailure } from '../dialect/close-on-failure.js';
export {
  isWrappedInParentheses,
  withoutEnclosingParentheses,
  withoutOuterParentheses,
} from '../dialect/sql-parentheses.js';
export {
  DefaultSchemaNormalizer,
  withoutGeneratedName,
  type ForeignKeyOption,
  type SchemaNormalizer,
  type SchemaSide,
} from '../autogenerate/schema-normalizer.js';

// Errors a dialect throws or translates to
export { AlembicError } from '../errors/alembic-error.js';
export { CommandError } from '../errors/command-error.js';
export { ConfigError } from '../errors/config-error.js';
export { DatabaseError, type DatabaseErrorCode, type DatabaseErrorOptions } from '../errors/database-error.js';
export { secretScrubber, type SecretScrubber, type SecretScrubberOptions } from '../errors/secret-scrubber.js';
export {
  driverErrorOptions,
  driverMessage,
  isErrorLike,
  serverErrorNumber,
} from '../dialect/driver-error-fields.js';
export { InvalidOperationError } from '../errors/invalid-operation-error.js';
export { InvalidSchemaError } from '../errors/invalid-schema-error.js';
export { UnsupportedOperationError } from '../errors/unsupported-operation-error.js';

// The schema model and operation objects, with the helpers compilers use on them
export * from './schema-model.js';
export * from './operation-objects.js';
export { constraintNameText } from '../schema/converted-name.js';
export { findColumn } from '../schema/table.js';
export { isAutoincrementColumn } from '../schema/autoincrement-column.js';

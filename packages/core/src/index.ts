/**
 * @alembic/core: the revision graph, the script directory, configuration and the commands of
 * Alembic, for TypeScript. No database driver is imported here; dialect packages bring them.
 *
 * @packageDocumentation
 */

// Errors
export { AlembicError } from './errors/alembic-error.js';
export { CommandError } from './errors/command-error.js';
export { ConfigError } from './errors/config-error.js';
export {
  CycleDetectedError,
  DependencyCycleDetectedError,
  DependencyLoopDetectedError,
  LoopDetectedError,
} from './errors/cycle-detected-error.js';
export { MultipleHeadsError } from './errors/multiple-heads-error.js';
export { RangeNotAncestorError } from './errors/range-not-ancestor-error.js';
export { ResolutionError } from './errors/resolution-error.js';
export { RevisionError } from './errors/revision-error.js';
export { ScriptFileError } from './errors/script-file-error.js';
export { FileTemplateError } from './errors/file-template-error.js';
export { UnknownTimezoneError } from './errors/unknown-timezone-error.js';

// Revision graph
export { Revision, assertValidRevisionId, type RevisionDeclaration, type RevisionReference } from './revision/revision.js';
export { RevisionMap, type IterateRevisionsOptions, type RevisionMapOptions } from './revision/revision-map.js';
export { BASE, type RevisionTarget, type WalkResult } from './revision/revision-target.js';

// Script directory
export { Script } from './script/script.js';
export { ScriptDirectory, type GenerateRevisionOptions } from './script/script-directory.js';
export { formatLogEntry, formatScriptLine, formatScript, type ScriptLineOptions } from './script/format-script.js';
export { readScriptHeader, type ScriptHeader } from './script/script-header.js';

// Configuration
export { defineConfig, type AlembicConfig, type TypeOrmSettings } from './config/alembic-config.js';
export { Config, type ConfigInit, type OutputStreams } from './config/config.js';
export { loadConfig, type LoadedConfig } from './config/load-config.js';
export { findConfigFile, CONFIG_FILE_NAMES } from './config/find-config-file.js';

// Loading scripts
export { enableTypeScriptImports, enableTypeScriptRequire, importModule } from './loader/import-module.js';
export { DECORATOR_COMPILER, type DecoratorCompiler } from './loader/decorator-compiler.js';

// Commands
export { branches, type BranchesOptions } from './commands/branches.js';
export { edit } from './commands/edit.js';
export { heads, type HeadsOptions } from './commands/heads.js';
export { history, type HistoryOptions } from './commands/history.js';
export { init, type InitOptions } from './commands/init.js';
export { availableTemplates, listTemplates, type TemplateDescription } from './commands/list-templates.js';
export { merge, type MergeOptions } from './commands/merge.js';
export { revision, type RevisionOptions } from './commands/revision.js';
export { show } from './commands/show.js';

// Running migrations
export { context, op } from './runtime/proxies.js';
export { EnvironmentContext, type ConfigureOptions, type EnvironmentOptions } from './runtime/environment-context.js';
export {
  MigrationContext,
  type MigrationContextOptions,
  type StepPlanner,
  type VersionApplyEvent,
} from './runtime/migration-context.js';
export { RevisionStep, StampStep, type MigrationStep, type VersionChange } from './runtime/migration-step.js';
export type { StepFunction } from './runtime/load-step-function.js';
export { HeadMaintainer, type VersionTableWriter } from './runtime/head-maintainer.js';
export { planDowngrade, planStamp, planUpgrade } from './runtime/plan-steps.js';
export { VersionTable, type VersionTableOptions } from './runtime/version-table.js';
export { runEnvironment } from './runtime/run-environment.js';
export { MigrationFailedError, type MigrationFailure } from './errors/migration-failed-error.js';
export { DatabaseError, type DatabaseErrorCode } from './errors/database-error.js';
export { anchorSqliteUrl, maskPassword, parseDatabaseUrl, type DatabaseUrl } from './config/database-url.js';
export { batchStatementText } from './dialect/batch-statement-text.js';
export { resolveDialect } from './dialect/resolve-dialect.js';
export { current, type CurrentOptions } from './commands/current.js';
export { downgrade } from './commands/downgrade.js';
export { ensureVersion } from './commands/ensure-version.js';
export { stamp, type StampOptions } from './commands/stamp.js';
export { upgrade } from './commands/upgrade.js';
export type { RunOptions } from './commands/run-options.js';

// Dialect contract
export type { Dialect, DialectConnectOptions, MigrationLockOptions, ReleaseMigrationLock } from './dialect/dialect.js';
export {
  defaultCapabilities,
  defineCapabilities,
  type DialectCapabilities,
  type OfflineTransactionStatements,
} from './dialect/dialect-capabilities.js';
export type { DatabaseConnection, QueryResult } from './dialect/database-connection.js';
export type { CompiledStatement, DdlCompiler, DdlCompilerOptions } from './dialect/ddl-compiler.js';
export type { SchemaIntrospector } from './dialect/schema-introspector.js';
export { DefaultDdlRenderer, type ColumnRenderContext, type DefaultDdlCompilerOptions } from './dialect/default-ddl-renderer.js';
export { DefaultDdlStatements, type TableTarget } from './dialect/default-ddl-statements.js';
export { DefaultDdlCompiler } from './dialect/default-ddl-compiler.js';
export { DEFAULT_RESERVED_WORDS } from './dialect/reserved-words.js';
export { InvalidOperationError } from './errors/invalid-operation-error.js';
export { InvalidSchemaError } from './errors/invalid-schema-error.js';
export { UnsupportedOperationError } from './errors/unsupported-operation-error.js';
export {
  bigInteger, boolean, date, dateTime, enumType, float, integer, isColumnType, json, largeBinary, numeric, rawType, smallInteger, string, text, time, uuid,
  type BigIntegerType, type BooleanType, type ColumnType, type ColumnTypeKind, type DateTimeType, type DateType, type EnumType, type FloatType,
  type IntegerType, type JsonType, type LargeBinaryType, type NumericType, type RawType, type SmallIntegerType, type StringType, type TextType,
  type TimeType, type UuidType,
} from './schema/column-types.js';
export { column, isColumnModel, type ColumnModel, type ColumnOptions, type IdentityOptions, type ServerDefault } from './schema/column.js';
export {
  checkConstraint, constraintColumns, foreignKeyConstraint, isConstraintModel, primaryKeyConstraint, uniqueConstraint,
  type CheckConstraintModel, type ConstraintModel, type ForeignKeyConstraintModel, type PrimaryKeyConstraintModel, type UniqueConstraintModel,
} from './schema/constraints.js';
export { constraintNameText, convertedName, isConvertedName, type ConstraintName, type ConvertedName } from './schema/converted-name.js';
export { index, indexColumnNames, isIndexModel, type IndexElement, type IndexModel, type IndexOptions } from './schema/index-model.js';
export { inlineLiteral, isInlineLiteral, type InlineLiteral } from './schema/inline-literal.js';
export { isSqlExpression, sql, type SqlExpression } from './schema/sql-expression.js';
export { findColumn, isTableModel, table, type TableConstraintModel, type TableElement, type TableModel, type TableOptions } from './schema/table.js';
export type { ForeignKeyOptions, ForeignKeyReference, ForeignKeyReferenceInput, ReferentialAction } from './schema/foreign-key-reference.js';
export { defaultNamingConvention, resolveConstraintName, type NamingConvention, type NamingConventionKey } from './schema/naming-convention.js';
export type { DialectOptions } from './schema/dialect-options.js';
export { isAutoincrementColumn } from './schema/autoincrement-column.js';
export {
  dispatchOperation, OPERATION_KINDS, type Operation, type OperationHandlers, type OperationKind, type OperationMap,
} from './operations/operation.js';
export { reverseOperation } from './operations/reverse-operation.js';
export type { OperationInvoker } from './operations/operation-invoker.js';
export type { AlterColumnOptions, CreateForeignKeyOptions, CreateIndexOptions } from './operations/batch-operations.js';
export { IrreversibleOperationError } from './errors/irreversible-operation-error.js';
export { NamingConventionError } from './errors/naming-convention-error.js';
export { splitNamedParameters } from './dialect/named-parameters.js';
export { Operations, type BatchAlterTableOptions, type BatchCallback } from './operations/operations.js';
export { BatchOperations } from './operations/batch-operations.js';
export { addColumnOperation, type AddColumnOperation } from './operations/add-column-operation.js';
export { alterColumnOperation, type AlterColumnOperation } from './operations/alter-column-operation.js';
export {
  batchAlterTableOperation, type BatchAlterTableOperation, type BatchOperation, type BatchRecreateMode,
} from './operations/batch-alter-table-operation.js';
export { bulkInsertOperation, type BulkInsertColumn, type BulkInsertOperation } from './operations/bulk-insert-operation.js';
export { createCheckConstraintOperation, type CreateCheckConstraintOperation } from './operations/create-check-constraint-operation.js';
export { createForeignKeyOperation, type CreateForeignKeyOperation } from './operations/create-foreign-key-operation.js';
export { createIndexOperation, type CreateIndexOperation } from './operations/create-index-operation.js';
export { createPrimaryKeyOperation, type CreatePrimaryKeyOperation } from './operations/create-primary-key-operation.js';
export { createTableCommentOperation, type CreateTableCommentOperation } from './operations/create-table-comment-operation.js';
export { createTableOperation, type CreateTableOperation } from './operations/create-table-operation.js';
export { createUniqueConstraintOperation, type CreateUniqueConstraintOperation } from './operations/create-unique-constraint-operation.js';
export { dropColumnOperation, type DropColumnOperation } from './operations/drop-column-operation.js';
export { dropConstraintOperation, type DropConstraintOperation, type DropConstraintType } from './operations/drop-constraint-operation.js';
export { dropIndexOperation, type DropIndexOperation } from './operations/drop-index-operation.js';
export { dropTableCommentOperation, type DropTableCommentOperation } from './operations/drop-table-comment-operation.js';
export { dropTableOperation, type DropTableOperation } from './operations/drop-table-operation.js';
export { executeOperation, type ExecuteOperation } from './operations/execute-operation.js';
export { renameTableOperation, type RenameTableOperation } from './operations/rename-table-operation.js';
export { planBatchRecreate, type BatchRecreatePlan, type ColumnTransfer } from './operations/batch/plan-batch-recreate.js';
export { requiresRecreate } from './operations/batch/requires-recreate.js';

// Autogenerate
export { metadata, isMetadataModel, type MetadataModel, type MetadataOptions } from './schema/metadata.js';
export type { GetTablesOptions } from './dialect/schema-introspector.js';
export { DefaultSchemaNormalizer, type SchemaNormalizer, type SchemaSide } from './autogenerate/schema-normalizer.js';
export type { MigrationPlan, PlannedOperation, RenameDirective } from './autogenerate/migration-plan.js';
export type {
  AutogenerateObjectType,
  AutogenerateOptions,
  AutogenerateParentNames,
  CompareServerDefaultFunction,
  CompareTypeFunction,
  RenderContext,
  RenderItemType,
  RevisionDirective,
} from './autogenerate/autogenerate-options.js';
export {
  produceMigrationPlan,
  type AutogenerateResult,
  type ProduceMigrationPlanInput,
} from './autogenerate/produce-migration-plan.js';
export { snapshotIntrospector, type SnapshotIntrospectorOptions } from './autogenerate/snapshot-introspector.js';
export { resolveModelTable, type ResolvedModelTable, type ResolveModelTableOptions } from './autogenerate/resolve-model-table.js';
export {
  describePlanDifferences,
  formatDifferenceList,
  type PlanDifference,
} from './autogenerate/describe-plan-differences.js';
export { describeColumnType } from './autogenerate/describe-column-type.js';
export { operationDataLoss } from './autogenerate/operation-data-loss.js';
export { columnTypesDiffer, typeChangeLoss, typesCompatible } from './autogenerate/column-type-comparison.js';
export { reverseUpgradeOperations, type ReverseUpgradeOptions } from './autogenerate/reverse-upgrade-operations.js';
export {
  renderMigration,
  RENDER_END_MARKER,
  RENDER_START_MARKER,
  type RenderedMigration,
  type RenderMigrationInput,
  type RenderMigrationOptions,
} from './autogenerate/render-migration.js';
export { check } from './commands/check.js';
export { renameQuestion } from './commands/run-autogenerate.js';
export { AutogenerateDiffsDetectedError } from './errors/autogenerate-diffs-detected-error.js';

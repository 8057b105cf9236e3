/**
 * Operations as data (what `op.*` records, what a DDL compiler compiles, what autogenerate
 * plans), shared by `@alembic/core` (for `processRevisionDirectives` hooks, which read and
 * rewrite planned operations) and `@alembic/core/dialect`. Named exports only: each entry
 * point re-exports this module with `export *`.
 */
export {
  OPERATION_KINDS,
  type Operation,
  type OperationHandlers,
  type OperationKind,
  type OperationMap,
  type OperationOfKind,
} from '../operations/operation.js';
export {
  addColumnOperation,
  type AddColumnOperation,
  type AddColumnOptions,
  type BatchAddColumnOptions,
} from '../operations/add-column-operation.js';
export {
  alterColumnOperation,
  type AlterColumnOperation,
  type AlterColumnOptions,
  type AlterableColumnAspects,
  type ExistingColumnAspects,
} from '../operations/alter-column-operation.js';
export {
  batchAlterTableOperation,
  type BatchAlterTableOperation,
  type BatchOperation,
  type BatchRecreateMode,
} from '../operations/batch-alter-table-operation.js';
export {
  bulkInsertOperation,
  type BulkInsertColumn,
  type BulkInsertOperation,
  type BulkInsertOptions,
  type BulkInsertRow,
  type BulkInsertTable,
} from '../operations/bulk-insert-operation.js';
export {
  createCheckConstraintOperation,
  type CreateCheckConstraintOperation,
  type CreateCheckConstraintOptions,
} from '../operations/create-check-constraint-operation.js';
export {
  createForeignKeyOperation,
  type CreateForeignKeyOperation,
  type CreateForeignKeyOptions,
} from '../operations/create-foreign-key-operation.js';
export {
  createIndexOperation,
  type CreateIndexOperation,
  type CreateIndexOptions,
} from '../operations/create-index-operation.js';
export {
  createPrimaryKeyOperation,
  type CreatePrimaryKeyOperation,
  type CreatePrimaryKeyOptions,
} from '../operations/create-primary-key-operation.js';
export {
  createTableCommentOperation,
  type CreateTableCommentOperation,
  type CreateTableCommentOptions,
} from '../operations/create-table-comment-operation.js';
export {
  createTableOperation,
  type CreateTableOperation,
  type CreateTableOptions,
} from '../operations/create-table-operation.js';
export {
  createUniqueConstraintOperation,
  type CreateUniqueConstraintOperation,
  type CreateUniqueConstraintOptions,
} from '../operations/create-unique-constraint-operation.js';
export {
  dropColumnOperation,
  type DropColumnOperation,
  type DropColumnOptions,
} from '../operations/drop-column-operation.js';
export {
  dropConstraintOperation,
  type DropConstraintOperation,
  type DropConstraintOptions,
  type DropConstraintType,
} from '../operations/drop-constraint-operation.js';
export {
  dropIndexOperation,
  type DropIndexOperation,
  type DropIndexOptions,
} from '../operations/drop-index-operation.js';
export {
  dropTableCommentOperation,
  type DropTableCommentOperation,
  type DropTableCommentOptions,
} from '../operations/drop-table-comment-operation.js';
export {
  dropTableOperation,
  type DropTableOperation,
  type DropTableOptions,
} from '../operations/drop-table-operation.js';
export {
  executeOperation,
  type ExecuteOperation,
  type ExecuteOptions,
  type ExecuteParameters,
} from '../operations/execute-operation.js';
export {
  renameTableOperation,
  type RenameTableOperation,
  type RenameTableOptions,
} from '../operations/rename-table-operation.js';

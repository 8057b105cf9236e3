import type { AddColumnOperation } from './add-column-operation.js';
import type { AlterColumnOperation } from './alter-column-operation.js';
import type { BatchAlterTableOperation } from './batch-alter-table-operation.js';
import type { BulkInsertOperation } from './bulk-insert-operation.js';
import type { CreateCheckConstraintOperation } from './create-check-constraint-operation.js';
import type { CreateForeignKeyOperation } from './create-foreign-key-operation.js';
import type { CreateIndexOperation } from './create-index-operation.js';
import type { CreatePrimaryKeyOperation } from './create-primary-key-operation.js';
import type { CreateTableCommentOperation } from './create-table-comment-operation.js';
import type { CreateTableOperation } from './create-table-operation.js';
import type { CreateUniqueConstraintOperation } from './create-unique-constraint-operation.js';
import type { DropColumnOperation } from './drop-column-operation.js';
import type { DropConstraintOperation } from './drop-constraint-operation.js';
import type { DropIndexOperation } from './drop-index-operation.js';
import type { DropTableCommentOperation } from './drop-table-comment-operation.js';
import type { DropTableOperation } from './drop-table-operation.js';
import type { ExecuteOperation } from './execute-operation.js';
import type { RenameTableOperation } from './rename-table-operation.js';

/**
 * Every migration operation, by kind. Handler tables are typed `Record<OperationKind, ...>`
 * over it, so adding a kind here makes `tsc` list every compiler, reverser and renderer that
 * lacks a handler.
 */
export interface OperationMap {
  createTable: CreateTableOperation;
  dropTable: DropTableOperation;
  renameTable: RenameTableOperation;
  addColumn: AddColumnOperation;
  dropColumn: DropColumnOperation;
  alterColumn: AlterColumnOperation;
  createIndex: CreateIndexOperation;
  dropIndex: DropIndexOperation;
  createUniqueConstraint: CreateUniqueConstraintOperation;
  createForeignKey: CreateForeignKeyOperation;
  createCheckConstraint: CreateCheckConstraintOperation;
  createPrimaryKey: CreatePrimaryKeyOperation;
  dropConstraint: DropConstraintOperation;
  createTableComment: CreateTableCommentOperation;
  dropTableComment: DropTableCommentOperation;
  bulkInsert: BulkInsertOperation;
  execute: ExecuteOperation;
  batchAlterTable: BatchAlterTableOperation;
}

/** The `kind` tag of every operation. */
export type OperationKind = keyof OperationMap;

/** Any migration operation: immutable data discriminated by `kind`. */
export type Operation = OperationMap[OperationKind];

/** The operation type of one kind. */
export type OperationOfKind<Kind extends OperationKind> = OperationMap[Kind];

/**
 * A table of one handler per operation kind; `tsc` reports a missing kind.
 *
 * ```ts
 * const describe: OperationHandlers<string> = { createTable: (operation) => operation.table.name, ... };
 * ```
 */
export type OperationHandlers<Result> = { readonly [Kind in OperationKind]: (operation: OperationMap[Kind]) => Result };

/** Calls the handler for `operation.kind`. */
export function dispatchOperation<Result>(handlers: OperationHandlers<Result>, operation: Operation): Result {
  const handler = handlers[operation.kind] as (value: Operation) => Result;
  return handler(operation);
}

const KIND_PRESENCE: Readonly<Record<OperationKind, true>> = {
  createTable: true,
  dropTable: true,
  renameTable: true,
  addColumn: true,
  dropColumn: true,
  alterColumn: true,
  createIndex: true,
  dropIndex: true,
  createUniqueConstraint: true,
  createForeignKey: true,
  createCheckConstraint: true,
  createPrimaryKey: true,
  dropConstraint: true,
  createTableComment: true,
  dropTableComment: true,
  bulkInsert: true,
  execute: true,
  batchAlterTable: true,
};

/** All operation kinds, in declaration order. */
export const OPERATION_KINDS: readonly OperationKind[] = Object.freeze(Object.keys(KIND_PRESENCE) as OperationKind[]);

import { InvalidOperationError } from '../errors/invalid-operation-error.js';
import type { TableModel } from '../schema/table.js';
import type { AddColumnOperation } from './add-column-operation.js';
import type { AlterColumnOperation } from './alter-column-operation.js';
import { buildOperation, requireText } from './build-operation.js';
import type { CreateCheckConstraintOperation } from './create-check-constraint-operation.js';
import type { CreateForeignKeyOperation } from './create-foreign-key-operation.js';
import type { CreateIndexOperation } from './create-index-operation.js';
import type { CreatePrimaryKeyOperation } from './create-primary-key-operation.js';
import type { CreateTableCommentOperation } from './create-table-comment-operation.js';
import type { CreateUniqueConstraintOperation } from './create-unique-constraint-operation.js';
import type { DropColumnOperation } from './drop-column-operation.js';
import type { DropConstraintOperation } from './drop-constraint-operation.js';
import type { DropIndexOperation } from './drop-index-operation.js';
import type { DropTableCommentOperation } from './drop-table-comment-operation.js';
import type { ExecuteOperation } from './execute-operation.js';

/** The operations a batch may hold: everything that changes one existing table, plus `execute`. */
export type BatchOperation =
  | AddColumnOperation
  | DropColumnOperation
  | AlterColumnOperation
  | CreateIndexOperation
  | DropIndexOperation
  | CreateUniqueConstraintOperation
  | CreateForeignKeyOperation
  | CreateCheckConstraintOperation
  | CreatePrimaryKeyOperation
  | DropConstraintOperation
  | CreateTableCommentOperation
  | DropTableCommentOperation
  | ExecuteOperation;

/** The `kind` of every {@link BatchOperation}. */
export type BatchOperationKind = BatchOperation['kind'];

/**
 * When to rebuild the table by move-and-copy: `'auto'` when the dialect needs it for one of the
 * operations (SQLite), `'always'`, or `'never'` (plain ALTER statements).
 */
export type BatchRecreateMode = 'auto' | 'always' | 'never';

/**
 * A group of changes to one table (Alembic's `batch_alter_table`): plain ALTERs where the
 * dialect can, or one rebuild of the table (create a copy with the new shape, copy the rows,
 * drop the old table, rename the copy) where it cannot. Reverse: the reversed operations in
 * reverse order.
 */
export interface BatchAlterTableOperation {
  readonly kind: 'batchAlterTable';
  readonly tableName: string;
  readonly schema?: string;
  readonly recreate: BatchRecreateMode;
  readonly operations: readonly BatchOperation[];
  /** The table as it is before the batch; offline rebuilds need it (online, the runtime reflects). */
  readonly copyFrom?: TableModel;
  /** Column orderings to honour in the rebuilt table, e.g. `[['id', 'name', 'email']]`. */
  readonly partialReordering?: readonly (readonly string[])[];
}

/** The kinds of batch operation that change the batch's table (every kind but `execute`). */
export const TABLE_BATCH_KINDS: ReadonlySet<string> = new Set<Exclude<BatchOperationKind, 'execute'>>([
  'addColumn',
  'dropColumn',
  'alterColumn',
  'createIndex',
  'dropIndex',
  'createUniqueConstraint',
  'createForeignKey',
  'createCheckConstraint',
  'createPrimaryKey',
  'dropConstraint',
  'createTableComment',
  'dropTableComment',
]);

const BATCH_KINDS: ReadonlySet<string> = new Set<string>([
  ...TABLE_BATCH_KINDS,
  'execute' satisfies BatchOperationKind,
]);

/** The table an operation of a batch applies to, if it names one. */
export function batchOperationTableName(operation: BatchOperation): string | undefined {
  if (operation.kind === 'execute') {
    return undefined;
  }
  return operation.kind === 'createForeignKey' ? operation.sourceTable : operation.tableName;
}

/**
 * Builds a `batchAlterTable` operation, checking that every inner operation may be batched and
 * targets this table.
 *
 * ```ts
 * batchAlterTableOperation({
 *   tableName: 'foo',
 *   operations: [alterColumnOperation({ tableName: 'foo', columnName: 'data', type: integer() })],
 * });
 * ```
 */
export function batchAlterTableOperation(
  fields: Omit<BatchAlterTableOperation, 'kind' | 'recreate'> & { recreate?: BatchRecreateMode },
): BatchAlterTableOperation {
  const tableName = requireText('batchAlterTable', 'tableName', fields.tableName);
  const recreate = fields.recreate ?? 'auto';
  if (!['auto', 'always', 'never'].includes(recreate)) {
    throw new InvalidOperationError(`batchAlterTable: recreate must be 'auto', 'always' or 'never', got '${recreate}'`);
  }
  for (const operation of fields.operations) {
    if (!BATCH_KINDS.has(operation.kind)) {
      throw new InvalidOperationError(
        `batchAlterTable: '${operation.kind}' cannot be part of a batch on '${tableName}'`,
      );
    }
    const target = batchOperationTableName(operation);
    if (target !== undefined && target !== tableName) {
      throw new InvalidOperationError(
        `batchAlterTable: a '${operation.kind}' on table '${target}' cannot be part of a batch on '${tableName}'`,
      );
    }
  }
  if (fields.copyFrom !== undefined && fields.copyFrom.name !== tableName) {
    throw new InvalidOperationError(
      `batchAlterTable: copyFrom describes table '${fields.copyFrom.name}', not '${tableName}'`,
    );
  }
  return buildOperation('batchAlterTable', fields, { tableName, recreate, operations: [...fields.operations] });
}

import { InvalidOperationError } from '../../errors/invalid-operation-error.js';
import type { ColumnType } from '../../schema/column-types.js';
import type { ColumnModel } from '../../schema/column.js';
import type { NamingConvention } from '../../schema/naming-convention.js';
import { defaultNamingConvention } from '../../schema/naming-convention.js';
import type { TableModel } from '../../schema/table.js';
import { findColumn } from '../../schema/table.js';
import type { BatchOperation, BatchOperationKind } from '../batch-alter-table-operation.js';
import { constraintOfOperation, indexOfOperation } from '../constraint-operations.js';
import type { ExecuteOperation } from '../execute-operation.js';
import { BatchTableDraft } from './batch-table-draft.js';
import { orderColumnsPartially } from './order-columns-partially.js';
import { needsCastOnCopy } from './type-affinity.js';

/** How one column of the rebuilt table is filled from the old table. */
export interface ColumnTransfer {
  readonly targetColumn: string;
  readonly sourceColumn: string;
  /** Set when the copy needs `CAST(old.source AS <castTo>)`. */
  readonly castTo?: ColumnType;
}

/**
 * A batch rebuild, as data: create `temporaryTableName` shaped like `newTable`, copy the rows
 * per `columnTransfers`, drop the old table, rename the copy, create `newTable`'s indexes.
 * `executeBefore` / `executeAfter` are the batch's `execute` operations, run before the rebuild
 * when recorded before the first structural change, after it otherwise.
 */
export interface BatchRecreatePlan {
  readonly originalTable: TableModel;
  readonly newTable: TableModel;
  readonly columnTransfers: readonly ColumnTransfer[];
  readonly temporaryTableName: string;
  readonly executeBefore: readonly ExecuteOperation[];
  readonly executeAfter: readonly ExecuteOperation[];
}

/** Options of {@link planBatchRecreate}. */
export interface PlanBatchRecreateOptions {
  /** Orderings the rebuilt table's columns must respect, e.g. `[['id', 'name']]`. */
  readonly partialReordering?: readonly (readonly string[])[];
  /** The naming convention, to find constraints and indexes dropped by their generated names. */
  readonly namingConvention?: NamingConvention;
}

/** The longest temporary table name (Alembic truncates `_alembic_tmp_<name>` to 50 characters). */
export const TEMPORARY_TABLE_NAME_LENGTH = 50;

type DraftEditor = {
  readonly [Kind in BatchOperationKind]: (
    draft: BatchTableDraft,
    operation: Extract<BatchOperation, { kind: Kind }>,
  ) => void;
};

function alteredColumn(model: ColumnModel, operation: Extract<BatchOperation, { kind: 'alterColumn' }>): ColumnModel {
  const { serverDefault: _serverDefault, comment: _comment, identity: _identity, ...withoutOptional } = model;
  const serverDefault =
    operation.serverDefault === undefined ? model.serverDefault : (operation.serverDefault ?? undefined);
  const comment = operation.comment === undefined ? model.comment : (operation.comment ?? undefined);
  const identity = operation.identity === undefined ? model.identity : (operation.identity ?? undefined);
  return {
    ...withoutOptional,
    name: operation.newColumnName ?? model.name,
    type: operation.type ?? model.type,
    nullable: operation.nullable ?? model.nullable,
    autoincrement: operation.autoincrement ?? model.autoincrement,
    ...(serverDefault === undefined ? {} : { serverDefault }),
    ...(comment === undefined ? {} : { comment }),
    ...(identity === undefined ? {} : { identity }),
  };
}

const EDITORS: DraftEditor = {
  addColumn: (draft, operation) => {
    const { column } = operation;
    if (draft.columns.some((entry) => entry.model.name === column.name)) {
      throw new InvalidOperationError(`Column '${column.name}' already exists`);
    }
    let position = draft.columns.length;
    if (operation.insertBefore !== undefined) {
      position = draft.columnIndex(operation.insertBefore);
    } else if (operation.insertAfter !== undefined) {
      position = draft.columnIndex(operation.insertAfter) + 1;
    }
    draft.columns.splice(position, 0, { model: column });
    if (column.primaryKey) {
      draft.primaryKey = {
        kind: 'primaryKeyConstraint',
        ...draft.primaryKey,
        columns: [...(draft.primaryKey?.columns ?? []), column.name],
      };
    }
  },
  dropColumn: (draft, operation) => {
    draft.columns.splice(draft.columnIndex(operation.columnName), 1);
    draft.removeColumnReferences(operation.columnName);
  },
  alterColumn: (draft, operation) => {
    const position = draft.columnIndex(operation.columnName);
    const current = (draft.columns[position] as { model: ColumnModel }).model;
    draft.replaceColumn(position, alteredColumn(current, operation));
    if (operation.newColumnName !== undefined && operation.newColumnName !== operation.columnName) {
      draft.renameColumnReferences(operation.columnName, operation.newColumnName);
    }
  },
  createIndex: (draft, operation) => {
    draft.indexes.push(indexOfOperation(operation));
  },
  dropIndex: (draft, operation) => {
    if (operation.indexName === undefined) {
      throw new InvalidOperationError('dropIndex in a batch needs the index name');
    }
    draft.dropIndex(operation.indexName);
  },
  createUniqueConstraint: (draft, operation) => {
    draft.constraints.push(constraintOfOperation(operation));
  },
  createForeignKey: (draft, operation) => {
    draft.constraints.push(constraintOfOperation(operation));
  },
  createCheckConstraint: (draft, operation) => {
    draft.constraints.push(constraintOfOperation(operation));
  },
  createPrimaryKey: (draft, operation) => {
    operation.columns.forEach((columnName) => draft.columnIndex(columnName));
    draft.primaryKey = {
      kind: 'primaryKeyConstraint',
      ...(operation.constraintName === undefined ? {} : { name: operation.constraintName }),
      columns: operation.columns,
    };
  },
  dropConstraint: (draft, operation) =>
    draft.dropConstraint(operation.constraintName, operation.type, operation.existingConstraint),
  createTableComment: (draft, operation) => {
    draft.comment = operation.comment;
  },
  dropTableComment: (draft) => {
    draft.comment = undefined;
  },
  execute: () => undefined,
};

/**
 * Plans the move-and-copy rebuild of `table` that carries out `operations` (Alembic's batch
 * "recreate"). Pure: the table model in, a {@link BatchRecreatePlan} out; a dialect's compiler
 * turns the plan into SQL.
 *
 * ```ts
 * const plan = planBatchRecreate(foo, [alterColumnOperation({ tableName: 'foo', columnName: 'data', type: integer() })]);
 * plan.columnTransfers; // [{ targetColumn: 'id', sourceColumn: 'id' }, { targetColumn: 'data', sourceColumn: 'data', castTo: integer() }, ...]
 * ```
 */
export function planBatchRecreate(
  table: TableModel,
  operations: readonly BatchOperation[],
  options: PlanBatchRecreateOptions = {},
): BatchRecreatePlan {
  const draft = new BatchTableDraft(table, { ...defaultNamingConvention, ...options.namingConvention });
  const executeBefore: ExecuteOperation[] = [];
  const executeAfter: ExecuteOperation[] = [];
  let structuralChangeSeen = false;
  for (const operation of operations) {
    if (operation.kind === 'execute') {
      (structuralChangeSeen ? executeAfter : executeBefore).push(operation);
      continue;
    }
    structuralChangeSeen = true;
    const edit = EDITORS[operation.kind] as (target: BatchTableDraft, value: BatchOperation) => void;
    edit(draft, operation);
  }
  if (options.partialReordering !== undefined) {
    draft.columns = orderColumnsPartially(draft.columns, (entry) => entry.model.name, options.partialReordering);
  }
  const newTable = draft.toTable();
  const columnTransfers: ColumnTransfer[] = [];
  for (const { model, sourceColumn } of draft.columns) {
    if (sourceColumn === undefined) {
      continue;
    }
    const sourceType = (findColumn(table, sourceColumn) as ColumnModel).type;
    const castTo = needsCastOnCopy(sourceType, model.type) ? model.type : undefined;
    columnTransfers.push({ targetColumn: model.name, sourceColumn, ...(castTo === undefined ? {} : { castTo }) });
  }
  return Object.freeze({
    originalTable: table,
    newTable,
    temporaryTableName: `_alembic_tmp_${table.name}`.slice(0, TEMPORARY_TABLE_NAME_LENGTH),
    columnTransfers: Object.freeze(columnTransfers),
    executeBefore: Object.freeze(executeBefore),
    executeAfter: Object.freeze(executeAfter),
  });
}

import { IrreversibleOperationError } from '../errors/irreversible-operation-error.js';
import type { ConstraintName } from '../schema/converted-name.js';
import { constraintNameText } from '../schema/converted-name.js';
import { addColumnOperation } from './add-column-operation.js';
import type { AlterColumnOperation } from './alter-column-operation.js';
import { ALTER_COLUMN_ASPECTS, alterColumnOperation } from './alter-column-operation.js';
import type { BatchOperation } from './batch-alter-table-operation.js';
import { batchAlterTableOperation } from './batch-alter-table-operation.js';
import type { ConstraintCreatingOperation } from './constraint-operations.js';
import { constraintOfOperation, indexOfOperation, operationOfConstraint } from './constraint-operations.js';
import { createIndexOperation } from './create-index-operation.js';
import { createTableCommentOperation } from './create-table-comment-operation.js';
import { createTableOperation } from './create-table-operation.js';
import { dropColumnOperation } from './drop-column-operation.js';
import { dropConstraintOperation } from './drop-constraint-operation.js';
import { dropIndexOperation } from './drop-index-operation.js';
import { dropTableCommentOperation } from './drop-table-comment-operation.js';
import { dropTableOperation } from './drop-table-operation.js';
import type { Operation, OperationHandlers } from './operation.js';
import { dispatchOperation } from './operation.js';
import { renameTableOperation } from './rename-table-operation.js';

function irreversible(kind: string, message: string, missing?: string): IrreversibleOperationError {
  return new IrreversibleOperationError(kind, message, missing === undefined ? {} : { missing });
}

/**
 * `operation[field]`, which the reverse of a drop creates again; when the operation does not
 * carry it, an {@link IrreversibleOperationError} naming the field. `subject` says what the
 * operation drops (`of 'account'`), `what` what the field holds.
 */
function carried<Op extends Operation, Field extends keyof Op & string>(
  operation: Op,
  field: Field,
  subject: string,
  what: string,
): Exclude<Op[Field], undefined> {
  const value = operation[field];
  if (value === undefined) {
    const { kind } = operation;
    throw irreversible(
      kind,
      `Cannot reverse ${kind} ${subject}: the operation does not carry ${what} (${field})`,
      field,
    );
  }
  return value as Exclude<Op[Field], undefined>;
}

const quotedName = (name: ConstraintName | undefined): string =>
  name === undefined ? "'(unnamed)'" : `'${constraintNameText(name)}'`;

function reverseAlterColumn(operation: AlterColumnOperation): AlterColumnOperation {
  const reversed: Record<string, unknown> = { ...operation };
  for (const { change, existing } of ALTER_COLUMN_ASPECTS) {
    if (operation[change] === undefined) {
      continue;
    }
    if (operation[existing] === undefined) {
      throw irreversible(
        'alterColumn',
        `Cannot reverse alterColumn on '${operation.tableName}.${operation.columnName}': it changes ${change} but does not give ${existing}` +
          (change === 'serverDefault' || change === 'comment' ? ' (use null when there was none)' : ''),
        existing,
      );
    }
    reversed[change] = operation[existing];
    reversed[existing] = operation[change];
  }
  if (operation.newColumnName !== undefined) {
    reversed.columnName = operation.newColumnName;
    reversed.newColumnName = operation.columnName;
  }
  const { kind: _kind, ...fields } = reversed as unknown as AlterColumnOperation;
  return alterColumnOperation(fields);
}

function dropOfConstraint(
  operation: ConstraintCreatingOperation,
  target: { tableName: string; schema?: string | undefined },
): Operation {
  return dropConstraintOperation({
    constraintName: operation.constraintName,
    tableName: target.tableName,
    schema: target.schema,
    existingConstraint: constraintOfOperation(operation),
  });
}

const REVERSERS: OperationHandlers<Operation> = {
  createTable: (operation) =>
    dropTableOperation({
      tableName: operation.table.name,
      schema: operation.table.schema,
      ifExists: operation.ifNotExists,
      existingTable: operation.table,
    }),
  dropTable: (operation) =>
    createTableOperation({
      table: carried(operation, 'existingTable', `of '${operation.tableName}'`, 'the table definition'),
      ifNotExists: operation.ifExists,
    }),
  renameTable: (operation) =>
    renameTableOperation({
      oldTableName: operation.newTableName,
      newTableName: operation.oldTableName,
      schema: operation.schema,
    }),
  addColumn: (operation) =>
    dropColumnOperation({
      tableName: operation.tableName,
      columnName: operation.column.name,
      schema: operation.schema,
      ifExists: operation.ifNotExists,
      existingColumn: operation.column,
    }),
  dropColumn: (operation) =>
    addColumnOperation({
      tableName: operation.tableName,
      column: carried(
        operation,
        'existingColumn',
        `of '${operation.tableName}.${operation.columnName}'`,
        'the column definition',
      ),
      schema: operation.schema,
      ifNotExists: operation.ifExists,
    }),
  alterColumn: reverseAlterColumn,
  createIndex: (operation) =>
    dropIndexOperation({
      indexName: operation.indexName,
      tableName: operation.tableName,
      schema: operation.schema,
      ifExists: operation.ifNotExists,
      dialectOptions: operation.dialectOptions,
      existingIndex: indexOfOperation(operation),
    }),
  dropIndex: (operation) => {
    const subject = `of ${quotedName(operation.indexName)}`;
    const existingIndex = carried(operation, 'existingIndex', subject, 'the index definition');
    return createIndexOperation({
      indexName: existingIndex.name ?? operation.indexName,
      tableName: carried(operation, 'tableName', subject, 'the table name'),
      schema: operation.schema,
      columns: existingIndex.columns,
      unique: existingIndex.unique,
      where: existingIndex.where,
      ifNotExists: operation.ifExists,
      dialectOptions: existingIndex.dialectOptions,
    });
  },
  createUniqueConstraint: (operation) => dropOfConstraint(operation, operation),
  createForeignKey: (operation) =>
    dropOfConstraint(operation, { tableName: operation.sourceTable, schema: operation.sourceSchema }),
  createCheckConstraint: (operation) => dropOfConstraint(operation, operation),
  createPrimaryKey: (operation) => dropOfConstraint(operation, operation),
  dropConstraint: (operation) => {
    const subject = `of ${quotedName(operation.constraintName)} on '${operation.tableName}'`;
    const existingConstraint = carried(operation, 'existingConstraint', subject, 'the constraint definition');
    return operationOfConstraint(operation, existingConstraint, operation.constraintName);
  },
  createTableComment: (operation) =>
    typeof operation.existingComment === 'string'
      ? createTableCommentOperation({
          tableName: operation.tableName,
          schema: operation.schema,
          comment: operation.existingComment,
          existingComment: operation.comment,
        })
      : dropTableCommentOperation({
          tableName: operation.tableName,
          schema: operation.schema,
          existingComment: operation.comment,
        }),
  dropTableComment: (operation) =>
    createTableCommentOperation({
      tableName: operation.tableName,
      schema: operation.schema,
      comment: carried(operation, 'existingComment', `on '${operation.tableName}'`, 'the comment being dropped'),
    }),
  bulkInsert: (operation) => {
    throw irreversible(
      'bulkInsert',
      `Cannot reverse bulkInsert into '${operation.table.name}': inserted rows cannot be identified in general; write the DELETE with op.execute() in downgrade()`,
    );
  },
  execute: (operation) => {
    throw irreversible(
      'execute',
      `Cannot reverse execute of '${
        operation.sql.length > 60 ? `${operation.sql.slice(0, 57)}...` : operation.sql
      }': arbitrary SQL has no known inverse; write it in downgrade()`,
    );
  },
  batchAlterTable: (operation) =>
    batchAlterTableOperation({
      tableName: operation.tableName,
      schema: operation.schema,
      recreate: operation.recreate,
      operations: [...operation.operations].reverse().map((inner) => reverseOperation(inner) as BatchOperation),
      partialReordering: operation.partialReordering,
    }),
};

/**
 * The operation that undoes `operation` (Alembic's `reverse()`), used to write downgrades. Pure.
 * Throws an {@link IrreversibleOperationError} naming what is missing when the operation does not
 * carry enough to be undone: `dropColumn` without `existingColumn`, `alterColumn` changing an
 * aspect without its `existing*` value, `execute`, `bulkInsert`.
 *
 * `reverseOperation(reverseOperation(op))` equals `op` for every reversible operation, except
 * that fields only the forward direction uses (`inlineReferences`, `insertBefore`, a batch's
 * `copyFrom`, a drop's `dialectOptions`) are not carried over.
 *
 * ```ts
 * const downgrade = upgradeOperations.slice().reverse().map(reverseOperation);
 * ```
 */
export function reverseOperation(operation: Operation): Operation {
  return dispatchOperation(REVERSERS, operation);
}

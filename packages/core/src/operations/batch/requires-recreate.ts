import type { DialectCapabilities } from '../../dialect/dialect-capabilities.js';
import { InvalidOperationError } from '../../errors/invalid-operation-error.js';
import { isSqlExpression } from '../../schema/sql-expression.js';
import type { BatchOperation, BatchRecreateMode } from '../batch-alter-table-operation.js';

function needsRecreateOnRebuildingDialect(operation: BatchOperation, capabilities: DialectCapabilities): boolean {
  switch (operation.kind) {
    case 'createIndex':
    case 'dropIndex':
    case 'execute':
      return false;
    case 'addColumn': {
      const { column } = operation;
      const { type } = column;
      const needsCheck =
        (type.kind === 'boolean' && type.createConstraint && !capabilities.nativeBoolean) ||
        (type.kind === 'enum' && type.createConstraint && !capabilities.nativeEnum);
      return (
        isSqlExpression(column.serverDefault) ||
        column.primaryKey ||
        (column.unique && !column.index && !capabilities.supportsAlterConstraints) ||
        (needsCheck && !capabilities.supportsAlterConstraints)
      );
    }
    default:
      return true;
  }
}

/**
 * Whether a batch rebuilds its table (move and copy) instead of running ALTER statements:
 * always for `'always'`, never for `'never'`; for `'auto'`, when the dialect
 * `requiresBatchRecreate` and some operation is more than what it can ALTER (SQLite can add
 * plain columns, create and drop indexes; anything else, or a column with an SQL-expression
 * default, a primary key, or a constraint, needs the rebuild).
 *
 * Throws an {@link InvalidOperationError} when an `addColumn` asks for a position
 * (`insertBefore` / `insertAfter`) but the table will not be rebuilt.
 *
 * ```ts
 * requiresRecreate(batch.operations, sqlite.capabilities, 'auto'); // true for an alterColumn
 * ```
 */
export function requiresRecreate(
  operations: readonly BatchOperation[],
  capabilities: DialectCapabilities,
  recreate: BatchRecreateMode,
): boolean {
  const decision =
    recreate === 'always' ||
    (recreate === 'auto' &&
      capabilities.requiresBatchRecreate &&
      operations.some((operation) => needsRecreateOnRebuildingDialect(operation, capabilities)));
  if (!decision) {
    const positioned = operations.find(
      (operation) =>
        operation.kind === 'addColumn' && (operation.insertBefore !== undefined || operation.insertAfter !== undefined),
    );
    if (positioned !== undefined) {
      throw new InvalidOperationError(
        "Can't specify insertBefore or insertAfter when using ALTER; please specify recreate: 'always'",
      );
    }
  }
  return decision;
}

import { InvalidOperationError } from '../errors/invalid-operation-error.js';
import type { ColumnModel } from '../schema/column.js';
import { isColumnModel } from '../schema/column.js';
import { buildOperation } from './build-operation.js';

/**
 * `ALTER TABLE t ADD COLUMN <spec>`, then the column's unique constraint, foreign key, check
 * and index as separate statements (unless `inlineReferences` puts the foreign key inline).
 * Reverse: `dropColumn` carrying this column.
 */
export interface AddColumnOperation extends AddColumnOptions, BatchAddColumnOptions {
  readonly kind: 'addColumn';
  readonly tableName: string;
  readonly column: ColumnModel;
}

/** Options of `addColumn`: all but the table and the column. */
export interface AddColumnOptions {
  /** The table's schema; unset: the connection's default schema. */
  readonly schema?: string;
  /** `ADD COLUMN IF NOT EXISTS`: no error when the column is already there. */
  readonly ifNotExists?: boolean;
  /** Render a single-column foreign key inline: `c INTEGER REFERENCES t (id)`. */
  readonly inlineReferences?: boolean;
  /** Append ` PRIMARY KEY` to the column specification. */
  readonly inlinePrimaryKey?: boolean;
}

/** Options of a batch's `addColumn` (batch mode only): where the new column goes. */
export interface BatchAddColumnOptions {
  /** Place the new column before this one (requires a table rebuild). */
  readonly insertBefore?: string;
  /** Place the new column after this one (requires a table rebuild). */
  readonly insertAfter?: string;
}

/**
 * Builds an `addColumn` operation.
 *
 * ```ts
 * addColumnOperation({ tableName: 'account', column: column('last_login', dateTime()) });
 * ```
 */
export function addColumnOperation(fields: Omit<AddColumnOperation, 'kind'>): AddColumnOperation {
  if (!isColumnModel(fields.column)) {
    throw new InvalidOperationError('addColumn: expected a column built with column()');
  }
  if (fields.insertBefore !== undefined && fields.insertAfter !== undefined) {
    throw new InvalidOperationError('addColumn: give insertBefore or insertAfter, not both');
  }
  return buildOperation('addColumn', fields);
}

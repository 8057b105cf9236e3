import type { ColumnModel } from '../schema/column.js';
import type { DialectOptions } from '../schema/dialect-options.js';
import { buildOperation } from './build-operation.js';

/**
 * `ALTER TABLE t DROP COLUMN c`. Reversible only with `existingColumn`, the definition of the
 * column being dropped.
 */
export interface DropColumnOperation extends DropColumnOptions {
  readonly kind: 'dropColumn';
  readonly tableName: string;
  readonly columnName: string;
}

/** Options of `dropColumn`: all but the table and the column. */
export interface DropColumnOptions {
  /** The table's schema; unset: the connection's default schema. */
  readonly schema?: string;
  /** `DROP COLUMN IF EXISTS`: no error when the column is not there. */
  readonly ifExists?: boolean;
  /** The column being dropped, as it is; makes the drop reversible. */
  readonly existingColumn?: ColumnModel;
  /** E.g. `{ mssql: { dropDefault: true, dropCheck: true, dropForeignKey: true } }`. */
  readonly dialectOptions?: DialectOptions;
}

/**
 * Builds a `dropColumn` operation.
 *
 * ```ts
 * dropColumnOperation({ tableName: 'account', columnName: 'last_login' });
 * ```
 */
export function dropColumnOperation(fields: Omit<DropColumnOperation, 'kind'>): DropColumnOperation {
  return buildOperation('dropColumn', fields);
}

import type { TableModel } from '../schema/table.js';
import { buildOperation } from './build-operation.js';

/**
 * `DROP TABLE`. Reversible only when `existingTable` describes the table being dropped
 * (autogenerate fills it in).
 */
export interface DropTableOperation extends DropTableOptions {
  readonly kind: 'dropTable';
  readonly tableName: string;
}

/** Options of `dropTable`: all but the table's name. */
export interface DropTableOptions {
  /** The table's schema; unset: the connection's default schema. */
  readonly schema?: string;
  /** `DROP TABLE IF EXISTS`: no error when the table is not there. */
  readonly ifExists?: boolean;
  /** The table being dropped, as it is; makes the drop reversible. */
  readonly existingTable?: TableModel;
}

/**
 * Builds a `dropTable` operation.
 *
 * ```ts
 * dropTableOperation({ tableName: 'account', ifExists: true });
 * ```
 */
export function dropTableOperation(fields: Omit<DropTableOperation, 'kind'>): DropTableOperation {
  return buildOperation('dropTable', fields);
}

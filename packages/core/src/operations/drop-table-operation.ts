import type { TableModel } from '../schema/table.js';
import { buildOperation } from './build-operation.js';

/**
 * `DROP TABLE`. Reversible only when `existingTable` describes the table being dropped
 * (autogenerate fills it in).
 */
export interface DropTableOperation {
  readonly kind: 'dropTable';
  readonly tableName: string;
  readonly schema?: string;
  readonly ifExists?: boolean;
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

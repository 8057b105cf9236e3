import { InvalidOperationError } from '../errors/invalid-operation-error.js';
import type { TableModel, TableOptions } from '../schema/table.js';
import { isTableModel } from '../schema/table.js';
import { buildOperation } from './build-operation.js';

/** `CREATE TABLE`, followed by the table's indexes and comments. Reverse: `dropTable`. */
export interface CreateTableOperation extends Pick<CreateTableOptions, 'ifNotExists'> {
  readonly kind: 'createTable';
  readonly table: TableModel;
}

/**
 * Options of `createTable`: the table's schema and comment (they go into the table model it
 * builds) and `ifNotExists`.
 */
export interface CreateTableOptions extends Pick<TableOptions, 'schema' | 'comment'> {
  /** `CREATE TABLE IF NOT EXISTS`: no error when the table is already there. */
  readonly ifNotExists?: boolean;
}

/**
 * Builds a `createTable` operation.
 *
 * ```ts
 * createTableOperation({ table: table('account', [column('id', integer(), { primaryKey: true })]) });
 * ```
 */
export function createTableOperation(fields: Omit<CreateTableOperation, 'kind'>): CreateTableOperation {
  if (!isTableModel(fields.table)) {
    throw new InvalidOperationError('createTable: expected a table model built with table()');
  }
  return buildOperation('createTable', fields);
}

import { InvalidOperationError } from '../errors/invalid-operation-error.js';
import { isAutoincrementColumn } from '../schema/autoincrement-column.js';
import type { ColumnType } from '../schema/column-types.js';
import type { TableModel } from '../schema/table.js';
import { findColumn, isTableModel } from '../schema/table.js';
import { buildOperation, requireText } from './build-operation.js';

/** A column of a {@link BulkInsertTable}; the type guides literal rendering. */
export interface BulkInsertColumn {
  readonly name: string;
  readonly type?: ColumnType;
  /**
   * The database generates the column's values (`SERIAL`, `AUTO_INCREMENT`, `IDENTITY`): given
   * here, or worked out from a table model (its autoincrement key, its identity columns). SQL
   * Server takes explicit values for such a column only inside `SET IDENTITY_INSERT t ON`.
   */
  readonly generated?: boolean;
}

/**
 * The table rows go into: a name, and optionally its columns (a `TableModel` qualifies). With
 * columns, each INSERT lists them in table order and a row key that is not a column is an error.
 */
export interface BulkInsertTable {
  readonly name: string;
  readonly schema?: string;
  readonly columns?: readonly BulkInsertColumn[];
}

/** One row: column name to value. */
export type BulkInsertRow = Readonly<Record<string, unknown>>;

/**
 * `INSERT INTO t (columns) VALUES (...)` for each row. Offline, one INSERT per row with the values
 * inlined; online, the runtime may use one multi-row statement when `multiinsert` is true.
 * Not reversible.
 */
export interface BulkInsertOperation extends Required<BulkInsertOptions> {
  readonly kind: 'bulkInsert';
  readonly table: BulkInsertTable;
  readonly rows: readonly BulkInsertRow[];
}

/** Options of `bulkInsert`: all but the table and the rows. */
export interface BulkInsertOptions {
  /** Online, the runtime may send all rows in one multi-row statement (default `true`); offline, one INSERT per row. */
  readonly multiinsert?: boolean;
}

function isPlainRow(value: unknown): value is BulkInsertRow {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return false;
  }
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/**
 * Builds a `bulkInsert` operation.
 *
 * ```ts
 * bulkInsertOperation({ table: { name: 'account' }, rows: [{ id: 1, name: 'John' }] });
 * ```
 */
export function bulkInsertOperation(
  fields: Omit<BulkInsertOperation, 'kind' | 'multiinsert'> & BulkInsertOptions,
): BulkInsertOperation {
  const { table, rows } = fields;
  if (typeof table !== 'object' || table === null) {
    throw new InvalidOperationError('bulkInsert: expected a table ({ name, columns? } or a table model)');
  }
  if (!Array.isArray(rows)) {
    throw new InvalidOperationError(`bulkInsert: rows must be a list of objects; got ${typeof rows}`);
  }
  if (!rows.every(isPlainRow)) {
    throw new InvalidOperationError('bulkInsert: rows must be a list of plain objects (column name to value)');
  }
  const tableModel: TableModel | undefined = isTableModel(table) ? table : undefined;
  const isGenerated = (entry: BulkInsertColumn): boolean => {
    if (tableModel === undefined) {
      return entry.generated === true;
    }
    const model = findColumn(tableModel, entry.name);
    return model !== undefined && (model.identity !== undefined || isAutoincrementColumn(tableModel, model));
  };
  const columns = table.columns?.map((entry) => ({
    name: entry.name,
    ...(entry.type === undefined ? {} : { type: entry.type }),
    ...(isGenerated(entry) ? { generated: true } : {}),
  }));
  return buildOperation('bulkInsert', {
    table: {
      name: requireText('bulkInsert', 'table.name', table.name),
      ...(table.schema === undefined ? {} : { schema: table.schema }),
      ...(columns === undefined || columns.length === 0 ? {} : { columns }),
    },
    rows: rows.map((row) => ({ ...row })),
    multiinsert: fields.multiinsert ?? true,
  });
}

import type { ColumnModel } from './column.js';
import type { TableModel } from './table.js';

const INTEGER_KINDS: ReadonlySet<string> = new Set(['integer', 'bigInteger', 'smallInteger']);

/**
 * Whether `model` gets the dialect's autoincrement behaviour (`SERIAL`, `AUTO_INCREMENT`,
 * `IDENTITY`) in `table`: when `autoincrement` is true, or when it is `'auto'` and the column is
 * the table's only primary key column, of an integer type, with no server default, no foreign
 * key and no identity (SQLAlchemy's rule).
 */
export function isAutoincrementColumn(tableModel: TableModel, model: ColumnModel): boolean {
  if (model.autoincrement === false || model.identity !== undefined) {
    return false;
  }
  if (model.autoincrement === true) {
    return true;
  }
  const keyColumns = tableModel.primaryKey?.columns ?? [];
  return (
    keyColumns.length === 1 &&
    keyColumns[0] === model.name &&
    INTEGER_KINDS.has(model.type.kind) &&
    model.serverDefault === undefined &&
    model.references === undefined &&
    !tableModel.constraints.some(
      (constraint) => constraint.kind === 'foreignKeyConstraint' && constraint.columns.includes(model.name),
    )
  );
}

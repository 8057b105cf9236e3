import type { ColumnType, ColumnTypeKind } from '../../schema/column-types.js';

/** Type families whose values convert without a CAST when a table is rebuilt. */
const AFFINITY: Readonly<Record<ColumnTypeKind, string>> = {
  integer: 'integer',
  bigInteger: 'integer',
  smallInteger: 'integer',
  string: 'string',
  text: 'string',
  enum: 'string',
  boolean: 'boolean',
  date: 'date',
  dateTime: 'dateTime',
  time: 'time',
  numeric: 'numeric',
  float: 'numeric',
  json: 'json',
  largeBinary: 'binary',
  uuid: 'uuid',
  raw: 'raw',
};

/**
 * Whether copying a column from `sourceType` to `targetType` during a batch rebuild needs
 * `CAST(... AS <targetType>)`: when the type family changes (`VARCHAR` to `INTEGER`, not
 * `INTEGER` to `BIGINT`), never into JSON (as Alembic on SQLite), and for raw types whenever the
 * SQL differs.
 */
export function needsCastOnCopy(sourceType: ColumnType, targetType: ColumnType): boolean {
  if (targetType.kind === 'json') {
    return false;
  }
  if (sourceType.kind === 'raw' && targetType.kind === 'raw') {
    return sourceType.sql.trim().toUpperCase() !== targetType.sql.trim().toUpperCase();
  }
  return AFFINITY[sourceType.kind] !== AFFINITY[targetType.kind];
}

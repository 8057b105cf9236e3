/**
 * Rows grouped by a key, each group in the rows' order: how an introspector hands the rows of
 * one bulk catalog query (columns, indexes, foreign keys of many tables) to each table.
 *
 * ```ts
 * const columnsByTable = groupRows(columnRows, (row) => row.table_name);
 * const accountColumns = columnsByTable.get('account') ?? [];
 * ```
 */
export function groupRows<Row, Key>(rows: readonly Row[], keyOf: (row: Row) => Key): Map<Key, Row[]> {
  const groups = new Map<Key, Row[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group === undefined) {
      groups.set(key, [row]);
    } else {
      group.push(row);
    }
  }
  return groups;
}

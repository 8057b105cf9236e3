import type { QueryResult } from '@alembic/core/dialect';

/** The header mysql2 returns for statements without rows (`affectedRows`). */
interface ResultHeader {
  readonly affectedRows: number;
}

function isResultHeader(value: unknown): value is ResultHeader {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { affectedRows?: unknown }).affectedRows === 'number' &&
    (value as { constructor?: { name?: string } }).constructor?.name === 'ResultSetHeader'
  );
}

/**
 * Turns what `mysql2`'s `query()` resolves to into core's `QueryResult`: rows and their count
 * for statements that return rows, no rows and `affectedRows` for the others. With several
 * statements in one call (`multipleStatements`), the last statement's result.
 *
 * ```ts
 * const [result] = await client.query('UPDATE t SET a = 1');
 * toQueryResult(result); // { rows: [], rowCount: 3 }
 * ```
 */
export function toQueryResult<Row>(result: unknown): QueryResult<Row> {
  if (isResultHeader(result)) {
    return { rows: [], rowCount: result.affectedRows };
  }
  if (Array.isArray(result)) {
    const multiple = result.length > 0 && result.every((entry) => Array.isArray(entry) || isResultHeader(entry));
    if (multiple) {
      return toQueryResult<Row>(result[result.length - 1]);
    }
    return { rows: result as Row[], rowCount: result.length };
  }
  return { rows: [], rowCount: undefined };
}

import type { QueryResult } from '@alembic/core/dialect';
import type { MssqlDriverResult } from './mssql-client.js';

/**
 * Turns an `mssql` result into core's `QueryResult`: the rows of the first result set and their
 * count, or, for statements without rows, the rows affected by the last statement that counted
 * any (`rowsAffected`); undefined when the server did not say (`SET NOCOUNT ON`).
 *
 * ```ts
 * toQueryResult({ rowsAffected: [3] }); // { rows: [], rowCount: 3 }
 * ```
 */
export function toQueryResult<Row>(result: MssqlDriverResult | undefined): QueryResult<Row> {
  if (result?.recordset !== undefined) {
    return { rows: result.recordset as readonly Row[], rowCount: result.recordset.length };
  }
  const affected = result?.rowsAffected ?? [];
  return { rows: [], rowCount: affected.length === 0 ? undefined : affected[affected.length - 1] };
}

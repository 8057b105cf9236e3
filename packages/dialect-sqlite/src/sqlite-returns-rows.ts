const LEADING_NOISE = /^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*/;
const READING_KEYWORDS = /^(?:select|pragma|values|explain|with)\b/i;
const RETURNING = /\breturning\b/i;

/**
 * Whether a statement produces rows (read with `all()`) rather than only changes (run with
 * `run()`, which reports the number of changed rows): `SELECT`, `PRAGMA`, `VALUES`, `EXPLAIN`,
 * `WITH` queries, and writes with a `RETURNING` clause. Leading comments are skipped.
 *
 * A `WITH ... UPDATE` counts as a query: its rows come back, its change count does not.
 */
export function sqliteReturnsRows(sql: string): boolean {
  const statement = sql.replace(LEADING_NOISE, '');
  return READING_KEYWORDS.test(statement) || RETURNING.test(statement);
}

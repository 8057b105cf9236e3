import { withoutOuterParentheses } from '@alembic/core/dialect';

/** Keywords SQLite treats without regard to case, spelled one way. */
const KEYWORDS: Readonly<Record<string, string>> = {
  current_timestamp: 'CURRENT_TIMESTAMP',
  current_date: 'CURRENT_DATE',
  current_time: 'CURRENT_TIME',
  true: '1',
  false: '0',
};

/**
 * A server default's SQL text in the one spelling SQLite's autogenerate compares: outer
 * parentheses removed (the compiler writes `DEFAULT (CURRENT_TIMESTAMP)`, `dflt_value` may keep
 * them), `CURRENT_TIMESTAMP` / `CURRENT_DATE` / `CURRENT_TIME` in capitals, `TRUE` / `FALSE` as
 * `1` / `0` (what SQLite stores for them); `undefined` for `NULL`, which is no default at all.
 * String literals (`'abc'`) are left as written.
 *
 * ```ts
 * canonicalSqliteDefault('(current_timestamp)'); // 'CURRENT_TIMESTAMP'
 * canonicalSqliteDefault('NULL');                // undefined
 * ```
 */
export function canonicalSqliteDefault(text: string): string | undefined {
  const result = withoutOuterParentheses(text);
  const lower = result.toLowerCase();
  if (lower === 'null') {
    return undefined;
  }
  return KEYWORDS[lower] ?? result;
}

/** Keywords SQLite treats without regard to case, spelled one way. */
const KEYWORDS: Readonly<Record<string, string>> = {
  current_timestamp: 'CURRENT_TIMESTAMP',
  current_date: 'CURRENT_DATE',
  current_time: 'CURRENT_TIME',
  true: '1',
  false: '0',
};

/** True when `text` is wrapped in one pair of parentheses that match each other (quotes respected). */
function wrappedInParentheses(text: string): boolean {
  if (!text.startsWith('(') || !text.endsWith(')')) {
    return false;
  }
  let depth = 0;
  let quote: string | undefined;
  for (let position = 0; position < text.length; position += 1) {
    const character = text[position] as string;
    if (quote !== undefined) {
      if (character === quote) quote = undefined;
      continue;
    }
    if (character === "'" || character === '"' || character === '`') {
      quote = character;
    } else if (character === '[') {
      quote = ']';
    } else if (character === '(') {
      depth += 1;
    } else if (character === ')') {
      depth -= 1;
      if (depth === 0 && position < text.length - 1) return false;
    }
  }
  return depth === 0;
}

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
  let result = text.trim();
  while (wrappedInParentheses(result)) {
    result = result.slice(1, -1).trim();
  }
  const lower = result.toLowerCase();
  if (lower === 'null') {
    return undefined;
  }
  return KEYWORDS[lower] ?? result;
}

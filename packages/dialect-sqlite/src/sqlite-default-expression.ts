const SIGNED_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$|^[+-]?0x[0-9a-f]+$/i;
const STRING_LITERAL = /^'(?:[^']|'')*'$/;
const BLOB_LITERAL = /^x'[0-9a-f]*'$/i;
const KEYWORD_LITERALS: ReadonlySet<string> = new Set(['null', 'true', 'false']);

/** True when `text` is wrapped in one pair of parentheses that match each other. */
function isParenthesized(text: string): boolean {
  if (!text.startsWith('(') || !text.endsWith(')')) {
    return false;
  }
  let depth = 0;
  let quote: string | undefined;
  for (let position = 0; position < text.length; position += 1) {
    const character = text[position] as string;
    if (quote !== undefined) {
      if (character === quote) {
        quote = undefined;
      }
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
      if (depth === 0 && position < text.length - 1) {
        return false;
      }
    }
  }
  return depth === 0;
}

/**
 * An SQL-expression server default as SQLite's `DEFAULT` clause needs it. SQLite takes a
 * literal (a signed number, a string or blob literal, `NULL`, `TRUE`, `FALSE`) bare and any other
 * expression only inside parentheses, so everything else is wrapped, as SQLAlchemy does for
 * SQL functions: `CURRENT_TIMESTAMP` becomes `(CURRENT_TIMESTAMP)`, `datetime('now')` becomes
 * `(datetime('now'))`; `(1 + 2)` and `-1` stay as written.
 *
 * ```ts
 * sqliteDefaultExpression('CURRENT_TIMESTAMP'); // '(CURRENT_TIMESTAMP)'
 * sqliteDefaultExpression('0');                 // '0'
 * ```
 */
export function sqliteDefaultExpression(expression: string): string {
  const text = expression.trim();
  if (
    SIGNED_NUMBER.test(text) ||
    STRING_LITERAL.test(text) ||
    BLOB_LITERAL.test(text) ||
    KEYWORD_LITERALS.has(text.toLowerCase()) ||
    isParenthesized(text)
  ) {
    return text;
  }
  return `(${text})`;
}

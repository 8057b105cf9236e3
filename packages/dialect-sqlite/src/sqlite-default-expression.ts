import { isWrappedInParentheses } from '@alembic/core/dialect';

const SIGNED_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$|^[+-]?0x[0-9a-f]+$/i;
const STRING_LITERAL = /^'(?:[^']|'')*'$/;
const BLOB_LITERAL = /^x'[0-9a-f]*'$/i;
const KEYWORD_LITERALS: ReadonlySet<string> = new Set(['null', 'true', 'false']);

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
    isWrappedInParentheses(text)
  ) {
    return text;
  }
  return `(${text})`;
}

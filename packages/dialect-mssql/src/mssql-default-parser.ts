import { sql } from '@alembic/core/dialect';
import type { ServerDefault } from '@alembic/core/dialect';

/** `text` without one pair of parentheses that encloses all of it, else unchanged. */
function withoutOuterParentheses(text: string): string {
  if (!text.startsWith('(') || !text.endsWith(')')) {
    return text;
  }
  let depth = 0;
  let quoted = false;
  for (let position = 0; position < text.length; position += 1) {
    const character = text[position];
    if (character === "'") {
      quoted = !quoted;
    } else if (!quoted) {
      depth += character === '(' ? 1 : character === ')' ? -1 : 0;
      if (depth === 0 && position < text.length - 1) {
        return text;
      }
    }
  }
  return text.slice(1, -1).trim();
}

/**
 * The server default of a reflected column from `sys.default_constraints.definition`, which
 * SQL Server stores in parentheses: a string literal (`('none')`, `(N'x')`) is its value
 * (`'none'`); anything else is SQL (`((5))` is `sql('5')`, `(getdate())` is `sql('getdate()')`).
 *
 * ```ts
 * parseMssqlDefault("('it''s')"); // "it's"
 * parseMssqlDefault('(getdate())'); // sql('getdate()')
 * ```
 */
export function parseMssqlDefault(definition: string | null | undefined): ServerDefault | undefined {
  if (definition === null || definition === undefined) {
    return undefined;
  }
  let text = definition.trim();
  for (let inner = withoutOuterParentheses(text); inner !== text; inner = withoutOuterParentheses(text)) {
    text = inner;
  }
  const literal = /^N?'((?:[^']|'')*)'$/s.exec(text);
  return literal === null ? sql(text) : (literal[1] as string).replaceAll("''", "'");
}

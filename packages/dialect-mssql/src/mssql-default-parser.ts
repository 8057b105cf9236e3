import { sql, withoutOuterParentheses } from '@alembic/core/dialect';
import type { ServerDefault } from '@alembic/core/dialect';

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
  const text = withoutOuterParentheses(definition);
  const literal = /^N?'((?:[^']|'')*)'$/s.exec(text);
  return literal === null ? sql(text) : (literal[1] as string).replaceAll("''", "'");
}

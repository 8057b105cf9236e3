import { sql } from '@alembic/core/dialect';
import type { ServerDefault } from '@alembic/core/dialect';

/** `'text'` with an optional cast: `'abc'::character varying`, `'{}'::jsonb`, `'a''b'::text`. */
const CAST_STRING_LITERAL = /^'((?:[^']|'')*)'(?:::[a-z_][a-z0-9_ ."]*(?:\(\d+(?:,\d+)?\))?(?:\[\])?)?$/is;

/**
 * A column default as `pg_get_expr` prints it, in the neutral model: a quoted literal (with or
 * without the cast PostgreSQL adds) is a value (`'abc'::character varying` → `'abc'`); anything
 * else is an `sql()` expression, verbatim (`now()`, `42`, `true`, `nextval('s'::regclass)`).
 *
 * ```ts
 * parsePostgresDefault("'none'::character varying"); // 'none'
 * parsePostgresDefault('now()'); // sql('now()')
 * ```
 */
export function parsePostgresDefault(expression: string): ServerDefault {
  const literal = CAST_STRING_LITERAL.exec(expression.trim());
  return literal === null ? sql(expression) : (literal[1] as string).replaceAll("''", "'");
}

/** `nextval('...'::regclass)`: the default of a `SERIAL` column. */
export function isSequenceDefault(expression: string): boolean {
  return /^nextval\('.*'::regclass\)$/i.test(expression.trim());
}

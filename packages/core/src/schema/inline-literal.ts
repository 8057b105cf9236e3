import type { ColumnType } from './column-types.js';
import { kindOf } from './kind-of.js';

/**
 * A value to be written into the SQL text as a literal even when the statement runs online,
 * in place of a bound parameter (Alembic's `op.inline_literal()`). The optional type guides the
 * rendering (a `Date` for a `date()` column renders as `'2024-01-31'`).
 */
export interface InlineLiteral {
  readonly kind: 'inlineLiteral';
  readonly value: unknown;
  readonly type?: ColumnType;
}

/**
 * Wraps `value` so that it is rendered inline.
 *
 * ```ts
 * await op.execute('UPDATE account SET name = :name WHERE id = :id', {
 *   name: inlineLiteral('account 2'),
 *   id: inlineLiteral(1),
 * });
 * ```
 */
export function inlineLiteral(value: unknown, type?: ColumnType): InlineLiteral {
  return Object.freeze(type === undefined ? { kind: 'inlineLiteral', value } : { kind: 'inlineLiteral', value, type });
}

/** True when `value` is an {@link InlineLiteral}. */
export function isInlineLiteral(value: unknown): value is InlineLiteral {
  return kindOf(value) === 'inlineLiteral' && 'value' in (value as object);
}

import { kindOf } from './kind-of.js';
/**
 * A fragment of SQL that is rendered exactly as written: a server default such as `now()`, a
 * check condition, an index expression such as `lower(email)`.
 *
 * A plain string in the same place means a *value*: a server default `'12'` is rendered as the
 * quoted literal `'12'`, while `sql('12')` is rendered as `12`.
 */
export interface SqlExpression {
  readonly kind: 'sqlExpression';
  /** The SQL text, emitted verbatim. */
  readonly text: string;
}

/**
 * Marks `text` as SQL to be emitted as is.
 *
 * ```ts
 * column('created', dateTime(), { serverDefault: sql('now()') });
 * op.createIndex('ix_user_email_lower', 'user', [sql('lower(email)')]);
 * ```
 */
export function sql(text: string): SqlExpression {
  return Object.freeze({ kind: 'sqlExpression', text });
}

/** True when `value` is a {@link SqlExpression} built by {@link sql}. */
export function isSqlExpression(value: unknown): value is SqlExpression {
  return kindOf(value) === 'sqlExpression' && typeof (value as { text?: unknown }).text === 'string';
}

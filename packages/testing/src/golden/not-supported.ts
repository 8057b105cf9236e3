/**
 * Marks a golden SQL case the dialect cannot compile: the compiler must throw for it (an
 * `UnsupportedOperationError`, say SQLite's ALTER of a constraint) instead of writing SQL.
 * `Symbol.for`, so two copies of this package agree on it.
 *
 * ```ts
 * const golden: GoldenSql = { ..., createUniqueConstraint: NOT_SUPPORTED };
 * ```
 */
export const NOT_SUPPORTED: unique symbol = Symbol.for('@alembic/testing.NOT_SUPPORTED');

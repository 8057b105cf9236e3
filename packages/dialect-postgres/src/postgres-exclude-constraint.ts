import type { ConstraintName, SqlExpression } from '@alembic/core/dialect';

/**
 * One element of an exclude constraint: a column name (quoted as needed) or an `sql()`
 * expression, and the operator rows must not both satisfy (`['period', '&&']`).
 */
export type ExcludeConstraintElement = readonly [element: string | SqlExpression, operator: string];

/**
 * A PostgreSQL `EXCLUDE` constraint (Alembic's `op.create_exclude_constraint`): no two rows may
 * match on every element's operator. Core's schema model has no place for it, so it is added
 * with {@link createExcludeConstraintOperation} and dropped with core's `dropConstraint`.
 */
export interface ExcludeConstraintDefinition {
  /** The constraint name; PostgreSQL names an unnamed one `<table>_<columns>_excl`. */
  readonly name?: ConstraintName;
  readonly tableName: string;
  readonly schema?: string;
  readonly elements: readonly ExcludeConstraintElement[];
  /** The index method; `gist` when unset, as in Alembic. */
  readonly using?: string;
  /** Only rows matching this condition (SQL) take part: `WHERE (condition)`. */
  readonly where?: string | SqlExpression;
  readonly deferrable?: boolean;
  /** `'DEFERRED'` or `'IMMEDIATE'`. */
  readonly initially?: string;
}

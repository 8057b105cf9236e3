import { kindOf } from './kind-of.js';
/**
 * A constraint or index name that a naming convention must not touch (SQLAlchemy's `conv`,
 * Alembic's `op.f()`): autogenerate writes names it read from the database this way, because
 * they already went through the convention once.
 */
export interface ConvertedName {
  readonly kind: 'convertedName';
  /** The final name, used verbatim. */
  readonly name: string;
}

/**
 * The name of a constraint or index: a plain string (a naming convention that contains
 * `%(constraint_name)s` is applied to it) or a {@link ConvertedName} (used verbatim).
 */
export type ConstraintName = string | ConvertedName;

/**
 * Marks `name` as already converted by the naming convention.
 *
 * ```ts
 * op.dropIndex(convertedName('ix_user_email'), 'user');
 * ```
 */
export function convertedName(name: string): ConvertedName {
  return Object.freeze({ kind: 'convertedName', name });
}

/** True when `value` is a {@link ConvertedName}. */
export function isConvertedName(value: unknown): value is ConvertedName {
  return kindOf(value) === 'convertedName' && typeof (value as { name?: unknown }).name === 'string';
}

/** The text of a constraint name, whether plain or converted. */
export function constraintNameText(name: ConstraintName): string {
  return typeof name === 'string' ? name : name.name;
}

import { InvalidOperationError } from '../errors/invalid-operation-error.js';
import type { ConstraintModel } from '../schema/constraints.js';
import type { ConstraintName } from '../schema/converted-name.js';
import { buildOperation } from './build-operation.js';

/** The constraint types `dropConstraint` accepts (Alembic's `type_`). */
export type DropConstraintType = 'foreignkey' | 'unique' | 'check' | 'primary';

const CONSTRAINT_TYPE_BY_KIND: Readonly<Record<ConstraintModel['kind'], DropConstraintType>> = {
  primaryKeyConstraint: 'primary',
  uniqueConstraint: 'unique',
  foreignKeyConstraint: 'foreignkey',
  checkConstraint: 'check',
};

/** The `dropConstraint` type that matches a constraint model. */
export function dropConstraintTypeOf(constraint: ConstraintModel): DropConstraintType {
  return CONSTRAINT_TYPE_BY_KIND[constraint.kind];
}

/**
 * `ALTER TABLE t DROP CONSTRAINT name`. MySQL needs `type`. Reversible only with
 * `existingConstraint`; with it, the name may be left out when the naming convention can
 * produce it.
 */
export interface DropConstraintOperation extends DropConstraintOptions {
  readonly kind: 'dropConstraint';
  readonly constraintName?: ConstraintName;
  readonly tableName: string;
}

/** Options of `dropConstraint`: all but the constraint's name and its table. */
export interface DropConstraintOptions {
  /** The kind of constraint (MySQL needs it); defaults to the type of `existingConstraint`. */
  readonly type?: DropConstraintType;
  /** The table's schema; unset: the connection's default schema. */
  readonly schema?: string;
  /** `DROP CONSTRAINT IF EXISTS`: no error when the constraint is not there. */
  readonly ifExists?: boolean;
  /** The constraint being dropped, as it is; makes the drop reversible. An unnamed one takes the given name. */
  readonly existingConstraint?: ConstraintModel;
}

/**
 * Builds a `dropConstraint` operation. When `existingConstraint` is given, `type` defaults to
 * its type, and an unnamed existing constraint takes `constraintName`.
 *
 * ```ts
 * dropConstraintOperation({ constraintName: 'uq_user_email', tableName: 'user', type: 'unique' });
 * ```
 */
export function dropConstraintOperation(fields: Omit<DropConstraintOperation, 'kind'>): DropConstraintOperation {
  if (fields.type !== undefined && !Object.values(CONSTRAINT_TYPE_BY_KIND).includes(fields.type)) {
    throw new InvalidOperationError(
      `dropConstraint: 'type' can be one of 'check', 'foreignkey', 'primary', 'unique' or undefined, got '${String(
        fields.type,
      )}'`,
    );
  }
  if (fields.constraintName === undefined && fields.existingConstraint === undefined) {
    throw new InvalidOperationError(
      'dropConstraint: give the constraint name (or the existing constraint to derive it from)',
    );
  }
  const type = fields.type ?? (fields.existingConstraint ? dropConstraintTypeOf(fields.existingConstraint) : undefined);
  if (fields.existingConstraint && type !== dropConstraintTypeOf(fields.existingConstraint)) {
    throw new InvalidOperationError(
      `dropConstraint: type '${String(type)}' does not match the existing ${fields.existingConstraint.kind}`,
    );
  }
  const existingConstraint =
    fields.existingConstraint !== undefined &&
    fields.existingConstraint.name === undefined &&
    fields.constraintName !== undefined
      ? { ...fields.existingConstraint, name: fields.constraintName }
      : fields.existingConstraint;
  return buildOperation('dropConstraint', fields, { type, existingConstraint });
}

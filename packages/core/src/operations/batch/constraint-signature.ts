import type { ConstraintModel, ForeignKeyConstraintModel } from '../../schema/constraints.js';
import { constraintColumns } from '../../schema/constraints.js';

/**
 * Whether two constraints are the same constraint but for their names: same kind and columns;
 * for a foreign key also the referred schema, table and columns, the actions (`NO ACTION` and
 * unset alike, case and spacing ignored), deferrability and `INITIALLY`; for a unique constraint
 * its deferrability; for a CHECK its condition (spacing ignored). A batch drops an unnamed
 * constraint by this signature.
 *
 * ```ts
 * sameConstraintSignature(uniqueConstraint(['code']), uniqueConstraint(['code'], { name: 'uq_x' })); // true
 * ```
 *
 * @internal
 */
export function sameConstraintSignature(left: ConstraintModel, right: ConstraintModel): boolean {
  if (left.kind !== right.kind) return false;
  if (left.kind === 'checkConstraint') {
    return squeezed(left.condition) === squeezed((right as typeof left).condition);
  }
  if (!sameNames(constraintColumns(left), constraintColumns(right))) return false;
  if (left.kind === 'uniqueConstraint' && right.kind === 'uniqueConstraint') {
    return (
      Boolean(left.deferrable) === Boolean(right.deferrable) && initially(left.initially) === initially(right.initially)
    );
  }
  if (left.kind === 'foreignKeyConstraint' && right.kind === 'foreignKeyConstraint') {
    return sameForeignKeyTarget(left, right);
  }
  return true;
}

function sameForeignKeyTarget(left: ForeignKeyConstraintModel, right: ForeignKeyConstraintModel): boolean {
  return (
    left.referredTable === right.referredTable &&
    (left.referredSchema === undefined ||
      right.referredSchema === undefined ||
      left.referredSchema === right.referredSchema) &&
    sameNames(left.referredColumns, right.referredColumns) &&
    action(left.onDelete) === action(right.onDelete) &&
    action(left.onUpdate) === action(right.onUpdate) &&
    Boolean(left.deferrable) === Boolean(right.deferrable) &&
    initially(left.initially) === initially(right.initially)
  );
}

function sameNames(left: readonly string[], right: readonly string[]): boolean {
  return left.length === right.length && left.every((name, position) => name === right[position]);
}

function squeezed(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function action(value: string | undefined): string | undefined {
  const upper = value === undefined ? undefined : squeezed(value).toUpperCase();
  return upper === undefined || upper === 'NO ACTION' ? undefined : upper;
}

function initially(value: string | undefined): string | undefined {
  const upper = value === undefined ? undefined : squeezed(value).toUpperCase();
  return upper === undefined || upper === 'IMMEDIATE' ? undefined : upper;
}

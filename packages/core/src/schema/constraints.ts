import { InvalidSchemaError } from '../errors/invalid-schema-error.js';
import type { ConstraintName } from './converted-name.js';
import { deepFreeze, withoutUndefined } from './deep-freeze.js';
import type { DialectOptions } from './dialect-options.js';
import type { ForeignKeyOptions } from './foreign-key-reference.js';
import type { SqlExpression } from './sql-expression.js';
import { isSqlExpression } from './sql-expression.js';
import { kindOf } from './kind-of.js';

/** `PRIMARY KEY (columns)`. */
export interface PrimaryKeyConstraintModel {
  readonly kind: 'primaryKeyConstraint';
  readonly name?: ConstraintName;
  readonly columns: readonly string[];
}

/** `UNIQUE (columns)`. */
export interface UniqueConstraintModel {
  readonly kind: 'uniqueConstraint';
  readonly name?: ConstraintName;
  readonly columns: readonly string[];
  readonly deferrable?: boolean;
  readonly initially?: string;
}

/** `FOREIGN KEY (columns) REFERENCES referredTable (referredColumns)`. */
export interface ForeignKeyConstraintModel extends ForeignKeyOptions {
  readonly kind: 'foreignKeyConstraint';
  readonly columns: readonly string[];
  readonly referredTable: string;
  readonly referredSchema?: string;
  readonly referredColumns: readonly string[];
  readonly dialectOptions?: DialectOptions;
}

/** `CHECK (condition)`; the condition is SQL. */
export interface CheckConstraintModel {
  readonly kind: 'checkConstraint';
  readonly name?: ConstraintName;
  readonly condition: string;
}

/** Any table constraint. */
export type ConstraintModel =
  | PrimaryKeyConstraintModel
  | UniqueConstraintModel
  | ForeignKeyConstraintModel
  | CheckConstraintModel;

function requireColumns(what: string, columns: readonly string[]): readonly string[] {
  if (!Array.isArray(columns) || columns.length === 0 || columns.some((name) => typeof name !== 'string')) {
    throw new InvalidSchemaError(`${what} needs a non-empty list of column names`);
  }
  return [...columns];
}

/**
 * A primary key over several columns (a single-column key is simpler as
 * `column(..., { primaryKey: true })`).
 *
 * ```ts
 * primaryKeyConstraint(['tenant_id', 'id'], { name: 'pk_order' });
 * ```
 */
export function primaryKeyConstraint(
  columns: readonly string[],
  options: { name?: ConstraintName } = {},
): PrimaryKeyConstraintModel {
  return deepFreeze(
    withoutUndefined<PrimaryKeyConstraintModel>({
      kind: 'primaryKeyConstraint',
      name: options.name,
      columns: requireColumns('A primary key constraint', columns),
    }),
  );
}

/**
 * A unique constraint.
 *
 * ```ts
 * uniqueConstraint(['email'], { name: 'uq_user_email' });
 * ```
 */
export function uniqueConstraint(
  columns: readonly string[],
  options: { name?: ConstraintName; deferrable?: boolean; initially?: string } = {},
): UniqueConstraintModel {
  return deepFreeze(
    withoutUndefined<UniqueConstraintModel>({
      kind: 'uniqueConstraint',
      name: options.name,
      columns: requireColumns('A unique constraint', columns),
      deferrable: options.deferrable,
      initially: options.initially,
    }),
  );
}

/**
 * A foreign key constraint.
 *
 * ```ts
 * foreignKeyConstraint(['account_id'], 'account', ['id'], { onDelete: 'CASCADE' });
 * ```
 */
export function foreignKeyConstraint(
  columns: readonly string[],
  referredTable: string,
  referredColumns: readonly string[],
  options: ForeignKeyOptions & { referredSchema?: string; dialectOptions?: DialectOptions } = {},
): ForeignKeyConstraintModel {
  const local = requireColumns('A foreign key constraint', columns);
  const remote = requireColumns('A foreign key constraint', referredColumns);
  if (local.length !== remote.length) {
    throw new InvalidSchemaError(
      `Foreign key to '${referredTable}' has ${local.length} local column(s) but ${remote.length} referred column(s)`,
    );
  }
  return deepFreeze(
    withoutUndefined<ForeignKeyConstraintModel>({
      kind: 'foreignKeyConstraint',
      name: options.name,
      columns: local,
      referredTable,
      referredSchema: options.referredSchema,
      referredColumns: remote,
      onDelete: options.onDelete,
      onUpdate: options.onUpdate,
      deferrable: options.deferrable,
      initially: options.initially,
      match: options.match,
      dialectOptions: options.dialectOptions,
    }),
  );
}

/**
 * A check constraint; the condition is SQL (a plain string or {@link sql}).
 *
 * ```ts
 * checkConstraint('length(name) > 2', { name: 'ck_name_length' });
 * ```
 */
export function checkConstraint(
  condition: string | SqlExpression,
  options: { name?: ConstraintName } = {},
): CheckConstraintModel {
  const conditionText = isSqlExpression(condition) ? condition.text : condition;
  if (typeof conditionText !== 'string' || conditionText.trim().length === 0) {
    throw new InvalidSchemaError('A check constraint needs a condition');
  }
  return deepFreeze(
    withoutUndefined<CheckConstraintModel>({ kind: 'checkConstraint', name: options.name, condition: conditionText }),
  );
}

const CONSTRAINT_KINDS: ReadonlySet<string> = new Set<ConstraintModel['kind']>([
  'primaryKeyConstraint',
  'uniqueConstraint',
  'foreignKeyConstraint',
  'checkConstraint',
]);

/** True when `value` is one of the {@link ConstraintModel} kinds. */
export function isConstraintModel(value: unknown): value is ConstraintModel {
  return CONSTRAINT_KINDS.has(String(kindOf(value)));
}

/** The columns a constraint names on its own table (none for a check written as SQL). */
export function constraintColumns(constraint: ConstraintModel): readonly string[] {
  return constraint.kind === 'checkConstraint' ? [] : constraint.columns;
}

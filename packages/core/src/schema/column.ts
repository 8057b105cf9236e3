import { InvalidSchemaError } from '../errors/invalid-schema-error.js';
import type { ColumnType } from './column-types.js';
import { isColumnType } from './column-types.js';
import { deepFreeze, withoutUndefined } from './deep-freeze.js';
import type { ForeignKeyReference, ForeignKeyReferenceInput } from './foreign-key-reference.js';
import { parseForeignKeyReference } from './foreign-key-reference.js';
import type { SqlExpression } from './sql-expression.js';
import { kindOf } from './kind-of.js';

/**
 * A server-side default: a string is a value, rendered as a quoted literal (`DEFAULT '12'`); a
 * {@link SqlExpression} is SQL, rendered as is (`DEFAULT now()`).
 */
export type ServerDefault = string | SqlExpression;

/** `GENERATED { ALWAYS | BY DEFAULT } AS IDENTITY (START WITH start INCREMENT BY increment)`. */
export interface IdentityOptions {
  readonly always: boolean;
  readonly start?: number;
  readonly increment?: number;
}

/** A column of the neutral schema model. Build one with {@link column}. */
export interface ColumnModel {
  readonly kind: 'column';
  readonly name: string;
  readonly type: ColumnType;
  /** True unless the column is part of the primary key or was declared `nullable: false`. */
  readonly nullable: boolean;
  readonly primaryKey: boolean;
  readonly serverDefault?: ServerDefault;
  /** `'auto'`: autoincrement when it is the table's only integer primary key column. */
  readonly autoincrement: 'auto' | boolean;
  readonly identity?: IdentityOptions;
  readonly comment?: string;
  /** A single-column `UNIQUE` constraint (a unique index when `index` is also true). */
  readonly unique: boolean;
  /** A single-column index named by the `ix` naming convention (`ix_<table>_<column>`). */
  readonly index: boolean;
  readonly references?: ForeignKeyReference;
}

/** Options of {@link column}; every one is optional. */
export interface ColumnOptions {
  readonly nullable?: boolean;
  readonly primaryKey?: boolean;
  readonly serverDefault?: ServerDefault;
  readonly autoincrement?: 'auto' | boolean;
  readonly identity?: IdentityOptions;
  readonly comment?: string;
  readonly unique?: boolean;
  readonly index?: boolean;
  readonly references?: ForeignKeyReferenceInput;
}

/**
 * Builds a column.
 *
 * ```ts
 * column('id', integer(), { primaryKey: true });
 * column('account_id', integer(), { nullable: false, references: 'account.id' });
 * column('created', dateTime(), { serverDefault: sql('now()') });
 * ```
 */
export function column(name: string, type: ColumnType, options: ColumnOptions = {}): ColumnModel {
  if (typeof name !== 'string' || name.length === 0) {
    throw new InvalidSchemaError('A column needs a non-empty name');
  }
  if (!isColumnType(type)) {
    throw new InvalidSchemaError(`Column '${name}' needs a column type such as integer() or string(50)`);
  }
  const primaryKey = options.primaryKey ?? false;
  return deepFreeze(
    withoutUndefined<ColumnModel>({
      kind: 'column',
      name,
      type,
      nullable: options.nullable ?? !primaryKey,
      primaryKey,
      serverDefault: options.serverDefault,
      autoincrement: options.autoincrement ?? 'auto',
      identity: options.identity,
      comment: options.comment,
      unique: options.unique ?? false,
      index: options.index ?? false,
      references: options.references === undefined ? undefined : parseForeignKeyReference(options.references),
    }),
  );
}

/** True when `value` is a {@link ColumnModel}. */
export function isColumnModel(value: unknown): value is ColumnModel {
  return kindOf(value) === 'column';
}

import { InvalidOperationError } from '../errors/invalid-operation-error.js';
import type { ColumnType } from '../schema/column-types.js';
import type { IdentityOptions, ServerDefault } from '../schema/column.js';
import type { DialectOptions } from '../schema/dialect-options.js';
import { buildOperation, requireText } from './build-operation.js';

/**
 * Changes one column. For every aspect, `undefined` means "not changing"; for `serverDefault`
 * and `comment`, `null` means "remove". The `existing*` fields describe the column as it is:
 * some dialects need them to write the statement (MySQL's `MODIFY` repeats the whole column),
 * and `reverseOperation()` needs the existing value of every aspect that changes.
 *
 * Statements are emitted in Alembic's order: nullability, default, identity, type, comment,
 * and the rename last.
 */
export interface AlterColumnOperation extends AlterColumnOptions {
  readonly kind: 'alterColumn';
  readonly tableName: string;
  readonly columnName: string;
}

/**
 * The aspects of a column `alterColumn` can change. `undefined`: not changing; `null` (server
 * default, identity, comment): remove it. `GENERATED ... AS IDENTITY` options add an identity, or
 * change it given `existingIdentity`; only dialects with identity columns can ALTER it
 * (PostgreSQL).
 */
export interface AlterableColumnAspects {
  readonly nullable?: boolean;
  readonly type?: ColumnType;
  /** `null`: no server default. */
  readonly serverDefault?: ServerDefault | null;
  /** `GENERATED ... AS IDENTITY` options; `null`: no identity. */
  readonly identity?: IdentityOptions | null;
  /** `null`: no comment. */
  readonly comment?: string | null;
  readonly autoincrement?: boolean;
}

/**
 * The column as it is: one `existing*` field per aspect (`existingNullable`, `existingType`,
 * `existingServerDefault`, `existingIdentity`, `existingComment`, `existingAutoincrement`), of the
 * aspect's type. `null` in `existingServerDefault`, `existingIdentity` or `existingComment`: the
 * column has none. (The fields are derived from {@link AlterableColumnAspects}, so editors show
 * this comment for them, not one of their own.)
 */
export type ExistingColumnAspects = {
  readonly [Aspect in keyof AlterableColumnAspects as `existing${Capitalize<Aspect>}`]: AlterableColumnAspects[Aspect];
};

/** Options of `alterColumn`: what changes, and what the column was (a batch's take them less `schema`). */
export interface AlterColumnOptions extends AlterableColumnAspects, ExistingColumnAspects {
  /** The table's schema; unset: the connection's default schema. */
  readonly schema?: string;
  /** Renames the column. */
  readonly newColumnName?: string;
  /** E.g. `{ postgresql: { using: 'c::integer' } }`. */
  readonly dialectOptions?: DialectOptions;
}

/** The aspects of a column `alterColumn` can change, paired with their `existing*` field. */
export const ALTER_COLUMN_ASPECTS = Object.freeze([
  { change: 'nullable', existing: 'existingNullable' },
  { change: 'serverDefault', existing: 'existingServerDefault' },
  { change: 'identity', existing: 'existingIdentity' },
  { change: 'type', existing: 'existingType' },
  { change: 'comment', existing: 'existingComment' },
  { change: 'autoincrement', existing: 'existingAutoincrement' },
] as const);

/**
 * Builds an `alterColumn` operation.
 *
 * ```ts
 * alterColumnOperation({ tableName: 'account', columnName: 'name', type: string(100), existingType: string(50) });
 * ```
 */
export function alterColumnOperation(fields: Omit<AlterColumnOperation, 'kind'>): AlterColumnOperation {
  if (fields.newColumnName !== undefined) {
    requireText('alterColumn', 'newColumnName', fields.newColumnName);
  }
  if (fields.nullable !== undefined && typeof fields.nullable !== 'boolean') {
    throw new InvalidOperationError("alterColumn: 'nullable' must be true or false");
  }
  return buildOperation('alterColumn', fields);
}

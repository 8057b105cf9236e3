import { InvalidSchemaError } from '../errors/invalid-schema-error.js';
import type { ConstraintName } from './converted-name.js';
import { deepFreeze, withoutUndefined } from './deep-freeze.js';
import type { DialectOptions } from './dialect-options.js';
import type { SqlExpression } from './sql-expression.js';
import { isSqlExpression } from './sql-expression.js';
import { kindOf } from './kind-of.js';

/** One element of an index: a column name (quoted as needed) or an expression (verbatim). */
export type IndexElement = string | SqlExpression;

/** An index of a table. */
export interface IndexModel {
  readonly kind: 'index';
  /** Unset: named by the `ix` naming convention. */
  readonly name?: ConstraintName;
  readonly columns: readonly IndexElement[];
  readonly unique: boolean;
  /** Partial index condition (SQL), `WHERE <where>`. */
  readonly where?: string;
  /** Extras one dialect understands, e.g. `{ postgresql: { include: ['total'], using: 'gin' } }`. */
  readonly dialectOptions?: DialectOptions;
}

/** Options of {@link index}. */
export interface IndexOptions {
  readonly unique?: boolean;
  readonly where?: string | SqlExpression;
  readonly dialectOptions?: DialectOptions;
}

/**
 * Builds an index for {@link table} (or the table of a `createTable` operation).
 *
 * ```ts
 * index('ix_user_email', ['email'], { unique: true, where: 'deleted_at IS NULL' });
 * index('ix_user_email_lower', [sql('lower(email)')]);
 * ```
 */
export function index(
  name: ConstraintName | null,
  columns: readonly IndexElement[],
  options: IndexOptions = {},
): IndexModel {
  return deepFreeze(
    withoutUndefined<IndexModel>({
      kind: 'index',
      name: name ?? undefined,
      columns: requireIndexElements(columns),
      unique: options.unique ?? false,
      where:
        options.where === undefined ? undefined : isSqlExpression(options.where) ? options.where.text : options.where,
      dialectOptions: options.dialectOptions,
    }),
  );
}

/**
 * Checks that `columns` is a non-empty list of column names or {@link sql} expressions.
 *
 * @internal
 */
export function requireIndexElements(columns: readonly IndexElement[]): readonly IndexElement[] {
  if (
    !Array.isArray(columns) ||
    columns.length === 0 ||
    columns.some((element) => typeof element !== 'string' && !isSqlExpression(element))
  ) {
    throw new InvalidSchemaError('An index needs a non-empty list of column names or sql() expressions');
  }
  return [...columns];
}

/** True when `value` is an {@link IndexModel}. */
export function isIndexModel(value: unknown): value is IndexModel {
  return kindOf(value) === 'index';
}

/** The plain column names among an index's elements (expressions left out). */
export function indexColumnNames(model: { readonly columns: readonly IndexElement[] }): readonly string[] {
  return model.columns.filter((element): element is string => typeof element === 'string');
}

import { InvalidSchemaError } from '../errors/invalid-schema-error.js';
import type { ConstraintName } from './converted-name.js';
import { withoutUndefined } from './deep-freeze.js';

/** `ON DELETE` / `ON UPDATE` action of a foreign key (any string is passed through). */
export type ReferentialAction = 'CASCADE' | 'SET NULL' | 'SET DEFAULT' | 'RESTRICT' | 'NO ACTION' | (string & {});

/** Options of a foreign key, shared by column references and foreign key constraints. */
export interface ForeignKeyOptions {
  readonly name?: ConstraintName;
  readonly onDelete?: ReferentialAction;
  readonly onUpdate?: ReferentialAction;
  /** `DEFERRABLE` (true) / `NOT DEFERRABLE` (false). */
  readonly deferrable?: boolean;
  /** `INITIALLY DEFERRED` / `INITIALLY IMMEDIATE`. */
  readonly initially?: string;
  /** `MATCH FULL` and friends. */
  readonly match?: string;
}

/** A single-column foreign key declared on a column (SQLAlchemy's `ForeignKey('account.id')`). */
export interface ForeignKeyReference extends ForeignKeyOptions {
  readonly table: string;
  readonly column: string;
  readonly schema?: string;
}

/**
 * What a column's `references` option accepts: `'table.column'`, `'schema.table.column'`, or a
 * {@link ForeignKeyReference}.
 */
export type ForeignKeyReferenceInput = string | ForeignKeyReference;

/**
 * Normalises a `references` option into a {@link ForeignKeyReference}.
 *
 * ```ts
 * parseForeignKeyReference('billing.account.id'); // { schema: 'billing', table: 'account', column: 'id' }
 * ```
 */
export function parseForeignKeyReference(
  input: ForeignKeyReferenceInput,
  options: ForeignKeyOptions = {},
): ForeignKeyReference {
  if (typeof input !== 'string') {
    return { ...input, ...withoutUndefined(options) };
  }
  const parts = input.split('.');
  if (parts.length < 2 || parts.length > 3 || parts.some((part) => part.length === 0)) {
    throw new InvalidSchemaError(`Foreign key reference '${input}' must be 'table.column' or 'schema.table.column'`);
  }
  const column = parts[parts.length - 1] as string;
  const table = parts[parts.length - 2] as string;
  const schema = parts.length === 3 ? parts[0] : undefined;
  const reference = schema === undefined ? { table, column } : { schema, table, column };
  return { ...reference, ...withoutUndefined(options) };
}

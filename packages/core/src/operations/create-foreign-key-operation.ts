import { InvalidOperationError } from '../errors/invalid-operation-error.js';
import type { ConstraintName } from '../schema/converted-name.js';
import type { DialectOptions } from '../schema/dialect-options.js';
import type { ForeignKeyOptions } from '../schema/foreign-key-reference.js';
import { buildOperation, requireNames } from './build-operation.js';

/**
 * `ALTER TABLE source ADD CONSTRAINT name FOREIGN KEY(local) REFERENCES referent (remote)`.
 * Reverse: `dropConstraint` (type `'foreignkey'`).
 */
export interface CreateForeignKeyOperation extends CreateForeignKeyOptions {
  readonly kind: 'createForeignKey';
  readonly constraintName?: ConstraintName;
  readonly sourceTable: string;
  readonly referentTable: string;
  readonly localColumns: readonly string[];
  readonly remoteColumns: readonly string[];
}

/** Options of `createForeignKey`: the referential options besides the name (a batch's take them less `sourceSchema`). */
export interface CreateForeignKeyOptions extends Omit<ForeignKeyOptions, 'name'> {
  /** The schema of the table that gets the foreign key; unset: the connection's default schema. */
  readonly sourceSchema?: string;
  /** The schema of the referenced table; unset: the connection's default schema. */
  readonly referentSchema?: string;
  /** E.g. `{ postgresql: { notValid: true } }`. */
  readonly dialectOptions?: DialectOptions;
}

/**
 * Builds a `createForeignKey` operation.
 *
 * ```ts
 * createForeignKeyOperation({
 *   constraintName: 'fk_address_account', sourceTable: 'address', referentTable: 'account',
 *   localColumns: ['account_id'], remoteColumns: ['id'], onDelete: 'CASCADE',
 * });
 * ```
 */
export function createForeignKeyOperation(fields: Omit<CreateForeignKeyOperation, 'kind'>): CreateForeignKeyOperation {
  const localColumns = requireNames('createForeignKey', 'localColumns', fields.localColumns);
  const remoteColumns = requireNames('createForeignKey', 'remoteColumns', fields.remoteColumns);
  if (localColumns.length !== remoteColumns.length) {
    throw new InvalidOperationError(
      `createForeignKey: ${localColumns.length} local column(s) but ${remoteColumns.length} remote column(s)`,
    );
  }
  return buildOperation('createForeignKey', fields, { localColumns, remoteColumns });
}

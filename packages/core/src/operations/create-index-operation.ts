import { InvalidOperationError } from '../errors/invalid-operation-error.js';
import type { ConstraintName } from '../schema/converted-name.js';
import type { DialectOptions } from '../schema/dialect-options.js';
import type { IndexElement } from '../schema/index-model.js';
import { requireIndexElements } from '../schema/index-model.js';
import type { SqlExpression } from '../schema/sql-expression.js';
import { buildOperation } from './build-operation.js';

/** `CREATE [UNIQUE] INDEX [IF NOT EXISTS] name ON t (columns) [WHERE ...]`. Reverse: `dropIndex`. */
export interface CreateIndexOperation extends Omit<CreateIndexOptions, 'unique' | 'where'> {
  readonly kind: 'createIndex';
  /** Unset: named by the `ix` naming convention. */
  readonly indexName?: ConstraintName;
  readonly tableName: string;
  readonly columns: readonly IndexElement[];
  /** `CREATE UNIQUE INDEX` when true. */
  readonly unique: boolean;
  /** Partial index condition (SQL). */
  readonly where?: string;
}

/** Options of `createIndex`: all but the index's name, its table and its columns. */
export interface CreateIndexOptions {
  /** The table's schema; unset: the connection's default schema. */
  readonly schema?: string;
  /** `CREATE UNIQUE INDEX`; default false. */
  readonly unique?: boolean;
  /** Partial index condition, as SQL; a database without partial indexes refuses it. */
  readonly where?: string | SqlExpression;
  /** `CREATE INDEX IF NOT EXISTS`: no error when the index is already there. */
  readonly ifNotExists?: boolean;
  /** E.g. `{ postgresql: { include: ['total'], concurrently: true, using: 'gin' } }`. */
  readonly dialectOptions?: DialectOptions;
}

/**
 * Builds a `createIndex` operation.
 *
 * ```ts
 * createIndexOperation({ indexName: 'ix_account_email', tableName: 'account', columns: ['email'], unique: true });
 * ```
 */
export function createIndexOperation(
  fields: Omit<CreateIndexOperation, 'kind' | 'unique'> & { unique?: boolean },
): CreateIndexOperation {
  let columns: readonly IndexElement[];
  try {
    columns = requireIndexElements(fields.columns);
  } catch (error) {
    throw new InvalidOperationError(`createIndex: ${(error as Error).message}`, { cause: error });
  }
  return buildOperation('createIndex', fields, { columns, unique: fields.unique ?? false });
}

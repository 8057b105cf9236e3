import { InvalidOperationError } from '../errors/invalid-operation-error.js';
import type { ConstraintName } from '../schema/converted-name.js';
import type { DialectOptions } from '../schema/dialect-options.js';
import type { IndexModel } from '../schema/index-model.js';
import { buildOperation } from './build-operation.js';

/**
 * `DROP INDEX [IF EXISTS] name`. Reversible only with `tableName` and `existingIndex`. The name
 * may be left out when `existingIndex` lets the naming convention produce it.
 */
export interface DropIndexOperation extends DropIndexOptions {
  readonly kind: 'dropIndex';
  readonly indexName?: ConstraintName;
  /** Required by some dialects (MySQL, SQL Server: `DROP INDEX ix ON t`). */
  readonly tableName?: string;
}

/** Options of `dropIndex`: all but the index's name and its table. */
export interface DropIndexOptions {
  /** The schema of the index's table; unset: the connection's default schema. */
  readonly schema?: string;
  /** `DROP INDEX IF EXISTS`: no error when the index is not there. */
  readonly ifExists?: boolean;
  /** E.g. `{ postgresql: { concurrently: true } }`. */
  readonly dialectOptions?: DialectOptions;
  /** The index being dropped, as it is; makes the drop reversible (with the table's name). */
  readonly existingIndex?: IndexModel;
}

/**
 * Builds a `dropIndex` operation; an unnamed `existingIndex` takes `indexName`.
 *
 * ```ts
 * dropIndexOperation({ indexName: 'ix_account_email', tableName: 'account' });
 * ```
 */
export function dropIndexOperation(fields: Omit<DropIndexOperation, 'kind'>): DropIndexOperation {
  if (fields.indexName === undefined && fields.existingIndex === undefined) {
    throw new InvalidOperationError('dropIndex: give the index name (or the existing index to derive it from)');
  }
  const existingIndex =
    fields.existingIndex !== undefined && fields.existingIndex.name === undefined && fields.indexName !== undefined
      ? { ...fields.existingIndex, name: fields.indexName }
      : fields.existingIndex;
  return buildOperation('dropIndex', fields, { existingIndex });
}

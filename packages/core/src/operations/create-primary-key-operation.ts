import type { ConstraintName } from '../schema/converted-name.js';
import { buildOperation } from './build-operation.js';

/** `ALTER TABLE t ADD CONSTRAINT name PRIMARY KEY (columns)`. Reverse: `dropConstraint` (type `'primary'`). */
export interface CreatePrimaryKeyOperation extends CreatePrimaryKeyOptions {
  readonly kind: 'createPrimaryKey';
  readonly constraintName?: ConstraintName;
  readonly tableName: string;
  readonly columns: readonly string[];
}

/** Options of `createPrimaryKey`: all but the constraint's name, its table and its columns. */
export interface CreatePrimaryKeyOptions {
  /** The table's schema; unset: the connection's default schema. */
  readonly schema?: string;
}

/**
 * Builds a `createPrimaryKey` operation.
 *
 * ```ts
 * createPrimaryKeyOperation({ constraintName: 'pk_order', tableName: 'order', columns: ['tenant_id', 'id'] });
 * ```
 */
export function createPrimaryKeyOperation(fields: Omit<CreatePrimaryKeyOperation, 'kind'>): CreatePrimaryKeyOperation {
  return buildOperation('createPrimaryKey', fields);
}

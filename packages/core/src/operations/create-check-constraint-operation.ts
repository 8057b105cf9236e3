import type { ConstraintName } from '../schema/converted-name.js';
import { buildOperation } from './build-operation.js';

/** `ALTER TABLE t ADD CONSTRAINT name CHECK (condition)`. Reverse: `dropConstraint` (type `'check'`). */
export interface CreateCheckConstraintOperation extends CreateCheckConstraintOptions {
  readonly kind: 'createCheckConstraint';
  readonly constraintName?: ConstraintName;
  readonly tableName: string;
  /** SQL. */
  readonly condition: string;
}

/** Options of `createCheckConstraint`: all but the constraint's name, its table and its condition. */
export interface CreateCheckConstraintOptions {
  /** The table's schema; unset: the connection's default schema. */
  readonly schema?: string;
}

/**
 * Builds a `createCheckConstraint` operation.
 *
 * ```ts
 * createCheckConstraintOperation({ constraintName: 'ck_name_length', tableName: 'account', condition: 'length(name) > 2' });
 * ```
 */
export function createCheckConstraintOperation(
  fields: Omit<CreateCheckConstraintOperation, 'kind'>,
): CreateCheckConstraintOperation {
  return buildOperation('createCheckConstraint', fields);
}

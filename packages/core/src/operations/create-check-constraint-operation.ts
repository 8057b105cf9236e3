import type { ConstraintName } from '../schema/converted-name.js';
import { buildOperation } from './build-operation.js';

/** `ALTER TABLE t ADD CONSTRAINT name CHECK (condition)`. Reverse: `dropConstraint` (type `'check'`). */
export interface CreateCheckConstraintOperation {
  readonly kind: 'createCheckConstraint';
  readonly constraintName?: ConstraintName;
  readonly tableName: string;
  /** SQL. */
  readonly condition: string;
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

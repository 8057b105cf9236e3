import type { ConstraintName } from '../schema/converted-name.js';
import { buildOperation } from './build-operation.js';

/** `ALTER TABLE t ADD CONSTRAINT name UNIQUE (columns)`. Reverse: `dropConstraint` (type `'unique'`). */
export interface CreateUniqueConstraintOperation {
  readonly kind: 'createUniqueConstraint';
  /** Unset: named by the `uq` naming convention, or left unnamed. */
  readonly constraintName?: ConstraintName;
  readonly tableName: string;
  readonly columns: readonly string[];
  readonly schema?: string;
  readonly deferrable?: boolean;
  readonly initially?: string;
}

/**
 * Builds a `createUniqueConstraint` operation.
 *
 * ```ts
 * createUniqueConstraintOperation({ constraintName: 'uq_user_email', tableName: 'user', columns: ['email'] });
 * ```
 */
export function createUniqueConstraintOperation(
  fields: Omit<CreateUniqueConstraintOperation, 'kind'>,
): CreateUniqueConstraintOperation {
  return buildOperation('createUniqueConstraint', fields);
}

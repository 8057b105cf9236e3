import type { ConstraintName } from '../schema/converted-name.js';
import { buildOperation } from './build-operation.js';

/** `ALTER TABLE t ADD CONSTRAINT name UNIQUE (columns)`. Reverse: `dropConstraint` (type `'unique'`). */
export interface CreateUniqueConstraintOperation extends CreateUniqueConstraintOptions {
  readonly kind: 'createUniqueConstraint';
  /** Unset: named by the `uq` naming convention, or left unnamed. */
  readonly constraintName?: ConstraintName;
  readonly tableName: string;
  readonly columns: readonly string[];
}

/** Options of `createUniqueConstraint`: all but the constraint's name, its table and its columns. */
export interface CreateUniqueConstraintOptions {
  /** The table's schema; unset: the connection's default schema. */
  readonly schema?: string;
  /** `DEFERRABLE` (true) / `NOT DEFERRABLE` (false). */
  readonly deferrable?: boolean;
  /** `INITIALLY DEFERRED` / `INITIALLY IMMEDIATE`. */
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

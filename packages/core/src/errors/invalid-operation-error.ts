import { AlembicError } from './alembic-error.js';

const MARKER = Symbol.for('alembic.error.InvalidOperationError');

/**
 * A migration operation was called with arguments that cannot work on any database: a
 * `dropConstraint` type outside `'foreignkey' | 'unique' | 'check' | 'primary'`, `bulkInsert`
 * rows that are not a list of objects, a batch `addColumn` with `insertBefore` but no table
 * rebuild, a constraint to drop that the batch table does not have.
 */
export class InvalidOperationError extends AlembicError {
  private readonly [MARKER] = true;

  constructor(message: string, options: { cause?: unknown } = {}) {
    super('ALEMBIC_INVALID_OPERATION', message, options);
  }

  /** True when `value` is an `InvalidOperationError` from any copy of `@alembic/core`. */
  static override isInstance(value: unknown): value is InvalidOperationError {
    return AlembicError.isInstance(value) && (value as unknown as Record<symbol, unknown>)[MARKER] === true;
  }
}

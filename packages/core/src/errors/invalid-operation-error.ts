import { AlembicError } from './alembic-error.js';

/**
 * A migration operation was called with arguments that cannot work on any database: a
 * `dropConstraint` type outside `'foreignkey' | 'unique' | 'check' | 'primary'`, `bulkInsert`
 * rows that are not a list of objects, a batch `addColumn` with `insertBefore` but no table
 * rebuild, a constraint to drop that the batch table does not have.
 */
export class InvalidOperationError extends AlembicError {
  static override readonly instanceMarker: string = 'alembic.error.InvalidOperationError';
  constructor(message: string, options: { cause?: unknown } = {}) {
    super('ALEMBIC_INVALID_OPERATION', message, options);
  }
}

import { AlembicError } from './alembic-error.js';

/**
 * A schema model (table, column, constraint, index) is inconsistent: two columns with one name,
 * a constraint on a column the table does not have, a foreign key whose local and remote column
 * lists differ in length, a malformed `'table.column'` reference.
 */
export class InvalidSchemaError extends AlembicError {
  static override readonly instanceMarker: string = 'alembic.error.InvalidSchemaError';
  constructor(message: string, options: { cause?: unknown } = {}) {
    super('ALEMBIC_INVALID_SCHEMA', message, options);
  }
}

import { AlembicError } from './alembic-error.js';

const MARKER = Symbol.for('alembic.error.InvalidSchemaError');

/**
 * A schema model (table, column, constraint, index) is inconsistent: two columns with one name,
 * a constraint on a column the table does not have, a foreign key whose local and remote column
 * lists differ in length, a malformed `'table.column'` reference.
 */
export class InvalidSchemaError extends AlembicError {
  private readonly [MARKER] = true;

  constructor(message: string, options: { cause?: unknown } = {}) {
    super('ALEMBIC_INVALID_SCHEMA', message, options);
  }

  /** True when `value` is an `InvalidSchemaError` from any copy of `@alembic/core`. */
  static override isInstance(value: unknown): value is InvalidSchemaError {
    return AlembicError.isInstance(value) && (value as unknown as Record<symbol, unknown>)[MARKER] === true;
  }
}

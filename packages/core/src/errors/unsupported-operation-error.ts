import { AlembicError } from './alembic-error.js';

const MARKER = Symbol.for('alembic.error.UnsupportedOperationError');

/**
 * The dialect cannot express an operation as DDL: altering constraints on SQLite outside batch
 * mode, a partial index where the database has none, a table comment on a database without
 * comments. The message says what to do instead when there is an alternative.
 */
export class UnsupportedOperationError extends AlembicError {
  /** The dialect that refused (`'default'` for the generic compiler). */
  readonly dialectName: string;
  /** The `kind` of the operation, when the refusal is about one operation. */
  readonly operationKind: string | undefined;
  private readonly [MARKER] = true;

  constructor(dialectName: string, message: string, options: { operationKind?: string; cause?: unknown } = {}) {
    super('ALEMBIC_UNSUPPORTED_OPERATION', message, { cause: options.cause });
    this.dialectName = dialectName;
    this.operationKind = options.operationKind;
  }

  /** True when `value` is an `UnsupportedOperationError` from any copy of `@alembic/core`. */
  static override isInstance(value: unknown): value is UnsupportedOperationError {
    return AlembicError.isInstance(value) && (value as unknown as Record<symbol, unknown>)[MARKER] === true;
  }
}

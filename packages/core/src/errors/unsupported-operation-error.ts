import { AlembicError } from './alembic-error.js';

/**
 * The dialect cannot express an operation as DDL: altering constraints on SQLite outside batch
 * mode, a partial index where the database has none, a table comment on a database without
 * comments. The message says what to do instead when there is an alternative.
 */
export class UnsupportedOperationError extends AlembicError {
  static override readonly instanceMarker: string = 'alembic.error.UnsupportedOperationError';
  /** The `kind` of the operation, when the refusal is about one operation. */
  readonly operationKind: string | undefined;

  constructor(
    /** The dialect that refused (`'default'` for the generic compiler). */
    readonly dialectName: string,
    message: string,
    options: { operationKind?: string; cause?: unknown } = {},
  ) {
    super('ALEMBIC_UNSUPPORTED_OPERATION', message, { cause: options.cause });
    this.operationKind = options.operationKind;
  }
}

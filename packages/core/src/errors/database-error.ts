import { AlembicError } from './alembic-error.js';

const MARKER = Symbol.for('alembic.error.DatabaseError');

/**
 * The stable codes dialects give database failures, by kind rather than by driver, so a caller
 * can test `error.code` without knowing a server's own numbers. A dialect uses the names that fit
 * its server; where two servers report the same kind, the dialects use the same name.
 */
export type DatabaseErrorCode =
  | 'ALEMBIC_CONSTRAINT_VIOLATION'
  | 'ALEMBIC_SQL_SYNTAX_ERROR'
  | 'ALEMBIC_DATABASE_LOCKED'
  | 'ALEMBIC_DEADLOCK'
  | 'ALEMBIC_TRANSACTION_CONFLICT'
  | 'ALEMBIC_TABLE_NOT_FOUND'
  | 'ALEMBIC_TABLE_EXISTS'
  | 'ALEMBIC_COLUMN_NOT_FOUND'
  | 'ALEMBIC_OBJECT_NOT_FOUND'
  | 'ALEMBIC_DUPLICATE_OBJECT'
  | 'ALEMBIC_DEPENDENT_OBJECTS_EXIST'
  | 'ALEMBIC_ACCESS_DENIED'
  | 'ALEMBIC_DATABASE_NOT_FOUND'
  | 'ALEMBIC_DATABASE_READ_ONLY'
  | 'ALEMBIC_DATABASE_CANNOT_OPEN'
  | 'ALEMBIC_DATABASE_CORRUPT'
  | 'ALEMBIC_CONNECTION_FAILED'
  | 'ALEMBIC_QUERY_CANCELED'
  | 'ALEMBIC_DATA_ERROR'
  | 'ALEMBIC_DATABASE_ERROR';

/**
 * Base class of the errors a dialect's `translateError` makes of its driver's errors: a stable
 * {@link DatabaseErrorCode}, the server's message unchanged, the driver's error as `cause`, and,
 * for constraint violations, the kind of constraint. Each dialect adds its server's own details
 * (SQLSTATE, error numbers) in a subclass.
 *
 * ```ts
 * try {
 *   await upgrade(config, 'head');
 * } catch (error) {
 *   const cause = (error as Error).cause;
 *   if (DatabaseError.isInstance(cause) && cause.code === 'ALEMBIC_DATABASE_LOCKED') {
 *     // another session holds a lock: try again later
 *   }
 * }
 * ```
 */
export class DatabaseError extends AlembicError {
  declare readonly code: DatabaseErrorCode;
  /** For constraint violations: `'UNIQUE'`, `'FOREIGN KEY'`, `'NOT NULL'`, `'CHECK'`, ... when known. */
  readonly constraintKind: string | undefined;
  private readonly [MARKER] = true;

  constructor(code: DatabaseErrorCode, message: string, options: { constraintKind?: string; cause?: unknown } = {}) {
    super(code, message, { cause: options.cause });
    this.constraintKind = options.constraintKind;
  }

  /** True when `value` is a `DatabaseError` (of any dialect) from any copy of `@alembic/core`. */
  static override isInstance(value: unknown): value is DatabaseError {
    return AlembicError.isInstance(value) && (value as unknown as Record<symbol, unknown>)[MARKER] === true;
  }
}

import { AlembicError, DatabaseError } from '@alembic/core';

const MARKER = Symbol.for('alembic.error.SqliteDatabaseError');

/**
 * Stable codes of database failures, by kind rather than by driver: a caller can test
 * `error.code === 'ALEMBIC_DATABASE_LOCKED'` without knowing SQLite's result codes.
 */
export type SqliteDatabaseErrorCode =
  | 'ALEMBIC_CONSTRAINT_VIOLATION'
  | 'ALEMBIC_DATABASE_LOCKED'
  | 'ALEMBIC_SQL_SYNTAX_ERROR'
  | 'ALEMBIC_DATABASE_READ_ONLY'
  | 'ALEMBIC_DATABASE_CANNOT_OPEN'
  | 'ALEMBIC_DATABASE_CORRUPT'
  | 'ALEMBIC_DATABASE_ERROR';

/**
 * An error the SQLite driver raised, with a stable `code` (see {@link SqliteDatabaseErrorCode}), the
 * driver's result code (`sqliteCode: 'SQLITE_CONSTRAINT'`) and its message unchanged
 * (`SQLITE_CONSTRAINT: UNIQUE constraint failed: account.email`). The driver's error is the
 * `cause`.
 *
 * ```ts
 * if (SqliteDatabaseError.isInstance(error) && error.code === 'ALEMBIC_DATABASE_LOCKED') { ... }
 * ```
 */
export class SqliteDatabaseError extends DatabaseError {
  /** SQLite's primary result code name, e.g. `'SQLITE_BUSY'`. */
  readonly sqliteCode: string;
  /** SQLite's numeric result code, when the driver gave it. */
  readonly errno: number | undefined;
  private readonly [MARKER] = true;

  constructor(
    code: SqliteDatabaseErrorCode,
    message: string,
    details: { sqliteCode: string; errno?: number; constraintKind?: string; cause?: unknown },
  ) {
    super(code, message, { constraintKind: details.constraintKind, cause: details.cause });
    this.sqliteCode = details.sqliteCode;
    this.errno = details.errno;
  }

  /** True when `value` is a `SqliteDatabaseError` from any copy of this package. */
  static override isInstance(value: unknown): value is SqliteDatabaseError {
    return AlembicError.isInstance(value) && (value as unknown as Record<symbol, unknown>)[MARKER] === true;
  }
}

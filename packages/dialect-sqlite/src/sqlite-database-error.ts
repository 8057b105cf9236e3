import { DatabaseError } from '@alembic/core/dialect';
import type { DatabaseErrorOptions } from '@alembic/core/dialect';

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
  static override readonly instanceMarker = 'alembic.error.SqliteDatabaseError';
  /** SQLite's primary result code name, e.g. `'SQLITE_BUSY'`. */
  declare readonly sqliteCode: string;
  /** SQLite's numeric result code, when the driver gave it. */
  declare readonly errno: number | undefined;

  constructor(
    code: SqliteDatabaseErrorCode,
    message: string,
    details: DatabaseErrorOptions & { sqliteCode: string; errno?: number },
  ) {
    super(code, message, details);
  }
}

import { DatabaseError } from '@alembic/core/dialect';
import type { DatabaseErrorOptions } from '@alembic/core/dialect';

/**
 * Stable codes of SQL Server failures, by kind rather than by error number: a caller can test
 * `error.code === 'ALEMBIC_TABLE_NOT_FOUND'` without knowing that it is error 208. The names are
 * the MySQL dialect's where the kinds meet (`ALEMBIC_CONSTRAINT_VIOLATION`,
 * `ALEMBIC_DATABASE_LOCKED`, `ALEMBIC_SQL_SYNTAX_ERROR`, `ALEMBIC_DATABASE_ERROR`, ...), plus
 * PostgreSQL's `ALEMBIC_DEPENDENT_OBJECTS_EXIST` and `ALEMBIC_QUERY_CANCELED`. SQL Server says
 * "There is already an object named ..." (2714) for tables and constraints alike: that is
 * `ALEMBIC_DUPLICATE_OBJECT`.
 */
export type MssqlDatabaseErrorCode =
  | 'ALEMBIC_CONSTRAINT_VIOLATION'
  | 'ALEMBIC_SQL_SYNTAX_ERROR'
  | 'ALEMBIC_TABLE_NOT_FOUND'
  | 'ALEMBIC_COLUMN_NOT_FOUND'
  | 'ALEMBIC_DUPLICATE_OBJECT'
  | 'ALEMBIC_OBJECT_NOT_FOUND'
  | 'ALEMBIC_DEPENDENT_OBJECTS_EXIST'
  | 'ALEMBIC_DATABASE_LOCKED'
  | 'ALEMBIC_DEADLOCK'
  | 'ALEMBIC_ACCESS_DENIED'
  | 'ALEMBIC_DATABASE_NOT_FOUND'
  | 'ALEMBIC_CONNECTION_FAILED'
  | 'ALEMBIC_QUERY_CANCELED'
  | 'ALEMBIC_DATA_ERROR'
  | 'ALEMBIC_DATABASE_ERROR';

/**
 * What {@link MssqlDatabaseError} carries besides its code and message: core's options (the
 * `mssql` driver's code, `'EREQUEST'`, `'ELOGIN'`, `'ESOCKET'`, ..., as `driverCode`; for
 * constraint violations `'PRIMARY KEY OR UNIQUE'`, `'UNIQUE'`, `'NOT NULL'` or
 * `'FOREIGN KEY OR CHECK'`) and the server's error number and state.
 */
export type MssqlDatabaseErrorDetails = DatabaseErrorOptions & Partial<Pick<MssqlDatabaseError, 'number' | 'state'>>;

/**
 * An error SQL Server or the `mssql` driver raised, with a stable `code` (see
 * {@link MssqlDatabaseErrorCode}), the server's error number and state, and its message unchanged
 * (`Invalid object name 'acount'.`). The driver's error is the `cause`. Passwords never appear in
 * it: errors raised while connecting are scrubbed of the password.
 *
 * ```ts
 * if (MssqlDatabaseError.isInstance(error) && error.code === 'ALEMBIC_TABLE_NOT_FOUND') { ... }
 * ```
 */
export class MssqlDatabaseError extends DatabaseError {
  static override readonly instanceMarker = 'alembic.error.MssqlDatabaseError';
  /** The server's error number, e.g. `208`. */
  declare readonly number: number | undefined;
  /** The error's state. */
  declare readonly state: number | undefined;

  constructor(code: MssqlDatabaseErrorCode, message: string, details: MssqlDatabaseErrorDetails = {}) {
    super(code, message, details);
  }
}

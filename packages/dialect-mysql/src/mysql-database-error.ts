import { DatabaseError } from '@alembic/core/dialect';
import type { DatabaseErrorOptions } from '@alembic/core/dialect';

/**
 * Stable codes of MySQL and MariaDB failures, by kind rather than by server error number: a
 * caller can test `error.code === 'ALEMBIC_TABLE_NOT_FOUND'` without knowing that it is errno
 * 1146. The codes shared with the other dialects (`ALEMBIC_CONSTRAINT_VIOLATION`,
 * `ALEMBIC_DATABASE_LOCKED`, `ALEMBIC_SQL_SYNTAX_ERROR`, `ALEMBIC_DATABASE_ERROR`) mean the same
 * thing there.
 */
export type MysqlDatabaseErrorCode =
  | 'ALEMBIC_CONSTRAINT_VIOLATION'
  | 'ALEMBIC_SQL_SYNTAX_ERROR'
  | 'ALEMBIC_TABLE_NOT_FOUND'
  | 'ALEMBIC_TABLE_EXISTS'
  | 'ALEMBIC_COLUMN_NOT_FOUND'
  | 'ALEMBIC_DUPLICATE_OBJECT'
  | 'ALEMBIC_OBJECT_NOT_FOUND'
  | 'ALEMBIC_DATABASE_LOCKED'
  | 'ALEMBIC_DEADLOCK'
  | 'ALEMBIC_ACCESS_DENIED'
  | 'ALEMBIC_DATABASE_NOT_FOUND'
  | 'ALEMBIC_CONNECTION_FAILED'
  | 'ALEMBIC_DATA_ERROR'
  | 'ALEMBIC_DATABASE_ERROR';

/**
 * What {@link MysqlDatabaseError} carries besides its code and message: core's options (mysql2's
 * code, `'ER_NO_SUCH_TABLE'` or a network code such as `'ECONNREFUSED'`, as `driverCode`; for
 * constraint violations `'UNIQUE'`, `'NOT NULL'`, `'FOREIGN KEY'` or `'CHECK'`) and the server's
 * error number.
 */
export type MysqlDatabaseErrorDetails = DatabaseErrorOptions & Partial<Pick<MysqlDatabaseError, 'errno'>>;

/**
 * An error MySQL, MariaDB or the mysql2 driver raised, with a stable `code` (see
 * {@link MysqlDatabaseErrorCode}), the server's errno and SQLSTATE, and its message unchanged
 * (`Table 'shop.acount' doesn't exist`). The driver's error is the `cause`. Passwords never
 * appear in it: errors raised while connecting are scrubbed of the password.
 *
 * ```ts
 * if (MysqlDatabaseError.isInstance(error) && error.code === 'ALEMBIC_TABLE_NOT_FOUND') { ... }
 * ```
 */
export class MysqlDatabaseError extends DatabaseError {
  static override readonly instanceMarker = 'alembic.error.MysqlDatabaseError';
  /** The server's error number, e.g. `1146`. */
  declare readonly errno: number | undefined;

  constructor(code: MysqlDatabaseErrorCode, message: string, details: MysqlDatabaseErrorDetails = {}) {
    super(code, message, details);
  }
}

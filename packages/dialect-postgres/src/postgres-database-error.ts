import { DatabaseError } from '@alembic/core/dialect';
import type { DatabaseErrorOptions } from '@alembic/core/dialect';

/**
 * Stable codes of database failures, by kind rather than by SQLSTATE (core's `DatabaseErrorCode`
 * names, as the other dialects use them where the kinds meet), so a caller can test
 * `error.code === 'ALEMBIC_DATABASE_LOCKED'` without knowing PostgreSQL's codes.
 */
export type PostgresDatabaseErrorCode =
  | 'ALEMBIC_CONSTRAINT_VIOLATION'
  | 'ALEMBIC_DATABASE_LOCKED'
  | 'ALEMBIC_DEADLOCK'
  | 'ALEMBIC_TRANSACTION_CONFLICT'
  | 'ALEMBIC_SQL_SYNTAX_ERROR'
  | 'ALEMBIC_TABLE_NOT_FOUND'
  | 'ALEMBIC_COLUMN_NOT_FOUND'
  | 'ALEMBIC_OBJECT_NOT_FOUND'
  | 'ALEMBIC_TABLE_EXISTS'
  | 'ALEMBIC_DUPLICATE_OBJECT'
  | 'ALEMBIC_DEPENDENT_OBJECTS_EXIST'
  | 'ALEMBIC_ACCESS_DENIED'
  | 'ALEMBIC_DATABASE_NOT_FOUND'
  | 'ALEMBIC_DATABASE_READ_ONLY'
  | 'ALEMBIC_CONNECTION_FAILED'
  | 'ALEMBIC_QUERY_CANCELED'
  | 'ALEMBIC_DATA_ERROR'
  | 'ALEMBIC_DATABASE_ERROR';

/**
 * What the server said about an error besides its message (the `pg` driver's fields): core's
 * options (for constraint violations `'UNIQUE'`, `'FOREIGN KEY'`, `'NOT NULL'`, `'CHECK'` or
 * `'EXCLUSION'`) and PostgreSQL's own.
 */
export type PostgresErrorDetails = DatabaseErrorOptions &
  Partial<
    Pick<PostgresDatabaseError, 'detail' | 'hint' | 'schemaName' | 'tableName' | 'columnName' | 'constraintName'>
  >;

/**
 * An error PostgreSQL (or the `pg` driver) raised, with a stable `code` (see
 * {@link PostgresDatabaseErrorCode}), the SQLSTATE (`sqlState: '23505'`) and the server's
 * message unchanged (`duplicate key value violates unique constraint "uq_account_email"`). The
 * driver's error is the `cause`.
 *
 * ```ts
 * if (PostgresDatabaseError.isInstance(error) && error.code === 'ALEMBIC_CONSTRAINT_VIOLATION') {
 *   console.log(error.constraintName, error.detail);
 * }
 * ```
 */
export class PostgresDatabaseError extends DatabaseError {
  static override readonly instanceMarker = 'alembic.error.PostgresDatabaseError';
  declare readonly detail: string | undefined;
  declare readonly hint: string | undefined;
  declare readonly schemaName: string | undefined;
  declare readonly tableName: string | undefined;
  declare readonly columnName: string | undefined;
  declare readonly constraintName: string | undefined;

  constructor(code: PostgresDatabaseErrorCode, message: string, details: PostgresErrorDetails = {}) {
    super(code, message, details);
  }
}

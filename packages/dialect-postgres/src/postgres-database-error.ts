import { AlembicError, DatabaseError } from '@alembic/core';

const MARKER = Symbol.for('alembic.error.PostgresDatabaseError');

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

/** What the server said about an error besides its message (the `pg` driver's fields). */
export interface PostgresErrorDetails {
  /** The SQLSTATE code, e.g. `'23505'`; undefined for errors that did not come from the server. */
  readonly sqlState?: string;
  readonly detail?: string;
  readonly hint?: string;
  readonly schemaName?: string;
  readonly tableName?: string;
  readonly columnName?: string;
  readonly constraintName?: string;
  /** For constraint violations: `'UNIQUE'`, `'FOREIGN KEY'`, `'NOT NULL'`, `'CHECK'` or `'EXCLUSION'`. */
  readonly constraintKind?: string;
  readonly cause?: unknown;
}

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
  readonly sqlState: string | undefined;
  readonly detail: string | undefined;
  readonly hint: string | undefined;
  readonly schemaName: string | undefined;
  readonly tableName: string | undefined;
  readonly columnName: string | undefined;
  readonly constraintName: string | undefined;
  private readonly [MARKER] = true;

  constructor(code: PostgresDatabaseErrorCode, message: string, details: PostgresErrorDetails = {}) {
    super(code, message, { constraintKind: details.constraintKind, cause: details.cause });
    this.sqlState = details.sqlState;
    this.detail = details.detail;
    this.hint = details.hint;
    this.schemaName = details.schemaName;
    this.tableName = details.tableName;
    this.columnName = details.columnName;
    this.constraintName = details.constraintName;
  }

  /** True when `value` is a `PostgresDatabaseError` from any copy of this package. */
  static override isInstance(value: unknown): value is PostgresDatabaseError {
    return AlembicError.isInstance(value) && (value as unknown as Record<symbol, unknown>)[MARKER] === true;
  }
}

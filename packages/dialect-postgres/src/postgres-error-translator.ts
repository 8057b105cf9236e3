import { AlembicError, isErrorLike } from '@alembic/core/dialect';
import type { PostgresDatabaseErrorCode } from './postgres-database-error.js';
import { PostgresDatabaseError } from './postgres-database-error.js';

/** Codes by full SQLSTATE, checked before {@link CODE_BY_CLASS}. */
const CODE_BY_SQLSTATE: Readonly<Record<string, PostgresDatabaseErrorCode>> = {
  '55P03': 'ALEMBIC_DATABASE_LOCKED',
  '40001': 'ALEMBIC_TRANSACTION_CONFLICT',
  '40P01': 'ALEMBIC_DEADLOCK',
  '42601': 'ALEMBIC_SQL_SYNTAX_ERROR',
  '42P01': 'ALEMBIC_TABLE_NOT_FOUND',
  '42703': 'ALEMBIC_COLUMN_NOT_FOUND',
  '42704': 'ALEMBIC_OBJECT_NOT_FOUND',
  '42883': 'ALEMBIC_OBJECT_NOT_FOUND',
  '3F000': 'ALEMBIC_OBJECT_NOT_FOUND',
  '42P07': 'ALEMBIC_TABLE_EXISTS',
  '42701': 'ALEMBIC_DUPLICATE_OBJECT',
  '42710': 'ALEMBIC_DUPLICATE_OBJECT',
  '42P06': 'ALEMBIC_DUPLICATE_OBJECT',
  '42723': 'ALEMBIC_DUPLICATE_OBJECT',
  '42P04': 'ALEMBIC_DUPLICATE_OBJECT',
  '2BP01': 'ALEMBIC_DEPENDENT_OBJECTS_EXIST',
  '42501': 'ALEMBIC_ACCESS_DENIED',
  '25006': 'ALEMBIC_DATABASE_READ_ONLY',
  '3D000': 'ALEMBIC_DATABASE_NOT_FOUND',
  '53300': 'ALEMBIC_CONNECTION_FAILED',
  '57P03': 'ALEMBIC_CONNECTION_FAILED',
  '57P01': 'ALEMBIC_CONNECTION_FAILED',
  '57014': 'ALEMBIC_QUERY_CANCELED',
};

/** Codes by SQLSTATE class (the first two characters). */
const CODE_BY_CLASS: Readonly<Record<string, PostgresDatabaseErrorCode>> = {
  '23': 'ALEMBIC_CONSTRAINT_VIOLATION',
  '08': 'ALEMBIC_CONNECTION_FAILED',
  '28': 'ALEMBIC_ACCESS_DENIED',
  '22': 'ALEMBIC_DATA_ERROR',
};

const CONSTRAINT_KIND_BY_SQLSTATE: Readonly<Record<string, string>> = {
  '23505': 'UNIQUE',
  '23503': 'FOREIGN KEY',
  '23502': 'NOT NULL',
  '23514': 'CHECK',
  '23P01': 'EXCLUSION',
};

/** Network failures of the driver's socket, before or while talking to the server. */
const NETWORK_ERRORS: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'EAI_AGAIN',
]);
const CONNECTION_LOST = /Connection terminated|ECONNRESET|EPIPE/;
const SQLSTATE = /^[0-9A-Z]{5}$/;

interface DriverErrorFields {
  readonly code?: unknown;
  readonly severity?: unknown;
  readonly detail?: unknown;
  readonly hint?: unknown;
  readonly schema?: unknown;
  readonly table?: unknown;
  readonly column?: unknown;
  readonly constraint?: unknown;
}

/** A non-empty string field of the driver's error, else `undefined`. */
function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function serverError(error: Error & DriverErrorFields): PostgresDatabaseError {
  const sqlState = error.code as string;
  const code = CODE_BY_SQLSTATE[sqlState] ?? CODE_BY_CLASS[sqlState.slice(0, 2)] ?? 'ALEMBIC_DATABASE_ERROR';
  const details = {
    sqlState,
    detail: text(error.detail),
    hint: text(error.hint),
    schemaName: text(error.schema),
    tableName: text(error.table),
    columnName: text(error.column),
    constraintName: text(error.constraint),
    constraintKind: CONSTRAINT_KIND_BY_SQLSTATE[sqlState],
    cause: error,
  };
  return new PostgresDatabaseError(code, error.message, details);
}

/**
 * Maps an error of the `pg` driver to a {@link PostgresDatabaseError} with a stable code,
 * keeping the server's message: SQLSTATE classes and codes (constraint violations, lock
 * timeouts, deadlocks and serialization failures, syntax errors, undefined and duplicate objects,
 * objects still depended on, privileges, read-only transactions, failed logins and missing
 * databases, cancelled statements, bad data), network failures (`ECONNREFUSED`, ...) and
 * connections the server closed. Errors of alembic itself and anything else are returned
 * unchanged.
 *
 * ```ts
 * translatePostgresError(driverError); // PostgresDatabaseError { code: 'ALEMBIC_CONSTRAINT_VIOLATION', sqlState: '23505', constraintKind: 'UNIQUE' }
 * ```
 */
export function translatePostgresError(error: unknown): unknown {
  if (AlembicError.isInstance(error) || !isErrorLike(error)) {
    return error;
  }
  const fields = error as Error & DriverErrorFields;
  if (typeof fields.code === 'string' && SQLSTATE.test(fields.code) && typeof fields.severity === 'string') {
    return serverError(fields);
  }
  if (typeof fields.code === 'string' && NETWORK_ERRORS.has(fields.code)) {
    return new PostgresDatabaseError('ALEMBIC_CONNECTION_FAILED', fields.message, { cause: error });
  }
  if (CONNECTION_LOST.test(fields.message)) {
    return new PostgresDatabaseError('ALEMBIC_CONNECTION_FAILED', fields.message, { cause: error });
  }
  return error;
}

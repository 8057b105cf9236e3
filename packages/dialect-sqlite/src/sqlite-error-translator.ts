import { AlembicError, isErrorLike } from '@alembic/core/dialect';
import type { SqliteDatabaseErrorCode } from './sqlite-database-error.js';
import { SqliteDatabaseError } from './sqlite-database-error.js';

const CODE_BY_RESULT: Readonly<Record<string, SqliteDatabaseErrorCode>> = {
  SQLITE_CONSTRAINT: 'ALEMBIC_CONSTRAINT_VIOLATION',
  SQLITE_BUSY: 'ALEMBIC_DATABASE_LOCKED',
  SQLITE_LOCKED: 'ALEMBIC_DATABASE_LOCKED',
  SQLITE_READONLY: 'ALEMBIC_DATABASE_READ_ONLY',
  SQLITE_CANTOPEN: 'ALEMBIC_DATABASE_CANNOT_OPEN',
  SQLITE_CORRUPT: 'ALEMBIC_DATABASE_CORRUPT',
  SQLITE_NOTADB: 'ALEMBIC_DATABASE_CORRUPT',
};

const SYNTAX_ERROR = /syntax error|incomplete input|unrecognized token/i;
const CONSTRAINT_KIND = /\b(UNIQUE|NOT NULL|FOREIGN KEY|CHECK|PRIMARY KEY) constraint failed/i;

/**
 * The sqlite3 driver's error shape: `code: 'SQLITE_BUSY'`, `errno: 5`, a message. Checked by
 * shape, not `instanceof Error`: the native driver's errors may come from another realm (jest).
 */
function sqliteResultCode(error: unknown): string | undefined {
  if (!isErrorLike(error)) {
    return undefined;
  }
  const { code } = error as { code?: unknown };
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

/**
 * Maps an error of the sqlite3 driver to a {@link SqliteDatabaseError} with a stable code,
 * keeping the driver's message: constraint violations, `SQLITE_BUSY` / `SQLITE_LOCKED` (another
 * connection holds the lock past the busy timeout), syntax errors, read-only, unopenable and
 * corrupt databases; any other `SQLITE_*` error becomes `ALEMBIC_DATABASE_ERROR`. Errors of
 * alembic itself and anything that is not a driver error are returned unchanged.
 *
 * ```ts
 * translateSqliteError(driverError); // SqliteDatabaseError { code: 'ALEMBIC_CONSTRAINT_VIOLATION', constraintKind: 'UNIQUE' }
 * ```
 */
export function translateSqliteError(error: unknown): unknown {
  if (AlembicError.isInstance(error)) {
    return error;
  }
  const sqliteCode = sqliteResultCode(error);
  if (sqliteCode === undefined) {
    return error;
  }
  const driverError = error as { message: string; errno?: unknown };
  const message = driverError.message;
  let code: SqliteDatabaseErrorCode = CODE_BY_RESULT[sqliteCode] ?? 'ALEMBIC_DATABASE_ERROR';
  if (sqliteCode === 'SQLITE_ERROR' && SYNTAX_ERROR.test(message)) {
    code = 'ALEMBIC_SQL_SYNTAX_ERROR';
  }
  const constraintKind =
    code === 'ALEMBIC_CONSTRAINT_VIOLATION' ? CONSTRAINT_KIND.exec(message)?.[1]?.toUpperCase() : undefined;
  return new SqliteDatabaseError(code, message, {
    sqliteCode,
    ...(typeof driverError.errno === 'number' ? { errno: driverError.errno } : {}),
    ...(constraintKind === undefined ? {} : { constraintKind }),
    cause: error,
  });
}

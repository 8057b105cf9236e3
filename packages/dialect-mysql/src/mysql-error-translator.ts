import { AlembicError, driverErrorOptions, driverMessage, isErrorLike, serverErrorNumber } from '@alembic/core/dialect';
import type { MysqlDatabaseErrorCode } from './mysql-database-error.js';
import { MysqlDatabaseError } from './mysql-database-error.js';

/** Server error numbers, by the stable code they map to. */
const CODES_BY_ERRNO: ReadonlyArray<readonly [MysqlDatabaseErrorCode, readonly number[]]> = [
  // 1062 duplicate entry, 1586 duplicate entry (unique key), 1048 column cannot be null,
  // 1451/1452 foreign key parent/child, 1216/1217 older foreign key errors, 3819 MySQL check,
  // 4025 MariaDB check.
  ['ALEMBIC_CONSTRAINT_VIOLATION', [1062, 1586, 1048, 1451, 1452, 1216, 1217, 3819, 4025]],
  // 1064 parse error, 1149 syntax error, 4161 MariaDB's unknown data type (a parse error on MySQL).
  ['ALEMBIC_SQL_SYNTAX_ERROR', [1064, 1149, 4161]],
  ['ALEMBIC_TABLE_NOT_FOUND', [1146, 1051]],
  ['ALEMBIC_TABLE_EXISTS', [1050]],
  ['ALEMBIC_COLUMN_NOT_FOUND', [1054]],
  // 1060 duplicate column, 1061 duplicate key name, 1826 duplicate foreign key name,
  // 3822 duplicate check constraint name (MySQL).
  ['ALEMBIC_DUPLICATE_OBJECT', [1060, 1061, 1826, 3822]],
  // 1091 can't DROP (no such column, key or constraint), 3940 / 3821 check not found.
  ['ALEMBIC_OBJECT_NOT_FOUND', [1091, 3821, 3940]],
  ['ALEMBIC_DATABASE_LOCKED', [1205]],
  ['ALEMBIC_DEADLOCK', [1213]],
  // 1044 database, 1045 login, 1142/1143 table/column privilege, 1227 missing privilege.
  ['ALEMBIC_ACCESS_DENIED', [1044, 1045, 1142, 1143, 1227, 1698]],
  ['ALEMBIC_DATABASE_NOT_FOUND', [1049]],
  // 1265 data truncated, 1264 out of range, 1366 incorrect value, 1406 data too long.
  ['ALEMBIC_DATA_ERROR', [1264, 1265, 1292, 1366, 1406]],
  // 2002/2003 cannot connect, 2006 server gone away, 2013 lost connection, 1040 too many connections.
  ['ALEMBIC_CONNECTION_FAILED', [1040, 2002, 2003, 2006, 2013]],
];

const CODE_BY_ERRNO: ReadonlyMap<number, MysqlDatabaseErrorCode> = new Map(
  CODES_BY_ERRNO.flatMap(([code, numbers]) => numbers.map((errno) => [errno, code] as const)),
);

/** Network and protocol failures of the driver itself (no server error number). */
const CONNECTION_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
]);

const CONSTRAINT_KIND_BY_ERRNO: ReadonlyMap<number, string> = new Map([
  [1062, 'UNIQUE'],
  [1586, 'UNIQUE'],
  [1048, 'NOT NULL'],
  [1451, 'FOREIGN KEY'],
  [1452, 'FOREIGN KEY'],
  [1216, 'FOREIGN KEY'],
  [1217, 'FOREIGN KEY'],
  [3819, 'CHECK'],
  [4025, 'CHECK'],
]);

/** SQLSTATE classes (the first two characters), by the stable code they map to, for errors no errno names. */
const CODE_BY_SQLSTATE_CLASS: ReadonlyMap<string, MysqlDatabaseErrorCode> = new Map([
  ['23', 'ALEMBIC_CONSTRAINT_VIOLATION'],
  ['22', 'ALEMBIC_DATA_ERROR'],
  ['08', 'ALEMBIC_CONNECTION_FAILED'],
]);

/** The fields of a mysql2 error (`code: 'ER_NO_SUCH_TABLE', errno: 1146, sqlState: '42S02'`). */
interface DriverError extends Error {
  readonly code?: unknown;
  readonly errno?: unknown;
  readonly sqlState?: unknown;
  readonly sqlMessage?: unknown;
}

/** Duck-typed, not `instanceof Error`: network errors may come from another realm (a test sandbox). */
function isDriverError(error: unknown): error is DriverError {
  return (
    isErrorLike(error) &&
    (typeof (error as DriverError).sqlState === 'string' || isDriverCode((error as DriverError).code))
  );
}

/** Whether `code` is one mysql2 gives: a server error's (`ER_...`) or a network failure's. */
function isDriverCode(code: unknown): boolean {
  return typeof code === 'string' && (code.startsWith('ER_') || CONNECTION_CODES.has(code));
}

/** The stable code of a driver error: by errno, then by SQLSTATE class, then by network code. */
function codeOf(error: DriverError): MysqlDatabaseErrorCode {
  const errno = serverErrorNumber(error.errno);
  const byErrno = errno === undefined ? undefined : CODE_BY_ERRNO.get(errno);
  if (byErrno !== undefined) {
    return byErrno;
  }
  if (typeof error.code === 'string' && CONNECTION_CODES.has(error.code)) {
    return 'ALEMBIC_CONNECTION_FAILED';
  }
  const sqlState = typeof error.sqlState === 'string' ? error.sqlState : '';
  if (sqlState === '40001') {
    return 'ALEMBIC_DEADLOCK';
  }
  return CODE_BY_SQLSTATE_CLASS.get(sqlState.slice(0, 2)) ?? 'ALEMBIC_DATABASE_ERROR';
}

/**
 * Maps an error of the mysql2 driver (a server error with `errno` / `sqlState`, or a network
 * failure such as `ECONNREFUSED`) to a {@link MysqlDatabaseError} with a stable code, keeping
 * the server's message. Errors of alembic itself and anything that is not a driver error are
 * returned unchanged.
 *
 * ```ts
 * translateMysqlError(driverError); // MysqlDatabaseError { code: 'ALEMBIC_TABLE_NOT_FOUND', errno: 1146, sqlState: '42S02' }
 * ```
 */
export function translateMysqlError(error: unknown): unknown {
  if (AlembicError.isInstance(error) || !isDriverError(error)) {
    return error;
  }
  const errno = serverErrorNumber(error.errno);
  const message = driverMessage([error.sqlMessage, error.message], error.code);
  const constraintKind = errno === undefined ? undefined : CONSTRAINT_KIND_BY_ERRNO.get(errno);
  return new MysqlDatabaseError(codeOf(error), message, {
    ...(errno === undefined ? {} : { errno }),
    ...(typeof error.sqlState === 'string' ? { sqlState: error.sqlState } : {}),
    ...driverErrorOptions(error, constraintKind),
  });
}

import { AlembicError, driverErrorOptions, driverMessage, isErrorLike, serverErrorNumber } from '@alembic/core/dialect';
import type { MssqlDatabaseErrorCode } from './mssql-database-error.js';
import { MssqlDatabaseError } from './mssql-database-error.js';

/** Server error numbers, by the stable code they map to. */
const CODES_BY_NUMBER: ReadonlyArray<readonly [MssqlDatabaseErrorCode, readonly number[]]> = [
  // 2627 PRIMARY KEY / UNIQUE constraint, 2601 unique index, 515 NULL into NOT NULL,
  // 547 FOREIGN KEY or CHECK conflict.
  ['ALEMBIC_CONSTRAINT_VIOLATION', [2627, 2601, 515, 547]],
  // 102 incorrect syntax near, 156 near a keyword, 105 unclosed quotation mark, 170 syntax
  // error, 2715 unknown data type.
  ['ALEMBIC_SQL_SYNTAX_ERROR', [102, 105, 156, 170, 2715]],
  // 208 invalid object name, 4902 cannot find the table an ALTER TABLE names.
  ['ALEMBIC_TABLE_NOT_FOUND', [208, 4902]],
  // 207 invalid column name, 4924 ALTER COLUMN of a missing column.
  ['ALEMBIC_COLUMN_NOT_FOUND', [207, 4924]],
  // 2714 object name in use, 2705 duplicate column, 1913 duplicate index, 1779 second primary
  // key, 15335 sp_rename's new name in use.
  ['ALEMBIC_DUPLICATE_OBJECT', [1779, 1913, 2705, 2714, 15335]],
  // 3701 cannot drop (missing), 3728 not a constraint, 1088 index or table not found,
  // 15248 sp_rename cannot find it, 2812 no such stored procedure.
  ['ALEMBIC_OBJECT_NOT_FOUND', [1088, 2812, 3701, 3728, 15248]],
  // 5074 object depends on the column, 4922 ALTER COLUMN blocked by dependent objects,
  // 3726 table referenced by a foreign key.
  ['ALEMBIC_DEPENDENT_OBJECTS_EXIST', [3726, 4922, 5074]],
  ['ALEMBIC_DATABASE_LOCKED', [1222]],
  ['ALEMBIC_DEADLOCK', [1205]],
  // 18456 login failed, 229/230 permission denied on an object/column, 262 in the database,
  // 916 principal cannot access the database.
  ['ALEMBIC_ACCESS_DENIED', [229, 230, 262, 916, 18456]],
  // 4060 cannot open the login's database, 911 no such database.
  ['ALEMBIC_DATABASE_NOT_FOUND', [911, 4060]],
  // 8152 / 2628 truncation, 245 / 8114 / 241 conversion, 220 / 8115 overflow, 242 date out of
  // range, 8134 divide by zero.
  ['ALEMBIC_DATA_ERROR', [220, 241, 242, 245, 2628, 8114, 8115, 8134, 8152]],
];

const CODE_BY_NUMBER: ReadonlyMap<number, MssqlDatabaseErrorCode> = new Map(
  CODES_BY_NUMBER.flatMap(([code, numbers]) => numbers.map((errorNumber) => [errorNumber, code] as const)),
);

const CONSTRAINT_KIND_BY_NUMBER: ReadonlyMap<number, string> = new Map([
  [2627, 'PRIMARY KEY OR UNIQUE'],
  [2601, 'UNIQUE'],
  [515, 'NOT NULL'],
  [547, 'FOREIGN KEY OR CHECK'],
]);

/** Codes of the `mssql` driver (and of the network) that mean the connection failed or was lost. */
const CONNECTION_CODES: ReadonlySet<string> = new Set([
  'ESOCKET',
  'EINSTLOOKUP',
  'ECONNCLOSED',
  'ENOTOPEN',
  'ENOCONN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);

/** The `mssql` driver's error classes. */
const DRIVER_ERROR_NAMES: ReadonlySet<string> = new Set([
  'RequestError',
  'ConnectionError',
  'TransactionError',
  'PreparedStatementError',
]);

/** The fields of an `mssql` error (`RequestError`: `code: 'EREQUEST', number: 208, state: 1`). */
interface DriverError {
  readonly name?: unknown;
  readonly message: string;
  readonly code?: unknown;
  readonly number?: unknown;
  readonly state?: unknown;
}

/** Duck-typed, not `instanceof`: the driver may be another copy, errors may come from another realm. */
function isDriverError(error: unknown): error is DriverError {
  if (!isErrorLike(error)) {
    return false;
  }
  const { name, code, number } = error as DriverError;
  return (
    (typeof name === 'string' && DRIVER_ERROR_NAMES.has(name)) ||
    typeof number === 'number' ||
    (typeof code === 'string' && CONNECTION_CODES.has(code))
  );
}

/** The stable code of a driver error: by server error number, then by the driver's code. */
function codeOf(error: DriverError, errorNumber: number | undefined): MssqlDatabaseErrorCode {
  const byNumber = errorNumber === undefined ? undefined : CODE_BY_NUMBER.get(errorNumber);
  if (byNumber !== undefined) {
    return byNumber;
  }
  const code = typeof error.code === 'string' ? error.code : '';
  if (code === 'ELOGIN') {
    return /cannot open database/i.test(error.message) ? 'ALEMBIC_DATABASE_NOT_FOUND' : 'ALEMBIC_ACCESS_DENIED';
  }
  if (CONNECTION_CODES.has(code) || (code === 'ETIMEOUT' && error.name === 'ConnectionError')) {
    return 'ALEMBIC_CONNECTION_FAILED';
  }
  if (code === 'ETIMEOUT' || code === 'ECANCEL') {
    return 'ALEMBIC_QUERY_CANCELED';
  }
  return 'ALEMBIC_DATABASE_ERROR';
}

/**
 * Maps an error of the `mssql` driver (a server error with its `number`, or a driver failure
 * such as `ELOGIN`, `ESOCKET`, `ETIMEOUT`) to an {@link MssqlDatabaseError} with a stable code,
 * keeping the server's message. Errors of alembic itself and anything that is not a driver
 * error are returned unchanged.
 *
 * ```ts
 * translateMssqlError(requestError); // MssqlDatabaseError { code: 'ALEMBIC_TABLE_NOT_FOUND', number: 208 }
 * ```
 */
export function translateMssqlError(error: unknown): unknown {
  if (AlembicError.isInstance(error) || !isDriverError(error)) {
    return error;
  }
  const errorNumber = serverErrorNumber(error.number);
  const constraintKind = errorNumber === undefined ? undefined : CONSTRAINT_KIND_BY_NUMBER.get(errorNumber);
  return new MssqlDatabaseError(codeOf(error, errorNumber), driverMessage([error.message], error.code), {
    ...(errorNumber === undefined ? {} : { number: errorNumber }),
    ...(typeof error.state === 'number' ? { state: error.state } : {}),
    ...driverErrorOptions(error, constraintKind),
  });
}

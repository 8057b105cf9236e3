import { AlembicError, InvalidOperationError } from '@alembic/core/dialect';
import { MysqlDatabaseError } from './mysql-database-error.js';
import { translateMysqlError } from './mysql-error-translator.js';

function driverError(fields: Record<string, unknown>): Error {
  return Object.assign(new Error(String(fields.sqlMessage ?? fields.message ?? '')), fields);
}

describe('translateMysqlError', () => {
  it.each([
    [
      { code: 'ER_DUP_ENTRY', errno: 1062, sqlState: '23000', sqlMessage: "Duplicate entry '1' for key 'PRIMARY'" },
      'ALEMBIC_CONSTRAINT_VIOLATION',
      'UNIQUE',
    ],
    [
      {
        code: 'ER_NO_REFERENCED_ROW_2',
        errno: 1452,
        sqlState: '23000',
        sqlMessage: 'Cannot add or update a child row',
      },
      'ALEMBIC_CONSTRAINT_VIOLATION',
      'FOREIGN KEY',
    ],
    [
      { code: 'ER_CONSTRAINT_FAILED', errno: 4025, sqlState: '23000', sqlMessage: 'CONSTRAINT `ck` failed' },
      'ALEMBIC_CONSTRAINT_VIOLATION',
      'CHECK',
    ],
    [
      { code: 'ER_PARSE_ERROR', errno: 1064, sqlState: '42000', sqlMessage: 'You have an error in your SQL syntax' },
      'ALEMBIC_SQL_SYNTAX_ERROR',
      undefined,
    ],
    [
      { code: 'ER_NO_SUCH_TABLE', errno: 1146, sqlState: '42S02', sqlMessage: "Table 'shop.x' doesn't exist" },
      'ALEMBIC_TABLE_NOT_FOUND',
      undefined,
    ],
    [
      { code: 'ER_TABLE_EXISTS_ERROR', errno: 1050, sqlState: '42S01', sqlMessage: "Table 'x' already exists" },
      'ALEMBIC_TABLE_EXISTS',
      undefined,
    ],
    [
      { code: 'ER_BAD_FIELD_ERROR', errno: 1054, sqlState: '42S22', sqlMessage: "Unknown column 'q'" },
      'ALEMBIC_COLUMN_NOT_FOUND',
      undefined,
    ],
    [
      { code: 'ER_DUP_KEYNAME', errno: 1061, sqlState: '42000', sqlMessage: "Duplicate key name 'ix'" },
      'ALEMBIC_DUPLICATE_OBJECT',
      undefined,
    ],
    [
      { code: 'ER_CANT_DROP_FIELD_OR_KEY', errno: 1091, sqlState: '42000', sqlMessage: "Can't DROP INDEX `ix`" },
      'ALEMBIC_OBJECT_NOT_FOUND',
      undefined,
    ],
    [
      { code: 'ER_LOCK_WAIT_TIMEOUT', errno: 1205, sqlState: 'HY000', sqlMessage: 'Lock wait timeout exceeded' },
      'ALEMBIC_DATABASE_LOCKED',
      undefined,
    ],
    [
      { code: 'ER_LOCK_DEADLOCK', errno: 1213, sqlState: '40001', sqlMessage: 'Deadlock found' },
      'ALEMBIC_DEADLOCK',
      undefined,
    ],
    [
      {
        code: 'ER_ACCESS_DENIED_ERROR',
        errno: 1045,
        sqlState: '28000',
        sqlMessage: "Access denied for user 'app'@'h'",
      },
      'ALEMBIC_ACCESS_DENIED',
      undefined,
    ],
    [
      { code: 'ER_BAD_DB_ERROR', errno: 1049, sqlState: '42000', sqlMessage: "Unknown database 'nope'" },
      'ALEMBIC_DATABASE_NOT_FOUND',
      undefined,
    ],
    [
      { code: 'ER_DATA_TOO_LONG', errno: 1406, sqlState: '22001', sqlMessage: "Data too long for column 'a'" },
      'ALEMBIC_DATA_ERROR',
      undefined,
    ],
    [
      { code: 'ER_SOMETHING_NEW', errno: 9999, sqlState: '23000', sqlMessage: 'new constraint failure' },
      'ALEMBIC_CONSTRAINT_VIOLATION',
      undefined,
    ],
    [
      { code: 'ER_SOMETHING_ELSE', errno: 9998, sqlState: 'HY000', sqlMessage: 'odd' },
      'ALEMBIC_DATABASE_ERROR',
      undefined,
    ],
    [
      { code: 'ECONNREFUSED', errno: -111, message: 'connect ECONNREFUSED 127.0.0.1:3307' },
      'ALEMBIC_CONNECTION_FAILED',
      undefined,
    ],
    [
      { code: 'PROTOCOL_CONNECTION_LOST', message: 'Connection lost: The server closed the connection.' },
      'ALEMBIC_CONNECTION_FAILED',
      undefined,
    ],
  ])('%j → %s', (fields, code, constraintKind) => {
    const original = driverError(fields);
    const translated = translateMysqlError(original);
    expect(MysqlDatabaseError.isInstance(translated)).toBe(true);
    const error = translated as MysqlDatabaseError;
    expect(error.code).toBe(code);
    expect(error.message).toBe(original.message);
    expect(error.constraintKind).toBe(constraintKind);
    expect(error.cause).toBe(original);
    expect(error.driverCode).toBe(fields.code);
  });

  it('keeps errno and SQLSTATE', () => {
    const error = translateMysqlError(
      driverError({ code: 'ER_NO_SUCH_TABLE', errno: 1146, sqlState: '42S02', sqlMessage: 'x' }),
    ) as MysqlDatabaseError;
    expect(error).toMatchObject({ errno: 1146, sqlState: '42S02', name: 'MysqlDatabaseError' });
    expect(AlembicError.isInstance(error)).toBe(true);
  });

  it('returns alembic errors and foreign errors unchanged', () => {
    const ours = new InvalidOperationError('x');
    const plain = new Error('plain');
    expect(translateMysqlError(ours)).toBe(ours);
    expect(translateMysqlError(plain)).toBe(plain);
    expect(translateMysqlError('text')).toBe('text');
  });
});

import { CommandError, DatabaseError } from '@alembic/core/dialect';
import { PostgresDatabaseError } from './postgres-database-error.js';
import { translatePostgresError } from './postgres-error-translator.js';

/** An error shaped like the pg driver's `DatabaseError`. */
function serverError(code: string, message: string, fields: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { code, severity: 'ERROR', ...fields });
}

describe('translatePostgresError', () => {
  it.each([
    ['23505', 'ALEMBIC_CONSTRAINT_VIOLATION'],
    ['23P01', 'ALEMBIC_CONSTRAINT_VIOLATION'],
    ['55P03', 'ALEMBIC_DATABASE_LOCKED'],
    ['40P01', 'ALEMBIC_DEADLOCK'],
    ['40001', 'ALEMBIC_TRANSACTION_CONFLICT'],
    ['42601', 'ALEMBIC_SQL_SYNTAX_ERROR'],
    ['42P01', 'ALEMBIC_TABLE_NOT_FOUND'],
    ['42703', 'ALEMBIC_COLUMN_NOT_FOUND'],
    ['42704', 'ALEMBIC_OBJECT_NOT_FOUND'],
    ['42P07', 'ALEMBIC_TABLE_EXISTS'],
    ['42701', 'ALEMBIC_DUPLICATE_OBJECT'],
    ['2BP01', 'ALEMBIC_DEPENDENT_OBJECTS_EXIST'],
    ['42501', 'ALEMBIC_ACCESS_DENIED'],
    ['25006', 'ALEMBIC_DATABASE_READ_ONLY'],
    ['28P01', 'ALEMBIC_ACCESS_DENIED'],
    ['3D000', 'ALEMBIC_DATABASE_NOT_FOUND'],
    ['08006', 'ALEMBIC_CONNECTION_FAILED'],
    ['57P01', 'ALEMBIC_CONNECTION_FAILED'],
    ['57014', 'ALEMBIC_QUERY_CANCELED'],
    ['22P02', 'ALEMBIC_DATA_ERROR'],
    ['XX000', 'ALEMBIC_DATABASE_ERROR'],
  ])('SQLSTATE %s is %s', (sqlState, code) => {
    const translated = translatePostgresError(serverError(sqlState, 'server says no'));
    expect(PostgresDatabaseError.isInstance(translated)).toBe(true);
    expect(DatabaseError.isInstance(translated)).toBe(true);
    expect(translated).toMatchObject({ code, sqlState, message: 'server says no' });
  });

  it('keeps what the server said about a violation', () => {
    const driverError = serverError(
      '23503',
      'insert or update on table "address" violates foreign key constraint "fk"',
      {
        detail: 'Key (account_id)=(9) is not present in table "account".',
        schema: 'public',
        table: 'address',
        constraint: 'fk',
      },
    );
    expect(translatePostgresError(driverError)).toMatchObject({
      constraintKind: 'FOREIGN KEY',
      constraintName: 'fk',
      tableName: 'address',
      schemaName: 'public',
      detail: 'Key (account_id)=(9) is not present in table "account".',
      cause: driverError,
    });
  });

  it('maps network failures and lost connections', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(translatePostgresError(refused)).toMatchObject({ code: 'ALEMBIC_CONNECTION_FAILED', sqlState: undefined });
    expect(translatePostgresError(new Error('Connection terminated unexpectedly'))).toMatchObject({
      code: 'ALEMBIC_CONNECTION_FAILED',
    });
  });

  it('returns alembic errors and unknown values unchanged', () => {
    const own = new CommandError('nope');
    const plain = new Error('plain');
    const coded = Object.assign(new Error('no severity'), { code: '23505' });
    expect(translatePostgresError(own)).toBe(own);
    expect(translatePostgresError(plain)).toBe(plain);
    expect(translatePostgresError(coded)).toBe(coded);
    expect(translatePostgresError(undefined)).toBeUndefined();
  });
});

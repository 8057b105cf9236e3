import { CommandError } from '@alembic/core/dialect';
import { MssqlDatabaseError } from './mssql-database-error.js';
import { translateMssqlError } from './mssql-error-translator.js';

/** An error shaped like the `mssql` driver's `RequestError`. */
function requestError(number: number, message: string): Error {
  return Object.assign(new Error(message), { name: 'RequestError', code: 'EREQUEST', number, state: 1, class: 16 });
}

/** An error shaped like the `mssql` driver's `ConnectionError`. */
function connectionError(code: string, message: string): Error {
  return Object.assign(new Error(message), { name: 'ConnectionError', code });
}

describe('translateMssqlError', () => {
  it.each([
    [2627, "Violation of PRIMARY KEY constraint 'pk'.", 'ALEMBIC_CONSTRAINT_VIOLATION'],
    [2601, 'Cannot insert duplicate key row', 'ALEMBIC_CONSTRAINT_VIOLATION'],
    [515, "Cannot insert the value NULL into column 'a'", 'ALEMBIC_CONSTRAINT_VIOLATION'],
    [547, 'The INSERT statement conflicted with the FOREIGN KEY constraint', 'ALEMBIC_CONSTRAINT_VIOLATION'],
    [102, "Incorrect syntax near 'TABEL'.", 'ALEMBIC_SQL_SYNTAX_ERROR'],
    [208, "Invalid object name 'acount'.", 'ALEMBIC_TABLE_NOT_FOUND'],
    [207, "Invalid column name 'nmae'.", 'ALEMBIC_COLUMN_NOT_FOUND'],
    [2714, "There is already an object named 'account' in the database.", 'ALEMBIC_DUPLICATE_OBJECT'],
    [
      3701,
      "Cannot drop the table 'x', because it does not exist or you do not have permission.",
      'ALEMBIC_OBJECT_NOT_FOUND',
    ],
    [5074, "The object 'DF__access__created' is dependent on column 'created_at'.", 'ALEMBIC_DEPENDENT_OBJECTS_EXIST'],
    [1222, 'Lock request time out period exceeded.', 'ALEMBIC_DATABASE_LOCKED'],
    [1205, 'Transaction was deadlocked', 'ALEMBIC_DEADLOCK'],
    [229, 'The SELECT permission was denied', 'ALEMBIC_ACCESS_DENIED'],
    [8152, 'String or binary data would be truncated.', 'ALEMBIC_DATA_ERROR'],
    [50000, 'raised by the script', 'ALEMBIC_DATABASE_ERROR'],
  ])('maps error %d to a stable code', (number, message, code) => {
    const source = requestError(number, message);
    const translated = translateMssqlError(source);
    expect(MssqlDatabaseError.isInstance(translated)).toBe(true);
    expect(translated).toMatchObject({ code, message, number, state: 1, driverCode: 'EREQUEST', cause: source });
  });

  it('names the kind of a violated constraint', () => {
    expect(translateMssqlError(requestError(515, 'NULL'))).toMatchObject({ constraintKind: 'NOT NULL' });
    expect(translateMssqlError(requestError(547, 'FK'))).toMatchObject({ constraintKind: 'FOREIGN KEY OR CHECK' });
  });

  it('maps driver failures by their code', () => {
    expect(translateMssqlError(connectionError('ELOGIN', "Login failed for user 'sa'."))).toMatchObject({
      code: 'ALEMBIC_ACCESS_DENIED',
    });
    expect(
      translateMssqlError(connectionError('ELOGIN', 'Cannot open database "shop" requested by the login.')),
    ).toMatchObject({
      code: 'ALEMBIC_DATABASE_NOT_FOUND',
    });
    expect(
      translateMssqlError(connectionError('ESOCKET', 'Failed to connect to db:1433 - ECONNREFUSED')),
    ).toMatchObject({
      code: 'ALEMBIC_CONNECTION_FAILED',
    });
    expect(translateMssqlError(connectionError('ETIMEOUT', 'Failed to connect in 15000ms'))).toMatchObject({
      code: 'ALEMBIC_CONNECTION_FAILED',
    });
    const requestTimeout = Object.assign(new Error('Timeout: Request failed to complete in 15000ms'), {
      name: 'RequestError',
      code: 'ETIMEOUT',
    });
    expect(translateMssqlError(requestTimeout)).toMatchObject({
      code: 'ALEMBIC_QUERY_CANCELED',
      driverCode: 'ETIMEOUT',
    });
    expect(
      translateMssqlError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })),
    ).toMatchObject({
      code: 'ALEMBIC_CONNECTION_FAILED',
    });
  });

  it('leaves alembic errors and foreign errors alone', () => {
    const own = new CommandError('no');
    const plain = new Error('plain');
    expect(translateMssqlError(own)).toBe(own);
    expect(translateMssqlError(plain)).toBe(plain);
    expect(translateMssqlError('text')).toBe('text');
  });
});

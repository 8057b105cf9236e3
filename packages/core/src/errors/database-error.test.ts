import { AlembicError } from './alembic-error.js';
import { DatabaseError } from './database-error.js';

class ExampleServerError extends DatabaseError {
  readonly serverNumber: number;

  constructor(serverNumber: number, cause: unknown) {
    super('ALEMBIC_CONSTRAINT_VIOLATION', 'duplicate key value violates unique constraint "uq_email"', {
      constraintKind: 'UNIQUE',
      cause,
    });
    this.serverNumber = serverNumber;
  }
}

describe('DatabaseError', () => {
  it('is what a dialect subclass is, with its code, constraint kind and cause', () => {
    const driverError = new Error('from the driver');
    const error = new ExampleServerError(2627, driverError);
    expect(DatabaseError.isInstance(error)).toBe(true);
    expect(AlembicError.isInstance(error)).toBe(true);
    expect(error.code).toBe('ALEMBIC_CONSTRAINT_VIOLATION');
    expect(error.constraintKind).toBe('UNIQUE');
    expect(error.cause).toBe(driverError);
    expect(error.name).toBe('ExampleServerError');
  });

  it('is not any other error', () => {
    expect(DatabaseError.isInstance(new AlembicError('ALEMBIC_COMMAND', 'not a database error'))).toBe(false);
    expect(DatabaseError.isInstance(new Error('plain'))).toBe(false);
    expect(DatabaseError.isInstance({ code: 'ALEMBIC_DATABASE_ERROR' })).toBe(false);
    expect(DatabaseError.isInstance(undefined)).toBe(false);
  });
});

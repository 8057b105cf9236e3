import { AlembicError } from './alembic-error.js';
import { DatabaseError } from './database-error.js';

class ExampleServerError extends DatabaseError {
  static override readonly instanceMarker = 'alembic.test.ExampleServerError';
  readonly serverNumber: number;

  constructor(serverNumber: number, cause: unknown) {
    super('ALEMBIC_CONSTRAINT_VIOLATION', 'duplicate key value violates unique constraint "uq_email"', {
      constraintKind: 'UNIQUE',
      cause,
    });
    this.serverNumber = serverNumber;
  }
}

class OtherServerError extends DatabaseError {
  static override readonly instanceMarker = 'alembic.test.OtherServerError';
}

class NarrowerServerError extends ExampleServerError {}

class DetailedServerError extends DatabaseError {
  static override readonly instanceMarker = 'alembic.test.DetailedServerError';
  declare readonly errorNumber: number | undefined;
  declare readonly hint: string | undefined;

  constructor(details: { sqlState?: string; driverCode?: string; errorNumber?: number; hint?: string; name?: string }) {
    super('ALEMBIC_TABLE_NOT_FOUND', 'no such table', details);
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

  it("tells a dialect's errors apart by the subclass isInstance is called on", () => {
    const example = new ExampleServerError(2627, undefined);
    const other = new OtherServerError('ALEMBIC_DATABASE_LOCKED', 'locked');
    const narrower = new NarrowerServerError(1, undefined);
    expect([
      ExampleServerError.isInstance(example),
      ExampleServerError.isInstance(other),
      ExampleServerError.isInstance(narrower),
    ]).toEqual([true, false, true]);
    expect([OtherServerError.isInstance(other), OtherServerError.isInstance(example)]).toEqual([true, false]);
    expect([DatabaseError.isInstance(other), DatabaseError.isInstance(narrower)]).toEqual([true, true]);
    expect(ExampleServerError.isInstance(new DatabaseError('ALEMBIC_DATABASE_ERROR', 'plain'))).toBe(false);
  });

  it('recognizes an instance made by another copy of the class', () => {
    class ExampleServerErrorCopy extends DatabaseError {
      static override readonly instanceMarker = 'alembic.test.ExampleServerError';
    }
    const fromCopy = new ExampleServerErrorCopy('ALEMBIC_DATA_ERROR', 'from another copy of the package');
    expect(ExampleServerError.isInstance(fromCopy)).toBe(true);
    expect(OtherServerError.isInstance(fromCopy)).toBe(false);
  });

  it("carries the SQLSTATE, the driver's code and a subclass's own details as fields", () => {
    const error = new DetailedServerError({ sqlState: '42S02', driverCode: 'ER_NO_SUCH_TABLE', errorNumber: 1146 });
    expect([error.sqlState, error.driverCode, error.errorNumber, error.hint]).toEqual([
      '42S02',
      'ER_NO_SUCH_TABLE',
      1146,
      undefined,
    ]);
    expect(Object.hasOwn(error, 'hint')).toBe(false);
    expect(new DetailedServerError({}).sqlState).toBeUndefined();
  });

  it('never lets a detail replace a field the error already has', () => {
    expect(new DetailedServerError({ name: 'Spoofed', errorNumber: 1 }).name).toBe('DetailedServerError');
  });
});

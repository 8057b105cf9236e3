import { AlembicError } from './alembic-error.js';
import { InvalidOperationError } from './invalid-operation-error.js';
import { InvalidSchemaError } from './invalid-schema-error.js';
import { MissingRevisionError } from './missing-revision-error.js';
import { MultipleHeadsError } from './multiple-heads-error.js';
import { RevisionError } from './revision-error.js';
import { IrreversibleOperationError } from './irreversible-operation-error.js';
import { NamingConventionError } from './naming-convention-error.js';
import { UnsupportedOperationError } from './unsupported-operation-error.js';

describe('errors of schema, operations and dialects', () => {
  const errors = [
    [
      new IrreversibleOperationError('dropColumn', 'missing column', { missing: 'existingColumn' }),
      'ALEMBIC_IRREVERSIBLE_OPERATION',
    ],
    [new InvalidOperationError('bad'), 'ALEMBIC_INVALID_OPERATION'],
    [
      new UnsupportedOperationError('sqlite', 'no', { operationKind: 'dropConstraint' }),
      'ALEMBIC_UNSUPPORTED_OPERATION',
    ],
    [new NamingConventionError('no name'), 'ALEMBIC_NAMING_CONVENTION'],
    [new InvalidSchemaError('bad table'), 'ALEMBIC_INVALID_SCHEMA'],
  ] as const;

  it.each(errors)('%s carries its stable code and class name', (error, code) => {
    expect(error.code).toBe(code);
    expect(error.name).toBe(error.constructor.name);
    expect(AlembicError.isInstance(error)).toBe(true);
    expect(AlembicError.hasCode(error, code)).toBe(true);
  });

  it('tells the classes apart with isInstance', () => {
    const irreversible = errors[0][0];
    expect(IrreversibleOperationError.isInstance(irreversible)).toBe(true);
    expect(InvalidOperationError.isInstance(irreversible)).toBe(false);
    expect(UnsupportedOperationError.isInstance(errors[2][0])).toBe(true);
    expect(NamingConventionError.isInstance(errors[3][0])).toBe(true);
    expect(InvalidSchemaError.isInstance(errors[4][0])).toBe(true);
    expect(InvalidSchemaError.isInstance(new Error('plain'))).toBe(false);
  });

  it('recognizes an instance made by a second copy of the package, for classes that declare no marker', () => {
    let copy: { MultipleHeadsError: typeof MultipleHeadsError } | undefined;
    jest.isolateModules(() => {
      copy = require('./multiple-heads-error.js');
    });
    if (copy === undefined) throw new Error('the second copy did not load');
    expect(copy.MultipleHeadsError).not.toBe(MultipleHeadsError);
    const fromCopy = new copy.MultipleHeadsError(['a', 'b'], 'head');
    expect(fromCopy instanceof MultipleHeadsError).toBe(false);
    expect([
      MultipleHeadsError.isInstance(fromCopy),
      RevisionError.isInstance(fromCopy),
      AlembicError.isInstance(fromCopy),
      MissingRevisionError.isInstance(fromCopy),
    ]).toEqual([true, true, true, false]);
    expect(MultipleHeadsError.isInstance(new RevisionError('not two heads'))).toBe(false);
  });

  it('answers for AlembicError when isInstance is called detached from its class', () => {
    const errors: unknown[] = [new InvalidOperationError('bad'), new Error('plain')];
    expect(errors.map(AlembicError.isInstance)).toEqual([true, false]);
    expect(errors.filter(InvalidSchemaError.isInstance)).toEqual([errors[0]]);
  });

  it('tells apart subclasses without a name by instanceof, and marks them with their parents', () => {
    const First = (() => class extends InvalidOperationError {})();
    const Second = (() => class extends InvalidOperationError {})();
    expect([First.name, Second.name]).toEqual(['', '']);
    const first = new First('anonymous');
    expect([First.isInstance(first), Second.isInstance(first)]).toEqual([true, false]);
    expect([InvalidOperationError.isInstance(first), AlembicError.isInstance(first)]).toEqual([true, true]);
  });

  it('keeps structured fields', () => {
    expect(errors[0][0]).toMatchObject({ operationKind: 'dropColumn', missing: 'existingColumn' });
    expect(errors[2][0]).toMatchObject({ dialectName: 'sqlite', operationKind: 'dropConstraint' });
  });

  it('keeps the cause', () => {
    const cause = new Error('root');
    expect(new InvalidOperationError('wrapped', { cause }).cause).toBe(cause);
  });
});

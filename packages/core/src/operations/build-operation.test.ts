import { InvalidOperationError } from '../errors/invalid-operation-error.js';
import { buildOperation } from './build-operation.js';

describe('buildOperation', () => {
  it('keeps the fields the rules name, in their order, after the kind, and drops unset ones', () => {
    const fields = { initially: undefined, schema: 's', columns: ['a'], tableName: 't', extra: 1 };
    const operation = buildOperation('createUniqueConstraint', fields);
    expect(Object.keys(operation)).toEqual(['kind', 'tableName', 'columns', 'schema']);
    expect(operation).toEqual({ kind: 'createUniqueConstraint', tableName: 't', columns: ['a'], schema: 's' });
  });

  it('copies name lists and freezes the operation', () => {
    const columns = ['a', 'b'];
    const operation = buildOperation('createPrimaryKey', { tableName: 't', columns });
    expect(operation.columns).not.toBe(columns);
    expect(Object.isFrozen(operation)).toBe(true);
    expect(Object.isFrozen(operation.columns)).toBe(true);
  });

  it('checks the fields in the rules order, with the messages of requireText and requireNames', () => {
    expect(() => buildOperation('createPrimaryKey', { tableName: '', columns: [] })).toThrow(
      new InvalidOperationError("createPrimaryKey: 'tableName' must be a non-empty string"),
    );
    expect(() => buildOperation('createPrimaryKey', { tableName: 't', columns: [] })).toThrow(
      new InvalidOperationError("createPrimaryKey: 'columns' must be a non-empty list of column names"),
    );
  });

  it('reads fields through getters and the prototype, and takes computed fields over given ones', () => {
    class IndexFields {
      get indexName(): string {
        return 'ix_t_a';
      }
      readonly columns = ['ignored'];
    }
    Object.assign(IndexFields.prototype, { tableName: 't', schema: 's' });
    const operation = buildOperation('createIndex', new IndexFields(), { columns: ['a'], unique: false });
    expect(operation).toEqual({
      kind: 'createIndex',
      indexName: 'ix_t_a',
      tableName: 't',
      columns: ['a'],
      schema: 's',
      unique: false,
    });
  });
});

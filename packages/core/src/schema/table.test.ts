import { InvalidSchemaError } from '../errors/invalid-schema-error.js';
import { column } from './column.js';
import { integer, string } from './column-types.js';
import { checkConstraint, foreignKeyConstraint, primaryKeyConstraint, uniqueConstraint } from './constraints.js';
import { index } from './index-model.js';
import { findColumn, table } from './table.js';

describe('table', () => {
  it('sorts elements into columns, constraints and indexes', () => {
    const model = table(
      'account',
      [
        column('id', integer(), { primaryKey: true }),
        uniqueConstraint(['email'], { name: 'uq_email' }),
        column('email', string(100)),
        index('ix_email', ['email']),
        checkConstraint('id > 0'),
      ],
      { schema: 'app', comment: 'Accounts' },
    );
    expect(model.columns.map((entry) => entry.name)).toEqual(['id', 'email']);
    expect(model.constraints.map((entry) => entry.kind)).toEqual(['uniqueConstraint', 'checkConstraint']);
    expect(model.indexes.map((entry) => entry.name)).toEqual(['ix_email']);
    expect(model.primaryKey).toEqual({ kind: 'primaryKeyConstraint', columns: ['id'] });
    expect(model.schema).toBe('app');
    expect(model.comment).toBe('Accounts');
    expect(findColumn(model, 'email')?.type).toEqual({ kind: 'string', length: 100 });
    expect(Object.isFrozen(model.columns)).toBe(true);
  });

  it('takes an explicit primary key constraint and marks its columns', () => {
    const model = table('order', [
      column('tenant_id', integer()),
      column('id', integer()),
      primaryKeyConstraint(['tenant_id', 'id'], { name: 'pk_order' }),
    ]);
    expect(model.primaryKey).toEqual({ kind: 'primaryKeyConstraint', name: 'pk_order', columns: ['tenant_id', 'id'] });
    expect(model.columns.map((entry) => [entry.primaryKey, entry.nullable])).toEqual([
      [true, false],
      [true, false],
    ]);
  });

  it('has no primary key when no column is one', () => {
    expect(table('log', [column('line', string())]).primaryKey).toBeUndefined();
  });

  it('refuses inconsistent definitions', () => {
    expect(() => table('t', [column('a', integer()), column('a', string())])).toThrow(/two columns named 'a'/);
    expect(() => table('t', [column('a', integer()), uniqueConstraint(['b'])])).toThrow(/unknown column 'b'/);
    expect(() => table('t', [column('a', integer()), index('ix', ['b'])])).toThrow(InvalidSchemaError);
    expect(() => table('t', [column('a', integer()), foreignKeyConstraint(['z'], 'r', ['id'])])).toThrow(
      /unknown column 'z'/,
    );
    expect(() =>
      table('t', [column('a', integer(), { primaryKey: true }), column('b', integer()), primaryKeyConstraint(['b'])]),
    ).toThrow(/'a' is declared primaryKey/);
    expect(() =>
      table('t', [column('a', integer()), primaryKeyConstraint(['a']), primaryKeyConstraint(['a'])]),
    ).toThrow(/more than one primary key/);
    expect(() => table('t', [{ kind: 'view' } as never])).toThrow(/kind 'view'/);
    expect(() => table('', [])).toThrow(/non-empty name/);
  });
});

describe('constraint factories', () => {
  it('refuses a foreign key whose column lists differ in length', () => {
    expect(() => foreignKeyConstraint(['a', 'b'], 'r', ['id'])).toThrow(/2 local column\(s\) but 1 referred/);
  });

  it('refuses empty column lists and conditions', () => {
    expect(() => uniqueConstraint([])).toThrow(/non-empty list/);
    expect(() => checkConstraint('  ')).toThrow(/condition/);
    expect(() => index('ix', [])).toThrow(/non-empty list/);
  });
});

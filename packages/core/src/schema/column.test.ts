import { InvalidSchemaError } from '../errors/invalid-schema-error.js';
import { column } from './column.js';
import { integer, string } from './column-types.js';
import { parseForeignKeyReference } from './foreign-key-reference.js';
import { sql } from './sql-expression.js';

describe('column', () => {
  it('is nullable unless it is a primary key', () => {
    expect(column('a', integer()).nullable).toBe(true);
    expect(column('id', integer(), { primaryKey: true }).nullable).toBe(false);
    expect(column('id', integer(), { primaryKey: true, nullable: true }).nullable).toBe(true);
  });

  it('fills defaults and leaves unset options out', () => {
    expect(column('a', string(5))).toEqual({
      kind: 'column',
      name: 'a',
      type: { kind: 'string', length: 5 },
      nullable: true,
      primaryKey: false,
      autoincrement: 'auto',
      unique: false,
      index: false,
    });
  });

  it('keeps a string server default apart from an SQL expression', () => {
    expect(column('a', integer(), { serverDefault: '12' }).serverDefault).toBe('12');
    expect(column('a', integer(), { serverDefault: sql('now()') }).serverDefault).toEqual({
      kind: 'sqlExpression',
      text: 'now()',
    });
  });

  it('parses references', () => {
    expect(column('a', integer(), { references: 'account.id' }).references).toEqual({ table: 'account', column: 'id' });
    expect(column('a', integer(), { references: { table: 't', column: 'c', onDelete: 'CASCADE' } }).references).toEqual(
      {
        table: 't',
        column: 'c',
        onDelete: 'CASCADE',
      },
    );
  });

  it('is deeply frozen', () => {
    const model = column('a', integer(), { references: 'b.id', identity: { always: false } });
    expect(Object.isFrozen(model)).toBe(true);
    expect(Object.isFrozen(model.references)).toBe(true);
    expect(Object.isFrozen(model.identity)).toBe(true);
  });

  it('refuses a missing name or type', () => {
    expect(() => column('', integer())).toThrow(InvalidSchemaError);
    expect(() => column('a', 'INTEGER' as never)).toThrow(/column type/);
  });
});

describe('parseForeignKeyReference', () => {
  it('reads table.column and schema.table.column', () => {
    expect(parseForeignKeyReference('billing.account.id')).toEqual({
      schema: 'billing',
      table: 'account',
      column: 'id',
    });
    expect(parseForeignKeyReference('account.id', { name: 'fk_a', match: 'FULL' })).toEqual({
      table: 'account',
      column: 'id',
      name: 'fk_a',
      match: 'FULL',
    });
  });

  it.each(['account', 'a.b.c.d', 'a..b', '.id'])('refuses %s', (reference) => {
    expect(() => parseForeignKeyReference(reference)).toThrow(/table\.column/);
  });
});

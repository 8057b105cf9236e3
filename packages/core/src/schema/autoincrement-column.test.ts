import { isAutoincrementColumn } from './autoincrement-column.js';
import { column } from './column.js';
import type { ColumnModel } from './column.js';
import { integer, string } from './column-types.js';
import { foreignKeyConstraint } from './constraints.js';
import { sql } from './sql-expression.js';
import { table } from './table.js';
import type { TableModel } from './table.js';

function check(model: TableModel, columnName: string): boolean {
  return isAutoincrementColumn(model, model.columns.find((entry) => entry.name === columnName) as ColumnModel);
}

describe('isAutoincrementColumn', () => {
  it("is true for the only integer primary key column in 'auto' mode", () => {
    expect(check(table('t', [column('id', integer(), { primaryKey: true })]), 'id')).toBe(true);
  });

  it('is false for composite keys, non-integer keys, defaults, foreign keys and identity', () => {
    expect(
      check(
        table('t', [column('a', integer(), { primaryKey: true }), column('b', integer(), { primaryKey: true })]),
        'a',
      ),
    ).toBe(false);
    expect(check(table('t', [column('id', string(5), { primaryKey: true })]), 'id')).toBe(false);
    expect(check(table('t', [column('id', integer(), { primaryKey: true, serverDefault: sql('1') })]), 'id')).toBe(
      false,
    );
    expect(check(table('t', [column('id', integer(), { primaryKey: true, references: 'p.id' })]), 'id')).toBe(false);
    expect(
      check(
        table('t', [column('id', integer(), { primaryKey: true }), foreignKeyConstraint(['id'], 'p', ['id'])]),
        'id',
      ),
    ).toBe(false);
    expect(check(table('t', [column('id', integer(), { primaryKey: true, identity: { always: true } })]), 'id')).toBe(
      false,
    );
    expect(check(table('t', [column('id', integer(), { primaryKey: true, autoincrement: false })]), 'id')).toBe(false);
  });

  it('follows an explicit true', () => {
    expect(
      check(
        table('t', [column('a', integer(), { primaryKey: true }), column('b', integer(), { autoincrement: true })]),
        'b',
      ),
    ).toBe(true);
  });
});

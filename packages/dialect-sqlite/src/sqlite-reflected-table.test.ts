import {
  column,
  convertedName,
  foreignKeyConstraint,
  index,
  integer,
  sql,
  table,
  uniqueConstraint,
} from '@alembic/core/dialect';
import type { SqliteColumnRow, SqliteForeignKeyRow, SqliteIndexRow } from './sqlite-introspection-queries.js';
import { sqliteReflectedTable } from './sqlite-reflected-table.js';

const TABLE = 'child';

function columnRow(cid: number, name: string, extra: Partial<SqliteColumnRow> = {}): SqliteColumnRow {
  return { table_name: TABLE, cid, name, type: 'INTEGER', notnull: 0, dflt_value: null, pk: 0, hidden: 0, ...extra };
}

function foreignKeyRow(id: number, from: string, extra: Partial<SqliteForeignKeyRow>): SqliteForeignKeyRow {
  return {
    table_name: TABLE,
    id,
    seq: 0,
    referred_table: 'parent',
    from,
    to: null,
    on_update: 'NO ACTION',
    on_delete: 'NO ACTION',
    match: 'NONE',
    referred_key_column: null,
    referred_key_count: null,
    ...extra,
  };
}

function indexRow(index_name: string, column_name: string | null, extra: Partial<SqliteIndexRow> = {}): SqliteIndexRow {
  return {
    table_name: TABLE,
    seq: 0,
    index_name,
    unique: 0,
    origin: 'c',
    partial: 0,
    seqno: 0,
    column_name,
    sql: null,
    ...extra,
  };
}

describe('sqliteReflectedTable from catalog rows', () => {
  it("resolves REFERENCES without columns to the parent's primary key, and to the local columns when the parent is missing", () => {
    const model = sqliteReflectedTable({
      name: TABLE,
      sql: 'CREATE TABLE child (id INTEGER PRIMARY KEY, a INTEGER REFERENCES parent, b INTEGER REFERENCES ghost ON DELETE CASCADE)',
      columns: [columnRow(0, 'id', { pk: 1 }), columnRow(1, 'a'), columnRow(2, 'b')],
      indexes: [],
      foreignKeys: [
        foreignKeyRow(1, 'b', { referred_table: 'ghost', on_delete: 'CASCADE', referred_key_count: 0 }),
        foreignKeyRow(0, 'a', { referred_key_column: 'id', referred_key_count: 1 }),
      ],
    });
    expect(model.constraints).toEqual([
      foreignKeyConstraint(['b'], 'ghost', ['b'], { onDelete: 'CASCADE' }),
      foreignKeyConstraint(['a'], 'parent', ['id']),
    ]);
  });

  it('groups index rows per index: unique constraints, expression indexes and indexes without their text', () => {
    const model = sqliteReflectedTable({
      name: TABLE,
      sql: 'CREATE TABLE child (a INTEGER, b INTEGER, CONSTRAINT uq_ab UNIQUE (a, b), UNIQUE (b))',
      columns: [columnRow(0, 'a'), columnRow(1, 'b')],
      indexes: [
        indexRow('ix_expr', null, { seq: 3, sql: 'CREATE INDEX ix_expr ON child (a + b) WHERE a > 0' }),
        indexRow('ix_plain', 'b', { seq: 2, unique: 1 }),
        indexRow('sqlite_autoindex_child_2', 'b', { seq: 1, unique: 1, origin: 'u' }),
        indexRow('sqlite_autoindex_child_1', 'a', { seq: 0, unique: 1, origin: 'u' }),
        indexRow('sqlite_autoindex_child_1', 'b', { seq: 0, unique: 1, origin: 'u', seqno: 1 }),
      ],
      foreignKeys: [],
    });
    expect(model).toEqual(
      table(TABLE, [
        column('a', integer()),
        column('b', integer()),
        uniqueConstraint(['b']),
        uniqueConstraint(['a', 'b'], { name: convertedName('uq_ab') }),
        index(convertedName('ix_expr'), [sql('a + b')], { where: 'a > 0' }),
        index(convertedName('ix_plain'), ['b'], { unique: true }),
      ]),
    );
  });

  it('leaves hidden and generated columns out and keeps the schema', () => {
    const model = sqliteReflectedTable({
      name: TABLE,
      schema: 'archive',
      sql: 'CREATE TABLE child (a INTEGER, b INTEGER GENERATED ALWAYS AS (a * 2))',
      columns: [columnRow(0, 'a'), columnRow(1, 'b', { hidden: 2 })],
      indexes: [],
      foreignKeys: [],
    });
    expect(model).toEqual(table(TABLE, [column('a', integer())], { schema: 'archive' }));
  });
});

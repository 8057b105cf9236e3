import {
  bigInteger,
  boolean,
  checkConstraint,
  column,
  convertedName,
  dateTime,
  enumType,
  float,
  foreignKeyConstraint,
  index,
  integer,
  json,
  largeBinary,
  numeric,
  primaryKeyConstraint,
  sql,
  string,
  table,
  text,
  time,
  uniqueConstraint,
  uuid,
} from '@alembic/core/dialect';
import type { ColumnModel, TableElement, TableModel } from '@alembic/core/dialect';
import type { MssqlCheckRow, MssqlColumnRow, MssqlForeignKeyRow, MssqlIndexRow } from './mssql-reflected-table.js';
import { buildReflectedTable } from './mssql-reflected-table.js';
import { MssqlSchemaNormalizer } from './mssql-schema-normalizer.js';
import { nvarchar } from './mssql-types.js';

const normalizer = new MssqlSchemaNormalizer();
const DATABASE_COLLATION = 'SQL_Latin1_General_CP1_CI_AS';

/** A `sys.columns` row of column `c` as SQL Server reports it. */
function columnRow(overrides: Partial<MssqlColumnRow> & Pick<MssqlColumnRow, 'type_name'>): MssqlColumnRow {
  return {
    column_name: 'c',
    max_length: 0,
    precision: 0,
    scale: 0,
    collation_name: null,
    is_nullable: true,
    is_identity: false,
    identity_seed: null,
    identity_increment: null,
    default_definition: null,
    column_comment: null,
    ...overrides,
  };
}

const ID_ROW = columnRow({ column_name: 'id', type_name: 'int', max_length: 4, precision: 10, is_nullable: false });
const PRIMARY_KEY_ROW: MssqlIndexRow = {
  index_name: 'pk_t',
  is_primary_key: true,
  is_unique: true,
  is_unique_constraint: false,
  type_desc: 'CLUSTERED',
  filter_definition: null,
  is_included_column: false,
  column_name: 'id',
};

function reflected(rows: {
  columns: MssqlColumnRow[];
  indexes?: MssqlIndexRow[];
  foreignKeys?: MssqlForeignKeyRow[];
  checks?: MssqlCheckRow[];
}): TableModel {
  return normalizer.normalizeTable(
    buildReflectedTable({
      tableName: 't',
      comment: null,
      databaseCollation: DATABASE_COLLATION,
      columns: rows.columns,
      indexes: rows.indexes ?? [],
      foreignKeys: rows.foreignKeys ?? [],
      checks: rows.checks ?? [],
    }),
    'database',
  );
}

function modelled(elements: readonly TableElement[]): TableModel {
  return normalizer.normalizeTable(table('t', elements), 'model');
}

/** The model column `c` (next to an explicit, non-identity key) and the database's, normalized. */
function columnPair(model: ColumnModel, row: MssqlColumnRow): [ColumnModel | undefined, ColumnModel | undefined] {
  const key = [
    column('id', integer(), { autoincrement: false, nullable: false }),
    primaryKeyConstraint(['id'], { name: 'pk_t' }),
  ];
  return [
    modelled([...key, model]).columns[1],
    reflected({ columns: [ID_ROW, row], indexes: [PRIMARY_KEY_ROW] }).columns[1],
  ];
}

/** [title, the model column, the row SQL Server reports for the DDL the compiler writes]. */
const EQUAL_COLUMNS: ReadonlyArray<readonly [string, ColumnModel, MssqlColumnRow]> = [
  [
    'VARCHAR(50)',
    column('c', string(50)),
    columnRow({ type_name: 'varchar', max_length: 50, collation_name: DATABASE_COLLATION }),
  ],
  ['string() is VARCHAR(max)', column('c', string()), columnRow({ type_name: 'varchar', max_length: -1 })],
  ['text() is VARCHAR(max)', column('c', text()), columnRow({ type_name: 'varchar', max_length: -1 })],
  ['NVARCHAR lengths are bytes', column('c', nvarchar(20)), columnRow({ type_name: 'nvarchar', max_length: 40 })],
  ['NVARCHAR(max) is -1', column('c', nvarchar()), columnRow({ type_name: 'nvarchar', max_length: -1 })],
  ['json() is NVARCHAR(max)', column('c', json()), columnRow({ type_name: 'nvarchar', max_length: -1 })],
  [
    'an enum is the VARCHAR of its longest value',
    column('c', enumType(['a', 'bbb'], { createConstraint: true })),
    columnRow({ type_name: 'varchar', max_length: 3 }),
  ],
  [
    'boolean() is BIT',
    column('c', boolean({ createConstraint: true, name: 'ck_c' })),
    columnRow({ type_name: 'bit', max_length: 1, precision: 1 }),
  ],
  ['NUMERIC is (18, 0)', column('c', numeric()), columnRow({ type_name: 'numeric', max_length: 9, precision: 18 })],
  [
    'NUMERIC(10, 2)',
    column('c', numeric(10, 2)),
    columnRow({ type_name: 'numeric', max_length: 9, precision: 10, scale: 2 }),
  ],
  ['FLOAT is float(53)', column('c', float()), columnRow({ type_name: 'float', max_length: 8, precision: 53 })],
  ['FLOAT(10) is real', column('c', float(10)), columnRow({ type_name: 'real', max_length: 4, precision: 24 })],
  ['DATETIME', column('c', dateTime()), columnRow({ type_name: 'datetime', max_length: 8, precision: 23, scale: 3 })],
  [
    'DATETIMEOFFSET',
    column('c', dateTime({ timezone: true })),
    columnRow({ type_name: 'datetimeoffset', max_length: 10, precision: 34, scale: 7 }),
  ],
  ['TIME', column('c', time()), columnRow({ type_name: 'time', max_length: 5, precision: 16, scale: 7 })],
  ['UNIQUEIDENTIFIER', column('c', uuid()), columnRow({ type_name: 'uniqueidentifier', max_length: 16 })],
  ['VARBINARY(max)', column('c', largeBinary()), columnRow({ type_name: 'varbinary', max_length: -1 })],
  ['VARBINARY(16)', column('c', largeBinary(16)), columnRow({ type_name: 'varbinary', max_length: 16 })],
  [
    'a collation other than the database one',
    column('c', string(10, { collation: 'Latin1_General_CS_AS' })),
    columnRow({ type_name: 'varchar', max_length: 10, collation_name: 'Latin1_General_CS_AS' }),
  ],
  [
    '((0))',
    column('c', integer(), { serverDefault: sql('0') }),
    columnRow({ type_name: 'int', max_length: 4, default_definition: '((0))' }),
  ],
  [
    '((-1))',
    column('c', integer(), { serverDefault: sql('-1') }),
    columnRow({ type_name: 'int', max_length: 4, default_definition: '((-1))' }),
  ],
  [
    '((1)+(2))',
    column('c', integer(), { serverDefault: sql('1 + 2') }),
    columnRow({ type_name: 'int', max_length: 4, default_definition: '((1)+(2))' }),
  ],
  [
    '(getdate())',
    column('c', dateTime(), { serverDefault: sql('getdate()') }),
    columnRow({ type_name: 'datetime', default_definition: '(getdate())' }),
  ],
  [
    'CURRENT_TIMESTAMP is getdate()',
    column('c', dateTime(), { serverDefault: sql('CURRENT_TIMESTAMP') }),
    columnRow({ type_name: 'datetime', default_definition: '(getdate())' }),
  ],
  [
    'now() is getdate()',
    column('c', dateTime(), { serverDefault: sql('now()') }),
    columnRow({ type_name: 'datetime', default_definition: '(getdate())' }),
  ],
  [
    "('abc')",
    column('c', string(5), { serverDefault: 'abc' }),
    columnRow({ type_name: 'varchar', max_length: 5, default_definition: "('abc')" }),
  ],
  [
    "(N'abc') and a value",
    column('c', nvarchar(5), { serverDefault: 'abc' }),
    columnRow({ type_name: 'nvarchar', max_length: 10, default_definition: "(N'abc')" }),
  ],
  [
    "(N'abc') and N'abc'",
    column('c', nvarchar(5), { serverDefault: sql("N'abc'") }),
    columnRow({ type_name: 'nvarchar', max_length: 10, default_definition: "(N'abc')" }),
  ],
  [
    'a quote in a value',
    column('c', string(5), { serverDefault: "it's" }),
    columnRow({ type_name: 'varchar', max_length: 5, default_definition: "('it''s')" }),
  ],
  [
    'NULL is no default',
    column('c', integer(), { serverDefault: sql('NULL') }),
    columnRow({ type_name: 'int', max_length: 4, default_definition: '(NULL)' }),
  ],
  [
    'IDENTITY(1,1) is autoincrement',
    column('c', bigInteger(), { identity: { always: true, start: 1, increment: 1 }, nullable: false }),
    columnRow({
      type_name: 'bigint',
      max_length: 8,
      is_nullable: false,
      is_identity: true,
      identity_seed: '1',
      identity_increment: '1',
    }),
  ],
  [
    'IDENTITY(100,5)',
    column('c', bigInteger(), { identity: { always: false, start: 100, increment: 5 }, nullable: false }),
    columnRow({
      type_name: 'bigint',
      max_length: 8,
      is_nullable: false,
      is_identity: true,
      identity_seed: '100',
      identity_increment: '5',
    }),
  ],
  ['INTEGER is int', column('c', integer()), columnRow({ type_name: 'int', max_length: 4, precision: 10 })],
  ['an empty comment', column('c', integer(), { comment: '' }), columnRow({ type_name: 'int', max_length: 4 })],
];

/** Real differences that must survive normalization. */
const DIFFERENT_COLUMNS: ReadonlyArray<readonly [string, ColumnModel, MssqlColumnRow]> = [
  ['a VARCHAR length', column('c', string(50)), columnRow({ type_name: 'varchar', max_length: 60 })],
  [
    'VARCHAR and NVARCHAR, as the compiler writes them',
    column('c', string(50)),
    columnRow({ type_name: 'nvarchar', max_length: 100 }),
  ],
  ['NVARCHAR lengths', column('c', nvarchar(50)), columnRow({ type_name: 'nvarchar', max_length: 50 })],
  ['a precision', column('c', numeric(10, 2)), columnRow({ type_name: 'numeric', precision: 12, scale: 2 })],
  [
    'a string and a number',
    column('c', integer(), { serverDefault: '0' }),
    columnRow({ type_name: 'int', default_definition: '((0))' }),
  ],
  [
    'two functions',
    column('c', dateTime(), { serverDefault: sql('getdate()') }),
    columnRow({ type_name: 'datetime', default_definition: '(sysdatetime())' }),
  ],
  [
    'identity options',
    column('c', bigInteger(), { identity: { always: false, start: 100, increment: 1 } }),
    columnRow({ type_name: 'bigint', is_identity: true, identity_seed: '1', identity_increment: '1' }),
  ],
  ['nullability', column('c', integer(), { nullable: false }), columnRow({ type_name: 'int' })],
];

describe('MssqlSchemaNormalizer golden pairs', () => {
  it.each(EQUAL_COLUMNS)('equal: %s', (_title, model, row) => {
    const [modelColumn, databaseColumn] = columnPair(model, row);
    expect(modelColumn).toEqual(databaseColumn);
  });

  it.each(DIFFERENT_COLUMNS)('different: %s', (_title, model, row) => {
    const [modelColumn, databaseColumn] = columnPair(model, row);
    expect(modelColumn).not.toEqual(databaseColumn);
  });

  it('an autoincrement key is IDENTITY, and names SQL Server made up are unnamed', () => {
    const model = modelled([
      column('id', integer(), { primaryKey: true }),
      column('parent_id', integer()),
      column('amount', integer()),
      column('code', string(10)),
      uniqueConstraint(['code']),
      foreignKeyConstraint(['parent_id'], 'parent', ['id'], {
        onDelete: 'set null',
        onUpdate: 'NO ACTION',
        deferrable: true,
        match: 'FULL',
      }),
      checkConstraint('amount > 0'),
      index(convertedName('ix_t_amount'), ['amount'], {
        where: 'amount > 0',
        dialectOptions: { mssql: { clustered: false, include: [] }, postgresql: { using: 'btree' } },
      }),
    ]);
    const database = reflected({
      columns: [
        columnRow({
          column_name: 'id',
          type_name: 'int',
          is_nullable: false,
          is_identity: true,
          identity_seed: '1',
          identity_increment: '1',
        }),
        columnRow({ column_name: 'parent_id', type_name: 'int' }),
        columnRow({ column_name: 'amount', type_name: 'int' }),
        columnRow({ column_name: 'code', type_name: 'varchar', max_length: 10, collation_name: DATABASE_COLLATION }),
      ],
      indexes: [
        { ...PRIMARY_KEY_ROW, index_name: 'PK__t__3213E83F0AD2A005' },
        {
          ...PRIMARY_KEY_ROW,
          index_name: 'UQ__t__357D4CF9A1B2C3D4',
          is_primary_key: false,
          is_unique_constraint: true,
          type_desc: 'NONCLUSTERED',
          column_name: 'code',
        },
        {
          ...PRIMARY_KEY_ROW,
          index_name: 'ix_t_amount',
          is_primary_key: false,
          is_unique: false,
          type_desc: 'NONCLUSTERED',
          filter_definition: '([amount]>(0))',
          column_name: 'amount',
        },
      ],
      foreignKeys: [
        {
          constraint_name: 'FK__t__parent_id__3B75D760',
          column_name: 'parent_id',
          referred_schema: 'dbo',
          referred_table: 'parent',
          referred_column: 'id',
          delete_rule: 'SET_NULL',
          update_rule: 'NO_ACTION',
          table_schema: 'dbo',
        },
      ],
      checks: [{ constraint_name: 'CK__t__amount__4A8310C6', definition: '([amount]>(0))' }],
    });
    expect(database).toEqual(model);
    expect(database.primaryKey).toEqual({ kind: 'primaryKeyConstraint', columns: ['id'] });
    expect(database.columns[0]?.autoincrement).toBe(true);
  });

  it('keeps names the user gave, and clustering and INCLUDE of indexes', () => {
    const database = reflected({
      columns: [ID_ROW, columnRow({ column_name: 'code', type_name: 'varchar', max_length: 10 })],
      indexes: [
        PRIMARY_KEY_ROW,
        {
          ...PRIMARY_KEY_ROW,
          index_name: 'uq_t_code',
          is_primary_key: false,
          is_unique_constraint: true,
          type_desc: 'NONCLUSTERED',
          column_name: 'code',
        },
        {
          ...PRIMARY_KEY_ROW,
          index_name: 'ix_t_code',
          is_primary_key: false,
          is_unique: false,
          type_desc: 'NONCLUSTERED',
          column_name: 'code',
        },
        {
          ...PRIMARY_KEY_ROW,
          index_name: 'ix_t_code',
          is_primary_key: false,
          is_unique: false,
          type_desc: 'NONCLUSTERED',
          column_name: 'id',
          is_included_column: true,
        },
      ],
    });
    expect(database.primaryKey?.name).toEqual({ kind: 'convertedName', name: 'pk_t' });
    expect(database.constraints).toEqual([
      uniqueConstraint(['code'], { name: { kind: 'convertedName', name: 'uq_t_code' } }),
    ]);
    expect(database.indexes[0]?.dialectOptions).toEqual({ mssql: { include: ['id'] } });
  });

  it('a table comment stays; an empty one is unset', () => {
    expect(modelled([column('a', integer())]).comment).toBeUndefined();
    expect(
      normalizer.normalizeTable(table('t', [column('a', integer())], { comment: 'Accounts' }), 'model').comment,
    ).toBe('Accounts');
    expect(
      normalizer.normalizeTable(table('t', [column('a', integer())], { comment: '' }), 'model').comment,
    ).toBeUndefined();
  });
});

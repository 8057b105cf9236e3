import {
  checkConstraint,
  column,
  convertedName,
  dateTime,
  foreignKeyConstraint,
  index,
  integer,
  primaryKeyConstraint,
  rawType,
  sql,
  string,
  table,
  uniqueConstraint,
} from '@alembic/core/dialect';
import type { MssqlColumnRow, MssqlIndexRow } from './mssql-reflected-table.js';
import { buildReflectedTable } from './mssql-reflected-table.js';

function columnRow(
  overrides: Partial<MssqlColumnRow> & Pick<MssqlColumnRow, 'column_name' | 'type_name'>,
): MssqlColumnRow {
  return {
    max_length: 4,
    precision: 10,
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

function indexRow(
  overrides: Partial<MssqlIndexRow> & Pick<MssqlIndexRow, 'index_name' | 'column_name'>,
): MssqlIndexRow {
  return {
    is_primary_key: false,
    is_unique: false,
    is_unique_constraint: false,
    type_desc: 'NONCLUSTERED',
    filter_definition: null,
    is_included_column: false,
    ...overrides,
  };
}

describe('buildReflectedTable', () => {
  it('reads columns, keys, constraints, indexes and comments into the neutral model', () => {
    const reflected = buildReflectedTable({
      tableName: 'address',
      comment: 'Addresses',
      databaseCollation: 'SQL_Latin1_General_CP1_CI_AS',
      columns: [
        columnRow({
          column_name: 'id',
          type_name: 'int',
          is_nullable: false,
          is_identity: true,
          identity_seed: '1',
          identity_increment: '1',
        }),
        columnRow({ column_name: 'account_id', type_name: 'int', is_nullable: false }),
        columnRow({
          column_name: 'email',
          type_name: 'nvarchar',
          max_length: 200,
          collation_name: 'SQL_Latin1_General_CP1_CI_AS',
          default_definition: "('none')",
          column_comment: 'where to write',
        }),
        columnRow({
          column_name: 'created',
          type_name: 'datetime',
          max_length: 8,
          scale: 3,
          default_definition: '(getdate())',
        }),
      ],
      indexes: [
        indexRow({
          index_name: 'PK__address__3213E83F',
          column_name: 'id',
          is_primary_key: true,
          is_unique: true,
          type_desc: 'CLUSTERED',
        }),
        indexRow({ index_name: 'uq_address_email', column_name: 'email', is_unique: true, is_unique_constraint: true }),
        indexRow({ index_name: 'ix_address_account_id', column_name: 'account_id' }),
        indexRow({ index_name: 'ix_address_account_id', column_name: 'email', is_included_column: true }),
        indexRow({
          index_name: 'ix_filtered',
          column_name: 'created',
          is_unique: true,
          filter_definition: '([created] IS NOT NULL)',
        }),
      ],
      foreignKeys: [
        {
          constraint_name: 'fk_addr_acct',
          column_name: 'account_id',
          referred_schema: 'dbo',
          referred_table: 'account',
          referred_column: 'id',
          delete_rule: 'CASCADE',
          update_rule: 'NO_ACTION',
          table_schema: 'dbo',
        },
      ],
      checks: [{ constraint_name: 'ck_id', definition: '([id]>(0))' }],
    });
    expect(reflected).toEqual(
      table(
        'address',
        [
          column('id', integer(), { nullable: false, primaryKey: true, autoincrement: true }),
          column('account_id', integer(), { nullable: false, autoincrement: false }),
          column('email', rawType('NVARCHAR(100)'), {
            serverDefault: 'none',
            comment: 'where to write',
            autoincrement: false,
          }),
          column('created', dateTime(), { serverDefault: sql('getdate()'), autoincrement: false }),
          primaryKeyConstraint(['id'], { name: convertedName('PK__address__3213E83F') }),
          uniqueConstraint(['email'], { name: convertedName('uq_address_email') }),
          index(convertedName('ix_address_account_id'), ['account_id'], {
            dialectOptions: { mssql: { include: ['email'] } },
          }),
          index(convertedName('ix_filtered'), ['created'], { unique: true, where: '[created] IS NOT NULL' }),
          foreignKeyConstraint(['account_id'], 'account', ['id'], {
            name: convertedName('fk_addr_acct'),
            onDelete: 'CASCADE',
          }),
          checkConstraint('[id]>(0)', { name: convertedName('ck_id') }),
        ],
        { comment: 'Addresses' },
      ),
    );
  });

  it('keeps an identity with another seed, a schema, and foreign keys to other schemas', () => {
    const reflected = buildReflectedTable({
      tableName: 't',
      schema: 'app',
      comment: null,
      databaseCollation: null,
      columns: [
        columnRow({
          column_name: 'id',
          type_name: 'int',
          is_nullable: false,
          is_identity: 1,
          identity_seed: 100,
          identity_increment: 5,
        }),
        columnRow({ column_name: 'code', type_name: 'varchar', max_length: 10 }),
      ],
      indexes: [indexRow({ index_name: 'ix_code', column_name: 'code', type_desc: 'CLUSTERED' })],
      foreignKeys: [
        {
          constraint_name: 'fk_code',
          column_name: 'code',
          referred_schema: 'ref',
          referred_table: 'codes',
          referred_column: 'code',
          delete_rule: 'SET_NULL',
          update_rule: null,
          table_schema: 'app',
        },
      ],
      checks: [],
    });
    expect(reflected.schema).toBe('app');
    expect(reflected.columns[0]).toMatchObject({
      autoincrement: false,
      identity: { always: false, start: 100, increment: 5 },
    });
    expect(reflected.columns[1]?.type).toEqual(string(10));
    expect(reflected.indexes).toEqual([
      index(convertedName('ix_code'), ['code'], { dialectOptions: { mssql: { clustered: true } } }),
    ]);
    expect(reflected.constraints).toEqual([
      foreignKeyConstraint(['code'], 'codes', ['code'], {
        name: convertedName('fk_code'),
        onDelete: 'SET NULL',
        referredSchema: 'ref',
      }),
    ]);
  });
});

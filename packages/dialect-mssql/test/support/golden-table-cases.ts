/** Golden SQL Server DDL for tables and columns (see `mssql-ddl.test.ts`). */
import {
  addColumnOperation,
  alterColumnOperation,
  bigInteger,
  boolean,
  checkConstraint,
  column,
  createTableOperation,
  date,
  dateTime,
  dropColumnOperation,
  dropTableOperation,
  enumType,
  float,
  integer,
  json,
  largeBinary,
  numeric,
  renameTableOperation,
  smallInteger,
  sql,
  string,
  table,
  text,
  time,
  uniqueConstraint,
  uuid,
} from '@alembic/core/dialect';
import { nvarchar } from '../../src/mssql-types.js';
import type { GoldenCases } from './golden-types.js';
import { commentExists, dropDefaultBlock } from './golden-types.js';

const EXISTING_TYPE_ERROR =
  /^MS-SQL ALTER COLUMN operations with NULL or NOT NULL require the existing_type or a new type_ be passed\. Pass existingType \(or type\) to alterColumn\('t', 'c'\)\.$/;

/** Tables and columns. */
export const TABLE_CASES: GoldenCases<
  'createTable' | 'dropTable' | 'renameTable' | 'addColumn' | 'dropColumn' | 'alterColumn'
> = {
  createTable: [
    {
      title: 'every neutral type, as SQLAlchemy names them on SQL Server',
      operation: createTableOperation({
        table: table('t', [
          column('id', integer(), { primaryKey: true }),
          column('a', bigInteger()),
          column('b', smallInteger()),
          column('c', string(50)),
          column('c2', string()),
          column('d', text()),
          column('e', boolean()),
          column('f', date()),
          column('g', dateTime()),
          column('g2', dateTime({ timezone: true })),
          column('h', time()),
          column('i', numeric(10, 2)),
          column('j', float()),
          column('k', json()),
          column('l', largeBinary()),
          column('l2', largeBinary(100)),
          column('m', enumType(['a', 'bb'], { name: 'myenum' })),
          column('n', uuid()),
          column('o', nvarchar(200)),
          column('q', string(20, { collation: 'Latin1_General_BIN2' })),
        ]),
      }),
      expected: [
        'CREATE TABLE t (id INTEGER NOT NULL IDENTITY, a BIGINT NULL, b SMALLINT NULL, c VARCHAR(50) NULL, c2 VARCHAR(max) NULL, d VARCHAR(max) NULL, e BIT NULL, f DATE NULL, g DATETIME NULL, g2 DATETIMEOFFSET NULL, h TIME NULL, i NUMERIC(10, 2) NULL, j FLOAT NULL, k NVARCHAR(max) NULL, l VARBINARY(max) NULL, l2 VARBINARY(100) NULL, m VARCHAR(2) NULL, n UNIQUEIDENTIFIER NULL, o NVARCHAR(200) NULL, q VARCHAR(20) COLLATE Latin1_General_BIN2 NULL, PRIMARY KEY (id))',
      ],
    },
    {
      title: 'Appendix A: IDENTITY key, NOT NULL, NULL, now() as CURRENT_TIMESTAMP',
      operation: createTableOperation({
        table: table('account', [
          column('id', integer(), { primaryKey: true }),
          column('name', string(50), { nullable: false }),
          column('description', nvarchar(200)),
          column('created', dateTime(), { serverDefault: sql('now()') }),
        ]),
      }),
      expected: [
        'CREATE TABLE account (id INTEGER NOT NULL IDENTITY, name VARCHAR(50) NOT NULL, description NVARCHAR(200) NULL, created DATETIME NULL DEFAULT CURRENT_TIMESTAMP, PRIMARY KEY (id))',
      ],
    },
    {
      title: 'an explicit identity, a value default, boolean and enum CHECKs',
      operation: createTableOperation({
        table: table('t', [
          column('id', bigInteger(), { identity: { always: true, start: 100, increment: 5 } }),
          column('x', integer(), { serverDefault: '12' }),
          column('e2', boolean({ createConstraint: true, name: 'ck_e2' })),
          column('m2', enumType(['a', 'b'], { name: 'ck_m2', createConstraint: true })),
        ]),
      }),
      expected: [
        "CREATE TABLE t (id BIGINT NOT NULL IDENTITY(100,5), x INTEGER NULL DEFAULT '12', e2 BIT NULL, m2 VARCHAR(1) NULL, CONSTRAINT ck_e2 CHECK (e2 IN (0, 1)), CONSTRAINT ck_m2 CHECK (m2 IN ('a', 'b')))",
      ],
    },
    {
      title: 'brackets for reserved words, mixed case and brackets in names; a schema',
      operation: createTableOperation({
        table: table(
          'order',
          [column('key', integer()), column('MixedCase', integer()), column('odd]name', integer())],
          { schema: 'sales' },
        ),
      }),
      expected: ['CREATE TABLE sales.[order] ([key] INTEGER NULL, [MixedCase] INTEGER NULL, [odd]]name] INTEGER NULL)'],
    },
    {
      title: 'constraints, a foreign key with actions, indexes after the table, comments as extended properties',
      operation: createTableOperation({
        table: table(
          'address',
          [
            column('id', integer(), { primaryKey: true }),
            column('account_id', integer(), {
              nullable: false,
              references: { table: 'account', column: 'id', onDelete: 'CASCADE' },
              index: true,
            }),
            column('email', string(100), { comment: "it's the email" }),
            uniqueConstraint(['email'], { name: 'uq_address_email' }),
            checkConstraint('id > 0', { name: 'ck_id' }),
          ],
          { comment: 'Addresses' },
        ),
      }),
      expected: [
        'CREATE TABLE address (id INTEGER NOT NULL IDENTITY, account_id INTEGER NOT NULL, email VARCHAR(100) NULL, PRIMARY KEY (id), CONSTRAINT uq_address_email UNIQUE (email), CONSTRAINT ck_id CHECK (id > 0), FOREIGN KEY(account_id) REFERENCES account (id) ON DELETE CASCADE)',
        'CREATE INDEX ix_address_account_id ON address (account_id)',
        "EXEC sp_addextendedproperty 'MS_Description', N'Addresses', 'schema', N'dbo', 'table', N'address'",
        "EXEC sp_addextendedproperty 'MS_Description', N'it''s the email', 'schema', N'dbo', 'table', N'address', 'column', N'email'",
      ],
    },
    {
      title: 'no IF NOT EXISTS',
      operation: createTableOperation({ table: table('t', [column('a', integer())]), ifNotExists: true }),
      expected: { error: /^SQL Server has no IF NOT EXISTS for createTable/ },
    },
    {
      title: 'no deferrable constraints',
      operation: createTableOperation({
        table: table('t', [column('c', integer()), uniqueConstraint(['c'], { deferrable: true })]),
      }),
      expected: { error: /no deferrable constraints/ },
    },
  ],
  dropTable: [
    { title: 'drop table', operation: dropTableOperation({ tableName: 't1' }), expected: ['DROP TABLE t1'] },
    {
      title: 'if exists, in a schema',
      operation: dropTableOperation({ tableName: 't1', schema: 's', ifExists: true }),
      expected: ['DROP TABLE IF EXISTS s.t1'],
    },
  ],
  renameTable: [
    {
      title: 'sp_rename',
      operation: renameTableOperation({ oldTableName: 'address', newTableName: 'addresses' }),
      expected: ["EXEC sp_rename 'address', addresses"],
    },
    {
      title: 'in a schema, quoted names',
      operation: renameTableOperation({ oldTableName: "it's", newTableName: 'order', schema: 's' }),
      expected: ["EXEC sp_rename 's.[it''s]', [order]"],
    },
  ],
  addColumn: [
    {
      title: 'case 43: ADD without COLUMN',
      operation: addColumnOperation({ tableName: 't1', column: column('c1', integer(), { nullable: false }) }),
      expected: ['ALTER TABLE t1 ADD c1 INTEGER NOT NULL'],
    },
    {
      title: 'Appendix A: a nullable DATETIME',
      operation: addColumnOperation({ tableName: 'account', column: column('last_login', dateTime()) }),
      expected: ['ALTER TABLE account ADD last_login DATETIME NULL'],
    },
    {
      title: 'a default, a foreign key, a comment',
      operation: addColumnOperation({
        tableName: 't1',
        schema: 's',
        column: column('c1', integer(), { serverDefault: '12', references: 't2.id', comment: 'hello' }),
      }),
      expected: [
        "ALTER TABLE s.t1 ADD c1 INTEGER NULL DEFAULT '12'",
        'ALTER TABLE s.t1 ADD FOREIGN KEY(c1) REFERENCES t2 (id)',
        "EXEC sp_addextendedproperty 'MS_Description', N'hello', 'schema', N's', 'table', N't1', 'column', N'c1'",
      ],
    },
    {
      title: 'autoincrement: true is IDENTITY',
      operation: addColumnOperation({ tableName: 't1', column: column('n', integer(), { autoincrement: true }) }),
      expected: ['ALTER TABLE t1 ADD n INTEGER NOT NULL IDENTITY'],
    },
    {
      title: 'no IF NOT EXISTS',
      operation: addColumnOperation({ tableName: 't1', column: column('c1', integer()), ifNotExists: true }),
      expected: { error: /^SQL Server has no IF NOT EXISTS for addColumn/ },
    },
  ],
  dropColumn: [
    {
      title: 'drop column',
      operation: dropColumnOperation({ tableName: 't1', columnName: 'c1' }),
      expected: ['ALTER TABLE t1 DROP COLUMN c1'],
    },
    {
      title: 'case 43: dropDefault first looks the default constraint up',
      operation: dropColumnOperation({
        tableName: 't1',
        columnName: 'c1',
        dialectOptions: { mssql: { dropDefault: true } },
      }),
      expected: [dropDefaultBlock('t1', 'c1'), 'ALTER TABLE t1 DROP COLUMN c1'],
    },
    {
      title: 'a known default is dropped without being asked; check and foreign key on request',
      operation: dropColumnOperation({
        tableName: 't1',
        schema: 's',
        columnName: 'c1',
        existingColumn: column('c1', integer(), { serverDefault: '0' }),
        dialectOptions: { mssql: { dropCheck: true, dropForeignKey: true } },
      }),
      expected: [
        dropDefaultBlock('s.t1', 'c1'),
        dropDefaultBlock('s.t1', 'c1', 'sys.check_constraints'),
        [
          'declare @const_name nvarchar(256)',
          'select @const_name = QUOTENAME(fk.name) from sys.foreign_keys fk join sys.foreign_key_columns fkc on fk.object_id = fkc.constraint_object_id',
          "where fkc.parent_object_id = object_id('s.t1')",
          "and col_name(fkc.parent_object_id, fkc.parent_column_id) = 'c1'",
          "exec('alter table s.t1 drop constraint ' + @const_name)",
        ].join('\n'),
        'ALTER TABLE s.t1 DROP COLUMN c1',
      ],
    },
    {
      title: 'quotes in names are doubled inside the block',
      operation: dropColumnOperation({
        tableName: "o'k",
        columnName: "c'1",
        dialectOptions: { mssql: { dropDefault: true } },
      }),
      expected: [dropDefaultBlock("[o'k]", "c''1"), "ALTER TABLE [o'k] DROP COLUMN [c'1]"],
    },
    {
      title: 'IF EXISTS',
      operation: dropColumnOperation({ tableName: 't1', columnName: 'c1', ifExists: true }),
      expected: ['ALTER TABLE t1 DROP COLUMN IF EXISTS c1'],
    },
    {
      title: 'unknown options are refused',
      operation: dropColumnOperation({
        tableName: 't1',
        columnName: 'c1',
        dialectOptions: { mssql: { dropIndex: true } },
      }),
      expected: { error: /^Unknown SQL Server dropColumn option dropIndex/ },
    },
  ],
  alterColumn: [
    {
      title: 'case 43: type and nullability in one ALTER COLUMN, the default, the rename last',
      operation: alterColumnOperation({
        tableName: 't',
        columnName: 'c',
        newColumnName: 'c2',
        nullable: true,
        type: integer(),
        serverDefault: '5',
      }),
      expected: [
        'ALTER TABLE t ALTER COLUMN c INTEGER NULL',
        "ALTER TABLE t ADD DEFAULT '5' FOR c",
        "EXEC sp_rename 't.c', c2, 'COLUMN'",
      ],
    },
    {
      title: 'case 43: nullability without a type',
      operation: alterColumnOperation({ tableName: 't', columnName: 'c', nullable: true }),
      expected: { error: EXISTING_TYPE_ERROR },
    },
    {
      title: 'Appendix A: nullability restates the existing type',
      operation: alterColumnOperation({
        tableName: 'account',
        columnName: 'description',
        nullable: false,
        existingType: nvarchar(200),
      }),
      expected: ['ALTER TABLE account ALTER COLUMN description NVARCHAR(200) NOT NULL'],
    },
    {
      title: 'Appendix A: a type change keeps the existing nullability',
      operation: alterColumnOperation({
        tableName: 'account',
        columnName: 'name',
        type: string(100),
        existingType: string(50),
        existingNullable: false,
      }),
      expected: ['ALTER TABLE account ALTER COLUMN name VARCHAR(100) NOT NULL'],
    },
    {
      title: 'a type change alone',
      operation: alterColumnOperation({ tableName: 't', columnName: 'c', type: bigInteger() }),
      expected: ['ALTER TABLE t ALTER COLUMN c BIGINT'],
    },
    {
      title: 'Appendix A: a new default, none before',
      operation: alterColumnOperation({ tableName: 'address', columnName: 'email', serverDefault: 'none' }),
      expected: ["ALTER TABLE address ADD DEFAULT 'none' FOR email"],
    },
    {
      title: 'replacing a known default drops it first',
      operation: alterColumnOperation({
        tableName: 't',
        columnName: 'c',
        serverDefault: sql('getdate()'),
        existingServerDefault: sql('0'),
      }),
      expected: [dropDefaultBlock('t', 'c'), 'ALTER TABLE t ADD DEFAULT getdate() FOR c'],
    },
    {
      title: 'removing the default',
      operation: alterColumnOperation({ tableName: 's_t', schema: 'app', columnName: 'c', serverDefault: null }),
      expected: [dropDefaultBlock('app.s_t', 'c')],
    },
    {
      title: 'removing a default known to be absent does nothing',
      operation: alterColumnOperation({
        tableName: 't',
        columnName: 'c',
        serverDefault: null,
        existingServerDefault: null,
      }),
      expected: [],
    },
    {
      title: 'a type change under a known default: dropped, changed, put back (Alembic issue 1744)',
      operation: alterColumnOperation({
        tableName: 't',
        columnName: 'c',
        type: dateTime({ timezone: true }),
        existingType: dateTime(),
        existingNullable: false,
        existingServerDefault: sql('getutcdate()'),
      }),
      expected: [
        dropDefaultBlock('t', 'c'),
        'ALTER TABLE t ALTER COLUMN c DATETIMEOFFSET NOT NULL',
        'ALTER TABLE t ADD DEFAULT getutcdate() FOR c',
      ],
    },
    {
      title: 'Appendix A: a rename alone',
      operation: alterColumnOperation({
        tableName: 'account',
        columnName: 'name',
        newColumnName: 'full_name',
        existingType: string(100),
        existingNullable: false,
      }),
      expected: ["EXEC sp_rename 'account.name', full_name, 'COLUMN'"],
    },
    {
      title: 'a rename in a schema, with quoted names',
      operation: alterColumnOperation({ tableName: 'order', schema: 's', columnName: 'key', newColumnName: 'Key2' }),
      expected: ["EXEC sp_rename 's.[order].[key]', [Key2], 'COLUMN'"],
    },
    {
      title: 'a comment: added when there was none, updated when there was one',
      operation: alterColumnOperation({ tableName: 't', columnName: 'c', comment: 'new', existingComment: null }),
      expected: [
        "EXEC sp_addextendedproperty 'MS_Description', N'new', 'schema', N'dbo', 'table', N't', 'column', N'c'",
      ],
    },
    {
      title: 'a comment replacing a known one',
      operation: alterColumnOperation({ tableName: 't', columnName: 'c', comment: 'new', existingComment: 'old' }),
      expected: [
        "EXEC sp_updateextendedproperty 'MS_Description', N'new', 'schema', N'dbo', 'table', N't', 'column', N'c'",
      ],
    },
    {
      title: 'a comment over an unknown one asks the catalog',
      operation: alterColumnOperation({ tableName: 't', columnName: 'c', comment: 'new' }),
      expected: [
        `${commentExists('[dbo].[t]', "COLUMNPROPERTY(OBJECT_ID(N'[dbo].[t]'), N'c', 'ColumnId')")}\n    EXEC sp_updateextendedproperty 'MS_Description', N'new', 'schema', N'dbo', 'table', N't', 'column', N'c'\nELSE\n    EXEC sp_addextendedproperty 'MS_Description', N'new', 'schema', N'dbo', 'table', N't', 'column', N'c'`,
      ],
    },
    {
      title: 'removing a known comment',
      operation: alterColumnOperation({ tableName: 't', columnName: 'c', comment: null, existingComment: 'old' }),
      expected: ["EXEC sp_dropextendedproperty 'MS_Description', 'schema', N'dbo', 'table', N't', 'column', N'c'"],
    },
    {
      title: 'a new boolean type adds its CHECK',
      operation: alterColumnOperation({
        tableName: 't',
        columnName: 'c',
        type: boolean({ createConstraint: true, name: 'ck_c' }),
        existingType: integer(),
        existingNullable: true,
      }),
      expected: ['ALTER TABLE t ALTER COLUMN c BIT NULL', 'ALTER TABLE t ADD CONSTRAINT ck_c CHECK (c IN (0, 1))'],
    },
    {
      title: 'identity cannot be altered',
      operation: alterColumnOperation({ tableName: 't', columnName: 'c', identity: { always: false } }),
      expected: { error: /"identity" construct/ },
    },
    { title: 'nothing to change', operation: alterColumnOperation({ tableName: 't', columnName: 'c' }), expected: [] },
  ],
};

/** Golden SQL Server DDL for indexes, constraints, comments, data and batches (see `mssql-ddl.test.ts`). */
import {
  alterColumnOperation,
  batchAlterTableOperation,
  boolean,
  bulkInsertOperation,
  column,
  createCheckConstraintOperation,
  createForeignKeyOperation,
  createIndexOperation,
  createPrimaryKeyOperation,
  createTableCommentOperation,
  createUniqueConstraintOperation,
  date,
  dropConstraintOperation,
  dropIndexOperation,
  dropTableCommentOperation,
  executeOperation,
  integer,
  largeBinary,
  string,
  table,
} from '@alembic/core/dialect';
import type { OperationKind } from '@alembic/core/dialect';
import type { GoldenCases } from './golden-types.js';
import { commentExists } from './golden-types.js';

/** Indexes, constraints, comments, data and batches. */
export const OTHER_CASES: GoldenCases<
  Exclude<OperationKind, 'createTable' | 'dropTable' | 'renameTable' | 'addColumn' | 'dropColumn' | 'alterColumn'>
> = {
  createIndex: [
    {
      title: 'unique index over two columns',
      operation: createIndexOperation({ indexName: 'ik_test', tableName: 't1', columns: ['foo', 'bar'], unique: true }),
      expected: ['CREATE UNIQUE INDEX ik_test ON t1 (foo, bar)'],
    },
    {
      title: 'clustered, INCLUDE and a filter (mssql_include, mssql_where)',
      operation: createIndexOperation({
        indexName: 'ix_t',
        tableName: 't1',
        schema: 's',
        columns: ['a'],
        dialectOptions: { mssql: { clustered: false, include: ['b', 'key'], where: 'a IS NOT NULL' } },
      }),
      expected: ['CREATE NONCLUSTERED INDEX ix_t ON s.t1 (a) INCLUDE (b, [key]) WHERE a IS NOT NULL'],
    },
    {
      title: 'a filtered index from the index itself',
      operation: createIndexOperation({
        indexName: 'ix_p',
        tableName: 't1',
        columns: ['a'],
        where: 'a > 1',
        dialectOptions: { mssql: { clustered: true } },
      }),
      expected: ['CREATE CLUSTERED INDEX ix_p ON t1 (a) WHERE a > 1'],
    },
    {
      title: 'no IF NOT EXISTS',
      operation: createIndexOperation({ indexName: 'ix_a', tableName: 't1', columns: ['a'], ifNotExists: true }),
      expected: { error: /^SQL Server has no IF NOT EXISTS for createIndex/ },
    },
    {
      title: 'unknown options are refused',
      operation: createIndexOperation({
        indexName: 'ix_a',
        tableName: 't1',
        columns: ['a'],
        dialectOptions: { mssql: { using: 'btree' } },
      }),
      expected: { error: /^Unknown SQL Server index option\(s\) using/ },
    },
  ],
  dropIndex: [
    {
      title: 'DROP INDEX ... ON',
      operation: dropIndexOperation({ indexName: 'ik_test', tableName: 't1' }),
      expected: ['DROP INDEX ik_test ON t1'],
    },
    {
      title: 'IF EXISTS, in a schema',
      operation: dropIndexOperation({ indexName: 'ik', tableName: 't1', schema: 's', ifExists: true }),
      expected: ['DROP INDEX IF EXISTS ik ON s.t1'],
    },
    {
      title: 'needs the table',
      operation: dropIndexOperation({ indexName: 'ik' }),
      expected: { error: /DROP INDEX needs the table/ },
    },
  ],
  createUniqueConstraint: [
    {
      title: 'named unique constraint',
      operation: createUniqueConstraintOperation({
        constraintName: 'uk_test',
        tableName: 't1',
        columns: ['foo', 'bar'],
      }),
      expected: ['ALTER TABLE t1 ADD CONSTRAINT uk_test UNIQUE (foo, bar)'],
    },
  ],
  createForeignKey: [
    {
      title: 'with actions',
      operation: createForeignKeyOperation({
        constraintName: 'fk_test',
        sourceTable: 't1',
        referentTable: 't2',
        localColumns: ['foo', 'bar'],
        remoteColumns: ['bat', 'hoho'],
        onDelete: 'CASCADE',
      }),
      expected: [
        'ALTER TABLE t1 ADD CONSTRAINT fk_test FOREIGN KEY(foo, bar) REFERENCES t2 (bat, hoho) ON DELETE CASCADE',
      ],
    },
  ],
  createCheckConstraint: [
    {
      title: 'check',
      operation: createCheckConstraintOperation({ constraintName: 'ck1', tableName: 't1', condition: 'LEN(a) > 1' }),
      expected: ['ALTER TABLE t1 ADD CONSTRAINT ck1 CHECK (LEN(a) > 1)'],
    },
  ],
  createPrimaryKey: [
    {
      title: 'primary key',
      operation: createPrimaryKeyOperation({ constraintName: 'pk1', tableName: 't1', columns: ['a', 'b'] }),
      expected: ['ALTER TABLE t1 ADD CONSTRAINT pk1 PRIMARY KEY (a, b)'],
    },
  ],
  dropConstraint: [
    {
      title: 'Appendix A: DROP CONSTRAINT for every type',
      operation: dropConstraintOperation({ constraintName: 'uq_address_email', tableName: 'address', type: 'unique' }),
      expected: ['ALTER TABLE address DROP CONSTRAINT uq_address_email'],
    },
    {
      title: 'no type needed',
      operation: dropConstraintOperation({ constraintName: 'f1', tableName: 't1' }),
      expected: ['ALTER TABLE t1 DROP CONSTRAINT f1'],
    },
    {
      title: 'IF EXISTS, in a schema',
      operation: dropConstraintOperation({
        constraintName: 'f1',
        tableName: 't1',
        schema: 's',
        type: 'foreignkey',
        ifExists: true,
      }),
      expected: ['ALTER TABLE s.t1 DROP CONSTRAINT IF EXISTS f1'],
    },
  ],
  createTableComment: [
    {
      title: 'over an unknown comment: asks the catalog',
      operation: createTableCommentOperation({ tableName: 't1', comment: "it's" }),
      expected: [
        `${commentExists('[dbo].[t1]', '0')}\n    EXEC sp_updateextendedproperty 'MS_Description', N'it''s', 'schema', N'dbo', 'table', N't1'\nELSE\n    EXEC sp_addextendedproperty 'MS_Description', N'it''s', 'schema', N'dbo', 'table', N't1'`,
      ],
    },
    {
      title: 'replacing a known comment, in a schema',
      operation: createTableCommentOperation({ tableName: 't1', schema: 's', comment: 'new', existingComment: 'old' }),
      expected: ["EXEC sp_updateextendedproperty 'MS_Description', N'new', 'schema', N's', 'table', N't1'"],
    },
  ],
  dropTableComment: [
    {
      title: 'a known comment',
      operation: dropTableCommentOperation({ tableName: 't1', existingComment: 'old' }),
      expected: ["EXEC sp_dropextendedproperty 'MS_Description', 'schema', N'dbo', 'table', N't1'"],
    },
    {
      title: 'an unknown comment: dropped if there',
      operation: dropTableCommentOperation({ tableName: 't1' }),
      expected: [
        `${commentExists('[dbo].[t1]', '0')}\n    EXEC sp_dropextendedproperty 'MS_Description', 'schema', N'dbo', 'table', N't1'`,
      ],
    },
  ],
  bulkInsert: [
    {
      title: 'Appendix A: IDENTITY_INSERT around values for the identity key of a table model',
      operation: bulkInsertOperation({
        table: table('account', [
          column('id', integer(), { primaryKey: true }),
          column('name', string(50), { nullable: false }),
        ]),
        rows: [
          { id: 1, name: 'John' },
          { id: 2, name: "O'Brien" },
        ],
      }),
      expected: [
        'SET IDENTITY_INSERT account ON',
        "INSERT INTO account (id, name) VALUES (1, 'John')",
        "INSERT INTO account (id, name) VALUES (2, 'O''Brien')",
        'SET IDENTITY_INSERT account OFF',
      ],
    },
    {
      title: 'no identity value given: no IDENTITY_INSERT; literals of each type',
      operation: bulkInsertOperation({
        table: table('t', [
          column('id', integer(), { primaryKey: true }),
          column('a', boolean()),
          column('b', date()),
          column('c', largeBinary()),
        ]),
        rows: [{ a: true, b: new Date(Date.UTC(2024, 0, 31)), c: Buffer.from([0x0a, 0xff]) }],
      }),
      expected: ["INSERT INTO t (a, b, c) VALUES (1, '2024-01-31', 0x0aff)"],
    },
    {
      title: 'the columns unknown: the catalog decides',
      operation: bulkInsertOperation({ table: { name: 't', schema: 's' }, rows: [{ id: 1 }] }),
      expected: [
        "IF EXISTS (SELECT 1 FROM sys.identity_columns WHERE object_id = OBJECT_ID(N's.t') AND name IN (N'id')) SET IDENTITY_INSERT s.t ON",
        'INSERT INTO s.t (id) VALUES (1)',
        "IF EXISTS (SELECT 1 FROM sys.identity_columns WHERE object_id = OBJECT_ID(N's.t') AND name IN (N'id')) SET IDENTITY_INSERT s.t OFF",
      ],
    },
    { title: 'no rows', operation: bulkInsertOperation({ table: { name: 't' }, rows: [] }), expected: [] },
  ],
  execute: [
    {
      title: 'parameters inline',
      operation: executeOperation({ sql: 'UPDATE t SET a = :a WHERE b = :b', parameters: { a: false, b: "x'y" } }),
      expected: ["UPDATE t SET a = 0 WHERE b = 'x''y'"],
    },
  ],
  batchAlterTable: [
    {
      title: 'no rebuild: the operations one by one',
      operation: batchAlterTableOperation({
        tableName: 'foo',
        operations: [
          alterColumnOperation({
            tableName: 'foo',
            columnName: 'data',
            type: integer(),
            existingType: string(50),
            existingNullable: true,
          }),
          dropConstraintOperation({ constraintName: 'ck', tableName: 'foo', type: 'check' }),
        ],
      }),
      expected: ['ALTER TABLE foo ALTER COLUMN data INTEGER NULL', 'ALTER TABLE foo DROP CONSTRAINT ck'],
    },
    {
      title: "recreate 'always' rebuilds with sp_rename",
      operation: batchAlterTableOperation({
        tableName: 'foo',
        recreate: 'always',
        copyFrom: table('foo', [
          column('id', integer(), { primaryKey: true, autoincrement: false }),
          column('data', string(50)),
        ]),
        operations: [createIndexOperation({ indexName: 'ix_data', tableName: 'foo', columns: ['data'], unique: true })],
      }),
      expected: [
        'CREATE TABLE _alembic_tmp_foo (id INTEGER NOT NULL, data VARCHAR(50) NULL, PRIMARY KEY (id))',
        'INSERT INTO _alembic_tmp_foo (id, data) SELECT foo.id, foo.data FROM foo',
        'DROP TABLE foo',
        "EXEC sp_rename '_alembic_tmp_foo', foo",
        'CREATE UNIQUE INDEX ix_data ON foo (data)',
      ],
    },
  ],
};

/**
 * Golden SQL of indexes, constraints, data and batches, checked against Python Alembic 1.8 with
 * SQLAlchemy 1.4 offline output on PostgreSQL where Alembic has the operation.
 */
import {
  addColumnOperation,
  alterColumnOperation,
  batchAlterTableOperation,
  boolean,
  bulkInsertOperation,
  column,
  createCheckConstraintOperation,
  createForeignKeyOperation,
  createIndexOperation,
  createPrimaryKeyOperation,
  createUniqueConstraintOperation,
  date,
  dropColumnOperation,
  dropConstraintOperation,
  dropIndexOperation,
  executeOperation,
  inlineLiteral,
  integer,
  json,
  largeBinary,
  primaryKeyConstraint,
  sql,
  string,
  table,
  uniqueConstraint,
} from '@alembic/core/dialect';
import type { GoldenTable, TableOperationKind } from './golden-types.js';

const foo = table(
  'foo',
  [column('id', integer(), { primaryKey: true }), column('data', string(50)), column('x', integer())],
  {
    schema: 's',
  },
);

/** The index, constraint, data and batch cases. */
export const GOLDEN_CONSTRAINT_CASES: Omit<GoldenTable, TableOperationKind> = {
  createIndex: [
    {
      title: 'CONCURRENTLY, USING, INCLUDE and WHERE, in a schema',
      operation: createIndexOperation({
        indexName: 'ix',
        tableName: 't',
        schema: 's',
        columns: ['a'],
        where: 'a > 1',
        dialectOptions: { postgresql: { include: ['b', 'c'], using: 'gin', concurrently: true } },
      }),
      expected: ['CREATE INDEX CONCURRENTLY ix ON s.t USING gin (a) INCLUDE (b, c) WHERE a > 1'],
    },
    {
      title: 'a unique expression index',
      operation: createIndexOperation({
        indexName: 'ixe',
        tableName: 't',
        columns: [sql('lower(email)')],
        unique: true,
      }),
      expected: ['CREATE UNIQUE INDEX ixe ON t (lower(email))'],
    },
    {
      title: 'IF NOT EXISTS and NULLS NOT DISTINCT',
      operation: createIndexOperation({
        indexName: 'ix2',
        tableName: 't',
        columns: ['a'],
        unique: true,
        ifNotExists: true,
        dialectOptions: { postgresql: { nullsNotDistinct: true } },
      }),
      expected: ['CREATE UNIQUE INDEX IF NOT EXISTS ix2 ON t (a) NULLS NOT DISTINCT'],
    },
    {
      title: 'a mistyped option is refused',
      operation: createIndexOperation({
        indexName: 'ix',
        tableName: 't',
        columns: ['a'],
        dialectOptions: { postgresql: { include: 'b' } },
      }),
      expected: { error: /'include' must be a non-empty list of column names/ },
    },
  ],
  dropIndex: [
    {
      title: 'CONCURRENTLY, schema-qualified',
      operation: dropIndexOperation({
        indexName: 'ix',
        tableName: 't',
        schema: 's',
        dialectOptions: { postgresql: { concurrently: true } },
      }),
      expected: ['DROP INDEX CONCURRENTLY s.ix'],
    },
    {
      title: 'if exists',
      operation: dropIndexOperation({ indexName: 'ix', ifExists: true }),
      expected: ['DROP INDEX IF EXISTS ix'],
    },
  ],
  createUniqueConstraint: [
    {
      title: 'deferrable, in a schema',
      operation: createUniqueConstraintOperation({
        constraintName: 'uq',
        tableName: 't',
        schema: 's',
        columns: ['a', 'b'],
        deferrable: true,
        initially: 'DEFERRED',
      }),
      expected: ['ALTER TABLE s.t ADD CONSTRAINT uq UNIQUE (a, b) DEFERRABLE INITIALLY DEFERRED'],
    },
  ],
  createForeignKey: [
    {
      title: 'every option, NOT VALID last',
      operation: createForeignKeyOperation({
        constraintName: 'fk',
        sourceTable: 't',
        referentTable: 'r',
        localColumns: ['a'],
        remoteColumns: ['id'],
        sourceSchema: 's',
        referentSchema: 's2',
        onDelete: 'SET NULL',
        onUpdate: 'CASCADE',
        match: 'FULL',
        deferrable: true,
        initially: 'DEFERRED',
        dialectOptions: { postgresql: { notValid: true } },
      }),
      expected: [
        'ALTER TABLE s.t ADD CONSTRAINT fk FOREIGN KEY(a) REFERENCES s2.r (id) MATCH FULL ON DELETE SET NULL ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED NOT VALID',
      ],
    },
  ],
  createCheckConstraint: [
    {
      title: 'in a schema',
      operation: createCheckConstraintOperation({
        constraintName: 'ck',
        tableName: 't',
        schema: 's',
        condition: 'a > 0',
      }),
      expected: ['ALTER TABLE s.t ADD CONSTRAINT ck CHECK (a > 0)'],
    },
  ],
  createPrimaryKey: [
    {
      title: 'composite, in a schema',
      operation: createPrimaryKeyOperation({ constraintName: 'pk', tableName: 't', schema: 's', columns: ['a', 'b'] }),
      expected: ['ALTER TABLE s.t ADD CONSTRAINT pk PRIMARY KEY (a, b)'],
    },
  ],
  dropConstraint: [
    {
      title: 'in a schema',
      operation: dropConstraintOperation({ constraintName: 'fk', tableName: 't', schema: 's' }),
      expected: ['ALTER TABLE s.t DROP CONSTRAINT fk'],
    },
    {
      title: 'if exists',
      operation: dropConstraintOperation({ constraintName: 'uq', tableName: 't', type: 'unique', ifExists: true }),
      expected: ['ALTER TABLE t DROP CONSTRAINT IF EXISTS uq'],
    },
  ],
  bulkInsert: [
    {
      title: 'native booleans, bytea, JSON and dates as literals',
      operation: bulkInsertOperation({
        table: {
          name: 't',
          columns: [
            { name: 'b', type: boolean() },
            { name: 'x', type: largeBinary() },
            { name: 'j', type: json() },
            { name: 'd', type: date() },
            { name: 's' },
          ],
        },
        rows: [{ b: true, x: Buffer.from([0x01, 0xff]), j: { a: 1 }, d: new Date(Date.UTC(2024, 0, 2)), s: "O'Brien" }],
      }),
      expected: [`INSERT INTO t (b, x, j, d, s) VALUES (true, '\\x01ff'::bytea, '{"a":1}', '2024-01-02', 'O''Brien')`],
    },
  ],
  execute: [
    {
      title: 'parameters written inline offline',
      operation: executeOperation({
        sql: 'UPDATE t SET a = :a WHERE b::text = :b',
        parameters: { a: inlineLiteral(false), b: 'x' },
      }),
      expected: ["UPDATE t SET a = false WHERE b::text = 'x'"],
    },
  ],
  batchAlterTable: [
    {
      title: 'ALTERs in place: PostgreSQL needs no rebuild',
      operation: batchAlterTableOperation({
        tableName: 'foo',
        schema: 's',
        operations: [
          alterColumnOperation({
            tableName: 'foo',
            schema: 's',
            columnName: 'data',
            type: integer(),
            dialectOptions: { postgresql: { using: 'data::integer' } },
          }),
          addColumnOperation({ tableName: 'foo', schema: 's', column: column('y', integer()) }),
        ],
      }),
      expected: [
        'ALTER TABLE s.foo ALTER COLUMN data TYPE INTEGER USING data::integer',
        'ALTER TABLE s.foo ADD COLUMN y INTEGER',
      ],
    },
    {
      title: "recreate: 'always' rebuilds from copyFrom, with a cast",
      operation: batchAlterTableOperation({
        tableName: 'foo',
        schema: 's',
        recreate: 'always',
        copyFrom: foo,
        operations: [
          alterColumnOperation({
            tableName: 'foo',
            schema: 's',
            columnName: 'data',
            type: integer(),
            existingType: string(50),
          }),
        ],
      }),
      expected: [
        'CREATE TABLE s._alembic_tmp_foo (id SERIAL NOT NULL, data INTEGER, x INTEGER, PRIMARY KEY (id))',
        'INSERT INTO s._alembic_tmp_foo (id, data, x) SELECT s.foo.id, CAST(s.foo.data AS INTEGER) AS data, s.foo.x FROM s.foo',
        'DROP TABLE s.foo',
        'ALTER TABLE s._alembic_tmp_foo RENAME TO foo',
      ],
    },
    {
      title: 'a rebuild drops the named constraints it keeps first (their names are index names)',
      operation: batchAlterTableOperation({
        tableName: 'bar',
        recreate: 'always',
        copyFrom: table('bar', [
          column('id', integer(), { primaryKey: true, autoincrement: false }),
          column('code', string(10)),
          primaryKeyConstraint(['id'], { name: 'bar_pkey' }),
          uniqueConstraint(['code'], { name: 'uq_bar_code' }),
        ]),
        operations: [dropColumnOperation({ tableName: 'bar', columnName: 'code' })],
      }),
      expected: [
        'ALTER TABLE bar DROP CONSTRAINT bar_pkey',
        'CREATE TABLE _alembic_tmp_bar (id INTEGER NOT NULL, CONSTRAINT bar_pkey PRIMARY KEY (id))',
        'INSERT INTO _alembic_tmp_bar (id) SELECT bar.id FROM bar',
        'DROP TABLE bar',
        'ALTER TABLE _alembic_tmp_bar RENAME TO bar',
      ],
    },
  ],
};

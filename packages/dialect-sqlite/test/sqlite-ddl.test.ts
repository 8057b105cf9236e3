/**
 * Golden SQL of the SQLite compiler, one entry per operation kind (typed, so a new kind must be
 * stated here), checked against Python Alembic 1.8 with SQLAlchemy 1.4 offline output where
 * Alembic supports the operation on SQLite; no database involved.
 */
import {
  UnsupportedOperationError,
  addColumnOperation,
  alterColumnOperation,
  batchAlterTableOperation,
  bigInteger,
  boolean,
  bulkInsertOperation,
  checkConstraint,
  column,
  createCheckConstraintOperation,
  createForeignKeyOperation,
  createIndexOperation,
  createPrimaryKeyOperation,
  createTableCommentOperation,
  createTableOperation,
  createUniqueConstraintOperation,
  date,
  dateTime,
  dropColumnOperation,
  dropConstraintOperation,
  dropIndexOperation,
  dropTableCommentOperation,
  dropTableOperation,
  enumType,
  executeOperation,
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
import type { Operation, OperationKind } from '@alembic/core/dialect';
import type { GoldenCase, GoldenCases } from '@alembic/testing';
import { SqliteDdlCompiler } from '../src/sqlite-ddl-compiler.js';

/** Golden cases for every operation kind (`@alembic/testing`'s type: a new kind must be stated). */
type GoldenTable = GoldenCases;

const foo = table('foo', [
  column('id', integer(), { primaryKey: true }),
  column('data', string(50)),
  column('x', integer()),
]);

const GOLDEN: GoldenTable = {
  createTable: [
    {
      title: 'every neutral type, as SQLAlchemy names them on SQLite',
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
          column('i2', numeric()),
          column('j', float()),
          column('j2', float(10)),
          column('k', json()),
          column('l', largeBinary()),
          column('m', enumType(['a', 'bb'], { name: 'e1', nativeEnum: false })),
          column('o', string(20, { collation: 'NOCASE' })),
          column('u', uuid()),
        ]),
      }),
      expected: [
        'CREATE TABLE t (id INTEGER NOT NULL, a BIGINT, b SMALLINT, c VARCHAR(50), c2 VARCHAR, d TEXT, e BOOLEAN, f DATE, g DATETIME, g2 DATETIME, h TIME, i NUMERIC(10, 2), i2 NUMERIC, j FLOAT, j2 FLOAT, k JSON, l BLOB, m VARCHAR(2), o VARCHAR(20) COLLATE "NOCASE", u CHAR(32), PRIMARY KEY (id))',
      ],
    },
    {
      title: 'boolean and enum CHECK constraints',
      operation: createTableOperation({
        table: table('t2', [
          column('id', integer(), { primaryKey: true }),
          column('e', boolean({ createConstraint: true, name: 'ck_e' })),
          column('s', enumType(['a', 'b'], { name: 'x', createConstraint: true })),
        ]),
      }),
      expected: [
        "CREATE TABLE t2 (id INTEGER NOT NULL, e BOOLEAN, s VARCHAR(1), PRIMARY KEY (id), CONSTRAINT ck_e CHECK (e IN (0, 1)), CONSTRAINT x CHECK (s IN ('a', 'b')))",
      ],
    },
    {
      title: 'an autoincrement integer key is written inline with AUTOINCREMENT',
      operation: createTableOperation({
        table: table('t5', [
          column('id', integer(), { primaryKey: true, autoincrement: true }),
          column('n', integer()),
        ]),
      }),
      expected: ['CREATE TABLE t5 (id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, n INTEGER)'],
    },
    {
      title: 'a composite primary key',
      operation: createTableOperation({
        table: table('t6', [
          column('a', integer(), { primaryKey: true }),
          column('b', integer(), { primaryKey: true }),
        ]),
      }),
      expected: ['CREATE TABLE t6 (a INTEGER NOT NULL, b INTEGER NOT NULL, PRIMARY KEY (a, b))'],
    },
    {
      title: 'server defaults: SQL expressions in parentheses, values quoted, literals bare',
      operation: createTableOperation({
        table: table('t7', [
          column('id', integer(), { primaryKey: true }),
          column('a', dateTime(), { serverDefault: sql('CURRENT_TIMESTAMP') }),
          column('c', integer(), { serverDefault: '5' }),
          column('d', integer(), { serverDefault: sql('5') }),
          column('e', string(), { serverDefault: "x'y" }),
          column('f', integer(), { serverDefault: sql('(1+2)') }),
          column('g', integer(), { serverDefault: sql('-1') }),
          column('h', string(), { serverDefault: sql("'abc'") }),
          column('i', string(), { serverDefault: sql("datetime('now')") }),
        ]),
      }),
      expected: [
        "CREATE TABLE t7 (id INTEGER NOT NULL, a DATETIME DEFAULT (CURRENT_TIMESTAMP), c INTEGER DEFAULT '5', d INTEGER DEFAULT 5, e VARCHAR DEFAULT 'x''y', f INTEGER DEFAULT (1+2), g INTEGER DEFAULT -1, h VARCHAR DEFAULT 'abc', i VARCHAR DEFAULT (datetime('now')), PRIMARY KEY (id))",
      ],
    },
    {
      title: 'identifiers quoted with SQLite keywords',
      operation: createTableOperation({
        table: table('order', [
          column('id', integer(), { primaryKey: true }),
          column('Select', integer()),
          column('a b', integer()),
          column('abort', integer()),
          column('group', integer()),
          column('x"y', integer()),
        ]),
      }),
      expected: [
        'CREATE TABLE "order" (id INTEGER NOT NULL, "Select" INTEGER, "a b" INTEGER, abort INTEGER, "group" INTEGER, "x""y" INTEGER, PRIMARY KEY (id))',
      ],
    },
    {
      title: 'constraints inside CREATE TABLE, then the indexes',
      operation: createTableOperation({
        table: table('c', [
          column('id', integer(), { primaryKey: true }),
          column('p', integer(), {
            index: true,
            references: { table: 'p', column: 'id', onDelete: 'CASCADE', onUpdate: 'SET NULL' },
          }),
          uniqueConstraint(['p'], { name: 'uq_p' }),
          checkConstraint('p > 0', { name: 'ck_p' }),
        ]),
        ifNotExists: true,
      }),
      expected: [
        'CREATE TABLE IF NOT EXISTS c (id INTEGER NOT NULL, p INTEGER, PRIMARY KEY (id), CONSTRAINT uq_p UNIQUE (p), CONSTRAINT ck_p CHECK (p > 0), FOREIGN KEY(p) REFERENCES p (id) ON DELETE CASCADE ON UPDATE SET NULL)',
        'CREATE INDEX ix_c_p ON c (p)',
      ],
    },
    {
      title: 'no schemas on SQLite',
      operation: createTableOperation({ table: table('t', [column('id', integer())], { schema: 'other' }) }),
      expected: { error: /no schemas/ },
    },
  ],
  dropTable: [
    { title: 'drop table', operation: dropTableOperation({ tableName: 't1' }), expected: ['DROP TABLE t1'] },
    {
      title: 'drop table if exists',
      operation: dropTableOperation({ tableName: 't1', ifExists: true }),
      expected: ['DROP TABLE IF EXISTS t1'],
    },
  ],
  renameTable: [
    {
      title: 'rename table',
      operation: renameTableOperation({ oldTableName: 'a', newTableName: 'b' }),
      expected: ['ALTER TABLE a RENAME TO b'],
    },
  ],
  addColumn: [
    {
      title: 'case 45: a plain column',
      operation: addColumnOperation({ tableName: 't1', column: column('c1', integer()) }),
      expected: ['ALTER TABLE t1 ADD COLUMN c1 INTEGER'],
    },
    {
      title: 'NOT NULL with a default',
      operation: addColumnOperation({
        tableName: 't1',
        column: column('c1', integer(), { nullable: false, serverDefault: '0' }),
      }),
      expected: ["ALTER TABLE t1 ADD COLUMN c1 INTEGER DEFAULT '0' NOT NULL"],
    },
    {
      title: 'a foreign key goes inline (SQLite cannot add it afterwards)',
      operation: addColumnOperation({ tableName: 't1', column: column('c1', integer(), { references: 't2.id' }) }),
      expected: ['ALTER TABLE t1 ADD COLUMN c1 INTEGER REFERENCES t2 (id)'],
    },
    {
      title: 'case 45: a boolean CHECK is skipped (with a warning)',
      operation: addColumnOperation({ tableName: 't1', column: column('c1', boolean({ createConstraint: true })) }),
      expected: ['ALTER TABLE t1 ADD COLUMN c1 BOOLEAN'],
    },
    {
      title: 'index: true adds CREATE INDEX',
      operation: addColumnOperation({ tableName: 't1', column: column('c1', integer(), { index: true }) }),
      expected: ['ALTER TABLE t1 ADD COLUMN c1 INTEGER', 'CREATE INDEX ix_t1_c1 ON t1 (c1)'],
    },
    {
      title: 'unique: true needs a constraint SQLite cannot add',
      operation: addColumnOperation({ tableName: 't1', column: column('c1', integer(), { unique: true }) }),
      expected: {
        error:
          /^SQLite cannot ALTER a table to add a unique constraint; use op\.batchAlterTable\('t1', async \(batchOp\) => \{ \.\.\. \}\)$/,
      },
    },
    {
      title: 'no ADD COLUMN IF NOT EXISTS',
      operation: addColumnOperation({ tableName: 't1', column: column('c1', integer()), ifNotExists: true }),
      expected: { error: /SQLite has no ADD COLUMN IF NOT EXISTS/ },
    },
  ],
  dropColumn: [
    {
      title: 'drop column (SQLite 3.35+)',
      operation: dropColumnOperation({ tableName: 't1', columnName: 'c1' }),
      expected: ['ALTER TABLE t1 DROP COLUMN c1'],
    },
    {
      title: 'no DROP COLUMN IF EXISTS',
      operation: dropColumnOperation({ tableName: 't1', columnName: 'c1', ifExists: true }),
      expected: { error: /SQLite has no DROP COLUMN IF EXISTS/ },
    },
  ],
  alterColumn: [
    {
      title: 'case 45: rename column',
      operation: alterColumnOperation({ tableName: 't1', columnName: 'old', newColumnName: 'new' }),
      expected: ['ALTER TABLE t1 RENAME COLUMN old TO new'],
    },
    {
      title: 'type change needs batch mode',
      operation: alterColumnOperation({ tableName: 'account', columnName: 'name', type: string(100) }),
      expected: {
        error:
          /^SQLite cannot ALTER a column's type; use op\.batchAlterTable\('account', async \(batchOp\) => \{ \.\.\. \}\)$/,
      },
    },
    {
      title: 'nullability change needs batch mode',
      operation: alterColumnOperation({ tableName: 'account', columnName: 'name', nullable: false }),
      expected: { error: /^SQLite cannot ALTER a column's nullability; use op\.batchAlterTable\('account'/ },
    },
    {
      title: 'default change needs batch mode',
      operation: alterColumnOperation({ tableName: 'account', columnName: 'name', serverDefault: 'x' }),
      expected: { error: /^SQLite cannot ALTER a column's default; use op\.batchAlterTable\('account'/ },
    },
  ],
  createIndex: [
    {
      title: 'index',
      operation: createIndexOperation({ indexName: 'ix_a', tableName: 't1', columns: ['a', 'b'] }),
      expected: ['CREATE INDEX ix_a ON t1 (a, b)'],
    },
    {
      title: 'unique index',
      operation: createIndexOperation({ indexName: 'ix_a', tableName: 't1', columns: ['a'], unique: true }),
      expected: ['CREATE UNIQUE INDEX ix_a ON t1 (a)'],
    },
    {
      title: 'partial index',
      operation: createIndexOperation({ indexName: 'ix_a', tableName: 't1', columns: ['a'], where: 'a > 0' }),
      expected: ['CREATE INDEX ix_a ON t1 (a) WHERE a > 0'],
    },
    {
      title: 'IF NOT EXISTS and an expression',
      operation: createIndexOperation({
        indexName: 'ix_a',
        tableName: 't1',
        columns: [sql('lower(a)')],
        ifNotExists: true,
      }),
      expected: ['CREATE INDEX IF NOT EXISTS ix_a ON t1 (lower(a))'],
    },
  ],
  dropIndex: [
    {
      title: 'drop index',
      operation: dropIndexOperation({ indexName: 'ix_a', tableName: 't1' }),
      expected: ['DROP INDEX ix_a'],
    },
    {
      title: 'drop index if exists',
      operation: dropIndexOperation({ indexName: 'ix_a', ifExists: true }),
      expected: ['DROP INDEX IF EXISTS ix_a'],
    },
  ],
  createUniqueConstraint: [
    {
      title: 'case 45: needs batch mode',
      operation: createUniqueConstraintOperation({ constraintName: 'uq', tableName: 't1', columns: ['a'] }),
      expected: { error: /^SQLite cannot ALTER a table to add a unique constraint; use op\.batchAlterTable\('t1'/ },
    },
  ],
  createForeignKey: [
    {
      title: 'needs batch mode',
      operation: createForeignKeyOperation({
        constraintName: 'fk',
        sourceTable: 't1',
        referentTable: 't2',
        localColumns: ['a'],
        remoteColumns: ['id'],
      }),
      expected: { error: /^SQLite cannot ALTER a table to add a foreign key; use op\.batchAlterTable\('t1'/ },
    },
  ],
  createCheckConstraint: [
    {
      title: 'needs batch mode',
      operation: createCheckConstraintOperation({ constraintName: 'ck', tableName: 't1', condition: 'a > 1' }),
      expected: { error: /^SQLite cannot ALTER a table to add a check constraint; use op\.batchAlterTable\('t1'/ },
    },
  ],
  createPrimaryKey: [
    {
      title: 'needs batch mode',
      operation: createPrimaryKeyOperation({ constraintName: 'pk', tableName: 't1', columns: ['a'] }),
      expected: { error: /^SQLite cannot ALTER a table to add a primary key; use op\.batchAlterTable\('t1'/ },
    },
  ],
  dropConstraint: [
    {
      title: 'case 45: needs batch mode',
      operation: dropConstraintOperation({ constraintName: 'uq', tableName: 't1' }),
      expected: { error: /^SQLite cannot ALTER a table to drop a constraint; use op\.batchAlterTable\('t1'/ },
    },
  ],
  createTableComment: [
    {
      title: 'no comments',
      operation: createTableCommentOperation({ tableName: 't1', comment: 'hello' }),
      expected: { error: /no table or column comments/ },
    },
  ],
  dropTableComment: [
    {
      title: 'no comments',
      operation: dropTableCommentOperation({ tableName: 't1' }),
      expected: { error: /no table or column comments/ },
    },
  ],
  bulkInsert: [
    {
      title: 'values inline, dates in SQLite storage format',
      operation: bulkInsertOperation({
        table: {
          name: 't',
          columns: [
            { name: 'a', type: boolean() },
            { name: 'b', type: string() },
            { name: 'c', type: date() },
            { name: 'd', type: dateTime() },
          ],
        },
        rows: [
          { a: true, b: "O'Brien", c: new Date(Date.UTC(2024, 0, 31)), d: new Date(Date.UTC(2024, 0, 31, 13, 45, 0)) },
        ],
      }),
      expected: ["INSERT INTO t (a, b, c, d) VALUES (1, 'O''Brien', '2024-01-31', '2024-01-31 13:45:00.000000')"],
    },
  ],
  execute: [
    {
      title: 'parameters inline',
      operation: executeOperation({ sql: 'UPDATE t SET a = :a WHERE b = :b', parameters: { a: false, b: 'x' } }),
      expected: ["UPDATE t SET a = 0 WHERE b = 'x'"],
    },
  ],
  batchAlterTable: [
    {
      title: 'case 46: a type change rebuilds the table (move and copy)',
      operation: batchAlterTableOperation({
        tableName: 'foo',
        copyFrom: foo,
        operations: [
          alterColumnOperation({ tableName: 'foo', columnName: 'data', type: integer(), existingType: string(50) }),
        ],
      }),
      expected: [
        'CREATE TABLE _alembic_tmp_foo (id INTEGER NOT NULL, data INTEGER, x INTEGER, PRIMARY KEY (id))',
        'INSERT INTO _alembic_tmp_foo (id, data, x) SELECT foo.id, CAST(foo.data AS INTEGER) AS data, foo.x FROM foo',
        'DROP TABLE foo',
        'ALTER TABLE _alembic_tmp_foo RENAME TO foo',
      ],
    },
    {
      title: 'case 46: an index alone needs no rebuild',
      operation: batchAlterTableOperation({
        tableName: 'foo',
        operations: [createIndexOperation({ indexName: 'ix_data', tableName: 'foo', columns: ['data'], unique: true })],
      }),
      expected: ['CREATE UNIQUE INDEX ix_data ON foo (data)'],
    },
    {
      title: "case 46: recreate 'always' rebuilds, then creates the index",
      operation: batchAlterTableOperation({
        tableName: 'foo',
        recreate: 'always',
        copyFrom: foo,
        operations: [createIndexOperation({ indexName: 'ix_data', tableName: 'foo', columns: ['data'], unique: true })],
      }),
      expected: [
        'CREATE TABLE _alembic_tmp_foo (id INTEGER NOT NULL, data VARCHAR(50), x INTEGER, PRIMARY KEY (id))',
        'INSERT INTO _alembic_tmp_foo (id, data, x) SELECT foo.id, foo.data, foo.x FROM foo',
        'DROP TABLE foo',
        'ALTER TABLE _alembic_tmp_foo RENAME TO foo',
        'CREATE UNIQUE INDEX ix_data ON foo (data)',
      ],
    },
    {
      title: 'a rebuild keeps AUTOINCREMENT',
      operation: batchAlterTableOperation({
        tableName: 'counter',
        copyFrom: table('counter', [
          column('id', integer(), { primaryKey: true, autoincrement: true }),
          column('n', string(10)),
        ]),
        operations: [alterColumnOperation({ tableName: 'counter', columnName: 'n', nullable: false })],
      }),
      expected: [
        'CREATE TABLE _alembic_tmp_counter (id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, n VARCHAR(10) NOT NULL)',
        'INSERT INTO _alembic_tmp_counter (id, n) SELECT counter.id, counter.n FROM counter',
        'DROP TABLE counter',
        'ALTER TABLE _alembic_tmp_counter RENAME TO counter',
      ],
    },
  ],
};

describe('SqliteDdlCompiler golden SQL', () => {
  const kinds = Object.keys(GOLDEN) as OperationKind[];
  const cases = kinds.flatMap((kind) =>
    (GOLDEN[kind] as readonly GoldenCase<OperationKind>[]).map((entry) => [kind, entry.title, entry] as const),
  );

  it.each(cases)('%s: %s', (_kind, _title, entry) => {
    const compiler = new SqliteDdlCompiler();
    const operation = entry.operation as Operation;
    if ('error' in entry.expected) {
      const expectation = entry.expected;
      expect(() => compiler.compile(operation)).toThrow(expectation.error);
    } else {
      expect(compiler.compile(operation)).toEqual(entry.expected);
    }
  });

  it('refuses with an UnsupportedOperationError carrying the operation kind', () => {
    const compiler = new SqliteDdlCompiler();
    let caught: unknown;
    try {
      compiler.compile(alterColumnOperation({ tableName: 'account', columnName: 'name', type: string(100) }));
    } catch (error) {
      caught = error;
    }
    expect(UnsupportedOperationError.isInstance(caught)).toBe(true);
    expect(caught).toMatchObject({
      code: 'ALEMBIC_UNSUPPORTED_OPERATION',
      dialectName: 'sqlite',
      operationKind: 'alterColumn',
    });
  });

  it('warns when it skips the CHECK of an added boolean column (case 45)', () => {
    const warnings: string[] = [];
    const compiler = new SqliteDdlCompiler({ warn: (message) => warnings.push(message) });
    compiler.compile(
      addColumnOperation({ tableName: 't1', column: column('c1', boolean({ createConstraint: true })) }),
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/CHECK constraint of column 'c1'/);
  });

  it("binds an execute's parameters with ? placeholders online", () => {
    const compiler = new SqliteDdlCompiler();
    expect(
      compiler.compileParameterized(
        executeOperation({ sql: 'UPDATE t SET a = :a WHERE b = :b', parameters: { a: 1, b: 'x' } }),
      ),
    ).toEqual({
      sql: 'UPDATE t SET a = ? WHERE b = ?',
      parameters: [1, 'x'],
    });
  });

  it('writes literals as SQLite stores them', () => {
    const compiler = new SqliteDdlCompiler();
    const moment = new Date(Date.UTC(2024, 0, 31, 13, 45, 7, 250));
    expect(compiler.renderLiteral(true)).toBe('1');
    expect(compiler.renderLiteral(moment)).toBe("'2024-01-31 13:45:07.250000'");
    expect(compiler.renderLiteral(moment, time())).toBe("'13:45:07.250000'");
    expect(compiler.renderLiteral(Buffer.from([0x0a, 0xff]))).toBe("X'0aff'");
  });
});

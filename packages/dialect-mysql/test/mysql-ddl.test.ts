/**
 * Golden SQL of the MySQL compiler, one entry per operation kind and one expectation per
 * flavour (typed: a new operation kind or a new flavour must be stated here), checked against
 * Python Alembic 1.8 with SQLAlchemy 1.4 offline output (`mysql://` and `mariadb://`) where
 * Alembic has the operation; no database involved.
 */
import {
  InvalidOperationError,
  OPERATION_KINDS,
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
  foreignKeyConstraint,
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
import type { GoldenCase, GoldenCases, GoldenExpectation } from '@alembic/testing';
import { MysqlDdlCompiler } from '../src/mysql-ddl-compiler.js';
import type { MysqlFlavour } from '../src/mysql-flavour.js';

/** Statements expected, or the error expected instead. */
type Expectation = GoldenExpectation;

/** One expectation per flavour. */
type FlavourExpectations = Readonly<Record<MysqlFlavour, Expectation>>;

/** Golden cases for every operation kind (`@alembic/testing`'s type: a new kind must be stated). */
type GoldenTable = GoldenCases<FlavourExpectations>;

/** The same expectation on MySQL and MariaDB. */
function both(expectation: Expectation): FlavourExpectations {
  return { mysql: expectation, mariadb: expectation };
}

const EXISTING_TYPE_ERROR =
  /^MySQL ALTER COLUMN needs the column's existing type: pass existingType \(and existingNullable, existingServerDefault\) to alterColumn\('t', 'c'\)$/;

const GOLDEN: GoldenTable = {
  createTable: [
    {
      title: 'every neutral type, as SQLAlchemy names them on MySQL',
      operation: createTableOperation({
        table: table(
          't',
          [
            column('id', integer(), { primaryKey: true }),
            column('a', bigInteger()),
            column('b', smallInteger()),
            column('c', string(50)),
            column('d', text()),
            column('e', boolean()),
            column('f', date()),
            column('g', dateTime()),
            column('g2', dateTime({ timezone: true })),
            column('h', time()),
            column('i', numeric(10, 2)),
            column('j', float()),
            column('j2', float(10)),
            column('k', json()),
            column('l', largeBinary()),
            column('l2', largeBinary(100)),
            column('m', enumType(['a', 'b'], { name: 'myenum' })),
            column('n', uuid()),
            column('p', numeric()),
            column('q', string(20, { collation: 'utf8mb4_bin' })),
            column('r', text({ collation: 'utf8mb4_bin' })),
          ],
          { comment: "t's comment" },
        ),
      }),
      expected: {
        mysql: [
          "CREATE TABLE t (id INTEGER NOT NULL AUTO_INCREMENT, a BIGINT, b SMALLINT, c VARCHAR(50), d TEXT, e BOOL, f DATE, g DATETIME, g2 DATETIME, h TIME, i NUMERIC(10, 2), j FLOAT, j2 FLOAT(10), k JSON, l BLOB, l2 VARBINARY(100), m ENUM('a','b'), n CHAR(36), p NUMERIC, q VARCHAR(20) COLLATE utf8mb4_bin, r TEXT COLLATE utf8mb4_bin, PRIMARY KEY (id)) COMMENT='t''s comment'",
        ],
        mariadb: [
          "CREATE TABLE t (id INTEGER NOT NULL AUTO_INCREMENT, a BIGINT, b SMALLINT, c VARCHAR(50), d TEXT, e BOOL, f DATE, g DATETIME, g2 DATETIME, h TIME, i NUMERIC(10, 2), j FLOAT, j2 FLOAT(10), k JSON, l BLOB, l2 VARBINARY(100), m ENUM('a','b'), n UUID, p NUMERIC, q VARCHAR(20) COLLATE utf8mb4_bin, r TEXT COLLATE utf8mb4_bin, PRIMARY KEY (id)) COMMENT='t''s comment'",
        ],
      },
    },
    {
      title: 'boolean and non-native enum CHECK constraints',
      operation: createTableOperation({
        table: table('t', [
          column('e2', boolean({ createConstraint: true, name: 'ck_e2' })),
          column('m2', enumType(['a', 'b'], { name: 'myenum2', nativeEnum: false, createConstraint: true })),
        ]),
      }),
      expected: both([
        "CREATE TABLE t (e2 BOOL, m2 VARCHAR(1), CONSTRAINT ck_e2 CHECK (e2 IN (0, 1)), CONSTRAINT myenum2 CHECK (m2 IN ('a', 'b')))",
      ]),
    },
    {
      title: 'a BIGINT key is AUTO_INCREMENT; an SQL default is bare',
      operation: createTableOperation({
        table: table('t', [
          column('id', bigInteger(), { primaryKey: true }),
          column('x', integer(), { serverDefault: sql('3') }),
        ]),
      }),
      expected: both(['CREATE TABLE t (id BIGINT NOT NULL AUTO_INCREMENT, x INTEGER DEFAULT 3, PRIMARY KEY (id))']),
    },
    {
      title: 'a composite key has no AUTO_INCREMENT',
      operation: createTableOperation({
        table: table('t', [column('a', integer(), { primaryKey: true }), column('b', integer(), { primaryKey: true })]),
      }),
      expected: both(['CREATE TABLE t (a INTEGER NOT NULL, b INTEGER NOT NULL, PRIMARY KEY (a, b))']),
    },
    {
      title: 'column comment inline before the default, constraints, foreign key with actions',
      operation: createTableOperation({
        table: table('t2', [
          column('id', integer(), { primaryKey: true }),
          column('t_id', integer(), { nullable: false, references: { table: 't', column: 'id', onDelete: 'CASCADE' } }),
          column('c', string(10), { comment: "it's", serverDefault: 'x' }),
          uniqueConstraint(['c'], { name: 'uq_c' }),
          checkConstraint('id > 0', { name: 'ck_id' }),
        ]),
      }),
      expected: both([
        "CREATE TABLE t2 (id INTEGER NOT NULL AUTO_INCREMENT, t_id INTEGER NOT NULL, c VARCHAR(10) COMMENT 'it''s' DEFAULT 'x', PRIMARY KEY (id), CONSTRAINT uq_c UNIQUE (c), CONSTRAINT ck_id CHECK (id > 0), FOREIGN KEY(t_id) REFERENCES t (id) ON DELETE CASCADE)",
      ]),
    },
    {
      title: 'backticks for reserved words, mixed case and backticks in names',
      operation: createTableOperation({
        table: table('order', [
          column('select', integer()),
          column('MixedCase', integer()),
          column('back`tick', integer()),
        ]),
      }),
      expected: both(['CREATE TABLE `order` (`select` INTEGER, `MixedCase` INTEGER, `back``tick` INTEGER)']),
    },
    {
      title: 'indexes after the table, IF NOT EXISTS on the table',
      operation: createTableOperation({
        ifNotExists: true,
        table: table('child', [
          column('id', integer(), { primaryKey: true }),
          column('p', integer(), { index: true }),
          foreignKeyConstraint(['p'], 'parent', ['id'], { name: 'fk_p', onUpdate: 'CASCADE' }),
        ]),
      }),
      expected: both([
        'CREATE TABLE IF NOT EXISTS child (id INTEGER NOT NULL AUTO_INCREMENT, p INTEGER, PRIMARY KEY (id), CONSTRAINT fk_p FOREIGN KEY(p) REFERENCES parent (id) ON UPDATE CASCADE)',
        'CREATE INDEX ix_child_p ON child (p)',
      ]),
    },
    {
      title: 'VARCHAR needs a length',
      operation: createTableOperation({ table: table('t', [column('c', string())]) }),
      expected: {
        mysql: { error: /^MySQL needs a length for VARCHAR/ },
        mariadb: { error: /^MariaDB needs a length for VARCHAR/ },
      },
    },
    {
      title: 'no deferrable constraints',
      operation: createTableOperation({
        table: table('t', [column('c', integer()), uniqueConstraint(['c'], { deferrable: true })]),
      }),
      expected: both({ error: /no deferrable constraints/ }),
    },
  ],
  dropTable: [
    { title: 'drop table', operation: dropTableOperation({ tableName: 't1' }), expected: both(['DROP TABLE t1']) },
    {
      title: 'if exists, in a schema',
      operation: dropTableOperation({ tableName: 't1', schema: 's', ifExists: true }),
      expected: both(['DROP TABLE IF EXISTS s.t1']),
    },
  ],
  renameTable: [
    {
      title: 'rename',
      operation: renameTableOperation({ oldTableName: 't1', newTableName: 't2' }),
      expected: both(['ALTER TABLE t1 RENAME TO t2']),
    },
    {
      title: 'the target keeps its schema (else MySQL moves the table to the current database)',
      operation: renameTableOperation({ oldTableName: 't1', newTableName: 't2', schema: 's' }),
      expected: both(['ALTER TABLE s.t1 RENAME TO s.t2']),
    },
  ],
  addColumn: [
    {
      title: 'NOT NULL, inline comment, then the default',
      operation: addColumnOperation({
        tableName: 't1',
        column: column('c1', integer(), { nullable: false, serverDefault: '12', comment: 'hello' }),
      }),
      expected: both(["ALTER TABLE t1 ADD COLUMN c1 INTEGER NOT NULL COMMENT 'hello' DEFAULT '12'"]),
    },
    {
      title: 'a boolean with its CHECK',
      operation: addColumnOperation({
        tableName: 't1',
        column: column('c1', boolean({ createConstraint: true, name: 'ck_b' })),
      }),
      expected: both(['ALTER TABLE t1 ADD COLUMN c1 BOOL', 'ALTER TABLE t1 ADD CONSTRAINT ck_b CHECK (c1 IN (0, 1))']),
    },
    {
      title: 'a foreign key as a second ALTER',
      operation: addColumnOperation({ tableName: 't1', column: column('c1', integer(), { references: 't2.id' }) }),
      expected: both(['ALTER TABLE t1 ADD COLUMN c1 INTEGER', 'ALTER TABLE t1 ADD FOREIGN KEY(c1) REFERENCES t2 (id)']),
    },
    {
      title: 'unique and index flags',
      operation: addColumnOperation({
        tableName: 't1',
        schema: 's',
        column: column('c1', integer(), { unique: true }),
      }),
      expected: both(['ALTER TABLE s.t1 ADD COLUMN c1 INTEGER', 'ALTER TABLE s.t1 ADD UNIQUE (c1)']),
    },
    {
      title: 'autoincrement: true writes AUTO_INCREMENT',
      operation: addColumnOperation({
        tableName: 't1',
        column: column('n', integer(), { nullable: false, autoincrement: true, unique: true }),
      }),
      expected: both(['ALTER TABLE t1 ADD COLUMN n INTEGER NOT NULL AUTO_INCREMENT', 'ALTER TABLE t1 ADD UNIQUE (n)']),
    },
    {
      title: 'IF NOT EXISTS is MariaDB only',
      operation: addColumnOperation({ tableName: 't1', column: column('c1', integer()), ifNotExists: true }),
      expected: {
        mysql: { error: /^MySQL has no IF NOT EXISTS for addColumn/ },
        mariadb: ['ALTER TABLE t1 ADD COLUMN IF NOT EXISTS c1 INTEGER'],
      },
    },
  ],
  dropColumn: [
    {
      title: 'drop column',
      operation: dropColumnOperation({ tableName: 't1', columnName: 'c1' }),
      expected: both(['ALTER TABLE t1 DROP COLUMN c1']),
    },
    {
      title: 'IF EXISTS is MariaDB only',
      operation: dropColumnOperation({ tableName: 't1', columnName: 'c1', ifExists: true }),
      expected: {
        mysql: { error: /^MySQL has no IF EXISTS for dropColumn/ },
        mariadb: ['ALTER TABLE t1 DROP COLUMN IF EXISTS c1'],
      },
    },
  ],
  alterColumn: [
    {
      title: 'case 42: rename with the existing type is CHANGE, nullable defaults to NULL',
      operation: alterColumnOperation({
        tableName: 't1',
        columnName: 'c1',
        newColumnName: 'c2',
        existingType: integer(),
      }),
      expected: both(['ALTER TABLE t1 CHANGE c1 c2 INTEGER NULL']),
    },
    {
      title: 'case 42: nullability, default and type together are one MODIFY',
      operation: alterColumnOperation({
        tableName: 't1',
        columnName: 'c1',
        nullable: false,
        serverDefault: 'q',
        type: integer(),
      }),
      expected: both(["ALTER TABLE t1 MODIFY c1 INTEGER NOT NULL DEFAULT 'q'"]),
    },
    {
      title: 'case 42: a default alone is ALTER COLUMN SET DEFAULT',
      operation: alterColumnOperation({ tableName: 't', columnName: 'c', serverDefault: '1' }),
      expected: both(["ALTER TABLE t ALTER COLUMN c SET DEFAULT '1'"]),
    },
    {
      title: 'dropping the default',
      operation: alterColumnOperation({ tableName: 't', columnName: 'c', serverDefault: null }),
      expected: both(['ALTER TABLE t ALTER COLUMN c DROP DEFAULT']),
    },
    {
      title: 'case 42: nullability without a type needs the existing type',
      operation: alterColumnOperation({ tableName: 't', columnName: 'c', nullable: true }),
      expected: both({ error: EXISTING_TYPE_ERROR }),
    },
    {
      title: 'a rename without a type needs the existing type',
      operation: alterColumnOperation({ tableName: 't', columnName: 'c', newColumnName: 'd' }),
      expected: both({ error: EXISTING_TYPE_ERROR }),
    },
    {
      title: 'MODIFY restates the existing default and comment',
      operation: alterColumnOperation({
        tableName: 't',
        columnName: 'c',
        nullable: true,
        existingType: string(20),
        existingServerDefault: 'x',
        existingComment: 'cm',
      }),
      expected: both(["ALTER TABLE t MODIFY c VARCHAR(20) NULL DEFAULT 'x' COMMENT 'cm'"]),
    },
    {
      title: 'a type change keeps the existing nullability',
      operation: alterColumnOperation({ tableName: 't', columnName: 'c', type: string(100), existingNullable: false }),
      expected: both(['ALTER TABLE t MODIFY c VARCHAR(100) NOT NULL']),
    },
    {
      title: 'a new comment is a MODIFY',
      operation: alterColumnOperation({
        tableName: 't',
        columnName: 'c',
        comment: 'new',
        existingType: integer(),
        existingNullable: false,
      }),
      expected: both(["ALTER TABLE t MODIFY c INTEGER NOT NULL COMMENT 'new'"]),
    },
    {
      title: 'removing the comment restates the column without one',
      operation: alterColumnOperation({
        tableName: 't',
        columnName: 'c',
        comment: null,
        existingType: integer(),
        existingComment: 'old',
      }),
      expected: both(['ALTER TABLE t MODIFY c INTEGER NULL']),
    },
    {
      title: 'autoincrement',
      operation: alterColumnOperation({
        tableName: 't',
        columnName: 'c',
        autoincrement: true,
        existingType: integer(),
        existingNullable: false,
      }),
      expected: both(['ALTER TABLE t MODIFY c INTEGER NOT NULL AUTO_INCREMENT']),
    },
    {
      title: 'everything at once, with a rename: one CHANGE',
      operation: alterColumnOperation({
        tableName: 't',
        columnName: 'c',
        newColumnName: 'c2',
        nullable: true,
        type: integer(),
        serverDefault: '5',
        comment: 'x',
      }),
      expected: both(["ALTER TABLE t CHANGE c c2 INTEGER NULL DEFAULT '5' COMMENT 'x'"]),
    },
    {
      title: 'a default on a DATETIME column is a CHANGE (function defaults)',
      operation: alterColumnOperation({
        tableName: 't',
        columnName: 'c',
        serverDefault: sql('CURRENT_TIMESTAMP'),
        existingType: dateTime(),
        existingNullable: false,
      }),
      expected: both(['ALTER TABLE t CHANGE c c DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP']),
    },
    {
      title: 'a new boolean type adds its CHECK; the old type needs none dropped',
      operation: alterColumnOperation({
        tableName: 't',
        columnName: 'c',
        type: boolean({ createConstraint: true, name: 'ck_c' }),
        existingType: integer(),
      }),
      expected: both(['ALTER TABLE t MODIFY c BOOL NULL', 'ALTER TABLE t ADD CONSTRAINT ck_c CHECK (c IN (0, 1))']),
    },
    {
      title: 'a native enum',
      operation: alterColumnOperation({
        tableName: 't',
        columnName: 'c',
        type: enumType(['x', 'y']),
        existingType: string(10),
      }),
      expected: both(["ALTER TABLE t MODIFY c ENUM('x','y') NULL"]),
    },
    {
      title: 'a UUID column',
      operation: alterColumnOperation({ tableName: 't', columnName: 'c', type: uuid(), existingNullable: false }),
      expected: {
        mysql: ['ALTER TABLE t MODIFY c CHAR(36) NOT NULL'],
        mariadb: ['ALTER TABLE t MODIFY c UUID NOT NULL'],
      },
    },
    {
      title: 'nothing to change',
      operation: alterColumnOperation({ tableName: 't', columnName: 'c' }),
      expected: both([]),
    },
  ],
  createIndex: [
    {
      title: 'unique index over two columns',
      operation: createIndexOperation({ indexName: 'ik_test', tableName: 't1', columns: ['foo', 'bar'], unique: true }),
      expected: both(['CREATE UNIQUE INDEX ik_test ON t1 (foo, bar)']),
    },
    {
      title: 'in a schema, with an expression',
      operation: createIndexOperation({
        indexName: 'ix_lower',
        tableName: 't1',
        schema: 's',
        columns: [sql('(lower(name))')],
      }),
      expected: both(['CREATE INDEX ix_lower ON s.t1 ((lower(name)))']),
    },
    {
      title: 'FULLTEXT prefix, key lengths and USING',
      operation: createIndexOperation({
        indexName: 'ix_t',
        tableName: 't1',
        columns: ['title', 'body'],
        dialectOptions: { mysql: { length: { title: 10 }, using: 'btree' } },
      }),
      expected: both(['CREATE INDEX ix_t ON t1 (title(10), body) USING BTREE']),
    },
    {
      title: 'a FULLTEXT index',
      operation: createIndexOperation({
        indexName: 'ix_ft',
        tableName: 't1',
        columns: ['body'],
        dialectOptions: { mysql: { prefix: 'FULLTEXT' } },
      }),
      expected: both(['CREATE FULLTEXT INDEX ix_ft ON t1 (body)']),
    },
    {
      title: 'no partial indexes',
      operation: createIndexOperation({ indexName: 'ix_p', tableName: 't1', columns: ['a'], where: 'a > 1' }),
      expected: both({ error: /no partial indexes/ }),
    },
    {
      title: 'IF NOT EXISTS is MariaDB only',
      operation: createIndexOperation({ indexName: 'ix_a', tableName: 't1', columns: ['a'], ifNotExists: true }),
      expected: {
        mysql: { error: /^MySQL has no IF NOT EXISTS for createIndex/ },
        mariadb: ['CREATE INDEX IF NOT EXISTS ix_a ON t1 (a)'],
      },
    },
  ],
  dropIndex: [
    {
      title: 'case 42: DROP INDEX ... ON',
      operation: dropIndexOperation({ indexName: 'ik_test', tableName: 't1' }),
      expected: both(['DROP INDEX ik_test ON t1']),
    },
    {
      title: 'in a schema',
      operation: dropIndexOperation({ indexName: 'ik', tableName: 't1', schema: 's' }),
      expected: both(['DROP INDEX ik ON s.t1']),
    },
    {
      title: 'needs the table',
      operation: dropIndexOperation({ indexName: 'ik' }),
      expected: both({ error: /DROP INDEX needs the table/ }),
    },
    {
      title: 'IF EXISTS is MariaDB only',
      operation: dropIndexOperation({ indexName: 'ik', tableName: 't1', ifExists: true }),
      expected: {
        mysql: { error: /^MySQL has no IF EXISTS for dropIndex/ },
        mariadb: ['DROP INDEX IF EXISTS ik ON t1'],
      },
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
      expected: both(['ALTER TABLE t1 ADD CONSTRAINT uk_test UNIQUE (foo, bar)']),
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
        onUpdate: 'SET NULL',
      }),
      expected: both([
        'ALTER TABLE t1 ADD CONSTRAINT fk_test FOREIGN KEY(foo, bar) REFERENCES t2 (bat, hoho) ON DELETE CASCADE ON UPDATE SET NULL',
      ]),
    },
  ],
  createCheckConstraint: [
    {
      title: 'check',
      operation: createCheckConstraintOperation({ constraintName: 'ck1', tableName: 't1', condition: 'a > 1' }),
      expected: both(['ALTER TABLE t1 ADD CONSTRAINT ck1 CHECK (a > 1)']),
    },
  ],
  createPrimaryKey: [
    {
      title: 'primary key',
      operation: createPrimaryKeyOperation({ constraintName: 'pk1', tableName: 't1', columns: ['a', 'b'] }),
      expected: both(['ALTER TABLE t1 ADD CONSTRAINT pk1 PRIMARY KEY (a, b)']),
    },
  ],
  dropConstraint: [
    {
      title: 'case 42: foreign key',
      operation: dropConstraintOperation({ constraintName: 'f1', tableName: 't1', type: 'foreignkey' }),
      expected: both(['ALTER TABLE t1 DROP FOREIGN KEY f1']),
    },
    {
      title: 'case 42: unique',
      operation: dropConstraintOperation({ constraintName: 'f1', tableName: 't1', type: 'unique' }),
      expected: both(['ALTER TABLE t1 DROP INDEX f1']),
    },
    {
      title: 'case 42: primary key',
      operation: dropConstraintOperation({ constraintName: 'f1', tableName: 't1', type: 'primary' }),
      expected: both(['ALTER TABLE t1 DROP PRIMARY KEY']),
    },
    {
      title: 'case 42: check',
      operation: dropConstraintOperation({ constraintName: 'f1', tableName: 't1', type: 'check' }),
      expected: { mysql: ['ALTER TABLE t1 DROP CHECK f1'], mariadb: ['ALTER TABLE t1 DROP CONSTRAINT f1'] },
    },
    {
      title: 'case 42: no type',
      operation: dropConstraintOperation({ constraintName: 'f1', tableName: 't1' }),
      expected: both({ error: /^No generic 'DROP CONSTRAINT' in MySQL - please specify constraint type$/ }),
    },
    {
      title: 'the type comes from the existing constraint; in a schema',
      operation: dropConstraintOperation({
        tableName: 't1',
        schema: 's',
        existingConstraint: uniqueConstraint(['a'], { name: 'uq_a' }),
      }),
      expected: both(['ALTER TABLE s.t1 DROP INDEX uq_a']),
    },
    {
      title: 'IF EXISTS is MariaDB only',
      operation: dropConstraintOperation({ constraintName: 'f1', tableName: 't1', type: 'foreignkey', ifExists: true }),
      expected: {
        mysql: { error: /^MySQL has no IF EXISTS for dropConstraint/ },
        mariadb: ['ALTER TABLE t1 DROP FOREIGN KEY IF EXISTS f1'],
      },
    },
  ],
  createTableComment: [
    {
      title: 'ALTER TABLE ... COMMENT',
      operation: createTableCommentOperation({ tableName: 't1', comment: "it's" }),
      expected: both(["ALTER TABLE t1 COMMENT 'it''s'"]),
    },
  ],
  dropTableComment: [
    {
      title: 'an empty comment',
      operation: dropTableCommentOperation({ tableName: 't1' }),
      expected: both(["ALTER TABLE t1 COMMENT ''"]),
    },
  ],
  bulkInsert: [
    {
      title: 'values inline; backslashes doubled',
      operation: bulkInsertOperation({
        table: {
          name: 't',
          columns: [
            { name: 'a', type: boolean() },
            { name: 'b', type: string() },
            { name: 'c', type: date() },
            { name: 'd', type: dateTime({ timezone: true }) },
          ],
        },
        rows: [
          {
            a: true,
            b: "O'Brien\\x",
            c: new Date(Date.UTC(2024, 0, 31)),
            d: new Date(Date.UTC(2024, 0, 31, 13, 45, 0)),
          },
        ],
      }),
      expected: both([
        "INSERT INTO t (a, b, c, d) VALUES (1, 'O''Brien\\\\x', '2024-01-31', '2024-01-31 13:45:00.000')",
      ]),
    },
  ],
  execute: [
    {
      title: 'parameters inline',
      operation: executeOperation({ sql: 'UPDATE t SET a = :a WHERE b = :b', parameters: { a: false, b: 'x' } }),
      expected: both(["UPDATE t SET a = 0 WHERE b = 'x'"]),
    },
  ],
  batchAlterTable: [
    {
      title: 'no rebuild: the operations one by one',
      operation: batchAlterTableOperation({
        tableName: 'foo',
        operations: [
          alterColumnOperation({ tableName: 'foo', columnName: 'data', type: integer(), existingType: string(50) }),
          dropConstraintOperation({ constraintName: 'ck', tableName: 'foo', type: 'check' }),
        ],
      }),
      expected: {
        mysql: ['ALTER TABLE foo MODIFY data INTEGER NULL', 'ALTER TABLE foo DROP CHECK ck'],
        mariadb: ['ALTER TABLE foo MODIFY data INTEGER NULL', 'ALTER TABLE foo DROP CONSTRAINT ck'],
      },
    },
    {
      title: "recreate 'always' rebuilds with AUTO_INCREMENT kept",
      operation: batchAlterTableOperation({
        tableName: 'foo',
        recreate: 'always',
        copyFrom: table('foo', [column('id', integer(), { primaryKey: true }), column('data', string(50))]),
        operations: [createIndexOperation({ indexName: 'ix_data', tableName: 'foo', columns: ['data'], unique: true })],
      }),
      expected: both([
        'CREATE TABLE _alembic_tmp_foo (id INTEGER NOT NULL AUTO_INCREMENT, data VARCHAR(50), PRIMARY KEY (id))',
        'INSERT INTO _alembic_tmp_foo (id, data) SELECT foo.id, foo.data FROM foo',
        'DROP TABLE foo',
        'ALTER TABLE _alembic_tmp_foo RENAME TO foo',
        'CREATE UNIQUE INDEX ix_data ON foo (data)',
      ]),
    },
    {
      title: 'a rebuild drops the named foreign keys and checks it keeps first (their names are unique per database)',
      operation: batchAlterTableOperation({
        tableName: 'foo',
        recreate: 'always',
        copyFrom: table('foo', [
          column('id', integer(), { primaryKey: true }),
          column('bar_id', integer()),
          foreignKeyConstraint(['bar_id'], 'bar', ['id'], { name: 'fk_foo_bar' }),
          checkConstraint('bar_id > 0', { name: 'ck_foo_bar' }),
          uniqueConstraint(['bar_id'], { name: 'uq_foo_bar' }),
        ]),
        operations: [addColumnOperation({ tableName: 'foo', column: column('data', string(10)) })],
      }),
      expected: {
        mysql: [
          'ALTER TABLE foo DROP FOREIGN KEY fk_foo_bar',
          'ALTER TABLE foo DROP CHECK ck_foo_bar',
          'CREATE TABLE _alembic_tmp_foo (id INTEGER NOT NULL AUTO_INCREMENT, bar_id INTEGER, data VARCHAR(10), PRIMARY KEY (id), CONSTRAINT fk_foo_bar FOREIGN KEY(bar_id) REFERENCES bar (id), CONSTRAINT ck_foo_bar CHECK (bar_id > 0), CONSTRAINT uq_foo_bar UNIQUE (bar_id))',
          'INSERT INTO _alembic_tmp_foo (id, bar_id) SELECT foo.id, foo.bar_id FROM foo',
          'DROP TABLE foo',
          'ALTER TABLE _alembic_tmp_foo RENAME TO foo',
        ],
        mariadb: [
          'ALTER TABLE foo DROP FOREIGN KEY fk_foo_bar',
          'ALTER TABLE foo DROP CONSTRAINT ck_foo_bar',
          'CREATE TABLE _alembic_tmp_foo (id INTEGER NOT NULL AUTO_INCREMENT, bar_id INTEGER, data VARCHAR(10), PRIMARY KEY (id), CONSTRAINT fk_foo_bar FOREIGN KEY(bar_id) REFERENCES bar (id), CONSTRAINT ck_foo_bar CHECK (bar_id > 0), CONSTRAINT uq_foo_bar UNIQUE (bar_id))',
          'INSERT INTO _alembic_tmp_foo (id, bar_id) SELECT foo.id, foo.bar_id FROM foo',
          'DROP TABLE foo',
          'ALTER TABLE _alembic_tmp_foo RENAME TO foo',
        ],
      },
    },
  ],
};

const FLAVOURS: readonly MysqlFlavour[] = ['mysql', 'mariadb'];

describe('MysqlDdlCompiler golden SQL', () => {
  const kinds = Object.keys(GOLDEN) as OperationKind[];
  const cases = kinds.flatMap((kind) =>
    (GOLDEN[kind] as readonly GoldenCase<OperationKind, FlavourExpectations>[]).flatMap((entry) =>
      FLAVOURS.map((flavour) => [kind, flavour, entry.title, entry] as const),
    ),
  );

  it.each(cases)('%s (%s): %s', (_kind, flavour, _title, entry) => {
    const compiler = new MysqlDdlCompiler({ flavour });
    const operation = entry.operation as Operation;
    const expected = entry.expected[flavour];
    if ('error' in expected) {
      expect(() => compiler.compile(operation)).toThrow(expected.error);
    } else {
      expect(compiler.compile(operation)).toEqual(expected);
    }
  });

  it('states at least one case for every operation kind', () => {
    expect(Object.keys(GOLDEN).sort()).toEqual([...OPERATION_KINDS].sort());
    for (const kind of OPERATION_KINDS) {
      expect(GOLDEN[kind].length).toBeGreaterThan(0);
    }
  });

  it('refuses a missing existing type with an InvalidOperationError', () => {
    let caught: unknown;
    try {
      new MysqlDdlCompiler().compile(alterColumnOperation({ tableName: 't', columnName: 'c', nullable: false }));
    } catch (error) {
      caught = error;
    }
    expect(InvalidOperationError.isInstance(caught)).toBe(true);
    expect(caught).toMatchObject({ code: 'ALEMBIC_INVALID_OPERATION' });
  });

  it('refuses a constraint drop without a type with an UnsupportedOperationError', () => {
    let caught: unknown;
    try {
      new MysqlDdlCompiler({ flavour: 'mariadb' }).compile(
        dropConstraintOperation({ constraintName: 'x', tableName: 't' }),
      );
    } catch (error) {
      caught = error;
    }
    expect(UnsupportedOperationError.isInstance(caught)).toBe(true);
    expect(caught).toMatchObject({
      code: 'ALEMBIC_UNSUPPORTED_OPERATION',
      dialectName: 'mysql',
      operationKind: 'dropConstraint',
    });
  });

  it('warns when MODIFY / CHANGE restate a column as NULL for want of existingNullable', () => {
    const warnings: string[] = [];
    const compiler = new MysqlDdlCompiler({ warn: (message) => warnings.push(message) });
    compiler.compile(alterColumnOperation({ tableName: 't', columnName: 'c', type: string(10) }));
    compiler.compile(
      alterColumnOperation({ tableName: 't', columnName: 'c', type: string(10), existingNullable: false }),
    );
    compiler.compile(alterColumnOperation({ tableName: 't', columnName: 'c', serverDefault: 'x' }));
    expect(warnings).toEqual(["MySQL MODIFY restates 't.c' as NULL: pass existingNullable (false keeps it NOT NULL)"]);
  });

  it("binds an execute's parameters with ? placeholders online", () => {
    const compiler = new MysqlDdlCompiler();
    expect(
      compiler.compileParameterized(
        executeOperation({ sql: 'UPDATE t SET a = :a WHERE b = :b', parameters: { a: 1, b: 'x' } }),
      ),
    ).toEqual({
      sql: 'UPDATE t SET a = ? WHERE b = ?',
      parameters: [1, 'x'],
    });
  });

  it('quotes with backticks and writes MySQL literals', () => {
    const compiler = new MysqlDdlCompiler();
    expect(compiler.quoteIdentifier('alembic_version')).toBe('alembic_version');
    expect(compiler.quoteIdentifier('key')).toBe('`key`');
    expect(compiler.renderLiteral('a\\b')).toBe("'a\\\\b'");
    expect(compiler.renderLiteral(true)).toBe('1');
    expect(compiler.renderLiteral(new Date(Date.UTC(2024, 0, 31, 13, 45, 7, 250)))).toBe("'2024-01-31 13:45:07.250'");
    expect(compiler.renderLiteral(Buffer.from([0x0a, 0xff]))).toBe("X'0aff'");
  });

  it('reads dialectOptions.mariadb over dialectOptions.mysql on MariaDB only', () => {
    const operation = createIndexOperation({
      indexName: 'ix',
      tableName: 't',
      columns: ['a'],
      dialectOptions: { mysql: { using: 'BTREE' }, mariadb: { using: 'HASH' } },
    });
    expect(new MysqlDdlCompiler().compile(operation)).toEqual(['CREATE INDEX ix ON t (a) USING BTREE']);
    expect(new MysqlDdlCompiler({ flavour: 'mariadb' }).compile(operation)).toEqual([
      'CREATE INDEX ix ON t (a) USING HASH',
    ]);
  });
});

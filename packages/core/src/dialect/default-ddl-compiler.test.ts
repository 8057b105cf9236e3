import { InvalidOperationError } from '../errors/invalid-operation-error.js';
import { addColumnOperation } from '../operations/add-column-operation.js';
import { alterColumnOperation } from '../operations/alter-column-operation.js';
import { batchAlterTableOperation } from '../operations/batch-alter-table-operation.js';
import { bulkInsertOperation } from '../operations/bulk-insert-operation.js';
import { createCheckConstraintOperation } from '../operations/create-check-constraint-operation.js';
import { createForeignKeyOperation } from '../operations/create-foreign-key-operation.js';
import { createIndexOperation } from '../operations/create-index-operation.js';
import { createPrimaryKeyOperation } from '../operations/create-primary-key-operation.js';
import { createTableCommentOperation } from '../operations/create-table-comment-operation.js';
import { createTableOperation } from '../operations/create-table-operation.js';
import { createUniqueConstraintOperation } from '../operations/create-unique-constraint-operation.js';
import { dropColumnOperation } from '../operations/drop-column-operation.js';
import { dropConstraintOperation } from '../operations/drop-constraint-operation.js';
import { dropIndexOperation } from '../operations/drop-index-operation.js';
import { dropTableCommentOperation } from '../operations/drop-table-comment-operation.js';
import { dropTableOperation } from '../operations/drop-table-operation.js';
import { executeOperation } from '../operations/execute-operation.js';
import type { Operation, OperationKind } from '../operations/operation.js';
import { OPERATION_KINDS } from '../operations/operation.js';
import { renameTableOperation } from '../operations/rename-table-operation.js';
import { column } from '../schema/column.js';
import {
  bigInteger,
  boolean,
  date,
  dateTime,
  enumType,
  float,
  integer,
  json,
  largeBinary,
  numeric,
  rawType,
  smallInteger,
  string,
  text,
  time,
  uuid,
} from '../schema/column-types.js';
import { checkConstraint, primaryKeyConstraint, uniqueConstraint } from '../schema/constraints.js';
import { index } from '../schema/index-model.js';
import { sql } from '../schema/sql-expression.js';
import { table } from '../schema/table.js';
import { DefaultDdlCompiler } from './default-ddl-compiler.js';
import { defineCapabilities } from './dialect-capabilities.js';

const compiler = new DefaultDdlCompiler();
const compile = (operation: Operation): string[] => compiler.compile(operation);

/** A SQLite-like dialect: rebuilds tables in batch mode and cannot ALTER constraints. */
const rebuildingCompiler = new DefaultDdlCompiler({
  dialectName: 'sqlite',
  capabilities: defineCapabilities({
    requiresBatchRecreate: true,
    supportsAlterConstraints: false,
    supportsComments: false,
  }),
});

describe('reference case 38: default dialect, tables and added columns', () => {
  it('renames a table in a schema, qualifying both names', () => {
    expect(compile(renameTableOperation({ oldTableName: 't1', newTableName: 't2', schema: 'foo' }))).toEqual([
      'ALTER TABLE foo.t1 RENAME TO foo.t2',
    ]);
  });

  it('adds a NOT NULL column', () => {
    const operation = addColumnOperation({ tableName: 't1', column: column('c1', integer(), { nullable: false }) });
    expect(compile(operation)).toEqual(['ALTER TABLE t1 ADD COLUMN c1 INTEGER NOT NULL']);
  });

  it('quotes a string server default and puts it before NOT NULL', () => {
    const operation = addColumnOperation({
      tableName: 't1',
      column: column('c1', integer(), { nullable: false, serverDefault: '12' }),
    });
    expect(compile(operation)).toEqual(["ALTER TABLE t1 ADD COLUMN c1 INTEGER DEFAULT '12' NOT NULL"]);
  });

  it('adds a foreign key column as two statements', () => {
    const operation = addColumnOperation({
      tableName: 't1',
      column: column('c1', integer(), { nullable: false, references: 'c2.id' }),
    });
    expect(compile(operation)).toEqual([
      'ALTER TABLE t1 ADD COLUMN c1 INTEGER NOT NULL',
      'ALTER TABLE t1 ADD FOREIGN KEY(c1) REFERENCES c2 (id)',
    ]);
  });

  it('renders the reference inline with inlineReferences', () => {
    const operation = addColumnOperation({
      tableName: 't1',
      column: column('c1', integer(), { nullable: false, references: 'c2.id' }),
      inlineReferences: true,
    });
    expect(compile(operation)).toEqual(['ALTER TABLE t1 ADD COLUMN c1 INTEGER NOT NULL REFERENCES c2 (id)']);
  });

  it('adds the CHECK of a boolean column on a dialect without native booleans', () => {
    const operation = addColumnOperation({
      tableName: 't1',
      column: column('c1', boolean({ createConstraint: true }), { nullable: false }),
    });
    expect(compile(operation)).toEqual([
      'ALTER TABLE t1 ADD COLUMN c1 BOOLEAN NOT NULL',
      'ALTER TABLE t1 ADD CHECK (c1 IN (0, 1))',
    ]);
  });
});

describe('reference case 39: default dialect, alter column, constraints, indexes, tables', () => {
  const alter = (fields: Omit<Parameters<typeof alterColumnOperation>[0], 'tableName' | 'columnName'>): string[] =>
    compile(alterColumnOperation({ tableName: 't', columnName: 'c', ...fields }));

  it('drops NOT NULL', () => {
    expect(alter({ nullable: true })).toEqual(['ALTER TABLE t ALTER COLUMN c DROP NOT NULL']);
  });

  it('renames a column', () => {
    expect(alter({ newColumnName: 'x' })).toEqual(['ALTER TABLE t RENAME c TO x']);
  });

  it('changes the type', () => {
    expect(alter({ type: string(50) })).toEqual(['ALTER TABLE t ALTER COLUMN c TYPE VARCHAR(50)']);
  });

  it('sets and drops the server default', () => {
    expect(alter({ serverDefault: 'q' })).toEqual(["ALTER TABLE t ALTER COLUMN c SET DEFAULT 'q'"]);
    expect(alter({ serverDefault: null })).toEqual(['ALTER TABLE t ALTER COLUMN c DROP DEFAULT']);
  });

  it('creates a composite foreign key with ON DELETE', () => {
    const operation = createForeignKeyOperation({
      constraintName: 'fk_test',
      sourceTable: 't1',
      referentTable: 't2',
      localColumns: ['foo', 'bar'],
      remoteColumns: ['bat', 'hoho'],
      onDelete: 'CASCADE',
    });
    expect(compile(operation)).toEqual([
      'ALTER TABLE t1 ADD CONSTRAINT fk_test FOREIGN KEY(foo, bar) REFERENCES t2 (bat, hoho) ON DELETE CASCADE',
    ]);
  });

  it('creates a unique constraint', () => {
    const operation = createUniqueConstraintOperation({
      constraintName: 'uk_test',
      tableName: 't1',
      columns: ['foo', 'bar'],
    });
    expect(compile(operation)).toEqual(['ALTER TABLE t1 ADD CONSTRAINT uk_test UNIQUE (foo, bar)']);
  });

  it('drops a constraint without a type', () => {
    expect(compile(dropConstraintOperation({ constraintName: 'foo_bar_bat', tableName: 't1' }))).toEqual([
      'ALTER TABLE t1 DROP CONSTRAINT foo_bar_bat',
    ]);
  });

  it('creates an index IF NOT EXISTS', () => {
    const operation = createIndexOperation({
      indexName: 'ik_test',
      tableName: 't1',
      columns: ['foo', 'bar'],
      ifNotExists: true,
    });
    expect(compile(operation)).toEqual(['CREATE INDEX IF NOT EXISTS ik_test ON t1 (foo, bar)']);
  });

  it('drops a table IF EXISTS', () => {
    expect(compile(dropTableOperation({ tableName: 'tb_test', ifExists: true }))).toEqual([
      'DROP TABLE IF EXISTS tb_test',
    ]);
  });

  it('creates a table and the index of a column flagged index: true', () => {
    const operation = createTableOperation({
      table: table('some_table', [
        column('id', integer(), { primaryKey: true }),
        column('foo_id', integer(), { index: true }),
      ]),
    });
    expect(compile(operation)).toEqual([
      'CREATE TABLE some_table (id INTEGER NOT NULL, foo_id INTEGER, PRIMARY KEY (id))',
      'CREATE INDEX ix_some_table_foo_id ON some_table (foo_id)',
    ]);
  });

  it('emits alter pieces in order: nullable, default, type, comment, rename last', () => {
    expect(alter({ nullable: false, serverDefault: 'q', type: integer(), comment: 'c', newColumnName: 'x' })).toEqual([
      'ALTER TABLE t ALTER COLUMN c SET NOT NULL',
      "ALTER TABLE t ALTER COLUMN c SET DEFAULT 'q'",
      'ALTER TABLE t ALTER COLUMN c TYPE INTEGER',
      "COMMENT ON COLUMN t.c IS 'c'",
      'ALTER TABLE t RENAME c TO x',
    ]);
  });
});

/**
 * At least one golden statement list per operation kind; typed as a record over every kind so
 * that a new kind does not compile until its expected SQL is stated here.
 */
const GOLDEN: Record<OperationKind, readonly { readonly operation: Operation; readonly sql: readonly string[] }[]> = {
  createTable: [
    {
      operation: createTableOperation({
        table: table(
          'address',
          [
            column('id', integer(), { primaryKey: true }),
            column('account_id', integer(), { nullable: false, references: 'account.id' }),
            column('email', string(100), { comment: "user's email" }),
            uniqueConstraint(['email'], { name: 'uq_address_email' }),
            checkConstraint('length(email) > 3'),
            index('ix_address_account_id', ['account_id']),
          ],
          { schema: 'app', comment: 'Addresses' },
        ),
      }),
      sql: [
        'CREATE TABLE app.address (id INTEGER NOT NULL, account_id INTEGER NOT NULL, email VARCHAR(100), PRIMARY KEY (id), CONSTRAINT uq_address_email UNIQUE (email), CHECK (length(email) > 3), FOREIGN KEY(account_id) REFERENCES account (id))',
        'CREATE INDEX ix_address_account_id ON app.address (account_id)',
        "COMMENT ON TABLE app.address IS 'Addresses'",
        "COMMENT ON COLUMN app.address.email IS 'user''s email'",
      ],
    },
    {
      operation: createTableOperation({
        ifNotExists: true,
        table: table('every_type', [
          column('a', integer()),
          column('b', bigInteger()),
          column('c', smallInteger()),
          column('d', string()),
          column('e', text()),
          column('f', boolean()),
          column('g', date()),
          column('h', dateTime({ timezone: true }), { serverDefault: sql('now()') }),
          column('i', time()),
          column('j', numeric(10, 2)),
          column('k', numeric(5)),
          column('l', float()),
          column('m', json()),
          column('n', largeBinary()),
          column('o', enumType(['a', 'bb'], { name: 'letters', createConstraint: true })),
          column('p', uuid()),
          column('q', rawType('CITEXT')),
          column('r', integer(), { identity: { always: true, start: 3, increment: 2 } }),
        ]),
      }),
      sql: [
        "CREATE TABLE IF NOT EXISTS every_type (a INTEGER, b BIGINT, c SMALLINT, d VARCHAR, e TEXT, f BOOLEAN, g DATE, h DATETIME DEFAULT now(), i TIME, j NUMERIC(10, 2), k NUMERIC(5), l FLOAT, m JSON, n BLOB, o VARCHAR(2), p CHAR(32), q CITEXT, r INTEGER GENERATED ALWAYS AS IDENTITY (INCREMENT BY 2 START WITH 3), CONSTRAINT letters CHECK (o IN ('a', 'bb')))",
      ],
    },
    {
      operation: createTableOperation({
        table: table('t', [
          column('id', integer(), { primaryKey: true }),
          column('a', integer(), { references: 'x.id', unique: true }),
          column('b', boolean({ createConstraint: true }), { unique: true }),
          column('c', integer(), { unique: true, index: true }),
        ]),
      }),
      sql: [
        'CREATE TABLE t (id INTEGER NOT NULL, a INTEGER, b BOOLEAN, c INTEGER, PRIMARY KEY (id), UNIQUE (a), FOREIGN KEY(a) REFERENCES x (id), UNIQUE (b), CHECK (b IN (0, 1)))',
        'CREATE UNIQUE INDEX ix_t_c ON t (c)',
      ],
    },
    {
      operation: createTableOperation({
        table: table('order', [
          column('tenant_id', integer()),
          column('id', integer()),
          primaryKeyConstraint(['tenant_id', 'id'], { name: 'pk_order' }),
        ]),
      }),
      sql: [
        'CREATE TABLE "order" (tenant_id INTEGER NOT NULL, id INTEGER NOT NULL, CONSTRAINT pk_order PRIMARY KEY (tenant_id, id))',
      ],
    },
  ],
  dropTable: [{ operation: dropTableOperation({ tableName: 't', schema: 's' }), sql: ['DROP TABLE s.t'] }],
  renameTable: [
    {
      operation: renameTableOperation({ oldTableName: 'address', newTableName: 'addresses' }),
      sql: ['ALTER TABLE address RENAME TO addresses'],
    },
  ],
  addColumn: [
    {
      operation: addColumnOperation({
        tableName: 't1',
        column: column('c1', integer(), { unique: true, comment: 'x' }),
        ifNotExists: true,
      }),
      sql: [
        'ALTER TABLE t1 ADD COLUMN IF NOT EXISTS c1 INTEGER',
        'ALTER TABLE t1 ADD UNIQUE (c1)',
        "COMMENT ON COLUMN t1.c1 IS 'x'",
      ],
    },
    {
      operation: addColumnOperation({
        tableName: 't1',
        column: column('c1', integer(), { unique: true, index: true }),
      }),
      sql: ['ALTER TABLE t1 ADD COLUMN c1 INTEGER', 'CREATE UNIQUE INDEX ix_t1_c1 ON t1 (c1)'],
    },
    {
      operation: addColumnOperation({
        tableName: 't1',
        column: column('id', integer(), { primaryKey: true }),
        inlinePrimaryKey: true,
      }),
      sql: ['ALTER TABLE t1 ADD COLUMN id INTEGER NOT NULL PRIMARY KEY'],
    },
    {
      operation: addColumnOperation({
        tableName: 't1',
        column: column('c1', integer(), {
          references: { table: 'r', column: 'id', schema: 's', onDelete: 'SET NULL', name: 'fk_c1' },
        }),
      }),
      sql: [
        'ALTER TABLE t1 ADD COLUMN c1 INTEGER',
        'ALTER TABLE t1 ADD CONSTRAINT fk_c1 FOREIGN KEY(c1) REFERENCES s.r (id) ON DELETE SET NULL',
      ],
    },
  ],
  dropColumn: [
    {
      operation: dropColumnOperation({ tableName: 't1', columnName: 'c1', schema: 's' }),
      sql: ['ALTER TABLE s.t1 DROP COLUMN c1'],
    },
    {
      operation: dropColumnOperation({ tableName: 't1', columnName: 'c1', ifExists: true }),
      sql: ['ALTER TABLE t1 DROP COLUMN IF EXISTS c1'],
    },
  ],
  alterColumn: [
    {
      operation: alterColumnOperation({
        tableName: 't',
        columnName: 'c',
        serverDefault: sql('now()'),
        comment: null,
        schema: 's',
      }),
      sql: ['ALTER TABLE s.t ALTER COLUMN c SET DEFAULT now()', 'COMMENT ON COLUMN s.t.c IS NULL'],
    },
    {
      operation: alterColumnOperation({
        tableName: 't',
        columnName: 'c',
        type: enumType(['a', 'b'], { name: 'ck_new', createConstraint: true }),
        existingType: boolean({ createConstraint: true, name: 'ck_old' }),
      }),
      sql: [
        'ALTER TABLE t DROP CONSTRAINT ck_old',
        'ALTER TABLE t ALTER COLUMN c TYPE VARCHAR(1)',
        "ALTER TABLE t ADD CONSTRAINT ck_new CHECK (c IN ('a', 'b'))",
      ],
    },
  ],
  createIndex: [
    {
      operation: createIndexOperation({
        indexName: 'ix',
        tableName: 't',
        columns: ['a', sql('lower(b)')],
        unique: true,
        schema: 's',
      }),
      sql: ['CREATE UNIQUE INDEX ix ON s.t (a, lower(b))'],
    },
    {
      operation: createIndexOperation({ indexName: 'select', tableName: 'User', columns: ['order', 'Name', 'we"ird'] }),
      sql: ['CREATE INDEX "select" ON "User" ("order", "Name", "we""ird")'],
    },
  ],
  dropIndex: [
    { operation: dropIndexOperation({ indexName: 'ix', tableName: 't', schema: 's' }), sql: ['DROP INDEX s.ix'] },
    { operation: dropIndexOperation({ indexName: 'ix', ifExists: true }), sql: ['DROP INDEX IF EXISTS ix'] },
  ],
  createUniqueConstraint: [
    {
      operation: createUniqueConstraintOperation({
        constraintName: 'uq',
        tableName: 't',
        columns: ['a'],
        deferrable: false,
        initially: 'IMMEDIATE',
      }),
      sql: ['ALTER TABLE t ADD CONSTRAINT uq UNIQUE (a) NOT DEFERRABLE INITIALLY IMMEDIATE'],
    },
  ],
  createForeignKey: [
    {
      operation: createForeignKeyOperation({
        constraintName: 'fk1',
        sourceTable: 't',
        referentTable: 'r',
        localColumns: ['a'],
        remoteColumns: ['b'],
        onUpdate: 'SET NULL',
        deferrable: true,
        initially: 'DEFERRED',
        match: 'FULL',
        sourceSchema: 's1',
        referentSchema: 's2',
      }),
      sql: [
        'ALTER TABLE s1.t ADD CONSTRAINT fk1 FOREIGN KEY(a) REFERENCES s2.r (b) MATCH FULL ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED',
      ],
    },
  ],
  createCheckConstraint: [
    {
      operation: createCheckConstraintOperation({ constraintName: 'ck1', tableName: 't', condition: 'a > 5' }),
      sql: ['ALTER TABLE t ADD CONSTRAINT ck1 CHECK (a > 5)'],
    },
  ],
  createPrimaryKey: [
    {
      operation: createPrimaryKeyOperation({ constraintName: 'pk1', tableName: 't', columns: ['a', 'b'] }),
      sql: ['ALTER TABLE t ADD CONSTRAINT pk1 PRIMARY KEY (a, b)'],
    },
  ],
  dropConstraint: [
    {
      operation: dropConstraintOperation({
        constraintName: 'c',
        tableName: 't',
        type: 'foreignkey',
        schema: 's',
        ifExists: true,
      }),
      sql: ['ALTER TABLE s.t DROP CONSTRAINT IF EXISTS c'],
    },
  ],
  createTableComment: [
    {
      operation: createTableCommentOperation({ tableName: 't', comment: 'hello', schema: 's' }),
      sql: ["COMMENT ON TABLE s.t IS 'hello'"],
    },
  ],
  dropTableComment: [{ operation: dropTableCommentOperation({ tableName: 't' }), sql: ['COMMENT ON TABLE t IS NULL'] }],
  bulkInsert: [
    {
      operation: bulkInsertOperation({
        table: table('account', [
          column('id', integer(), { primaryKey: true }),
          column('name', string(50)),
          column('born', date()),
        ]),
        rows: [
          { name: 'John', id: 1 },
          { id: 2, name: "O'Brien", born: new Date(Date.UTC(1990, 0, 31)) },
        ],
      }),
      sql: [
        "INSERT INTO account (id, name) VALUES (1, 'John')",
        "INSERT INTO account (id, name, born) VALUES (2, 'O''Brien', '1990-01-31')",
      ],
    },
  ],
  execute: [
    {
      operation: executeOperation({ sql: "UPDATE account SET description = 'x' WHERE description IS NULL" }),
      sql: ["UPDATE account SET description = 'x' WHERE description IS NULL"],
    },
    {
      operation: executeOperation({
        sql: 'UPDATE account SET name = :name WHERE id = :id AND tag::text = \\:literal',
        parameters: { name: 'account 2', id: 7 },
      }),
      sql: ["UPDATE account SET name = 'account 2' WHERE id = 7 AND tag::text = :literal"],
    },
  ],
  batchAlterTable: [
    {
      operation: batchAlterTableOperation({
        tableName: 'foo',
        operations: [
          alterColumnOperation({ tableName: 'foo', columnName: 'data', type: integer() }),
          createIndexOperation({ indexName: 'ix_data', tableName: 'foo', columns: ['data'], unique: true }),
        ],
      }),
      sql: ['ALTER TABLE foo ALTER COLUMN data TYPE INTEGER', 'CREATE UNIQUE INDEX ix_data ON foo (data)'],
    },
  ],
};

describe('golden SQL for every operation kind (default dialect)', () => {
  it('covers every kind', () => {
    expect(Object.keys(GOLDEN).sort()).toEqual([...OPERATION_KINDS].sort());
  });

  for (const kind of OPERATION_KINDS) {
    GOLDEN[kind].forEach(({ operation, sql: expected }, position) => {
      it(`${kind} #${position + 1}`, () => {
        expect(compile(operation)).toEqual(expected);
      });
    });
  }
});

describe('reference case 46: batch rebuild (move and copy)', () => {
  const foo = table('foo', [
    column('id', integer(), { primaryKey: true }),
    column('data', string(50)),
    column('x', integer()),
  ]);
  const alterData = alterColumnOperation({ tableName: 'foo', columnName: 'data', type: integer() });
  const createIndexOnData = createIndexOperation({
    indexName: 'ix_data',
    tableName: 'foo',
    columns: ['data'],
    unique: true,
  });
  const rebuild = [
    'CREATE TABLE _alembic_tmp_foo (id INTEGER NOT NULL, data INTEGER, x INTEGER, PRIMARY KEY (id))',
    'INSERT INTO _alembic_tmp_foo (id, data, x) SELECT foo.id, CAST(foo.data AS INTEGER) AS data, foo.x FROM foo',
    'DROP TABLE foo',
    'ALTER TABLE _alembic_tmp_foo RENAME TO foo',
  ];

  it('rebuilds the table to change a column type', () => {
    const operation = batchAlterTableOperation({ tableName: 'foo', copyFrom: foo, operations: [alterData] });
    expect(rebuildingCompiler.compile(operation)).toEqual(rebuild);
  });

  it("creates an index with a plain statement in 'auto' mode", () => {
    const operation = batchAlterTableOperation({ tableName: 'foo', copyFrom: foo, operations: [createIndexOnData] });
    expect(rebuildingCompiler.compile(operation)).toEqual(['CREATE UNIQUE INDEX ix_data ON foo (data)']);
  });

  it("rebuilds and then creates the index with recreate: 'always'", () => {
    const operation = batchAlterTableOperation({
      tableName: 'foo',
      copyFrom: foo,
      recreate: 'always',
      operations: [createIndexOnData],
    });
    expect(rebuildingCompiler.compile(operation)).toEqual([
      'CREATE TABLE _alembic_tmp_foo (id INTEGER NOT NULL, data VARCHAR(50), x INTEGER, PRIMARY KEY (id))',
      'INSERT INTO _alembic_tmp_foo (id, data, x) SELECT foo.id, foo.data, foo.x FROM foo',
      'DROP TABLE foo',
      'ALTER TABLE _alembic_tmp_foo RENAME TO foo',
      'CREATE UNIQUE INDEX ix_data ON foo (data)',
    ]);
  });

  it('runs plain ALTERs on a dialect that does not rebuild', () => {
    const operation = batchAlterTableOperation({
      tableName: 'foo',
      copyFrom: foo,
      operations: [alterData, createIndexOnData],
    });
    expect(compile(operation)).toEqual([
      'ALTER TABLE foo ALTER COLUMN data TYPE INTEGER',
      'CREATE UNIQUE INDEX ix_data ON foo (data)',
    ]);
  });

  it('runs execute operations recorded first before the rebuild and the rest after it', () => {
    const operation = batchAlterTableOperation({
      tableName: 'foo',
      copyFrom: foo,
      operations: [
        executeOperation({ sql: 'UPDATE foo SET x = 0 WHERE x IS NULL' }),
        alterColumnOperation({ tableName: 'foo', columnName: 'x', nullable: false }),
        executeOperation({ sql: 'UPDATE foo SET data = 1' }),
      ],
    });
    const statements = rebuildingCompiler.compile(operation);
    expect(statements[0]).toBe('UPDATE foo SET x = 0 WHERE x IS NULL');
    expect(statements[1]).toBe(
      'CREATE TABLE _alembic_tmp_foo (id INTEGER NOT NULL, data VARCHAR(50), x INTEGER NOT NULL, PRIMARY KEY (id))',
    );
    expect(statements.at(-1)).toBe('UPDATE foo SET data = 1');
  });

  it('asks for copyFrom when a rebuild has no table definition', () => {
    const operation = batchAlterTableOperation({ tableName: 'foo', operations: [alterData] });
    expect(() => rebuildingCompiler.compile(operation)).toThrow(/pass copyFrom/);
  });

  it('refuses partialReordering without a rebuild', () => {
    const operation = batchAlterTableOperation({
      tableName: 'foo',
      operations: [alterData],
      partialReordering: [['x', 'id']],
    });
    expect(() => compile(operation)).toThrow(InvalidOperationError);
  });
});

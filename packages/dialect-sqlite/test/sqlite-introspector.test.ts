import {
  alterColumnOperation,
  batchAlterTableOperation,
  boolean,
  checkConstraint,
  column,
  convertedName,
  createTableOperation,
  dateTime,
  dropColumnOperation,
  dropConstraintOperation,
  foreignKeyConstraint,
  index,
  integer,
  numeric,
  primaryKeyConstraint,
  rawType,
  sql,
  string,
  table,
  text,
  uniqueConstraint,
} from '@alembic/core/dialect';
import type { Operation, TableModel } from '@alembic/core/dialect';
import { connectSqlite } from '../src/sqlite-connect.js';
import type { SqliteConnection } from '../src/sqlite-connection.js';
import { SqliteDdlCompiler } from '../src/sqlite-ddl-compiler.js';
import { SqliteIntrospector } from '../src/sqlite-introspector.js';
import { sqliteFileUrl, useTemporaryDirectory } from './support/temporary-directory.js';

const PARENT_AND_CHILD = `
CREATE TABLE parent (id INTEGER PRIMARY KEY AUTOINCREMENT, code VARCHAR(10) COLLATE NOCASE NOT NULL UNIQUE);
CREATE TABLE child (
  id INTEGER NOT NULL,
  parent_id INTEGER NOT NULL,
  other_parent INTEGER REFERENCES parent,
  name VARCHAR(50) NOT NULL DEFAULT 'unnamed',
  created DATETIME DEFAULT (CURRENT_TIMESTAMP),
  amount NUMERIC(10, 2) DEFAULT 0,
  ratio REAL,
  active BOOLEAN CHECK (active IN (0, 1)),
  email TEXT,
  PRIMARY KEY (id),
  CONSTRAINT uq_child_name UNIQUE (parent_id, name),
  CONSTRAINT ck_amount CHECK (amount >= 0),
  CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX ix_child_email ON child (lower(email)) WHERE email IS NOT NULL;
CREATE UNIQUE INDEX ix_child_created ON child (created, id);
`;

describe('SqliteIntrospector against a real database', () => {
  const directory = useTemporaryDirectory();
  let connection: SqliteConnection;
  beforeEach(async () => {
    connection = await connectSqlite(sqliteFileUrl(directory()));
  });
  afterEach(async () => {
    await connection.close();
  });

  const run = async (operation: Operation): Promise<void> => {
    for (const statement of new SqliteDdlCompiler().compile(operation)) {
      await connection.execute(statement);
    }
  };

  it('lists tables, without SQLite internal ones', async () => {
    await connection.execute(PARENT_AND_CHILD);
    expect(await new SqliteIntrospector(connection).getTableNames()).toEqual(['child', 'parent']);
  });

  it('returns undefined for a missing table', async () => {
    expect(await new SqliteIntrospector(connection).getTable('nothing')).toBeUndefined();
  });

  it('reads columns, keys, constraints and indexes', async () => {
    await connection.execute(PARENT_AND_CHILD);
    const introspector = new SqliteIntrospector(connection);
    expect(await introspector.getTable('parent')).toEqual(
      table('parent', [
        column('id', integer(), { primaryKey: true, nullable: true, autoincrement: true }),
        column('code', string(10, { collation: 'NOCASE' }), { nullable: false }),
        uniqueConstraint(['code']),
      ]),
    );
    expect(await introspector.getTable('child')).toEqual(
      table('child', [
        column('id', integer(), { primaryKey: true, nullable: false }),
        column('parent_id', integer(), { nullable: false }),
        column('other_parent', integer()),
        column('name', string(50), { nullable: false, serverDefault: 'unnamed' }),
        column('created', dateTime(), { serverDefault: sql('CURRENT_TIMESTAMP') }),
        column('amount', numeric(10, 2), { serverDefault: sql('0') }),
        column('ratio', rawType('REAL')),
        column('active', boolean()),
        column('email', text()),
        uniqueConstraint(['parent_id', 'name'], { name: convertedName('uq_child_name') }),
        checkConstraint('active IN (0, 1)'),
        checkConstraint('amount >= 0', { name: convertedName('ck_amount') }),
        foreignKeyConstraint(['other_parent'], 'parent', ['id']),
        foreignKeyConstraint(['parent_id'], 'parent', ['id'], {
          name: convertedName('fk_child_parent'),
          onDelete: 'CASCADE',
          deferrable: true,
          initially: 'DEFERRED',
        }),
        index(convertedName('ix_child_email'), [sql('lower(email)')], { where: 'email IS NOT NULL' }),
        index(convertedName('ix_child_created'), ['created', 'id'], { unique: true }),
      ]),
    );
  });

  it('finds a table whatever the case of the name asked for', async () => {
    await connection.execute('CREATE TABLE Account (id INTEGER)');
    expect((await new SqliteIntrospector(connection).getTable('account'))?.name).toBe('Account');
  });

  it('keeps a named or reordered primary key as a constraint', async () => {
    await connection.execute(
      'CREATE TABLE pair (a INTEGER NOT NULL, b INTEGER NOT NULL, CONSTRAINT pk_pair PRIMARY KEY (b, a))',
    );
    expect(await new SqliteIntrospector(connection).getTable('pair')).toEqual(
      table('pair', [
        column('a', integer(), { nullable: false }),
        column('b', integer(), { nullable: false }),
        primaryKeyConstraint(['b', 'a'], { name: convertedName('pk_pair') }),
      ]),
    );
  });

  it('leaves generated columns out', async () => {
    await connection.execute('CREATE TABLE g (a INTEGER, b INTEGER GENERATED ALWAYS AS (a * 2))');
    expect((await new SqliteIntrospector(connection).getTable('g'))?.columns.map((model) => model.name)).toEqual(['a']);
  });

  it('round-trips: a table created from its reflection reflects the same', async () => {
    await connection.execute(PARENT_AND_CHILD);
    const introspector = new SqliteIntrospector(connection);
    const original = (await introspector.getTable('child')) as TableModel;
    await run(createTableOperation({ table: { ...original, name: 'child_copy', indexes: [] } }));
    const copy = (await introspector.getTable('child_copy')) as TableModel;
    expect({ ...copy, name: 'child', indexes: [] }).toEqual({ ...original, indexes: [] });
  });

  it('case 46 online: a batch rebuild from the reflected table keeps rows, constraints and indexes', async () => {
    await connection.execute(PARENT_AND_CHILD);
    await connection.execute(
      "INSERT INTO parent (code) VALUES ('a'); INSERT INTO child (id, parent_id, name, amount, email) VALUES (1, 1, 'x', 2.5, 'A@B'), (2, 1, 'y', 0, NULL)",
    );
    const introspector = new SqliteIntrospector(connection);
    const before = (await introspector.getTable('child')) as TableModel;
    await connection.begin();
    await run(
      batchAlterTableOperation({
        tableName: 'child',
        copyFrom: before,
        operations: [
          alterColumnOperation({ tableName: 'child', columnName: 'name', type: string(80), existingType: string(50) }),
          dropColumnOperation({ tableName: 'child', columnName: 'ratio' }),
          dropConstraintOperation({ tableName: 'child', constraintName: 'ck_amount', type: 'check' }),
        ],
      }),
    );
    await connection.commit();
    const after = (await introspector.getTable('child')) as TableModel;
    expect(after.columns.map((model) => model.name)).toEqual([
      'id',
      'parent_id',
      'other_parent',
      'name',
      'created',
      'amount',
      'active',
      'email',
    ]);
    expect(after.columns.find((model) => model.name === 'name')?.type).toEqual(string(80));
    expect(after.constraints).toEqual(
      before.constraints.filter((constraint) => constraint.kind !== 'checkConstraint' || constraint.name === undefined),
    );
    expect(after.indexes).toEqual(before.indexes);
    expect((await connection.query('SELECT id, name, amount, email FROM child ORDER BY id')).rows).toEqual([
      { id: 1, name: 'x', amount: 2.5, email: 'A@B' },
      { id: 2, name: 'y', amount: 0, email: null },
    ]);
    expect(
      (await connection.query("SELECT count(*) AS n FROM sqlite_master WHERE name LIKE '_alembic_tmp%'")).rows,
    ).toEqual([{ n: 0 }]);
  });

  it('a batch rebuild keeps AUTOINCREMENT', async () => {
    await connection.execute(PARENT_AND_CHILD);
    const introspector = new SqliteIntrospector(connection);
    await run(
      batchAlterTableOperation({
        tableName: 'parent',
        copyFrom: (await introspector.getTable('parent')) as TableModel,
        operations: [alterColumnOperation({ tableName: 'parent', columnName: 'code', nullable: true })],
      }),
    );
    const { rows } = await connection.query<{ sql: string }>("SELECT sql FROM sqlite_master WHERE name = 'parent'");
    expect(rows[0]?.sql).toBe(
      'CREATE TABLE "parent" (id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, code VARCHAR(10) COLLATE "NOCASE", UNIQUE (code))',
    );
  });

  it('a failed rebuild inside a transaction leaves the table as it was', async () => {
    await connection.execute(
      "CREATE TABLE t (id INTEGER PRIMARY KEY, v VARCHAR(10)); INSERT INTO t (v) VALUES ('a'), (NULL)",
    );
    const introspector = new SqliteIntrospector(connection);
    const before = (await introspector.getTable('t')) as TableModel;
    await connection.begin();
    await expect(
      run(
        batchAlterTableOperation({
          tableName: 't',
          copyFrom: before,
          operations: [alterColumnOperation({ tableName: 't', columnName: 'v', nullable: false })],
        }),
      ),
    ).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT' });
    await connection.rollback();
    expect(await introspector.getTable('t')).toEqual(before);
    expect(await introspector.getTableNames()).toEqual(['t']);
  });
});

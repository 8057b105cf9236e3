/**
 * The dialect against a live SQL Server (`ALEMBIC_TEST_MSSQL_URL`): the connection adapter,
 * transactions, the migration lock, error translation, and DDL round trips through the
 * introspector. Skipped with a notice when no server is configured (see `mssql-test-server.ts`).
 */
import {
  addColumnOperation,
  alterColumnOperation,
  bulkInsertOperation,
  column,
  convertedName,
  createIndexOperation,
  createTableOperation,
  dropColumnOperation,
  dropConstraintOperation,
  integer,
  sql,
  string,
  table,
  uniqueConstraint,
} from '@alembic/core/dialect';
import type { Operation } from '@alembic/core/dialect';
import type { MssqlConnection } from '../src/mssql-connection.js';
import { mssqlDialect } from '../src/mssql-dialect.js';
import { nvarchar } from '../src/mssql-types.js';
import type { TestDatabase } from './support/mssql-test-server.js';
import { createTestDatabase, describeLive } from './support/mssql-test-server.js';

describeLive('SQL Server, live', () => {
  let database: TestDatabase;
  let connection: MssqlConnection;

  /** Compiles `operation` for this server and runs its statements. */
  async function run(operation: Operation): Promise<void> {
    const compiler = mssqlDialect.createDdlCompiler({ connection });
    for (const statement of compiler.compile(operation)) {
      await connection.query(statement);
    }
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    connection = await database.connect();
  });

  afterAll(async () => {
    await connection?.close();
    await database?.drop();
  });

  it('runs queries with @p parameters and counts affected rows', async () => {
    await connection.execute('CREATE TABLE counted (a INT NOT NULL, b NVARCHAR(10) NULL)');
    const inserted = await connection.query('INSERT INTO counted (a, b) VALUES (@p1, @p2), (@p3, @p4)', [
      1,
      'x',
      2,
      null,
    ]);
    expect(inserted.rowCount).toBe(2);
    const { rows } = await connection.query<{ a: number; b: string | null }>(
      'SELECT a, b FROM counted WHERE a >= @p1 ORDER BY a',
      [1],
    );
    expect(rows).toEqual([
      { a: 1, b: 'x' },
      { a: 2, b: null },
    ]);
    expect(connection.defaultSchema).toBe('dbo');
  });

  it('rolls DDL back with the transaction', async () => {
    await connection.begin();
    await connection.execute('CREATE TABLE rolled_back (a INT)');
    await connection.rollback();
    const introspector = mssqlDialect.createIntrospector(connection);
    expect(await introspector?.getTable('rolled_back')).toBeUndefined();
  });

  it('keeps SET IDENTITY_INSERT on the session between statements (bulkInsert)', async () => {
    const account = table('ident_account', [column('id', integer(), { primaryKey: true }), column('name', string(50))]);
    await run(createTableOperation({ table: account }));
    await run(
      bulkInsertOperation({
        table: account,
        rows: [
          { id: 10, name: 'John' },
          { id: 20, name: "O'Brien" },
        ],
      }),
    );
    await run(bulkInsertOperation({ table: { name: 'ident_account' }, rows: [{ id: 30, name: 'Catalog' }] }));
    const { rows } = await connection.query<{ id: number }>('SELECT id FROM ident_account ORDER BY id');
    expect(rows.map((row) => row.id)).toEqual([10, 20, 30]);
  });

  it('alters columns with defaults, drops them by lookup, and reads the table back', async () => {
    await run(
      createTableOperation({
        table: table(
          'reflected',
          [
            column('id', integer(), { primaryKey: true }),
            column('code', string(10), { nullable: false, serverDefault: 'x' }),
            column('label', nvarchar(50), { comment: 'Shown to people' }),
            uniqueConstraint(['code'], { name: convertedName('uq_reflected_code') }),
          ],
          { comment: 'A table' },
        ),
      }),
    );
    await run(
      createIndexOperation({
        indexName: 'ix_reflected_label',
        tableName: 'reflected',
        columns: ['label'],
        dialectOptions: { mssql: { include: ['id'] } },
      }),
    );
    await run(
      addColumnOperation({ tableName: 'reflected', column: column('amount', integer(), { serverDefault: sql('0') }) }),
    );
    await run(
      alterColumnOperation({
        tableName: 'reflected',
        columnName: 'amount',
        type: string(20),
        existingType: integer(),
        existingNullable: true,
        existingServerDefault: sql('0'),
      }),
    );
    await run(
      alterColumnOperation({
        tableName: 'reflected',
        columnName: 'code',
        serverDefault: 'y',
        existingServerDefault: 'x',
      }),
    );
    await run(
      alterColumnOperation({
        tableName: 'reflected',
        columnName: 'label',
        newColumnName: 'title',
        comment: 'Renamed',
        existingComment: 'Shown to people',
      }),
    );
    const reflected = await mssqlDialect.createIntrospector(connection).getTable('reflected');
    expect(reflected?.comment).toBe('A table');
    expect(reflected?.columns.map((entry) => [entry.name, entry.serverDefault, entry.comment])).toEqual([
      ['id', undefined, undefined],
      ['code', 'y', undefined],
      ['title', undefined, 'Renamed'],
      ['amount', sql('0'), undefined],
    ]);
    expect(reflected?.columns[0]?.autoincrement).toBe(true);
    expect(reflected?.constraints).toEqual([uniqueConstraint(['code'], { name: convertedName('uq_reflected_code') })]);
    expect(reflected?.indexes.map((entry) => [entry.name, entry.columns, entry.dialectOptions])).toEqual([
      [convertedName('ix_reflected_label'), ['title'], { mssql: { include: ['id'] } }],
    ]);
    await run(
      dropColumnOperation({
        tableName: 'reflected',
        columnName: 'amount',
        existingColumn: column('amount', string(20), { serverDefault: sql('0') }),
      }),
    );
    await run(dropConstraintOperation({ constraintName: 'uq_reflected_code', tableName: 'reflected', type: 'unique' }));
    await run(
      dropColumnOperation({
        tableName: 'reflected',
        columnName: 'code',
        dialectOptions: { mssql: { dropDefault: true } },
      }),
    );
    const after = await mssqlDialect.createIntrospector(connection).getTable('reflected');
    expect(after?.columns.map((entry) => entry.name)).toEqual(['id', 'title']);
  });

  it('serialises runs with the session applock, with a timeout', async () => {
    const other = await database.connect();
    try {
      const release = await mssqlDialect.acquireMigrationLock(connection, { lockName: 'alembic:.alembic_version' });
      await expect(
        mssqlDialect.acquireMigrationLock(other, { lockName: 'alembic:.alembic_version', timeoutMilliseconds: 200 }),
      ).rejects.toMatchObject({
        code: 'ALEMBIC_DATABASE_LOCKED',
      });
      await release();
      const releaseOther = await mssqlDialect.acquireMigrationLock(other, {
        lockName: 'alembic:.alembic_version',
        timeoutMilliseconds: 2000,
      });
      await releaseOther();
    } finally {
      await other.close();
    }
  });

  it('translates server errors by number', async () => {
    const error: unknown = await connection.query('SELECT * FROM no_such_table').catch((caught: unknown) => caught);
    expect(mssqlDialect.translateError(error)).toMatchObject({ code: 'ALEMBIC_TABLE_NOT_FOUND', number: 208 });
    await connection.execute('CREATE TABLE unique_values (a INT PRIMARY KEY)');
    await connection.execute('INSERT INTO unique_values VALUES (1)');
    const duplicate: unknown = await connection
      .query('INSERT INTO unique_values VALUES (@p1)', [1])
      .catch((caught: unknown) => caught);
    expect(mssqlDialect.translateError(duplicate)).toMatchObject({
      code: 'ALEMBIC_CONSTRAINT_VIOLATION',
      number: 2627,
    });
  });
});

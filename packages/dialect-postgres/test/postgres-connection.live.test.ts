/**
 * The connection adapter and the runtime on the test server: placeholders and row counts,
 * transactions, an application's own client or pool, and core's `MigrationContext` finding,
 * creating and updating the version table through this dialect.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Config, ScriptDirectory } from '@alembic/core';
import { MigrationContext } from '@alembic/core/internal';
import type { DatabaseConnection } from '@alembic/core/dialect';
import pg from 'pg';
import { connectPostgres } from '../src/postgres-connect.js';
import { PostgresConnection } from '../src/postgres-connection.js';
import { postgres } from '../src/postgres-dialect.js';
import { POSTGRES_URL, describeLive, liveDialect, openSchemaConnection } from './support/live-postgres.js';

describeLive('PostgreSQL connection, live', () => {
  let connection: DatabaseConnection;
  let schema: string;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ connection, schema, dispose } = await openSchemaConnection('connection'));
    await connection.execute('CREATE TABLE item (id BIGINT PRIMARY KEY, data BYTEA, note TEXT)');
  });

  afterAll(async () => {
    await dispose?.();
  });

  it('binds $n parameters (bigint, bytes, null) and reports row counts', async () => {
    const inserted = await connection.query('INSERT INTO item VALUES ($1, $2, $3), ($4, $5, $6)', [
      9007199254740993n,
      new Uint8Array([1, 2, 255]),
      undefined,
      2,
      null,
      'two',
    ]);
    expect(inserted.rowCount).toBe(2);
    const { rows, rowCount } = await connection.query<{ id: string; hex: string | null }>(
      "SELECT id::text AS id, encode(data, 'hex') AS hex FROM item ORDER BY id",
    );
    expect(rowCount).toBe(2);
    expect(rows).toEqual([
      { id: '2', hex: null },
      { id: '9007199254740993', hex: '0102ff' },
    ]);
    expect((await connection.query("UPDATE item SET note = 'x' WHERE id > $1", [1])).rowCount).toBe(2);
    expect((await connection.query('DELETE FROM item WHERE id = $1', [3])).rowCount).toBe(0);
  });

  it('rolls back, commits, and rolls back what close() finds open', async () => {
    await connection.begin();
    await connection.query('INSERT INTO item (id) VALUES (10)');
    await connection.rollback();
    await connection.begin();
    await connection.query('INSERT INTO item (id) VALUES (11)');
    await connection.commit();
    const other = await liveDialect.connect(POSTGRES_URL);
    await other.begin();
    await other.query(`INSERT INTO ${schema}.item (id) VALUES (12)`);
    await other.close();
    const { rows } = await connection.query<{ id: string }>(
      'SELECT id::text AS id FROM item WHERE id BETWEEN 10 AND 99 ORDER BY id',
    );
    expect(rows).toEqual([{ id: '11' }]);
  });

  it("uses an application's client without ending it", async () => {
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    try {
      const wrapped = await liveDialect.connect('postgresql://ignored', { existingClient: client });
      expect(wrapped).toBeInstanceOf(PostgresConnection);
      expect((await wrapped.query<{ answer: number }>('SELECT 41 + $1::int AS answer', [1])).rows).toEqual([
        { answer: 42 },
      ]);
      await wrapped.close();
      expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await client.end();
    }
  });

  it("checks a client out of an application's pool and returns it on close", async () => {
    const pool = new pg.Pool({ connectionString: POSTGRES_URL, max: 2 });
    try {
      const dialect = postgres({ existingClient: pool });
      const first = await dialect.connect('postgresql://ignored');
      expect(pool.totalCount).toBe(1);
      expect(pool.idleCount).toBe(0);
      await first.query('SELECT 1');
      await first.close();
      expect(pool.idleCount).toBe(1);
    } finally {
      await pool.end();
    }
  });

  it('applies statementTimeoutMilliseconds as statement_timeout, cancelling a longer statement', async () => {
    const limited = await liveDialect.connect(POSTGRES_URL, { statementTimeoutMilliseconds: 250 });
    try {
      expect((await limited.query('SHOW statement_timeout')).rows).toEqual([{ statement_timeout: '250ms' }]);
      await expect(limited.query('SELECT pg_sleep(5)')).rejects.toMatchObject({ code: '57014' });
    } finally {
      await limited.close();
    }
  });

  it("gives an application's client its own statement_timeout back on close", async () => {
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    try {
      await client.query("SET statement_timeout = '7s'");
      const wrapped = await liveDialect.connect('postgresql://ignored', {
        existingClient: client,
        statementTimeoutMilliseconds: 1500,
      });
      expect((await wrapped.query('SHOW statement_timeout')).rows).toEqual([{ statement_timeout: '1500ms' }]);
      await wrapped.close();
      expect((await client.query('SHOW statement_timeout')).rows).toEqual([{ statement_timeout: '7s' }]);
    } finally {
      await client.end();
    }
  });

  it('refuses an existingClient that is neither a client nor a pool', async () => {
    await expect(connectPostgres(POSTGRES_URL, { existingClient: { nothing: true } })).rejects.toMatchObject({
      code: 'ALEMBIC_CONFIG',
    });
  });

  it('a batch with a syntax error in a later statement throws that error and leaves the transaction usable', async () => {
    const batchConnection = connection as PostgresConnection;
    await batchConnection.begin();
    try {
      await batchConnection.query('INSERT INTO item (id) VALUES (20)');
      await expect(
        batchConnection.executeBatch([
          'INSERT INTO item (id) VALUES (21)',
          'CREATE TABLE broken (at timestamp without time zone(3))',
          'INSERT INTO item (id) VALUES (22)',
        ]),
      ).rejects.toThrow(/syntax error/);
      // The transaction is still usable: what came before the batch stays, the batch is undone.
      const { rows } = await batchConnection.query<{ id: string }>(
        'SELECT id::text AS id FROM item WHERE id BETWEEN 20 AND 29 ORDER BY id',
      );
      expect(rows).toEqual([{ id: '20' }]);
    } finally {
      await batchConnection.rollback();
    }
  });

  it('lets MigrationContext find, create and update the version table, under the lock', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'alembic-postgres-runtime-'));
    try {
      const logged: string[] = [];
      const config = new Config({
        configFile: null,
        directory,
        values: { scriptLocation: directory },
        output: { stdout: (line) => logged.push(line), stderr: (line) => logged.push(line) },
      });
      const context = new MigrationContext({
        config,
        scripts: ScriptDirectory.fromConfig(config),
        dialect: liveDialect,
        connection,
        schema,
      });
      expect(await context.getCurrentHeads()).toEqual([]);
      await context.runMigrations(() => []);
      const versionTable = await liveDialect.createIntrospector(connection).getTable('alembic_version', { schema });
      expect(versionTable?.primaryKey).toMatchObject({
        name: { name: 'alembic_version_pkc' },
        columns: ['version_num'],
      });
      expect(versionTable?.columns[0]).toMatchObject({
        name: 'version_num',
        type: { kind: 'string', length: 32 },
        nullable: false,
      });
      await context.executeSql(context.versionTable.changeSql({ kind: 'insert', version: 'ae1027a6acf' }));
      expect(await context.getCurrentHeads()).toEqual(['ae1027a6acf']);
      expect(
        await context.executeSql(context.versionTable.changeSql({ kind: 'update', from: 'ae1027a6acf', to: 'bbb2' })),
      ).toBe(1);
      expect(await context.getCurrentHeads()).toEqual(['bbb2']);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

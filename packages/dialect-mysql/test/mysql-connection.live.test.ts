/**
 * The connection adapter, the migration lock and error translation against the live server.
 */
import { inspect } from 'node:util';
import { DatabaseError } from '@alembic/core/dialect';
import { mysqlDialect } from '../src/mysql-dialect.js';
import type { MysqlConnection } from '../src/mysql-connection.js';
import { MysqlDatabaseError } from '../src/mysql-database-error.js';
import { acquireMysqlMigrationLock } from '../src/mysql-migration-lock.js';
import { MYSQL_TEST_URL, createTestDatabase, describeLive, withDatabase } from './support/mysql-test-server.js';
import type { TestDatabase } from './support/mysql-test-server.js';

async function caught(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describeLive('MySQL connection (live)', () => {
  let database: TestDatabase;
  let connection: MysqlConnection;

  beforeAll(async () => {
    database = await createTestDatabase();
    connection = await database.connect();
    await connection.execute('CREATE TABLE item (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(20)) ENGINE=InnoDB');
  });

  afterAll(async () => {
    await connection?.close();
    await database?.drop();
  });

  it('detects the flavour, version and database', () => {
    expect(['mysql', 'mariadb']).toContain(connection.flavour);
    expect(connection.serverVersion).not.toBe('');
    expect(connection.database).toBe(database.name);
  });

  it('binds ? placeholders and reports affected rows', async () => {
    const inserted = await connection.query('INSERT INTO item (id, name) VALUES (?, ?), (?, ?)', [
      1,
      "O'Brien",
      2,
      'b',
    ]);
    expect(inserted).toEqual({ rows: [], rowCount: 2 });
    const updated = await connection.query('UPDATE item SET name = ? WHERE id > ?', ['z', 0]);
    expect(updated.rowCount).toBe(2);
    const selected = await connection.query<{ id: number; name: string }>(
      'SELECT id, name FROM item WHERE id = ?',
      [1],
    );
    expect(selected).toEqual({ rows: [{ id: 1, name: 'z' }], rowCount: 1 });
  });

  it('runs several statements in one execute', async () => {
    await connection.execute("UPDATE item SET name = 'm1' WHERE id = 1; UPDATE item SET name = 'm2' WHERE id = 2");
    const { rows } = await connection.query<{ name: string }>('SELECT name FROM item ORDER BY id');
    expect(rows.map((row) => row.name)).toEqual(['m1', 'm2']);
  });

  it('commits and rolls back', async () => {
    await connection.begin();
    await connection.query('INSERT INTO item (id, name) VALUES (10, ?)', ['kept']);
    await connection.commit();
    await connection.begin();
    await connection.query('INSERT INTO item (id, name) VALUES (11, ?)', ['gone']);
    await connection.rollback();
    const { rows } = await connection.query<{ id: number }>('SELECT id FROM item WHERE id >= 10 ORDER BY id');
    expect(rows.map((row) => row.id)).toEqual([10]);
  });

  it('wraps an existing mysql2 connection and pool, and leaves them open', async () => {
    const driver = (await import('mysql2/promise')) as unknown as typeof import('mysql2/promise');
    const own = await driver.createConnection({ uri: database.url.replace(/^mariadb:/, 'mysql:') });
    const wrapped = await mysqlDialect.connect('mysql://ignored', { existingClient: own });
    expect((await wrapped.query('SELECT COUNT(*) AS n FROM item')).rows).toEqual([{ n: 3 }]);
    await wrapped.close();
    await own.query('SELECT 1');
    await own.end();

    const pool = driver.createPool({ uri: database.url.replace(/^mariadb:/, 'mysql:'), connectionLimit: 1 });
    const first = await mysqlDialect.connect('mysql://ignored', { existingClient: pool });
    await first.close();
    const second = await mysqlDialect.connect('mysql://ignored', { existingClient: pool });
    expect((await second.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    await second.close();
    await pool.end();
  });

  it('translates server errors with stable codes, keeping the message', async () => {
    const duplicate = mysqlDialect.translateError(
      await caught(() => connection.query('INSERT INTO item (id) VALUES (1)')),
    );
    expect(MysqlDatabaseError.isInstance(duplicate)).toBe(true);
    expect(DatabaseError.isInstance(duplicate)).toBe(true);
    expect(duplicate).toMatchObject({
      code: 'ALEMBIC_CONSTRAINT_VIOLATION',
      errno: 1062,
      sqlState: '23000',
      constraintKind: 'UNIQUE',
    });
    expect((duplicate as Error).message).toMatch(/Duplicate entry '1'/);

    const missing = mysqlDialect.translateError(await caught(() => connection.query('SELECT * FROM no_such_table')));
    expect(missing).toMatchObject({ code: 'ALEMBIC_TABLE_NOT_FOUND', errno: 1146, sqlState: '42S02' });
    expect((missing as Error).message).toContain('no_such_table');

    const syntax = mysqlDialect.translateError(await caught(() => connection.execute('CREATE TABEL x (a INT)')));
    expect(syntax).toMatchObject({ code: 'ALEMBIC_SQL_SYNTAX_ERROR', errno: 1064 });

    const unknownColumn = mysqlDialect.translateError(await caught(() => connection.query('SELECT nope FROM item')));
    expect(unknownColumn).toMatchObject({ code: 'ALEMBIC_COLUMN_NOT_FOUND', errno: 1054 });
  });

  it('never shows the password of a failed login', async () => {
    const password = 'Sup3r-S3cret-Pa55';
    const url = withDatabase(MYSQL_TEST_URL, database.name).replace(
      /^([a-z0-9+]+:\/\/)([^:@/]*)(:[^@/]*)?@/i,
      `$1alembic_nobody:${password}@`,
    );
    const error = await caught(() => mysqlDialect.connect(url));
    expect(MysqlDatabaseError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'ALEMBIC_ACCESS_DENIED' });
    expect((error as Error).message).toMatch(/Access denied for user 'alembic_nobody'/);
    expect(inspect(error, { depth: 10 })).not.toContain(password);
    expect(JSON.stringify(error)).not.toContain(password);
  });

  it('reports an unknown database and an unreachable server', async () => {
    const unknown = await caught(() => mysqlDialect.connect(withDatabase(MYSQL_TEST_URL, `${database.name}_missing`)));
    expect(unknown).toMatchObject({ code: 'ALEMBIC_DATABASE_NOT_FOUND', errno: 1049 });
    const refused = await caught(() => mysqlDialect.connect('mysql://root:pw@127.0.0.1:1/test?connect_timeout=2'));
    expect(refused).toMatchObject({ code: 'ALEMBIC_CONNECTION_FAILED' });
  });

  describe('migration lock', () => {
    it('makes a second session wait until the first releases', async () => {
      const other = await database.connect();
      try {
        const release = await acquireMysqlMigrationLock(connection, { lockName: 'alembic:.alembic_version' });
        const events: string[] = [];
        const waiting = acquireMysqlMigrationLock(other, { lockName: 'alembic:.alembic_version' }).then(
          (releaseOther) => {
            events.push('second acquired');
            return releaseOther;
          },
        );
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(events).toEqual([]);
        events.push('first released');
        await release();
        const releaseOther = await waiting;
        expect(events).toEqual(['first released', 'second acquired']);
        await releaseOther();
      } finally {
        await other.close();
      }
    });

    it('gives up after the timeout with ALEMBIC_DATABASE_LOCKED', async () => {
      const other = await database.connect();
      try {
        const release = await mysqlDialect.acquireMigrationLock(connection, { lockName: 'alembic:.timeout_test' });
        const started = Date.now();
        const error = await caught(() =>
          mysqlDialect.acquireMigrationLock(other, { lockName: 'alembic:.timeout_test', timeoutMilliseconds: 500 }),
        );
        expect(Date.now() - started).toBeGreaterThanOrEqual(400);
        expect(error).toMatchObject({ code: 'ALEMBIC_DATABASE_LOCKED' });
        expect((error as Error).message).toMatch(
          /Another migration run holds the lock 'alembic:\.timeout_test@alembic_test_/,
        );
        await release();
        const releaseOther = await mysqlDialect.acquireMigrationLock(other, {
          lockName: 'alembic:.timeout_test',
          timeoutMilliseconds: 500,
        });
        await releaseOther();
      } finally {
        await other.close();
      }
    });

    it('keeps locks of two databases apart', async () => {
      const second = await createTestDatabase();
      const elsewhere = await second.connect();
      try {
        const release = await acquireMysqlMigrationLock(connection, { lockName: 'alembic:.alembic_version' });
        const releaseElsewhere = await acquireMysqlMigrationLock(elsewhere, {
          lockName: 'alembic:.alembic_version',
          timeoutMilliseconds: 0,
        });
        await releaseElsewhere();
        await release();
      } finally {
        await elsewhere.close();
        await second.drop();
      }
    });
  });
});

import { AlembicError } from '@alembic/core/dialect';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { connectSqlite } from '../src/sqlite-connect.js';
import type { SqliteConnection } from '../src/sqlite-connection.js';
import { translateSqliteError } from '../src/sqlite-error-translator.js';
import { sqliteFileUrl, useTemporaryDirectory } from './support/temporary-directory.js';

describe('connectSqlite and SqliteConnection', () => {
  const directory = useTemporaryDirectory();
  const opened: SqliteConnection[] = [];
  const open = async (url: string, busyTimeoutMilliseconds?: number): Promise<SqliteConnection> => {
    const connection = await connectSqlite(
      url,
      {},
      busyTimeoutMilliseconds === undefined ? {} : { busyTimeoutMilliseconds },
    );
    opened.push(connection);
    return connection;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((connection) => connection.close().catch(() => undefined)));
  });

  it('opens an absolute file URL, creating the file', async () => {
    const connection = await open(sqliteFileUrl(directory(), 'app.db'));
    await connection.execute('CREATE TABLE t (a INTEGER)');
    expect(existsSync(join(directory(), 'app.db'))).toBe(true);
  });

  it('opens a relative URL against the working directory', async () => {
    const previous = process.cwd();
    process.chdir(directory());
    try {
      const connection = await open('sqlite:///relative.db');
      await connection.execute('CREATE TABLE t (a INTEGER)');
    } finally {
      process.chdir(previous);
    }
    expect(existsSync(join(directory(), 'relative.db'))).toBe(true);
  });

  it.each(['sqlite://', 'sqlite:///:memory:'])('%s is a private in-memory database', async (url) => {
    const first = await open(url);
    const second = await open(url);
    await first.execute('CREATE TABLE t (a INTEGER)');
    await expect(second.query('SELECT * FROM t')).rejects.toThrow(/no such table/);
  });

  it('returns rows for queries and the number of changed rows for writes', async () => {
    const connection = await open('sqlite://');
    await connection.execute("CREATE TABLE t (a INTEGER, b TEXT); INSERT INTO t VALUES (1, 'x'), (2, 'y'), (3, 'z')");
    expect(await connection.query('SELECT a, b FROM t WHERE a > ? ORDER BY a', [1])).toEqual({
      rows: [
        { a: 2, b: 'y' },
        { a: 3, b: 'z' },
      ],
      rowCount: 2,
    });
    expect(await connection.query("UPDATE t SET b = 'w' WHERE a >= ?", [2])).toEqual({ rows: [], rowCount: 2 });
    expect(await connection.query('DELETE FROM t WHERE a = ?', [9])).toEqual({ rows: [], rowCount: 0 });
    expect(await connection.query('INSERT INTO t (a) VALUES (?) RETURNING a', [7])).toEqual({
      rows: [{ a: 7 }],
      rowCount: 1,
    });
  });

  it('binds booleans, dates, big integers and objects as the offline SQL writes them', async () => {
    const connection = await open('sqlite://');
    await connection.execute('CREATE TABLE t (flag BOOLEAN, moment DATETIME, big BIGINT, doc JSON, missing TEXT)');
    await connection.query('INSERT INTO t VALUES (?, ?, ?, ?, ?)', [
      true,
      new Date(Date.UTC(2024, 0, 31, 13, 45)),
      10n,
      { a: 1 },
      undefined,
    ]);
    expect((await connection.query('SELECT * FROM t')).rows).toEqual([
      { flag: 1, moment: '2024-01-31 13:45:00.000000', big: 10, doc: '{"a":1}', missing: null },
    ]);
  });

  it('commits and rolls back, DDL included', async () => {
    const connection = await open('sqlite://');
    await connection.begin();
    await connection.execute('CREATE TABLE kept (a INTEGER)');
    await connection.commit();
    await connection.begin();
    await connection.execute('CREATE TABLE dropped (a INTEGER)');
    await connection.execute('INSERT INTO kept VALUES (1)');
    await connection.rollback();
    const { rows } = await connection.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    expect(rows).toEqual([{ name: 'kept' }]);
    expect((await connection.query('SELECT count(*) AS n FROM kept')).rows).toEqual([{ n: 0 }]);
  });

  it('begins with BEGIN IMMEDIATE: a second writer waits for the first to commit', async () => {
    const url = sqliteFileUrl(directory());
    const first = await open(url);
    const second = await open(url);
    await first.execute('CREATE TABLE t (a INTEGER)');
    await first.begin();
    await first.query('INSERT INTO t VALUES (1)');
    const order: string[] = [];
    const waiting = second.begin().then(() => order.push('second began'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    order.push('first commits');
    await first.commit();
    await waiting;
    await second.query('INSERT INTO t VALUES (2)');
    await second.commit();
    expect(order).toEqual(['first commits', 'second began']);
  });

  it('gives up after the busy timeout with SQLITE_BUSY, translated to ALEMBIC_DATABASE_LOCKED', async () => {
    const url = sqliteFileUrl(directory());
    const first = await open(url);
    const second = await open(url, 100);
    await first.begin();
    const failure = await second.begin().catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'SQLITE_BUSY' });
    expect(translateSqliteError(failure)).toMatchObject({ code: 'ALEMBIC_DATABASE_LOCKED', sqliteCode: 'SQLITE_BUSY' });
    await first.rollback();
  });

  it("uses the URL's ?timeout= as busy timeout", async () => {
    const connection = await open(`${sqliteFileUrl(directory())}?timeout=1.5`);
    expect((await connection.query('PRAGMA busy_timeout')).rows).toEqual([{ timeout: 1500 }]);
    const defaulted = await open(sqliteFileUrl(directory(), 'other.db'));
    expect((await defaulted.query('PRAGMA busy_timeout')).rows).toEqual([{ timeout: 30000 }]);
  });

  it('leaves PRAGMA foreign_keys at the driver default (off)', async () => {
    const connection = await open('sqlite://');
    expect((await connection.query('PRAGMA foreign_keys')).rows).toEqual([{ foreign_keys: 0 }]);
  });

  it('wraps an existing sqlite3 Database without closing it', async () => {
    const database = new sqlite3.Database(':memory:');
    const connection = await connectSqlite('sqlite://', { existingClient: database });
    await connection.execute('CREATE TABLE t (a INTEGER)');
    await connection.close();
    const rows = await new Promise<unknown[]>((resolve, reject) =>
      database.all('SELECT name FROM sqlite_master', [], (error, result) => (error ? reject(error) : resolve(result))),
    );
    expect(rows).toEqual([{ name: 't' }]);
    await new Promise<void>((resolve) => database.close(() => resolve()));
  });

  it('refuses an existing client that is not a sqlite3 Database', async () => {
    await expect(connectSqlite('sqlite://', { existingClient: { query: () => undefined } })).rejects.toThrow(
      /existingClient must be a sqlite3 Database/,
    );
  });

  it('says which file it cannot open, with a stable code', async () => {
    const failure = await connectSqlite(sqliteFileUrl(join(directory(), 'missing', 'deeper'))).catch(
      (error: unknown) => error,
    );
    expect(AlembicError.isInstance(failure)).toBe(true);
    expect(failure).toMatchObject({ code: 'ALEMBIC_DATABASE_CANNOT_OPEN', sqliteCode: 'SQLITE_CANTOPEN' });
    expect((failure as Error).message).toMatch(/^SQLITE_CANTOPEN: .*missing\/deeper\/test\.db\)$/);
  });

  it('opens read only with ?mode=ro', async () => {
    const url = sqliteFileUrl(directory());
    const writer = await open(url);
    await writer.execute('CREATE TABLE t (a INTEGER)');
    const reader = await open(`${url}?mode=ro`);
    const failure = await reader.query('INSERT INTO t VALUES (1)').catch((error: unknown) => error);
    expect(translateSqliteError(failure)).toMatchObject({ code: 'ALEMBIC_DATABASE_READ_ONLY' });
  });

  it('rolls back a transaction left open when it closes', async () => {
    const url = sqliteFileUrl(directory());
    const connection = await connectSqlite(url);
    await connection.execute('CREATE TABLE t (a INTEGER)');
    await connection.begin();
    await connection.query('INSERT INTO t VALUES (1)');
    await connection.close();
    const reopened = await open(url);
    expect((await reopened.query('SELECT count(*) AS n FROM t')).rows).toEqual([{ n: 0 }]);
  });
});

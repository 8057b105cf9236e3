import type { DatabaseConnection } from '@alembic/core/dialect';
import { connectSqlite } from '../src/sqlite-connect.js';
import type { SqliteConnection } from '../src/sqlite-connection.js';
import { acquireSqliteMigrationLock } from '../src/sqlite-migration-lock.js';
import { sqliteFileUrl, useTemporaryDirectory } from './support/temporary-directory.js';

const LOCK = { lockName: 'alembic:.alembic_version' };

function delay(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

describe('acquireSqliteMigrationLock', () => {
  const directory = useTemporaryDirectory();
  const opened: SqliteConnection[] = [];
  const open = async (busyTimeoutMilliseconds?: number): Promise<SqliteConnection> => {
    const connection = await connectSqlite(
      sqliteFileUrl(directory()),
      {},
      busyTimeoutMilliseconds === undefined ? {} : { busyTimeoutMilliseconds },
    );
    opened.push(connection);
    return connection;
  };
  const count = async (connection: DatabaseConnection): Promise<unknown> =>
    (await connection.query('SELECT count(*) AS n FROM t')).rows[0];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((connection) => connection.close().catch(() => undefined)));
  });

  it('inside a transaction: the BEGIN IMMEDIATE transaction is the lock; acquire and release do nothing', async () => {
    const connection = await open();
    await connection.execute('CREATE TABLE t (a INTEGER)');
    await connection.begin();
    const release = await acquireSqliteMigrationLock(connection, LOCK);
    await connection.query('INSERT INTO t VALUES (1)');
    await release();
    expect(connection.inTransaction).toBe(true);
    await connection.commit();
    expect(await count(connection)).toEqual({ n: 1 });
  });

  it('outside a transaction: holds the write lock until released, migrations becoming savepoints', async () => {
    const connection = await open();
    const other = await open();
    await connection.execute('CREATE TABLE t (a INTEGER)');
    const release = await acquireSqliteMigrationLock(connection, LOCK);
    // first migration: committed
    await connection.begin();
    await connection.query('INSERT INTO t VALUES (1)');
    await connection.commit();
    // between migrations another writer still cannot get in
    let otherBegan = false;
    const otherWrites = other.begin().then(() => {
      otherBegan = true;
    });
    await delay(150);
    expect(otherBegan).toBe(false);
    // second migration: rolled back on its own
    await connection.begin();
    await connection.query('INSERT INTO t VALUES (2)');
    await connection.rollback();
    await release();
    await otherWrites;
    expect(otherBegan).toBe(true);
    expect(await count(other)).toEqual({ n: 1 });
    await other.rollback();
    expect(connection.inTransaction).toBe(false);
  });

  it('waits for another run holding the lock, then proceeds', async () => {
    const first = await open();
    const second = await open(50);
    const releaseFirst = await acquireSqliteMigrationLock(first, LOCK);
    const order: string[] = [];
    const secondLock = acquireSqliteMigrationLock(second, LOCK).then((release) => {
      order.push('second locked');
      return release;
    });
    await delay(200);
    order.push('first releases');
    await releaseFirst();
    const releaseSecond = await secondLock;
    await releaseSecond();
    expect(order).toEqual(['first releases', 'second locked']);
  });

  it('gives up after timeoutMilliseconds with SQLITE_BUSY', async () => {
    const first = await open();
    const second = await open(20);
    const releaseFirst = await acquireSqliteMigrationLock(first, LOCK);
    const started = Date.now();
    await expect(acquireSqliteMigrationLock(second, { ...LOCK, timeoutMilliseconds: 150 })).rejects.toMatchObject({
      code: 'SQLITE_BUSY',
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    await releaseFirst();
  });

  it('tells onWait which file it waits for, and keeps to the timeout however long the busy timeout', async () => {
    const first = await open();
    const second = await open(60_000);
    const releaseFirst = await acquireSqliteMigrationLock(first, LOCK);
    const waits: unknown[] = [];
    // A busy timeout of 60 s must not outlast the lock timeout: the test would time out.
    await expect(
      acquireSqliteMigrationLock(second, { ...LOCK, timeoutMilliseconds: 100, onWait: (wait) => waits.push(wait) }),
    ).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    expect(waits).toEqual([{ lock: `SQLite write lock on ${directory()}/test.db` }]);
    expect((await second.query('PRAGMA busy_timeout')).rows[0]).toEqual({ timeout: 60_000 });
    await releaseFirst();
  });

  it('a timeout of 0 fails at once when the lock is held, and takes a free lock without calling onWait', async () => {
    const first = await open();
    const second = await open();
    const releaseFirst = await acquireSqliteMigrationLock(first, LOCK);
    const waits: unknown[] = [];
    const onWait = (wait: unknown): void => void waits.push(wait);
    await expect(acquireSqliteMigrationLock(second, { ...LOCK, timeoutMilliseconds: 0, onWait })).rejects.toMatchObject(
      { code: 'SQLITE_BUSY' },
    );
    expect(waits).toHaveLength(1);
    await releaseFirst();
    const releaseSecond = await acquireSqliteMigrationLock(second, { ...LOCK, timeoutMilliseconds: 0, onWait });
    expect(waits).toHaveLength(1);
    await releaseSecond();
  });

  it('a release with a savepoint still open discards the unfinished migration and commits the rest', async () => {
    const connection = await open();
    await connection.execute('CREATE TABLE t (a INTEGER)');
    const release = await acquireSqliteMigrationLock(connection, LOCK);
    await connection.begin();
    await connection.query('INSERT INTO t VALUES (1)');
    await connection.commit();
    await connection.begin();
    await connection.query('INSERT INTO t VALUES (2)');
    await release();
    expect(await count(connection)).toEqual({ n: 1 });
  });

  it('leaves connections it did not create alone', async () => {
    const foreign: DatabaseConnection = {
      query: async () => ({ rows: [], rowCount: 0 }),
      execute: async () => {
        throw new Error('must not be called');
      },
      begin: async () => undefined,
      commit: async () => undefined,
      rollback: async () => undefined,
      close: async () => undefined,
    };
    const release = await acquireSqliteMigrationLock(foreign, LOCK);
    await expect(release()).resolves.toBeUndefined();
  });
});

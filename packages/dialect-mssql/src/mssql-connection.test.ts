import { FakeMssqlPool } from '../test/support/fake-mssql-pool.js';
import { MssqlConnection } from './mssql-connection.js';

function connectionOver(pool: FakeMssqlPool): MssqlConnection {
  return new MssqlConnection(pool, {
    defaultSchema: 'dbo',
    database: 'shop',
    serverVersion: '16.0',
    singleSession: true,
    close: () => pool.close(),
  });
}

describe('MssqlConnection', () => {
  it('sends statements without parameters as batches of their own (SET options stay on the session)', async () => {
    const pool = new FakeMssqlPool();
    pool.results.push({ rowsAffected: [2] });
    const connection = connectionOver(pool);
    expect(await connection.query('SET IDENTITY_INSERT t ON')).toEqual({ rows: [], rowCount: 2 });
    await connection.execute('CREATE TABLE t (a INT)');
    expect(pool.requests).toEqual([
      { method: 'batch', sql: 'SET IDENTITY_INSERT t ON', inputs: {}, on: 'pool' },
      { method: 'batch', sql: 'CREATE TABLE t (a INT)', inputs: {}, on: 'pool' },
    ]);
  });

  it('binds parameters as @p1, @p2 (undefined as NULL) and returns the first result set', async () => {
    const pool = new FakeMssqlPool();
    pool.results.push({ recordset: [{ a: 1 }, { a: 2 }], rowsAffected: [2] });
    const connection = connectionOver(pool);
    expect(await connection.query('SELECT a FROM t WHERE b = @p1 AND c = @p2', ['x', undefined])).toEqual({
      rows: [{ a: 1 }, { a: 2 }],
      rowCount: 2,
    });
    expect(pool.requests[0]).toEqual({
      method: 'query',
      sql: 'SELECT a FROM t WHERE b = @p1 AND c = @p2',
      inputs: { p1: 'x', p2: null },
      on: 'pool',
    });
  });

  it('reports the rows the last statement affected, or nothing when the server did not count', async () => {
    const pool = new FakeMssqlPool();
    pool.results.push({ rowsAffected: [1, 3] }, { rowsAffected: [] });
    const connection = connectionOver(pool);
    expect((await connection.query('UPDATE a; UPDATE b')).rowCount).toBe(3);
    expect((await connection.query('SET NOCOUNT ON; UPDATE b')).rowCount).toBeUndefined();
  });

  it('runs every request of a transaction on it, and on the pool again after', async () => {
    const pool = new FakeMssqlPool();
    const connection = connectionOver(pool);
    await connection.begin();
    expect(connection.inTransaction).toBe(true);
    await connection.query('INSERT INTO t VALUES (@p1)', [1]);
    await connection.commit();
    await connection.query('SELECT 1');
    await connection.begin();
    await connection.execute('DELETE FROM t');
    await connection.rollback();
    expect(pool.log).toEqual(['BEGIN 1', 'COMMIT 1', 'BEGIN 2', 'ROLLBACK 2']);
    expect(pool.requests.map((request) => request.on)).toEqual([1, 'pool', 2]);
    await expect(connection.commit()).rejects.toThrow('No transaction to commit');
    await expect(connection.begin().then(() => connection.begin())).rejects.toThrow('already open');
  });

  it('takes a transaction the server already aborted as rolled back; other rollback errors go up', async () => {
    const pool = new FakeMssqlPool();
    const connection = connectionOver(pool);
    await connection.begin();
    pool.rollbackError = Object.assign(new Error('Transaction has been aborted.'), { code: 'EABORT' });
    await expect(connection.rollback()).resolves.toBeUndefined();
    await connection.begin();
    pool.rollbackError = Object.assign(new Error('socket hang up'), { code: 'ESOCKET' });
    await expect(connection.rollback()).rejects.toThrow('socket hang up');
    expect(connection.inTransaction).toBe(false);
  });

  it('rolls back what is open when closed, and closes once', async () => {
    const pool = new FakeMssqlPool();
    const connection = connectionOver(pool);
    await connection.begin();
    await connection.close();
    await connection.close();
    expect(pool.log).toEqual(['BEGIN 1', 'ROLLBACK 1', 'CLOSE']);
  });
});

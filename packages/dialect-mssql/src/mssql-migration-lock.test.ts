import { FakeMssqlPool } from '../test/support/fake-mssql-pool.js';
import { MssqlConnection } from './mssql-connection.js';
import { acquireMssqlMigrationLock, mssqlLockResource } from './mssql-migration-lock.js';

function connectionOver(pool: FakeMssqlPool, singleSession = true): MssqlConnection {
  return new MssqlConnection(pool, {
    defaultSchema: 'dbo',
    database: 'shop',
    serverVersion: '16.0',
    singleSession,
    close: async () => undefined,
  });
}

describe('acquireMssqlMigrationLock', () => {
  it('takes an exclusive session applock without waiting when it is free, and releases it once', async () => {
    const pool = new FakeMssqlPool();
    pool.results.push({ recordset: [{ result: 0 }] });
    const waits: unknown[] = [];
    const release = await acquireMssqlMigrationLock(connectionOver(pool), {
      lockName: 'alembic:.alembic_version',
      onWait: (wait) => void waits.push(wait),
    });
    await release();
    await release();
    expect(pool.requests).toHaveLength(2);
    expect(pool.requests[0]?.sql).toContain(
      "EXEC @result = sp_getapplock @Resource = @p1, @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = @p2;",
    );
    expect(pool.requests[0]?.inputs).toEqual({ p1: 'alembic:.alembic_version', p2: 0 });
    expect(pool.requests[1]).toMatchObject({
      sql: "EXEC sp_releaseapplock @Resource = @p1, @LockOwner = 'Session'",
      inputs: { p1: 'alembic:.alembic_version' },
    });
    expect(waits).toEqual([]);
  });

  it('when the lock is held: tells onWait the resource, then waits indefinitely in one sp_getapplock', async () => {
    const pool = new FakeMssqlPool();
    pool.results.push({ recordset: [{ result: -1 }] }, { recordset: [{ result: 1 }] });
    const waits: unknown[] = [];
    await acquireMssqlMigrationLock(connectionOver(pool), {
      lockName: 'alembic:.alembic_version',
      onWait: (wait) => void waits.push(wait),
    });
    expect(waits).toEqual([{ lock: "sp_getapplock resource 'alembic:.alembic_version' in database shop" }]);
    expect(pool.requests.map((request) => request.inputs.p2)).toEqual([0, -1]);
  });

  it('waits in steps shorter than the requestTimeout, which would cancel a longer sp_getapplock', async () => {
    const pool = new FakeMssqlPool({ requestTimeout: 10_000 });
    pool.results.push(
      { recordset: [{ result: -1 }] },
      { recordset: [{ result: -1 }] },
      { recordset: [{ result: -1 }] },
      { recordset: [{ result: 1 }] },
    );
    await acquireMssqlMigrationLock(connectionOver(pool), { lockName: 'x' });
    expect(pool.requests.map((request) => request.inputs.p2)).toEqual([0, 8000, 8000, 8000]);
    const unconfigured = new FakeMssqlPool({ requestTimeout: undefined });
    unconfigured.results.push({ recordset: [{ result: -1 }] }, { recordset: [{ result: 1 }] });
    await acquireMssqlMigrationLock(connectionOver(unconfigured), { lockName: 'x' });
    // mssql's own default request timeout is 15 s.
    expect(unconfigured.requests.map((request) => request.inputs.p2)).toEqual([0, 12_000]);
  });

  it('gives up after the timeout with ALEMBIC_DATABASE_LOCKED', async () => {
    const pool = new FakeMssqlPool();
    pool.results.push({ recordset: [{ result: -1 }] }, { recordset: [{ result: -1 }] });
    await expect(
      acquireMssqlMigrationLock(connectionOver(pool), { lockName: 'x', timeoutMilliseconds: 1500 }),
    ).rejects.toMatchObject({
      code: 'ALEMBIC_DATABASE_LOCKED',
      message: expect.stringMatching(/^Another migration run holds the lock 'x'; gave up after 1\.5 s/),
    });
    expect(pool.requests[0]?.inputs).toEqual({ p1: 'x', p2: 0 });
    expect(pool.requests[1]?.inputs.p2).toBeGreaterThan(1000);
    expect(pool.requests[1]?.inputs.p2).toBeLessThanOrEqual(1500);
  });

  it('with a timeout of 0, asks once and does not wait', async () => {
    const pool = new FakeMssqlPool();
    pool.results.push({ recordset: [{ result: -1 }] });
    const waits: unknown[] = [];
    await expect(
      acquireMssqlMigrationLock(connectionOver(pool), {
        lockName: 'x',
        timeoutMilliseconds: 0,
        onWait: (wait) => void waits.push(wait),
      }),
    ).rejects.toMatchObject({
      code: 'ALEMBIC_DATABASE_LOCKED',
    });
    expect(pool.requests.map((request) => request.inputs.p2)).toEqual([0]);
    expect(waits).toHaveLength(1);
  });

  it('reports a deadlock victim and other refusals', async () => {
    const pool = new FakeMssqlPool();
    pool.results.push(
      { recordset: [{ result: -3 }] },
      { recordset: [{ result: -1 }] },
      { recordset: [{ result: -999 }] },
    );
    await expect(acquireMssqlMigrationLock(connectionOver(pool), { lockName: 'x' })).rejects.toMatchObject({
      code: 'ALEMBIC_DEADLOCK',
    });
    await expect(acquireMssqlMigrationLock(connectionOver(pool), { lockName: 'x' })).rejects.toMatchObject({
      code: 'ALEMBIC_DATABASE_ERROR',
    });
  });

  it('refuses a pool of several sessions, which could not release a session lock', async () => {
    await expect(
      acquireMssqlMigrationLock(connectionOver(new FakeMssqlPool({ max: 10 }), false), { lockName: 'x' }),
    ).rejects.toMatchObject({
      code: 'ALEMBIC_CONFIG',
      message: expect.stringContaining('pool: { max: 1 }'),
    });
  });

  it('hashes resource names longer than 255 characters', () => {
    expect(mssqlLockResource('alembic:.alembic_version')).toBe('alembic:.alembic_version');
    const long = mssqlLockResource(`alembic:${'s'.repeat(300)}.v`);
    expect(long).toMatch(/^alembic:[0-9a-f]{64}$/);
  });
});

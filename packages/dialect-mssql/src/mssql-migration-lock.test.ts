import { FakeMssqlPool } from '../test/support/fake-mssql-pool.js';
import { MssqlConnection } from './mssql-connection.js';
import { acquireMssqlMigrationLock, mssqlLockResource } from './mssql-migration-lock.js';

function connectionOver(pool: FakeMssqlPool, singleSession = true): MssqlConnection {
  return new MssqlConnection(pool, { defaultSchema: 'dbo', database: 'shop', serverVersion: '16.0', singleSession, close: async () => undefined });
}

describe('acquireMssqlMigrationLock', () => {
  it('takes an exclusive session applock, waiting indefinitely, and releases it once', async () => {
    const pool = new FakeMssqlPool();
    pool.results.push({ recordset: [{ result: 0 }] });
    const release = await acquireMssqlMigrationLock(connectionOver(pool), { lockName: 'alembic:.alembic_version' });
    await release();
    await release();
    expect(pool.requests).toHaveLength(2);
    expect(pool.requests[0]?.sql).toContain("EXEC @result = sp_getapplock @Resource = @p1, @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = @p2;");
    expect(pool.requests[0]?.inputs).toEqual({ p1: 'alembic:.alembic_version', p2: -1 });
    expect(pool.requests[1]).toMatchObject({ sql: "EXEC sp_releaseapplock @Resource = @p1, @LockOwner = 'Session'", inputs: { p1: 'alembic:.alembic_version' } });
  });

  it('gives up after the timeout with ALEMBIC_DATABASE_LOCKED', async () => {
    const pool = new FakeMssqlPool();
    pool.results.push({ recordset: [{ result: -1 }] });
    await expect(acquireMssqlMigrationLock(connectionOver(pool), { lockName: 'x', timeoutMilliseconds: 1500 })).rejects.toMatchObject({
      code: 'ALEMBIC_DATABASE_LOCKED',
      message: expect.stringMatching(/^Another migration run holds the lock 'x'; gave up after 1\.5 s/),
    });
    expect(pool.requests[0]?.inputs).toEqual({ p1: 'x', p2: 1500 });
  });

  it('reports a deadlock victim and other refusals', async () => {
    const pool = new FakeMssqlPool();
    pool.results.push({ recordset: [{ result: -3 }] }, { recordset: [{ result: -999 }] });
    await expect(acquireMssqlMigrationLock(connectionOver(pool), { lockName: 'x' })).rejects.toMatchObject({ code: 'ALEMBIC_DEADLOCK' });
    await expect(acquireMssqlMigrationLock(connectionOver(pool), { lockName: 'x' })).rejects.toMatchObject({ code: 'ALEMBIC_DATABASE_ERROR' });
  });

  it('refuses a pool of several sessions, which could not release a session lock', async () => {
    await expect(acquireMssqlMigrationLock(connectionOver(new FakeMssqlPool({ max: 10 }), false), { lockName: 'x' })).rejects.toMatchObject({
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

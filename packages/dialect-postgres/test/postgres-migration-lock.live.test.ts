/**
 * The advisory migration lock on the test server, with two connections: the second waits
 * until the first releases, gives up after its timeout, and the lock shows in `pg_locks` while
 * it is held.
 */
import type { DatabaseConnection } from '@alembic/core/dialect';
import { PostgresDatabaseError } from '../src/postgres-database-error.js';
import { postgres } from '../src/postgres-dialect.js';
import { advisoryLockKey } from '../src/postgres-lock-key.js';
import { acquirePostgresMigrationLock } from '../src/postgres-migration-lock.js';
import { POSTGRES_URL, describeLive, liveDialect, uniqueSchemaName } from './support/live-postgres.js';

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

describeLive('PostgreSQL migration lock, live', () => {
  let first: DatabaseConnection;
  let second: DatabaseConnection;
  /** A lock name no other test file uses, so files can run in parallel. */
  const lockName = `alembic:${uniqueSchemaName('lock')}.alembic_version`;

  beforeEach(async () => {
    first = await liveDialect.connect(POSTGRES_URL);
    second = await liveDialect.connect(POSTGRES_URL);
  });

  afterEach(async () => {
    await first.close();
    await second.close();
  });

  async function heldAdvisoryLocks(): Promise<number> {
    const key = BigInt(advisoryLockKey(lockName));
    const unsigned = BigInt.asUintN(64, key);
    const { rows } = await second.query<{ count: number }>(
      "SELECT count(*)::int AS count FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = $1::oid AND objid = $2::oid AND objsubid = 1",
      [(unsigned >> 32n).toString(), (unsigned & 0xffffffffn).toString()],
    );
    return rows[0]?.count ?? 0;
  }

  it('makes the second connection wait until the first releases', async () => {
    const releaseFirst = await liveDialect.acquireMigrationLock(first, { lockName });
    expect(await heldAdvisoryLocks()).toBe(1);
    let secondAcquired = false;
    const secondLock = liveDialect.acquireMigrationLock(second, { lockName }).then((release) => {
      secondAcquired = true;
      return release;
    });
    await sleep(400);
    expect(secondAcquired).toBe(false);
    await releaseFirst();
    const releaseSecond = await secondLock;
    expect(secondAcquired).toBe(true);
    await releaseSecond();
    await releaseSecond();
  });

  it('tells onWait the key and the backend holding the lock, once, and not when the lock is free', async () => {
    const releaseFirst = await acquirePostgresMigrationLock(first, { lockName });
    const { rows } = await first.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const waits: unknown[] = [];
    const onWait = (wait: unknown): void => void waits.push(wait);
    await expect(
      acquirePostgresMigrationLock(second, { lockName, timeoutMilliseconds: 200, onWait }),
    ).rejects.toMatchObject({
      code: 'ALEMBIC_DATABASE_LOCKED',
    });
    expect(waits).toEqual([
      {
        lock: `advisory lock ${advisoryLockKey(lockName)} ('${lockName}')`,
        holder: expect.stringMatching(new RegExp(`^PostgreSQL backend ${rows[0]?.pid} \\(user postgres`)),
      },
    ]);
    await releaseFirst();
    const releaseSecond = await acquirePostgresMigrationLock(second, { lockName, timeoutMilliseconds: 0, onWait });
    expect(waits).toHaveLength(1);
    await releaseSecond();
  });

  it('is not cut short by the statement timeout of the waiting session', async () => {
    const limited = await liveDialect.connect(POSTGRES_URL, { statementTimeoutMilliseconds: 50 });
    try {
      const releaseFirst = await acquirePostgresMigrationLock(first, { lockName });
      const waiting = acquirePostgresMigrationLock(limited, { lockName });
      await sleep(300);
      await releaseFirst();
      await (await waiting)();
    } finally {
      await limited.close();
    }
  });

  it('survives the transactions run while it is held', async () => {
    const release = await acquirePostgresMigrationLock(first, { lockName });
    await first.begin();
    await first.query('SELECT 1');
    await first.rollback();
    expect(await heldAdvisoryLocks()).toBe(1);
    await release();
    expect(await heldAdvisoryLocks()).toBe(0);
  });

  it('gives up after its timeout with ALEMBIC_DATABASE_LOCKED, then succeeds once free', async () => {
    const releaseFirst = await acquirePostgresMigrationLock(first, { lockName });
    const started = Date.now();
    const failure = await acquirePostgresMigrationLock(second, { lockName, timeoutMilliseconds: 300 }).catch(
      (error: unknown) => error,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(PostgresDatabaseError.isInstance(failure)).toBe(true);
    expect(failure).toMatchObject({ code: 'ALEMBIC_DATABASE_LOCKED' });
    expect((failure as Error).message).toMatch(/Timed out after 300 ms waiting for the migration lock/);
    await releaseFirst();
    const releaseSecond = await acquirePostgresMigrationLock(second, { lockName, timeoutMilliseconds: 300 });
    await releaseSecond();
  });

  it("takes the dialect option's timeout when the caller gives none", async () => {
    const impatient = postgres({ migrationLockTimeoutMilliseconds: 100 });
    const releaseFirst = await impatient.acquireMigrationLock(first, { lockName });
    await expect(impatient.acquireMigrationLock(second, { lockName })).rejects.toMatchObject({
      code: 'ALEMBIC_DATABASE_LOCKED',
    });
    await releaseFirst();
  });

  it('lets the holder run CREATE INDEX CONCURRENTLY while another run waits inside a transaction', async () => {
    const schema = uniqueSchemaName('lock_concurrently');
    await first.execute(`CREATE SCHEMA ${schema}; CREATE TABLE ${schema}.item (id INTEGER)`);
    try {
      const releaseFirst = await acquirePostgresMigrationLock(first, { lockName });
      await second.begin();
      const secondLock = acquirePostgresMigrationLock(second, { lockName, timeoutMilliseconds: 10_000 });
      await sleep(100);
      await first.execute(`CREATE INDEX CONCURRENTLY ix_item_id ON ${schema}.item (id)`);
      await releaseFirst();
      const releaseSecond = await secondLock;
      await second.commit();
      await releaseSecond();
    } finally {
      await first.execute(`DROP SCHEMA ${schema} CASCADE`);
    }
  });

  it('frees the lock when the holding connection closes', async () => {
    await acquirePostgresMigrationLock(first, { lockName });
    await first.close();
    const release = await acquirePostgresMigrationLock(second, { lockName, timeoutMilliseconds: 2000 });
    await release();
    first = await liveDialect.connect(POSTGRES_URL);
  });
});

import { describe, expect, it } from '@jest/globals';
import { AlembicError, column, createTableOperation, integer, string, table } from '@alembic/core';
import type { DatabaseConnection } from '@alembic/core';
import type { MigrationLockWait } from '@alembic/core/dialect';
import type { ConformanceHarness } from '../conformance-harness.js';
import type { ConformanceMigration, MigrationOperations, RunSettings } from '../support/conformance-project.js';
import { useSuiteDatabase } from '../support/suite-database.js';
import { selectRows } from './round-trip/round-trip-fixture.js';
import { liveTestTimeout } from '../support/live-test-timeout.js';

const LOCK_LOG = table('lock_log', [
  column('revision', string(20), { nullable: false }),
  column('run', string(10), { nullable: false }),
]);

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

/**
 * Three migrations that log which run applied them into `lock_log`; the first also creates a
 * table, so applying it twice would fail. `hold` runs inside the first one (to keep a run in
 * the middle of its work while another starts).
 */
function loggingMigrations(run: string, hold: () => Promise<void>): ConformanceMigration[] {
  const log = (revision: string) => (op: MigrationOperations) => op.bulkInsert(LOCK_LOG, [{ revision, run }]);
  const marker = table('lock_marker', [column('id', integer(), { primaryKey: true, autoincrement: false })]);
  return [
    {
      revision: 'lock1',
      downRevision: null,
      upgrade: async (op) => {
        await op.invoke(createTableOperation({ table: LOCK_LOG }));
        await op.invoke(createTableOperation({ table: marker }));
        await hold();
        await log('lock1')(op);
      },
      downgrade: async (op) => {
        await op.dropTable('lock_marker');
        await op.dropTable('lock_log');
      },
    },
    { revision: 'lock2', downRevision: 'lock1', upgrade: log('lock2'), downgrade: () => undefined },
    { revision: 'lock3', downRevision: 'lock2', upgrade: log('lock3'), downgrade: () => undefined },
  ];
}

async function loggedRows(connection: DatabaseConnection): Promise<{ revision: unknown; run: unknown }[]> {
  return (await selectRows(connection, 'SELECT revision, run FROM lock_log ORDER BY revision')).map(
    ({ revision, run }) => ({ revision, run }),
  );
}

/**
 * The migration lock: two runs on two connections (two `MigrationContext`s) started together
 * apply each migration exactly once; the second waits for the first, then reads the version
 * table afresh and finds nothing left to do; a wait with `timeoutMilliseconds` gives up with
 * `ALEMBIC_DATABASE_LOCKED` (what `--lock-timeout` needs of a dialect).
 */
export function defineMigrationLockSuite(harness: ConformanceHarness): void {
  describe('migration lock', () => {
    const suite = useSuiteDatabase(harness, 'migration_lock');
    const timeout = liveTestTimeout(harness);
    const holdMilliseconds = harness.settings?.lockHoldMilliseconds ?? 400;
    const settingsWith = (extra: RunSettings = {}): RunSettings => ({
      ...(suite.url === undefined ? {} : { url: suite.url }),
      ...extra,
    });

    async function runTogether(extra: RunSettings): Promise<void> {
      const first = await suite.connect();
      const second = await suite.connect();
      const hold = () => sleep(holdMilliseconds / 4);
      const projectA = suite.project(loggingMigrations('A', hold));
      const projectB = suite.project(loggingMigrations('B', hold));
      await Promise.all([
        projectA.upgrade(first, 'heads', settingsWith(extra)),
        projectB.upgrade(second, 'heads', settingsWith(extra)),
      ]);
      const rows = await loggedRows(first);
      expect(rows.map((row) => row.revision)).toEqual(['lock1', 'lock2', 'lock3']);
      // The lock covers the whole run: one run applied everything, the other found the heads current.
      expect(new Set(rows.map((row) => row.run)).size).toBe(1);
      expect(await projectA.currentHeads(first)).toEqual(['lock3']);
      expect(await projectB.currentHeads(second)).toEqual(['lock3']);
    }

    it('two runs started together apply each migration exactly once', () => runTogether({}), timeout);

    it('the same with one transaction per migration', () => runTogether({ transactionPerMigration: true }), timeout);

    it(
      'a run started while another is inside a migration waits for it, then has nothing to do',
      async () => {
        const first = await suite.connect();
        const second = await suite.connect();
        let releaseFirst: () => void = () => undefined;
        const gate = new Promise<void>((resolve) => {
          releaseFirst = resolve;
        });
        let firstInside: () => void = () => undefined;
        const firstStarted = new Promise<void>((resolve) => {
          firstInside = resolve;
        });
        const appliedBySecond: string[] = [];
        const projectA = suite.project(
          loggingMigrations('A', async () => {
            firstInside();
            await gate;
          }),
        );
        const projectB = suite.project(loggingMigrations('B', async () => undefined));
        const firstRun = projectA.upgrade(first, 'heads', settingsWith());
        await firstStarted;
        const secondRun = projectB.upgrade(
          second,
          'heads',
          settingsWith({ onVersionApply: ({ step }) => void appliedBySecond.push(step.shortLog) }),
        );
        let secondFinished = false;
        void secondRun.then(
          () => (secondFinished = true),
          () => (secondFinished = true),
        );
        await sleep(holdMilliseconds);
        const whileHeld = { secondFinished, applied: [...appliedBySecond] };
        releaseFirst();
        await Promise.all([firstRun, secondRun]);
        expect(whileHeld).toEqual({ secondFinished: false, applied: [] });
        expect(appliedBySecond).toEqual([]);
        expect(await loggedRows(first)).toEqual([
          { revision: 'lock1', run: 'A' },
          { revision: 'lock2', run: 'A' },
          { revision: 'lock3', run: 'A' },
        ]);
        expect(await projectB.currentHeads(second)).toEqual(['lock3']);
      },
      timeout,
    );

    it(
      'gives up after timeoutMilliseconds with ALEMBIC_DATABASE_LOCKED, naming the lock to onWait if at all; the holder keeps it',
      async () => {
        const { dialect } = harness;
        const first = await suite.connect();
        const second = await suite.connect();
        const lockName = `alembic:conformance_${Math.random().toString(36).slice(2, 10)}.lock_timeout`;
        const release = await dialect.acquireMigrationLock(first, { lockName });
        const waits: MigrationLockWait[] = [];
        try {
          const failure = await dialect
            .acquireMigrationLock(second, {
              lockName,
              timeoutMilliseconds: 200,
              onWait: (wait) => void waits.push(wait),
            })
            .then(
              () => undefined,
              (error: unknown) => error,
            );
          expect(AlembicError.hasCode(dialect.translateError(failure), 'ALEMBIC_DATABASE_LOCKED')).toBe(true);
          for (const wait of waits) expect(wait.lock).toEqual(expect.any(String));
        } finally {
          await release();
        }
        const releaseSecond = await dialect.acquireMigrationLock(second, { lockName, timeoutMilliseconds: 10_000 });
        await releaseSecond();
      },
      timeout,
    );

    it(
      'lets the next run through after a run fails and releases the lock',
      async () => {
        const first = await suite.connect();
        const second = await suite.connect();
        const failing = suite.project([
          {
            revision: 'lock1',
            downRevision: null,
            upgrade: () => {
              throw new Error('first run fails');
            },
            downgrade: () => undefined,
          },
        ]);
        await expect(failing.upgrade(first, 'heads', settingsWith())).rejects.toMatchObject({
          code: 'ALEMBIC_MIGRATION_FAILED',
        });
        const project = suite.project(loggingMigrations('B', async () => undefined));
        await project.upgrade(second, 'heads', settingsWith());
        expect(await project.currentHeads(second)).toEqual(['lock3']);
      },
      timeout,
    );
  });
}

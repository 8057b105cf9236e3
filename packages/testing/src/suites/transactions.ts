import { describe, expect } from '@jest/globals';
import { column, createTableOperation, integer, table } from '@alembic/core';
import type { DatabaseConnection, MigrationFailure } from '@alembic/core';
import type { ConformanceHarness } from '../conformance-harness.js';
import { connectedTests } from '../support/connected-test.js';
import type { ConformanceMigration, ConformanceProject, RunSettings } from '../support/conformance-project.js';
import { snapshotSchema } from '../support/schema-snapshot.js';
import { useSuiteDatabase } from '../support/suite-database.js';
import { expectRows } from './round-trip/round-trip-fixture.js';

/** A migration creating table `name(id)` with one row; its downgrade drops it. */
function tableStep(
  revision: string,
  downRevision: string | null,
  name: string,
  then?: ConformanceMigration['upgrade'],
): ConformanceMigration {
  const model = table(name, [column('id', integer(), { primaryKey: true, autoincrement: false })]);
  return {
    revision,
    downRevision,
    upgrade: async (op) => {
      await op.invoke(createTableOperation({ table: model }));
      await op.bulkInsert(model, [{ id: 1 }]);
      await then?.(op);
    },
    downgrade: (op) => op.dropTable(name, { existingTable: model }),
  };
}

const FAILING_STATEMENT = 'INSERT INTO tx_missing_table (id) VALUES (1)';

/** tx1 creates `tx_one`; tx2 creates `tx_two`, then runs a statement that fails. */
const FAILING_SECOND: readonly ConformanceMigration[] = [
  tableStep('tx1', null, 'tx_one'),
  tableStep('tx2', 'tx1', 'tx_two', (op) => op.execute(FAILING_STATEMENT)),
];

/** What a run that must fail threw; fails the test when it did not. */
async function failureOf(run: Promise<unknown>): Promise<MigrationFailure & { code: string }> {
  const error = await run.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (error === undefined) throw new Error('expected the migration run to fail');
  const { code, failure } = error as { code?: string; failure?: MigrationFailure };
  expect(code).toBe('ALEMBIC_MIGRATION_FAILED');
  return { ...(failure as MigrationFailure), code: code as string };
}

/**
 * Transactions and rollback. On a dialect with transactional DDL a failing migration leaves
 * nothing behind and the version table unchanged (the whole run rolls back, or only the failing
 * migration with `transactionPerMigration`); without, the version table shows the last migration
 * that completed. Either way the error names the migration and the statement.
 */
export function defineTransactionSuite(harness: ConformanceHarness): void {
  describe('transactions and rollback', () => {
    const suite = useSuiteDatabase(harness, 'transactions');
    const itConnected = connectedTests(suite);
    const itTransactional = connectedTests(suite, { transactionalDdl: true });
    const itNonTransactional = connectedTests(suite, { transactionalDdl: false });
    const baseSettings = (): RunSettings => (suite.url === undefined ? {} : { url: suite.url });

    async function tablesAndHeads(
      project: ConformanceProject,
      connection: DatabaseConnection,
    ): Promise<{ tables: string[]; heads: string[] }> {
      return {
        tables: Object.keys(await snapshotSchema(harness.dialect, connection)),
        heads: await project.currentHeads(connection),
      };
    }

    /** Runs a long chain whose migration at `failingIndex` fails: it must be named, nothing left. */
    async function expectLongRunFailure(
      connection: DatabaseConnection,
      count: number,
      failingIndex: number,
      migrationAt: (revision: string, downRevision: string | null, index: number) => ConformanceMigration,
    ): Promise<void> {
      const revisionAt = (index: number): string => `long${String(index).padStart(3, '0')}`;
      const migrations = Array.from({ length: count }, (_, index) =>
        migrationAt(revisionAt(index), index === 0 ? null : revisionAt(index - 1), index),
      );
      const project = suite.project(migrations);
      const failure = await failureOf(project.upgrade(connection, 'heads', baseSettings()));
      expect(failure.revision).toBe(revisionAt(failingIndex));
      expect(failure.statement).toContain('tx_missing_table');
      expect(await tablesAndHeads(project, connection)).toEqual({ tables: [], heads: [] });
    }

    itConnected('a failure names the migration, its step and the statement that failed', async (connection) => {
      const project = suite.project(FAILING_SECOND);
      const failure = await failureOf(project.upgrade(connection, 'heads', baseSettings()));
      expect(failure.revision).toBe('tx2');
      expect(failure.step).toBe('upgrade tx1 -> tx2');
      expect(failure.statement).toContain('tx_missing_table');
      expect(failure.cause).toBeDefined();
    });

    itTransactional(
      'a run from base that fails in its second migration leaves no table and no version row',
      async (connection) => {
        const project = suite.project(FAILING_SECOND);
        await failureOf(project.upgrade(connection, 'heads', baseSettings()));
        expect(await tablesAndHeads(project, connection)).toEqual({ tables: [], heads: [] });
      },
    );

    itTransactional(
      'a failing migration after a completed run leaves the version table where it was',
      async (connection) => {
        const project = suite.project(FAILING_SECOND);
        await project.upgrade(connection, 'tx1', baseSettings());
        await failureOf(project.upgrade(connection, 'heads', baseSettings()));
        expect(await tablesAndHeads(project, connection)).toEqual({ tables: ['tx_one'], heads: ['tx1'] });
        await expectRows(connection, 'SELECT id FROM tx_one', [{ id: 1 }]);
      },
    );

    itTransactional(
      'with transactionPerMigration, the migrations before the failing one stay committed',
      async (connection) => {
        const project = suite.project(FAILING_SECOND);
        await failureOf(project.upgrade(connection, 'heads', { ...baseSettings(), transactionPerMigration: true }));
        expect(await tablesAndHeads(project, connection)).toEqual({ tables: ['tx_one'], heads: ['tx1'] });
      },
    );

    itTransactional('a migration that throws after its DDL leaves nothing of it', async (connection) => {
      const project = suite.project([
        tableStep('tx1', null, 'tx_one'),
        tableStep('tx2', 'tx1', 'tx_two', () => {
          throw new Error('the migration gave up');
        }),
      ]);
      await project.upgrade(connection, 'tx1', baseSettings());
      const failure = await failureOf(project.upgrade(connection, 'heads', baseSettings()));
      expect(String(failure.cause)).toContain('the migration gave up');
      expect(await tablesAndHeads(project, connection)).toEqual({ tables: ['tx_one'], heads: ['tx1'] });
    });

    itTransactional('a failing downgrade keeps the schema and the version table', async (connection) => {
      const project = suite.project([
        {
          ...tableStep('tx1', null, 'tx_one'),
          downgrade: async (op) => {
            await op.dropTable('tx_one');
            await op.execute(FAILING_STATEMENT);
          },
        },
      ]);
      await project.upgrade(connection, 'heads', baseSettings());
      await failureOf(project.downgrade(connection, 'base', baseSettings()));
      expect(await tablesAndHeads(project, connection)).toEqual({ tables: ['tx_one'], heads: ['tx1'] });
    });

    itConnected(
      'every statement sees the effects of the statements before it, through op.getBind() too',
      async (connection) => {
        const counts: unknown[] = [];
        const project = suite.project([
          tableStep('tx1', null, 'tx_one', async (op) => {
            // A trailing line comment must not swallow what a batch puts after it.
            await op.execute('INSERT INTO tx_one (id) VALUES (2) -- the second row');
            const bind = op.getBind();
            if (bind === undefined) throw new Error('expected a connection online');
            const { rows } = await bind.query<Record<string, unknown>>('SELECT COUNT(*) AS row_count FROM tx_one');
            counts.push(Object.values(rows[0] ?? {})[0]);
          }),
          tableStep('tx2', 'tx1', 'tx_two', async (op) => {
            const bind = op.getBind();
            if (bind === undefined) throw new Error('expected a connection online');
            const { rows } = await bind.query<Record<string, unknown>>('SELECT COUNT(*) AS row_count FROM tx_one');
            counts.push(Object.values(rows[0] ?? {})[0]);
          }),
        ]);
        await project.upgrade(connection, 'heads', baseSettings());
        expect(counts.map(Number)).toEqual([2, 2]);
        expect(await tablesAndHeads(project, connection)).toEqual({ tables: ['tx_one', 'tx_two'], heads: ['tx2'] });
      },
    );

    itTransactional(
      'in a long run, a failure far from the start names its own migration and leaves nothing',
      (connection) =>
        expectLongRunFailure(connection, 120, 110, (revision, downRevision, index) =>
          tableStep(
            revision,
            downRevision,
            `tx_long_${index}`,
            index === 110 ? (op) => op.execute(FAILING_STATEMENT) : undefined,
          ),
        ),
    );

    itTransactional(
      'a failure in an early batch, found while later migrations queue theirs, names its migration and leaves nothing',
      // Enough migrations for several batches: the failing statement is in the first one, which
      // is still running while the migrations after it queue the next. Only statements without
      // parameters, so that they wait in batches.
      (connection) =>
        expectLongRunFailure(connection, 400, 12, (revision, downRevision, index) => ({
          revision,
          downRevision,
          upgrade: async (op) => {
            if (index === 300) throw new Error('a migration this far must not be reached');
            await op.execute(`CREATE TABLE tx_early_${index} (id INTEGER)`);
            await op.execute(index === 12 ? FAILING_STATEMENT : `INSERT INTO tx_early_${index} (id) VALUES (1)`);
          },
          downgrade: (op) => op.execute(`DROP TABLE tx_early_${index}`),
        })),
    );

    itConnected(
      'a migration that does not load fails a long run before any statement, even on a dialect without transactional DDL',
      // Every script of the plan is loaded before the first step: the failing statement at 10
      // never runs, and no version table is created.
      async (connection) => {
        const revisionAt = (index: number): string => `load${String(index).padStart(3, '0')}`;
        const migrations = Array.from(
          { length: 300 },
          (_, index): ConformanceMigration => ({
            revision: revisionAt(index),
            downRevision: index === 0 ? null : revisionAt(index - 1),
            upgrade: (op) =>
              op.execute(index === 10 ? FAILING_STATEMENT : `CREATE TABLE tx_load_${index} (id INTEGER)`),
            downgrade: (op) => op.execute(`DROP TABLE tx_load_${index}`),
            ...(index === 150 ? { loadError: 'this migration does not load' } : {}),
          }),
        );
        const project = suite.project(migrations);
        await expect(project.upgrade(connection, 'heads', baseSettings())).rejects.toThrow(
          'this migration does not load',
        );
        expect(await tablesAndHeads(project, connection)).toEqual({ tables: [], heads: [] });
      },
    );

    itTransactional(
      'statements started together (Promise.all over op calls) all run, and a failure among them is reported',
      async (connection) => {
        const concurrentStep = (
          revision: string,
          downRevision: string | null,
          failingIndex?: number,
        ): ConformanceMigration => ({
          revision,
          downRevision,
          // More statements than two batches hold, all queued before any batch comes back.
          upgrade: async (op) => {
            await Promise.all(
              Array.from({ length: 450 }, (_, index) =>
                op.execute(
                  index === failingIndex ? FAILING_STATEMENT : `CREATE TABLE tx_${revision}_${index} (id INTEGER)`,
                ),
              ),
            );
          },
          downgrade: async () => undefined,
        });
        const project = suite.project([concurrentStep('par1', null), concurrentStep('par2', 'par1', 120)]);
        await project.upgrade(connection, 'par1', baseSettings());
        const afterFirst = await tablesAndHeads(project, connection);
        expect(afterFirst.heads).toEqual(['par1']);
        expect(afterFirst.tables).toHaveLength(450);
        const failure = await failureOf(project.upgrade(connection, 'heads', baseSettings()));
        expect(failure.revision).toBe('par2');
        expect(failure.statement).toContain('tx_missing_table');
        expect(await tablesAndHeads(project, connection)).toEqual(afterFirst);
      },
    );

    itNonTransactional(
      'a failing migration leaves the version table at the last migration that completed',
      async (connection) => {
        const project = suite.project(FAILING_SECOND);
        await failureOf(project.upgrade(connection, 'heads', baseSettings()));
        const state = await tablesAndHeads(project, connection);
        expect(state.heads).toEqual(['tx1']);
        expect(state.tables).toContain('tx_one');
        // tx_two may remain: without transactional DDL, its CREATE TABLE committed before the failure.
      },
    );
  });
}

import { describe, it } from '@jest/globals';
import type { ConformanceHarness } from './conformance-harness.js';
import { defineGoldenSqlSuite } from './golden/golden-sql.js';
import { defineAlterColumnSuite } from './suites/alter-column-round-trips.js';
import { defineAutogenerateChangeMatrixSuite } from './suites/autogenerate-change-matrix.js';
import { defineAutogenerateRandomSchemaSuite } from './suites/autogenerate-random-schemas.js';
import { defineBatchModeSuite } from './suites/batch-mode.js';
import { defineMigrationLockSuite } from './suites/migration-lock.js';
import { defineOfflineSqlSuite } from './suites/offline-sql.js';
import { defineOperationRoundTripSuite } from './suites/operation-round-trips.js';
import { defineTransactionSuite } from './suites/transactions.js';
import { defineVersionTableSuite } from './suites/version-table.js';

/**
 * The live part: registered as is when the database answers; otherwise, after a printed notice,
 * not registered (nothing is reported as skipped), or, with `ALEMBIC_TEST_REQUIRE_SERVERS=1`
 * (CI), replaced by one failing test.
 */
function describeLive(harness: ConformanceHarness, body: () => void): void {
  const reason = harness.unavailableReason;
  if (reason === undefined) {
    describe('live', body);
    return;
  }
  if (process.env.ALEMBIC_TEST_REQUIRE_SERVERS === '1') {
    describe('live', () => {
      it('needs the live database (ALEMBIC_TEST_REQUIRE_SERVERS=1)', () => {
        throw new Error(`The ${harness.dialect.name} conformance suite cannot run: ${reason}`);
      });
    });
    return;
  }
  console.warn(`Not running the live ${harness.dialect.name} conformance suite: ${reason}`);
}

/**
 * Registers the conformance suite of a dialect with jest: call it at the top level of a test
 * file (`test/conformance.test.ts`). What runs depends on `dialect.capabilities` only; a test
 * for a capability the dialect does not declare is not registered (see `itWhen`).
 *
 * - golden SQL: every case of `GOLDEN_SQL_CASES` as the dialect states it (when `goldenSql` is given);
 * - offline SQL: every round-trip migration compiled with no connection;
 * - live (each feature in a fresh database from `createDatabase`): operation round trips for
 *   every operation kind, alter-column round trips, the version table, transactions and
 *   rollback, the migration lock, batch mode, and the autogenerate round trips (a change
 *   matrix and seeded random schemas, each in a database of its own: generate, upgrade,
 *   `check` finds nothing, downgrade restores the schema).
 *
 * ```ts
 * import { defineDialectConformanceSuite } from '@alembic/testing';
 * import { sqliteDialect } from '@alembic/dialect-sqlite';
 *
 * defineDialectConformanceSuite({
 *   dialect: sqliteDialect,
 *   createDatabase: async () => temporarySqliteFile(),
 *   goldenSql: SQLITE_GOLDEN_SQL,
 * });
 * ```
 */
export function defineDialectConformanceSuite(harness: ConformanceHarness): void {
  describe(`@alembic/testing conformance: ${harness.settings?.name ?? harness.dialect.name}`, () => {
    if (harness.goldenSql !== undefined) defineGoldenSqlSuite(harness.dialect, harness.goldenSql);
    defineOfflineSqlSuite(harness);
    describeLive(harness, () => {
      defineOperationRoundTripSuite(harness);
      defineAlterColumnSuite(harness);
      defineVersionTableSuite(harness);
      defineTransactionSuite(harness);
      defineMigrationLockSuite(harness);
      defineBatchModeSuite(harness);
      // Autogenerate needs the dialect's rules for equal schemas (`createSchemaNormalizer`);
      // a dialect without them does not claim autogenerate, and its round trips do not apply.
      if (harness.dialect.createSchemaNormalizer !== undefined) {
        defineAutogenerateChangeMatrixSuite(harness);
        defineAutogenerateRandomSchemaSuite(harness);
      }
    });
  });
}

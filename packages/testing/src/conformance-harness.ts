import type { DatabaseConnection, Dialect } from '@alembic/core';
import type { GoldenSql } from './golden/golden-sql.js';

/**
 * One isolated, empty database (or schema) the suite works in; made fresh for each feature
 * suite by {@link ConformanceHarness.createDatabase}, dropped by {@link ConformanceDatabase.dispose}.
 */
export interface ConformanceDatabase {
  /**
   * Opens a new session on the database whose unqualified table names land in the isolated
   * database or schema (PostgreSQL: `search_path` set; MySQL: the database in the URL). The suite
   * closes what it opens; the lock tests open two at once.
   */
  connect(): Promise<DatabaseConnection>;
  /** The URL, for the runtime's messages and for dialects whose compiler reads it. */
  readonly url?: string;
  /** Drops everything the suite left behind (the database, the schema, the file). */
  dispose(): Promise<void>;
}

/** Optional settings of a conformance run. */
export interface ConformanceSettings {
  /** A name for the suite's `describe` (default: the dialect's name). */
  readonly name?: string;
  /** Jest timeout of each live test, in milliseconds (default 30 000). */
  readonly testTimeoutMilliseconds?: number;
  /**
   * How long the lock tests hold a run inside a migration while a second run waits (default
   * 400 ms). Raise it on slow servers.
   */
  readonly lockHoldMilliseconds?: number;
}

/**
 * What a dialect package hands `defineDialectConformanceSuite`: the dialect object, a way to
 * get a fresh isolated database per feature suite, and optional settings. The suite decides
 * what to run from `dialect.capabilities`, never from the dialect's name.
 *
 * ```ts
 * defineDialectConformanceSuite({
 *   dialect: postgres(),
 *   createDatabase: async (label) => openFreshSchema(label),
 *   goldenSql: POSTGRES_GOLDEN_SQL,
 * });
 * ```
 */
export interface ConformanceHarness {
  readonly dialect: Dialect;
  /** A fresh, empty, isolated database or schema; `label` names the feature suite asking. */
  createDatabase(label: string): Promise<ConformanceDatabase>;
  /**
   * Why the database cannot be reached, when it cannot: the live suites are then skipped
   * after a printed notice, or fail with `ALEMBIC_TEST_REQUIRE_SERVERS=1` (CI). The offline
   * suites (golden SQL, offline output) run regardless.
   */
  readonly unavailableReason?: string;
  /** The dialect's answers to every golden SQL case; checked without a database. */
  readonly goldenSql?: GoldenSql;
  readonly settings?: ConformanceSettings;
}

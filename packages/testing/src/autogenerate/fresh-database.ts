import type { DatabaseConnection } from '@alembic/core';
import type { ConformanceHarness } from '../conformance-harness.js';
import type { ConformanceMigration, ConformanceProject } from '../support/conformance-project.js';
import { SuiteDatabase } from '../support/suite-database.js';

/** What a round trip needs from its database: sessions, migration projects, the URL. */
export interface RoundTripScope {
  readonly harness: ConformanceHarness;
  readonly url: string | undefined;
  connect(): Promise<DatabaseConnection>;
  project(migrations: readonly ConformanceMigration[]): ConformanceProject;
}

/**
 * Runs `body` in a database of its own from the harness, dropped afterwards even when the body
 * fails: what one round trip leaves behind (a PostgreSQL enum type, say) cannot reach the next.
 */
export async function withFreshDatabase(
  harness: ConformanceHarness,
  body: (scope: RoundTripScope) => Promise<void>,
): Promise<void> {
  const scope = new SuiteDatabase(harness, false);
  await scope.open('autogenerate');
  try {
    await body(scope);
  } finally {
    await scope.close();
  }
}

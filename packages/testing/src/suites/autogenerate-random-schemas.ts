import { describe, it } from '@jest/globals';
import { runAutogenerateRoundTrip } from '../autogenerate/autogenerate-round-trip.js';
import { withFreshDatabase } from '../autogenerate/fresh-database.js';
import { randomSchemaChange } from '../autogenerate/random-schema-change.js';
import type { ConformanceHarness } from '../conformance-harness.js';
import { liveTestTimeout } from '../support/live-test-timeout.js';

/** How many seeds run by default (issue 9 asks for at least 50 per dialect). */
export const DEFAULT_AUTOGENERATE_SEED_COUNT = 50;

/**
 * The seeds to run: `ALEMBIC_TEST_AUTOGENERATE_SEED=17` (or `17,42`) replays those only;
 * otherwise `ALEMBIC_TEST_AUTOGENERATE_SEEDS` (default 50) seeds from 1.
 */
export function autogenerateSeeds(environment: NodeJS.ProcessEnv = process.env): number[] {
  const replay = environment.ALEMBIC_TEST_AUTOGENERATE_SEED;
  if (replay !== undefined && replay.trim() !== '')
    return replay.split(',').map((text) => Number.parseInt(text.trim(), 10));
  const count = Number.parseInt(environment.ALEMBIC_TEST_AUTOGENERATE_SEEDS ?? '', 10);
  const total = Number.isFinite(count) && count > 0 ? count : DEFAULT_AUTOGENERATE_SEED_COUNT;
  return Array.from({ length: total }, (_unused, position) => position + 1);
}

/**
 * Autogenerate round trips over seeded random schemas (issue 9, point 7): for each seed, a
 * schema of 2-8 tables (see `randomTables`) and a random change of it (see `mutateTables`)
 * make one test, named `seed <n>: <changes>`, so a failure replays with
 * `ALEMBIC_TEST_AUTOGENERATE_SEED=<n>`. Each seed runs in a fresh database.
 */
export function defineAutogenerateRandomSchemaSuite(harness: ConformanceHarness): void {
  describe('autogenerate round trips: seeded random schemas', () => {
    const { capabilities } = harness.dialect;
    const timeout = liveTestTimeout(harness);
    for (const seed of autogenerateSeeds()) {
      const change = randomSchemaChange(seed, capabilities);
      const tables = `${change.before.tables.length} -> ${change.after.tables.length} tables`;
      it(
        `seed ${seed}: ${tables}, ${change.changes.join(', ')}`,
        () => withFreshDatabase(harness, (scope) => runAutogenerateRoundTrip(scope, change)),
        timeout,
      );
    }
  });
}

import { describe } from '@jest/globals';
import { CHANGE_MATRIX } from '../autogenerate/change-matrix.js';
import type { ChangeArea } from '../autogenerate/change-matrix.js';
import { runAutogenerateRoundTrip } from '../autogenerate/autogenerate-round-trip.js';
import { withFreshDatabase } from '../autogenerate/fresh-database.js';
import type { ConformanceHarness } from '../conformance-harness.js';
import { itWhen } from '../support/capability-gate.js';
import { liveTestTimeout } from '../support/live-test-timeout.js';

/**
 * Autogenerate round trips over the change matrix (issue 9, points 3 and 7): for every kind of
 * change autogenerate detects, added, changed and removed, one test named by the change. Each
 * runs in a fresh database: the "before" model is created by autogenerate from an empty
 * schema, then the change is generated, rendered, upgraded, checked (`check` finds nothing,
 * the tables and columns are the model's), and downgraded (the reflected schema is what it
 * was). Cases a dialect cannot express are skipped by capability (`supportsComments`,
 * `nativeEnum`, `supportsPartialIndexes`, `supportsIdentityColumns`).
 */
export function defineAutogenerateChangeMatrixSuite(harness: ConformanceHarness): void {
  describe('autogenerate round trips: change matrix', () => {
    const { capabilities } = harness.dialect;
    const timeout = liveTestTimeout(harness);
    const areas = new Map<ChangeArea, (typeof CHANGE_MATRIX)[number][1][]>();
    for (const [area, entry] of CHANGE_MATRIX) areas.set(area, [...(areas.get(area) ?? []), entry]);
    for (const [area, entries] of areas) {
      describe(area, () => {
        for (const entry of entries) {
          itWhen(
            capabilities,
            entry.requires,
            entry.title,
            () => withFreshDatabase(harness, (scope) => runAutogenerateRoundTrip(scope, entry)),
            timeout,
          );
        }
      });
    }
  });
}

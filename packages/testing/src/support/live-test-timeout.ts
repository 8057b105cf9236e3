import type { ConformanceHarness } from '../conformance-harness.js';

/**
 * The Jest timeout of a live test or hook when the harness sets none: a few round trips to the
 * dialect's server (connect, DDL, introspection), with room for a slow CI machine.
 */
export const DEFAULT_LIVE_TEST_TIMEOUT_MILLISECONDS = 30_000;

/**
 * The Jest timeout of each live test and hook of `harness`'s suites: its
 * `settings.testTimeoutMilliseconds`, else {@link DEFAULT_LIVE_TEST_TIMEOUT_MILLISECONDS}.
 */
export function liveTestTimeout(harness: ConformanceHarness): number {
  return harness.settings?.testTimeoutMilliseconds ?? DEFAULT_LIVE_TEST_TIMEOUT_MILLISECONDS;
}

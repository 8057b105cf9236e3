import type { DatabaseConnection } from '@alembic/core';
import type { CapabilityRequirement } from './capability-gate.js';
import { itWhen } from './capability-gate.js';
import type { SuiteDatabase } from './suite-database.js';
import { liveTestTimeout } from './live-test-timeout.js';

/** Registers a test of a feature suite (see {@link connectedTests}) whose body runs on a new session. */
export type ConnectedTest = (title: string, body: (connection: DatabaseConnection) => Promise<void>) => void;

/**
 * How a feature suite registers its tests on `suite` that need the dialect to meet
 * `requirement` (every dialect when it is left out): `itWhen` with the harness's test timeout,
 * the body given a new session of the suite's database (closed after the test).
 *
 * ```ts
 * const itTransactional = connectedTests(suite, { transactionalDdl: true });
 * itTransactional('rolls back', async (connection) => { ... });
 * ```
 */
export function connectedTests(suite: SuiteDatabase, requirement: CapabilityRequirement = {}): ConnectedTest {
  const { harness } = suite;
  return (title, body) =>
    itWhen(
      harness.dialect.capabilities,
      requirement,
      title,
      async () => body(await suite.connect()),
      liveTestTimeout(harness),
    );
}

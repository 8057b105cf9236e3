import { describe, expect, it } from '@jest/globals';
import { OPERATION_KINDS } from '@alembic/core';
import type { ConformanceHarness } from '../conformance-harness.js';
import { itWhen } from '../support/capability-gate.js';
import { snapshotSchema } from '../support/schema-snapshot.js';
import type { SuiteDatabase } from '../support/suite-database.js';
import { useSuiteDatabase } from '../support/suite-database.js';
import type { RoundTripCase } from './round-trip/round-trip-fixture.js';
import { ROUND_TRIPS, roundTripMigrations, roundTripStart } from './round-trip/round-trip-migrations.js';
import { liveTestTimeout } from '../support/live-test-timeout.js';

/**
 * Runs one case as migrations: `fixture` (the shared tables and rows), `prepare` (when the case
 * has one), then `case`. Upgrading to `case` and downgrading back must leave the schema as the
 * introspector read it before; downgrading to base must leave no table.
 */
async function runRoundTrip(suite: SuiteDatabase, entry: RoundTripCase): Promise<void> {
  const { dialect } = suite.harness;
  const start = roundTripStart(entry);
  const project = suite.project(roundTripMigrations(entry));
  const connection = await suite.connect();
  const settings = suite.url === undefined ? {} : { url: suite.url };

  await project.upgrade(connection, start, settings);
  const before = await snapshotSchema(dialect, connection);
  expect(await project.currentHeads(connection)).toEqual([start]);

  await project.upgrade(connection, 'case', settings);
  expect(await project.currentHeads(connection)).toEqual(['case']);
  await entry.expectUpgraded({ snapshot: await snapshotSchema(dialect, connection), connection, dialect });

  await project.downgrade(connection, start, settings);
  expect(await project.currentHeads(connection)).toEqual([start]);
  const restored = await snapshotSchema(dialect, connection);
  expect(restored).toEqual(before);
  await entry.expectDowngraded?.({ snapshot: restored, connection, dialect });

  await project.downgrade(connection, 'base', settings);
  expect(await project.currentHeads(connection)).toEqual([]);
  expect(await snapshotSchema(dialect, connection)).toEqual({});
}

/**
 * Every operation kind as an upgrade followed by a downgrade that restores the schema, checked
 * with the dialect's introspector (table models before the upgrade and after the downgrade
 * must be equal), on tables holding rows.
 */
export function defineOperationRoundTripSuite(harness: ConformanceHarness): void {
  describe('operation round trips', () => {
    const suite = useSuiteDatabase(harness, 'round_trips');
    const timeout = liveTestTimeout(harness);
    for (const kind of OPERATION_KINDS) {
      describe(kind, () => {
        const cases = ROUND_TRIPS[kind] as readonly RoundTripCase[] | undefined;
        if (cases === undefined || cases.length === 0) {
          // A kind core added after this version of the suite: say so rather than pass silently.
          it('has a round trip in @alembic/testing', () => {
            throw new Error(`@alembic/testing has no round trip for the '${kind}' operation; update @alembic/testing`);
          });
          return;
        }
        for (const entry of cases) {
          itWhen(
            harness.dialect.capabilities,
            entry.requires ?? {},
            entry.title,
            () => runRoundTrip(suite, entry),
            timeout,
          );
        }
      });
    }
  });
}

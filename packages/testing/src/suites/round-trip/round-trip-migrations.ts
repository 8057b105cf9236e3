import type { ConformanceMigration } from '../../support/conformance-project.js';
import { CONSTRAINT_ROUND_TRIPS } from './constraint-round-trips.js';
import { createFixture, dropFixture, type RoundTripCase, type RoundTripCases } from './round-trip-fixture.js';
import { TABLE_ROUND_TRIPS } from './table-round-trips.js';

/** Every round-trip case, by operation kind: the table cases and the constraint cases. */
export const ROUND_TRIPS: RoundTripCases = { ...TABLE_ROUND_TRIPS, ...CONSTRAINT_ROUND_TRIPS };

/** The revision a case's `case` migration revises: `prepare` when it has one, else `fixture`. */
export function roundTripStart(entry: RoundTripCase): 'fixture' | 'prepare' {
  return entry.prepare === undefined ? 'fixture' : 'prepare';
}

/**
 * One case as migrations: `fixture` (the shared tables and rows), `prepare` (when the case has
 * one), then `case`, each revising the one before.
 */
export function roundTripMigrations(entry: RoundTripCase): ConformanceMigration[] {
  return [
    { revision: 'fixture', downRevision: null, upgrade: createFixture, downgrade: dropFixture },
    ...(entry.prepare === undefined
      ? []
      : [
          {
            revision: 'prepare',
            downRevision: 'fixture',
            upgrade: entry.prepare,
            downgrade: entry.unprepare ?? (() => undefined),
          },
        ]),
    { revision: 'case', downRevision: roundTripStart(entry), upgrade: entry.upgrade, downgrade: entry.downgrade },
  ];
}

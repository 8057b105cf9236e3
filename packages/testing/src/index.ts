/**
 * @alembic/testing: the conformance suite every @alembic dialect runs against its real
 * database (ours and third parties'), and the typed golden SQL helpers.
 *
 * @packageDocumentation
 */

export { defineDialectConformanceSuite } from './define-dialect-conformance-suite.js';
export type { ConformanceDatabase, ConformanceHarness, ConformanceSettings } from './conformance-harness.js';

// Golden SQL
export { NOT_SUPPORTED } from './golden/not-supported.js';
export { GOLDEN_SQL_CASES, type GoldenSqlCaseName, type GoldenSqlVariantName } from './golden/golden-sql-cases.js';
export { GOLDEN_SQL_CASE_NAMES, compileGoldenCase, defineGoldenSqlSuite, type GoldenSql } from './golden/golden-sql.js';
export { goldenCaseRows, type GoldenCase, type GoldenCases, type GoldenExpectation } from './golden/golden-case.js';

// The pieces the suites are built from, for a dialect's own live tests
export {
  ConformanceProject,
  type ConformanceMigration,
  type MigrationOperations,
  type RevisionList,
  type RunOutput,
  type RunSettings,
} from './support/conformance-project.js';
export {
  itWhen,
  unmetRequirements,
  type BooleanCapability,
  type CapabilityRequirement,
} from './support/capability-gate.js';
export { isToolTable, snapshotSchema, tableOf, type SchemaSnapshot } from './support/schema-snapshot.js';
export { parseOfflineOutput, withoutIdentifierQuotes, type ParsedOfflineOutput } from './support/offline-output.js';

// A migration project for a dialect's end-to-end tests through core's runtime
export {
  DEFAULT_PROJECT_CONFIG,
  DialectMigrationProject,
  type CommandOutcome,
  type DialectMigrationProjectOptions,
} from './project/dialect-migration-project.js';
export type { VersionScript } from './project/version-script.js';
export { offlineStatements } from './project/offline-statements.js';
export { appendixAScripts, type AppendixAOptions } from './project/appendix-a-scripts.js';

// Autogenerate round trips, for a dialect's own tests
export {
  runAutogenerateRoundTrip,
  RoundTripMismatch,
  type SchemaChange,
} from './autogenerate/autogenerate-round-trip.js';
export { AutogenerateSession, canonicalTable } from './autogenerate/autogenerate-session.js';
export { CHANGE_MATRIX, type ChangeArea, type ChangeCase } from './autogenerate/change-matrix.js';
export { withFreshDatabase, type RoundTripScope } from './autogenerate/fresh-database.js';
export { randomSchemaChange, type RandomSchemaChange } from './autogenerate/random-schema-change.js';
export { SeededRandom } from './autogenerate/seeded-random.js';
export { autogenerateSeeds, DEFAULT_AUTOGENERATE_SEED_COUNT } from './suites/autogenerate-random-schemas.js';

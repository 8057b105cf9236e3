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
export { GOLDEN_SQL_CASES, type GoldenSqlCaseName } from './golden/golden-sql-cases.js';
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
export { itWhen, unmetRequirements, type BooleanCapability, type CapabilityRequirement } from './support/capability-gate.js';
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

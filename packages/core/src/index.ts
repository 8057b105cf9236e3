/**
 * @alembic/core: the revision graph, the script directory, configuration and the commands of
 * Alembic, for TypeScript. No database driver is imported here; dialect packages bring them.
 *
 * @packageDocumentation
 */

// Errors
export { AlembicError } from './errors/alembic-error.js';
export { CommandError } from './errors/command-error.js';
export { ConfigError } from './errors/config-error.js';
export {
  CycleDetectedError,
  DependencyCycleDetectedError,
  DependencyLoopDetectedError,
  LoopDetectedError,
} from './errors/cycle-detected-error.js';
export { MultipleHeadsError } from './errors/multiple-heads-error.js';
export { RangeNotAncestorError } from './errors/range-not-ancestor-error.js';
export { ResolutionError } from './errors/resolution-error.js';
export { RevisionError } from './errors/revision-error.js';
export { ScriptFileError } from './errors/script-file-error.js';
export { FileTemplateError } from './errors/file-template-error.js';
export { UnknownTimezoneError } from './errors/unknown-timezone-error.js';

// Revision graph
export { Revision, assertValidRevisionId, type RevisionDeclaration, type RevisionReference } from './revision/revision.js';
export { RevisionMap, type IterateRevisionsOptions, type RevisionMapOptions } from './revision/revision-map.js';
export { BASE, type RevisionTarget, type WalkResult } from './revision/revision-target.js';

// Script directory
export { Script } from './script/script.js';
export { ScriptDirectory, type GenerateRevisionOptions } from './script/script-directory.js';
export { formatLogEntry, formatScriptLine, formatScript, type ScriptLineOptions } from './script/format-script.js';
export { readScriptHeader, type ScriptHeader } from './script/script-header.js';

// Configuration
export { defineConfig, type AlembicConfig } from './config/alembic-config.js';
export { Config, type ConfigInit, type OutputStreams } from './config/config.js';
export { loadConfig, type LoadedConfig } from './config/load-config.js';
export { findConfigFile, CONFIG_FILE_NAMES } from './config/find-config-file.js';

// Loading scripts
export { importModule } from './loader/import-module.js';

// Commands
export { branches, type BranchesOptions } from './commands/branches.js';
export { edit } from './commands/edit.js';
export { heads, type HeadsOptions } from './commands/heads.js';
export { history, type HistoryOptions } from './commands/history.js';
export { init, type InitOptions } from './commands/init.js';
export { availableTemplates, listTemplates, type TemplateDescription } from './commands/list-templates.js';
export { merge, type MergeOptions } from './commands/merge.js';
export { revision, type RevisionOptions } from './commands/revision.js';
export { show } from './commands/show.js';

// Running migrations
export { context, op } from './runtime/proxies.js';
export { EnvironmentContext, type ConfigureOptions, type EnvironmentOptions } from './runtime/environment-context.js';
export {
  MigrationContext,
  type MigrationContextOptions,
  type StepPlanner,
  type VersionApplyEvent,
} from './runtime/migration-context.js';
export { RevisionStep, StampStep, type MigrationStep, type VersionChange } from './runtime/migration-step.js';
export { HeadMaintainer, type VersionTableWriter } from './runtime/head-maintainer.js';
export { planDowngrade, planStamp, planUpgrade } from './runtime/plan-steps.js';
export { VersionTable, type VersionTableOptions } from './runtime/version-table.js';
export { runEnvironment } from './runtime/run-environment.js';
export { MigrationFailedError, type MigrationFailure } from './errors/migration-failed-error.js';
export { anchorSqliteUrl, maskPassword, parseDatabaseUrl, type DatabaseUrl } from './config/database-url.js';
export { resolveDialect } from './dialect/resolve-dialect.js';
export { current, type CurrentOptions } from './commands/current.js';
export { downgrade } from './commands/downgrade.js';
export { ensureVersion } from './commands/ensure-version.js';
export { stamp, type StampOptions } from './commands/stamp.js';
export { upgrade } from './commands/upgrade.js';
export type { RunOptions } from './commands/run-options.js';

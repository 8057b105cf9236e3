/**
 * @alembic/core/internal: NOT a public API. The pieces of core that @alembic's own packages
 * need and nobody else should: the script loader (`@alembic/typeorm` loads a data source
 * with it), the runtime's building blocks and the autogenerate engine (`@alembic/testing`
 * drives migrations in-process with them; the dialects' own tests too). Anything here may
 * change or go in any release, without a changeset saying so. Use `@alembic/core` or
 * `@alembic/core/dialect`.
 *
 * @packageDocumentation
 */

// Loading user files
export { enableTypeScriptImports, importModule } from '../loader/import-module.js';
export { DECORATOR_COMPILER, type DecoratorCompiler } from '../loader/decorator-compiler.js';
export { COMMONJS_GLOBALS, type CommonJsGlobals } from '../loader/commonjs-globals.js';
export { userCodeLocation } from '../loader/user-code-location.js';
export { rewriteErrorText, type ErrorTextPlaces } from '../errors/rewrite-error-text.js';

// Running migrations in-process
export { MigrationContext, type MigrationContextOptions, type StepPlanner } from '../runtime/migration-context.js';
export type { VersionTableOptions } from '../runtime/version-table.js';
export { Operations } from '../operations/operations.js';
export type { StepFunction } from '../runtime/load-step-function.js';
export { planDowngrade, planUpgrade } from '../runtime/plan-steps.js';

// The autogenerate engine
export {
  produceMigrationPlan,
  type AutogenerateResult,
  type ProduceMigrationPlanInput,
} from '../autogenerate/produce-migration-plan.js';
export {
  renderMigration,
  type RenderedMigration,
  type RenderMigrationInput,
  type RenderMigrationOptions,
} from '../autogenerate/render-migration.js';

// Watching a command that can never finish (the CLI's `FAILED:` line)
export { stalledForever } from '../runtime/connection-activity.js';
export { hasWorkInFlight } from '../runtime/work-in-flight.js';

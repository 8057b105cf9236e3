import type { AutogenerateOptions, RevisionDirective, TargetMetadata } from '../autogenerate/autogenerate-options.js';
import { describePlanDifferences } from '../autogenerate/describe-plan-differences.js';
import type { MigrationPlan, RenameDirective } from '../autogenerate/migration-plan.js';
import { produceMigrationPlan, type AutogenerateResult } from '../autogenerate/produce-migration-plan.js';
import { DefaultSchemaNormalizer } from '../autogenerate/schema-normalizer.js';
import type { Config } from '../config/config.js';
import { CommandError } from '../errors/command-error.js';
import type { MigrationContext } from '../runtime/migration-context.js';
import { findEnvironmentFile, runEnvironment } from '../runtime/run-environment.js';
import type { ScriptDirectory } from '../script/script-directory.js';

/** How {@link runAutogenerate} compares, and what it starts the directives with. */
export interface RunAutogenerateOptions {
  /** Renames asked for on the command line (`--rename`, `--rename-table`). */
  readonly renames?: readonly RenameDirective[];
  /**
   * Asks the user a yes/no question (`Is column account.name renamed to account.full_name?`);
   * given only on an interactive terminal. Each rename candidate is asked about, and the plan
   * is made again with the accepted ones.
   */
  readonly confirm?: (question: string) => Promise<boolean>;
  /** The message and id of the revision about to be written. */
  readonly message: string | null;
  readonly revisionId: string;
}

/** What autogenerate produced, after the `processRevisionDirectives` hook. */
export interface AutogenerateOutcome {
  /** The plan compare made (its `irreversible` list is what the downgrade throws for). */
  readonly plan: MigrationPlan;
  /** What to write: one directive, or what the hook left (none to write nothing). */
  readonly directives: readonly RevisionDirective[];
  /** The autogenerate settings `env.ts` gave `configure()` (`renderAsBatch`, `renderItem`...). */
  readonly options: AutogenerateOptions;
}

/** `Is column account.name renamed to account.full_name?` / `Is table old renamed to new?`. */
export function renameQuestion(candidate: RenameDirective): string {
  const prefix = candidate.schema === undefined ? '' : `${candidate.schema}.`;
  if (candidate.table === undefined) return `Is table ${prefix}${candidate.from} renamed to ${prefix}${candidate.to}?`;
  const table = `${prefix}${candidate.table}`;
  return `Is column ${table}.${candidate.from} renamed to ${table}.${candidate.to}?`;
}

/**
 * The common part of `revision --autogenerate` and `check`: runs `env.ts` read-only (no lock,
 * no version table created), refuses unless the database is on every head, compares the
 * `targetMetadata` with the database (`produceMigrationPlan`, with the dialect's introspector
 * and normalizer), asks about rename candidates when it may, logs Alembic's `Detected ...`
 * lines and one `WARNING:` per operation that loses data, then runs the
 * `processRevisionDirectives` hook.
 *
 * @throws CommandError `ALEMBIC_DATABASE_NOT_UP_TO_DATE`, `ALEMBIC_AUTOGENERATE_NO_METADATA`,
 *   `ALEMBIC_AUTOGENERATE_OFFLINE`.
 */
export async function runAutogenerate(
  config: Config,
  scripts: ScriptDirectory,
  request: RunAutogenerateOptions,
): Promise<AutogenerateOutcome> {
  let outcome: AutogenerateOutcome | undefined;
  await runEnvironment({
    config,
    scripts,
    dontMutate: true,
    noLock: true,
    planSteps: async (heads, migrationContext) => {
      if (outcome !== undefined) {
        throw new CommandError('Autogenerate compares one database: env.ts ran migrations more than once', {
          code: 'ALEMBIC_AUTOGENERATE_SEVERAL_DATABASES',
        });
      }
      outcome = await compareAndDirect(config, scripts, heads, migrationContext, request);
      return [];
    },
  });
  if (outcome === undefined) {
    throw new CommandError(
      'env.ts did not call context.runMigrations(); autogenerate had no database to compare with',
      {
        code: 'ALEMBIC_AUTOGENERATE_NOT_RUN',
      },
    );
  }
  return outcome;
}

async function compareAndDirect(
  config: Config,
  scripts: ScriptDirectory,
  heads: readonly string[],
  migrationContext: MigrationContext,
  request: RunAutogenerateOptions,
): Promise<AutogenerateOutcome> {
  const scriptHeads = new Set(scripts.getHeads());
  if (heads.length !== scriptHeads.size || heads.some((head) => !scriptHeads.has(head))) {
    throw new CommandError('Target database is not up to date.', { code: 'ALEMBIC_DATABASE_NOT_UP_TO_DATE' });
  }
  const configured = migrationContext.autogenerateOptions;
  // Batch blocks by default where ALTER mostly needs a rebuild (SQLite), so that a generated
  // type or constraint change runs there as written.
  const options: AutogenerateOptions = {
    ...configured,
    renderAsBatch: configured.renderAsBatch ?? migrationContext.dialect.capabilities.requiresBatchRecreate,
    // A function giving the models runs once, even when renames make compare run twice.
    targetMetadata: once(configured.targetMetadata),
  };
  const target = options.targetMetadata;
  if (target === undefined || target === null || (Array.isArray(target) && target.length === 0)) {
    const file = findEnvironmentFile(scripts.directory);
    throw new CommandError(
      `Can't proceed with --autogenerate option; environment script ${
        file === undefined ? 'env.ts' : scripts.displayPath(file)
      } does not provide a MetadataModel (metadata([...])) or list of them to the context.`,
      { code: 'ALEMBIC_AUTOGENERATE_NO_METADATA' },
    );
  }
  const connection = migrationContext.connection;
  if (connection === undefined) {
    throw new CommandError("autogenerate can't use --sql (offline mode): it needs the database to read its schema", {
      code: 'ALEMBIC_AUTOGENERATE_OFFLINE',
    });
  }
  const dialect = migrationContext.dialect;
  const introspector = dialect.createIntrospector(connection);
  const normalizer = dialect.createSchemaNormalizer?.(connection) ?? new DefaultSchemaNormalizer();
  const compare = (renames: readonly RenameDirective[]): Promise<AutogenerateResult> =>
    produceMigrationPlan({
      dialect,
      introspector,
      normalizer,
      options,
      versionTable: { name: migrationContext.versionTable.tableName, schema: migrationContext.versionTable.schema },
      renames,
      migrationContext,
    });
  const renames = [...(request.renames ?? [])];
  let result = await compare(renames);
  if (request.confirm !== undefined && result.renameCandidates.length > 0) {
    const accepted: RenameDirective[] = [];
    for (const candidate of result.renameCandidates) {
      // One rename per old name and per new name: once a pair is accepted, its names are taken.
      const taken = [...renames, ...accepted].some(
        (rename) =>
          rename.table === candidate.table &&
          rename.schema === candidate.schema &&
          (rename.from === candidate.from || rename.to === candidate.to),
      );
      if (taken) continue;
      if (await request.confirm(renameQuestion(candidate))) accepted.push(candidate);
    }
    if (accepted.length > 0) result = await compare([...renames, ...accepted]);
  }
  const { plan } = result;
  for (const difference of describePlanDifferences(plan.upgrade)) config.log(difference.message);
  for (const planned of plan.upgrade) {
    if (planned.dataLoss !== undefined) config.warn(planned.dataLoss);
  }
  for (const { reason } of plan.irreversible) config.warn(`the downgrade cannot undo this and will throw: ${reason}`);
  const directives: RevisionDirective[] = [
    {
      message: request.message,
      revisionId: request.revisionId,
      upgrade: [...plan.upgrade],
      downgrade: [...plan.downgrade],
    },
  ];
  await options.processRevisionDirectives?.(migrationContext, heads, directives);
  return { plan, directives, options };
}

/** A `targetMetadata` function called at most once (its first result kept); anything else as it is. */
function once(target: TargetMetadata | undefined): TargetMetadata | undefined {
  if (typeof target !== 'function') return target;
  let result: ReturnType<typeof target> | undefined;
  return () => (result ??= target());
}

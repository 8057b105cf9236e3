import type { RenameDirective } from '../autogenerate/migration-plan.js';
import { renderMigration } from '../autogenerate/render-migration.js';
import type { Config } from '../config/config.js';
import { CommandError } from '../errors/command-error.js';
import type { Script } from '../script/script.js';
import { ScriptDirectory, type GenerateRevisionOptions } from '../script/script-directory.js';
import { newRevisionId } from './new-revision-id.js';
import { runAutogenerate } from './run-autogenerate.js';

/** Options of {@link revision}, as `alembic revision` takes them. */
export interface RevisionOptions {
  /** `-m`: the message, first line of the doc comment and the file name's slug. */
  readonly message?: string | null;
  /** `--autogenerate`: fill the script by comparing models with the database. */
  readonly autogenerate?: boolean;
  /** `--sql`: only meaningful with `revisionEnvironment`. */
  readonly sql?: boolean;
  /** `--head`: the parent (default `head`); `base` starts a new root. */
  readonly head?: string;
  /** `--splice`: allow a parent that is not a head. */
  readonly splice?: boolean;
  /** `--branch-label`. */
  readonly branchLabel?: string | readonly string[] | null;
  /** `--version-path`: which version location gets the file. */
  readonly versionPath?: string | null;
  /** `--rev-id`: use this id instead of a random one. */
  readonly revisionId?: string | null;
  /** `--depends-on`: revisions (ids, prefixes or labels) this one depends on. */
  readonly dependsOn?: readonly string[] | null;
  /**
   * With `autogenerate`: renames to write instead of a drop and an add (`--rename
   * account.name=full_name`, `--rename-table old=new`).
   */
  readonly renames?: readonly RenameDirective[];
  /**
   * With `autogenerate`: asks a yes/no question about each rename candidate (`Is column
   * account.name renamed to account.full_name?`). Give it only when someone can answer (a
   * terminal); without it, the file carries the suggestions as comments.
   */
  readonly confirm?: (question: string) => Promise<boolean>;
}

/**
 * Writes a new revision file on top of `head` (or the given parent) and returns its script.
 *
 * With `autogenerate`, runs `env.ts` read-only, compares its `targetMetadata` with the database
 * (which must be on every head), runs `processRevisionDirectives`, and writes the operations
 * found through the environment's script template (`imports`, `upgrades`, `downgrades`).
 * Returns undefined when the hook left nothing to write (the last script when it asked for
 * several).
 *
 * Validate, then write: the id, branch labels, parents, dependencies, version path and file
 * name are checked before anything else (with `autogenerate`, before `env.ts` runs), and the
 * script is rendered and checked (it parses, its header reads back) before it is written, so a
 * failed check leaves no file.
 *
 * ```ts
 * await revision(config, { message: 'create account table' });
 * await revision(config, { message: 'add email', autogenerate: true });
 * ```
 */
export async function revision(config: Config, options: RevisionOptions = {}): Promise<Script | undefined> {
  if (options.sql && options.autogenerate) {
    throw new CommandError('Using --sql with --autogenerate does not make any sense');
  }
  if (options.sql && !config.values.revisionEnvironment) {
    throw new CommandError(
      'Using --sql with the revision command when revision_environment is not configured does not make any sense',
    );
  }
  const scripts = ScriptDirectory.fromConfig(config);
  const branchLabels =
    options.branchLabel === undefined || options.branchLabel === null ? null : [options.branchLabel].flat();
  const generate: GenerateRevisionOptions = {
    revisionId: options.revisionId ?? newRevisionId(),
    message: options.message ?? null,
    head: options.head ?? 'head',
    splice: options.splice ?? false,
    branchLabels,
    versionPath: options.versionPath ?? null,
    dependsOn: options.dependsOn ?? null,
  };
  if (!options.autogenerate) return scripts.generateRevision(generate);

  // Validate, then write: what the command line asks for is checked before env.ts runs.
  scripts.checkRevision(generate);
  const outcome = await runAutogenerate(config, scripts, {
    message: generate.message ?? null,
    revisionId: generate.revisionId,
    ...(options.renames === undefined ? {} : { renames: options.renames }),
    ...(options.confirm === undefined ? {} : { confirm: options.confirm }),
  });
  const configuredArguments = (outcome.options as { templateArguments?: Readonly<Record<string, unknown>> })
    .templateArguments;
  const requests = outcome.directives.map((directive): GenerateRevisionOptions => {
    const rendered = renderMigration(
      { upgrade: directive.upgrade, downgrade: directive.downgrade, irreversible: outcome.plan.irreversible },
      outcome.options,
    );
    return {
      ...generate,
      revisionId: directive.revisionId,
      message: directive.message,
      templateArguments: { ...configuredArguments, ...rendered },
    };
  });
  // Every directive is checked and rendered before the first file is written. Each is then
  // prepared again as it is written: the next one goes on top of the one before (Alembic's order).
  const ids = requests.map((request) => request.revisionId);
  const repeated = ids.find((id, index) => ids.indexOf(id) !== index);
  if (repeated !== undefined) {
    throw new CommandError(`processRevisionDirectives gave the revision id ${repeated} twice; nothing written`, {
      code: 'ALEMBIC_DUPLICATE_REVISION',
    });
  }
  for (const request of requests) await scripts.prepareRevision(request);
  let written: Script | undefined;
  for (const request of requests) written = await scripts.writeRevision(await scripts.prepareRevision(request));
  return written;
}

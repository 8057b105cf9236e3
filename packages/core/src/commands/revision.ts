import type { Config } from '../config/config.js';
import { CommandError } from '../errors/command-error.js';
import type { Script } from '../script/script.js';
import { ScriptDirectory } from '../script/script-directory.js';
import { newRevisionId } from './new-revision-id.js';

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
}

/**
 * Writes a new revision file on top of `head` (or the given parent) and returns its script.
 *
 * ```ts
 * await revision(config, { message: 'create account table' });
 * ```
 */
export async function revision(config: Config, options: RevisionOptions = {}): Promise<Script> {
  if (options.sql && options.autogenerate) {
    throw new CommandError('Using --sql with --autogenerate does not make any sense');
  }
  if (options.sql && !config.values.revisionEnvironment) {
    throw new CommandError(
      'Using --sql with the revision command when revision_environment is not configured does not make any sense',
    );
  }
  if (options.autogenerate) {
    throw new CommandError('--autogenerate is not available in this version of @alembic/core yet', {
      code: 'ALEMBIC_AUTOGENERATE_UNAVAILABLE',
    });
  }
  const scripts = ScriptDirectory.fromConfig(config);
  const branchLabels =
    options.branchLabel === undefined || options.branchLabel === null ? null : [options.branchLabel].flat();
  return scripts.generateRevision({
    revisionId: options.revisionId ?? newRevisionId(),
    message: options.message ?? null,
    head: options.head ?? 'head',
    splice: options.splice ?? false,
    branchLabels,
    versionPath: options.versionPath ?? null,
    dependsOn: options.dependsOn ?? null,
  });
}

import type { Config } from '../config/config.js';
import type { Script } from '../script/script.js';
import { ScriptDirectory } from '../script/script-directory.js';
import { newRevisionId } from './new-revision-id.js';

/** Options of {@link merge}. */
export interface MergeOptions {
  readonly message?: string | null;
  readonly branchLabel?: string | readonly string[] | null;
  readonly revisionId?: string | null;
  /** Allow merging revisions that are not heads. */
  readonly splice?: boolean;
}

/**
 * Writes a merge revision whose parents are `revisions` (ids, prefixes, labels, or `heads`).
 * They must resolve to at least two revisions (`merge heads` with one head is refused:
 * `ALEMBIC_MERGE_NEEDS_TWO_REVISIONS`); like `revision`, everything is checked before the file
 * is written.
 *
 * ```ts
 * await merge(config, ['heads'], { message: 'merge branches' });
 * ```
 */
export async function merge(config: Config, revisions: readonly string[], options: MergeOptions = {}): Promise<Script> {
  const scripts = ScriptDirectory.fromConfig(config);
  const branchLabels =
    options.branchLabel === undefined || options.branchLabel === null ? null : [options.branchLabel].flat();
  return scripts.generateRevision({
    revisionId: options.revisionId ?? newRevisionId(),
    message: options.message ?? null,
    head: revisions,
    splice: options.splice ?? false,
    branchLabels,
    merge: true,
  });
}

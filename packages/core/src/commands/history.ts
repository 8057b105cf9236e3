import type { Config } from '../config/config.js';
import { CommandError } from '../errors/command-error.js';
import { formatScript } from '../script/format-script.js';
import { ScriptDirectory } from '../script/script-directory.js';
import { readCurrentHeads } from './read-current-heads.js';

/** Options of {@link history}. */
export interface HistoryOptions {
  /** `-r start:end`; either side may be empty, a relative identifier or `current`. */
  readonly revisionRange?: string | null;
  readonly verbose?: boolean;
  /** `-i`: mark the database's current revisions with `(current)`. */
  readonly indicateCurrent?: boolean;
}

/**
 * Prints revisions newest first, as `alembic history` does:
 * `bbb2 -> ccc3 (head), third`, `<base> -> aaa1, create account table`.
 */
export async function history(config: Config, options: HistoryOptions = {}): Promise<void> {
  const scripts = ScriptDirectory.fromConfig(config);
  let base: string | null = null;
  let head: string | null = null;
  if (options.revisionRange !== undefined && options.revisionRange !== null) {
    const range = options.revisionRange.trim();
    const parts = range.split(':');
    if (parts.length !== 2) {
      throw new CommandError('History range requires [start]:[end], [start]:, or :[end]', {
        code: 'ALEMBIC_BAD_RANGE',
      });
    }
    base = parts[0] || null;
    head = parts[1] || null;
  }
  const needsDatabase =
    options.indicateCurrent === true ||
    base === 'current' ||
    head === 'current' ||
    config.values.revisionEnvironment === true;
  let current: readonly string[] = [];
  if (needsDatabase) current = await readCurrentHeads(config, scripts);
  const resolveBound = (bound: string | null, fallback: string): string | readonly string[] =>
    bound === 'current' ? (current.length > 0 ? current : 'base') : (bound ?? fallback);
  const selected = scripts.walkRevisions(resolveBound(base, 'base'), resolveBound(head, 'heads'));
  const indicate = options.indicateCurrent === true;
  for (const script of selected) {
    if (indicate) script.isCurrent = current.includes(script.revision);
    config.print(
      formatScript(script, options.verbose ?? false, { includeBranches: true, includeDoc: true, includeParents: true }),
    );
  }
}

import type { Config } from '../config/config.js';
import { formatScript } from '../script/format-script.js';
import { ScriptDirectory } from '../script/script-directory.js';

/** Options of {@link heads}. */
export interface HeadsOptions {
  readonly verbose?: boolean;
  /** List only the real heads (what `heads` means as a target), not effective heads. */
  readonly resolveDependencies?: boolean;
}

/**
 * Prints the head revisions: `ccc3 (head)`, `ddd4 (xbranch) (head)`, `a2a2 (effective head)`.
 */
export function heads(config: Config, options: HeadsOptions = {}): void {
  const scripts = ScriptDirectory.fromConfig(config);
  const selected = options.resolveDependencies
    ? scripts.getRevisions('heads')
    : scripts.getRevisions(scripts.getHeads());
  for (const script of selected) {
    config.print(formatScript(script, options.verbose ?? false, { includeBranches: true, treeIndicators: false }));
  }
}

import type { Config } from '../config/config.js';
import { formatScript, formatScriptLine } from '../script/format-script.js';
import { ScriptDirectory } from '../script/script-directory.js';

/** Options of {@link branches}. */
export interface BranchesOptions {
  readonly verbose?: boolean;
}

/**
 * Prints each branch point followed by the revisions it branches into:
 *
 * ```text
 * bbb2 (branchpoint)
 *      -> ccc3 (head)
 *      -> ddd4 (xbranch) (head)
 * ```
 */
export function branches(config: Config, options: BranchesOptions = {}): void {
  const scripts = ScriptDirectory.fromConfig(config);
  const verbose = options.verbose ?? false;
  for (const script of scripts.walkRevisions()) {
    if (!script.isBranchPoint) continue;
    const indent = ' '.repeat(script.revision.length);
    const children = [...script.nextRevisions].map((id) => {
      const child = scripts.getRevision(id);
      return `${indent} -> ${child === null ? id : formatScriptLine(child, { includeBranches: true, includeDoc: verbose })}`;
    });
    config.print(`${formatScript(script, verbose, { includeBranches: true })}\n${children.join('\n')}\n`);
  }
}

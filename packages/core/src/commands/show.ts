import type { Config } from '../config/config.js';
import { formatLogEntry } from '../script/format-script.js';
import { ScriptDirectory } from '../script/script-directory.js';

/**
 * Prints the verbose entry of every revision an identifier names (`ae10`, `head`, `heads`,
 * `mybranch@head`, a label...).
 */
export function show(config: Config, identifier: string): void {
  const scripts = ScriptDirectory.fromConfig(config);
  for (const script of scripts.getRevisions(identifier)) config.print(formatLogEntry(script));
}

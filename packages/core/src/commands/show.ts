import type { Config } from '../config/config.js';
import { formatLogEntry } from '../script/format-script.js';
import { ScriptDirectory } from '../script/script-directory.js';
import { readCurrentHeads } from './read-current-heads.js';

/**
 * Prints the verbose entry of every revision an identifier names (`ae10`, `head`, `heads`,
 * `mybranch@head`, a label, or `current`: the database's revisions).
 */
export async function show(config: Config, identifier: string): Promise<void> {
  const scripts = ScriptDirectory.fromConfig(config);
  const selected = identifier === 'current' ? await readCurrentHeads(config, scripts) : identifier;
  for (const script of scripts.getRevisions(selected)) config.print(formatLogEntry(script));
}

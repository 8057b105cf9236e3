import type { Config } from '../config/config.js';
import { planUpgrade } from '../runtime/plan-steps.js';
import type { RunOptions } from './run-options.js';
import { runToRevision } from './run-to-revision.js';

/**
 * Upgrades the database to `revision` (`head`, `heads`, an id, `label@head`, `+2`...). With
 * `sql`, prints the SQL instead; then `revision` may be a `start:end` range.
 *
 * ```ts
 * await upgrade(config, 'head');
 * ```
 */
export async function upgrade(config: Config, revision: string, options: RunOptions = {}): Promise<void> {
  await runToRevision(config, revision, options, planUpgrade);
}

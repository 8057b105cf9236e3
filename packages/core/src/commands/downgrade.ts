import type { Config } from '../config/config.js';
import { planDowngrade } from '../runtime/plan-steps.js';
import type { RunOptions } from './run-options.js';
import { runToRevision } from './run-to-revision.js';

/**
 * Downgrades the database to `revision` (`base`, an id, `-1`, `label@-1`...). With `sql`,
 * prints the SQL instead and `revision` must be a `start:end` range.
 */
export async function downgrade(config: Config, revision: string, options: RunOptions = {}): Promise<void> {
  await runToRevision(config, revision, options, planDowngrade, 'downgrade with --sql requires <fromrev>:<torev>');
}

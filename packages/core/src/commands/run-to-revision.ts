import type { Config } from '../config/config.js';
import { CommandError } from '../errors/command-error.js';
import { ScriptDirectory } from '../script/script-directory.js';
import { splitRange, type RunOptions } from './run-options.js';
import { runToDestination, type DestinationPlanner } from './run-to-destination.js';

/**
 * What `upgrade` and `downgrade` share: reads `revision` (a target, or with `sql` a
 * `start:end` range), then runs `env.ts` with the steps `plan` finds. A range online is refused;
 * with `offlineRangeError`, so is a single target offline (`downgrade --sql` needs to know
 * where it starts).
 */
export async function runToRevision(
  config: Config,
  revision: string,
  options: RunOptions,
  plan: DestinationPlanner<string>,
  offlineRangeError?: string,
): Promise<void> {
  const scripts = ScriptDirectory.fromConfig(config);
  const { start, end } = splitRange(revision);
  if (start !== undefined && !options.sql) throw new CommandError('Range revision not allowed');
  if (start === undefined && options.sql && offlineRangeError !== undefined) throw new CommandError(offlineRangeError);
  await runToDestination(config, scripts, options, plan, { start, end });
}

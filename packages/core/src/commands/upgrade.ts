import type { Config } from '../config/config.js';
import { CommandError } from '../errors/command-error.js';
import { planUpgrade } from '../runtime/plan-steps.js';
import { runEnvironment } from '../runtime/run-environment.js';
import { ScriptDirectory } from '../script/script-directory.js';
import { splitRange, timeoutOptions, type RunOptions } from './run-options.js';

/**
 * Upgrades the database to `revision` (`head`, `heads`, an id, `label@head`, `+2`...). With
 * `sql`, prints the SQL instead; then `revision` may be a `start:end` range.
 *
 * ```ts
 * await upgrade(config, 'head');
 * ```
 */
export async function upgrade(config: Config, revision: string, options: RunOptions = {}): Promise<void> {
  const scripts = ScriptDirectory.fromConfig(config);
  const { start, end } = splitRange(revision);
  if (start !== undefined && !options.sql) throw new CommandError('Range revision not allowed');
  await runEnvironment({
    config,
    scripts,
    planSteps: (heads) => planUpgrade(scripts, end, heads),
    asSql: options.sql ?? false,
    startingRevision: start ?? null,
    destinationRevision: end,
    tag: options.tag ?? null,
    noLock: options.noLock ?? false,
    ...timeoutOptions(options),
  });
}

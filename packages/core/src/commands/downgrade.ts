import type { Config } from '../config/config.js';
import { CommandError } from '../errors/command-error.js';
import { planDowngrade } from '../runtime/plan-steps.js';
import { runEnvironment } from '../runtime/run-environment.js';
import { ScriptDirectory } from '../script/script-directory.js';
import { splitRange, timeoutOptions, type RunOptions } from './run-options.js';

/**
 * Downgrades the database to `revision` (`base`, an id, `-1`, `label@-1`...). With `sql`,
 * prints the SQL instead and `revision` must be a `start:end` range.
 */
export async function downgrade(config: Config, revision: string, options: RunOptions = {}): Promise<void> {
  const scripts = ScriptDirectory.fromConfig(config);
  const { start, end } = splitRange(revision);
  if (start !== undefined && !options.sql) throw new CommandError('Range revision not allowed');
  if (start === undefined && options.sql) throw new CommandError('downgrade with --sql requires <fromrev>:<torev>');
  await runEnvironment({
    config,
    scripts,
    planSteps: (heads) => planDowngrade(scripts, end, heads),
    asSql: options.sql ?? false,
    startingRevision: start ?? null,
    destinationRevision: end,
    tag: options.tag ?? null,
    noLock: options.noLock ?? false,
    ...timeoutOptions(options),
  });
}

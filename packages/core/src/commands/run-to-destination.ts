import type { Config } from '../config/config.js';
import type { MigrationStep } from '../runtime/migration-step.js';
import { runEnvironment } from '../runtime/run-environment.js';
import type { ScriptDirectory } from '../script/script-directory.js';
import { environmentOptions, type RunOptions } from './run-options.js';

/**
 * Plans the steps from the database's heads to `destination` (`planUpgrade`, `planDowngrade`,
 * `planStamp`).
 */
export type DestinationPlanner<Destination> = (
  scripts: ScriptDirectory,
  destination: Destination,
  currentHeads: readonly string[],
) => MigrationStep[];

/** Where a command takes the version table: to `end`, from `start` offline (a `start:end` range). */
export interface RevisionRange<Destination> {
  readonly start: string | undefined;
  readonly end: Destination;
}

/**
 * What the commands that move the version table share (`upgrade`, `downgrade`, `stamp`): runs
 * `env.ts` with the steps `plan` finds from the database's heads to `range.end`, passing on the
 * {@link RunOptions}; `purge` empties the version table first (`stamp --purge`).
 */
export async function runToDestination<Destination extends string | readonly string[]>(
  config: Config,
  scripts: ScriptDirectory,
  options: RunOptions,
  plan: DestinationPlanner<Destination>,
  range: RevisionRange<Destination>,
  purge = false,
): Promise<void> {
  await runEnvironment({
    config,
    scripts,
    planSteps: (heads) => plan(scripts, range.end, heads),
    startingRevision: range.start ?? null,
    destinationRevision: range.end,
    purge,
    ...environmentOptions(options),
  });
}

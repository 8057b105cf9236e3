import type { Config } from '../config/config.js';
import { CommandError } from '../errors/command-error.js';
import { planStamp } from '../runtime/plan-steps.js';
import { ScriptDirectory } from '../script/script-directory.js';
import { splitRange, type RunOptions } from './run-options.js';
import { runToDestination } from './run-to-destination.js';

/** Options of {@link stamp}. */
export interface StampOptions extends RunOptions {
  /** Empty the version table first, whatever it holds. */
  readonly purge?: boolean;
}

/**
 * Sets the version table to `revisions` without running any migration. `base` empties it for
 * the lineage given. Offline, each revision may be a `start:end` range (one start only).
 */
export async function stamp(config: Config, revisions: readonly string[], options: StampOptions = {}): Promise<void> {
  const scripts = ScriptDirectory.fromConfig(config);
  let startingRevision: string | undefined;
  const destinations: string[] = [];
  for (const revision of revisions) {
    const { start, end } = options.sql ? splitRange(revision) : { start: undefined, end: revision };
    if (start !== undefined) {
      if (startingRevision !== undefined && startingRevision !== start) {
        throw new CommandError('Stamp operation with --sql only supports a single starting revision at a time');
      }
      startingRevision = start;
    }
    destinations.push(end);
  }
  if (options.purge && options.sql) throw new CommandError("Can't use --purge with --sql mode");
  await runToDestination(
    config,
    scripts,
    options,
    planStamp,
    { start: startingRevision, end: destinations },
    options.purge ?? false,
  );
}

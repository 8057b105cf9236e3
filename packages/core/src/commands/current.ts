import type { Config } from '../config/config.js';
import { CommandError } from '../errors/command-error.js';
import { runEnvironment } from '../runtime/run-environment.js';
import { formatScript } from '../script/format-script.js';
import { ScriptDirectory } from '../script/script-directory.js';

/** Options of {@link current}. */
export interface CurrentOptions {
  readonly verbose?: boolean;
  /** Fail unless the database is on every head of the scripts (a CI gate). */
  readonly checkHeads?: boolean;
}

/**
 * Prints the database's current revision(s): `ddd4 (head)`. Never creates the version table.
 */
export async function current(config: Config, options: CurrentOptions = {}): Promise<void> {
  const scripts = ScriptDirectory.fromConfig(config);
  await runEnvironment({
    config,
    scripts,
    dontMutate: true,
    planSteps: (heads, migrationContext) => {
      if (options.verbose) config.print(`Current revision(s) for ${migrationContext.displayUrl}:`);
      if (options.checkHeads) {
        const scriptHeads = new Set(scripts.getHeads());
        const same = heads.length === scriptHeads.size && heads.every((head) => scriptHeads.has(head));
        if (!same) {
          throw new CommandError('Database is not on all head revisions', { code: 'ALEMBIC_DATABASE_NOT_AT_HEAD' });
        }
      }
      for (const script of scripts.revisionMap.allCurrent(heads))
        config.print(formatScript(script, options.verbose ?? false));
      return [];
    },
  });
}

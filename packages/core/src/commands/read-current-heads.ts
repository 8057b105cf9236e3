import type { Config } from '../config/config.js';
import { runEnvironment } from '../runtime/run-environment.js';
import type { ScriptDirectory } from '../script/script-directory.js';

/**
 * Runs `env.ts` read-only to learn the database's current heads (for `history -i`,
 * `show current`, ranges with `current`). Creates nothing.
 */
export async function readCurrentHeads(config: Config, scripts: ScriptDirectory): Promise<string[]> {
  let found: string[] = [];
  await runEnvironment({
    config,
    scripts,
    dontMutate: true,
    planSteps: (heads) => {
      found = [...heads];
      return [];
    },
  });
  return found;
}

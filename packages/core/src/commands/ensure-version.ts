import type { Config } from '../config/config.js';
import { runEnvironment } from '../runtime/run-environment.js';
import { ScriptDirectory } from '../script/script-directory.js';
import { environmentOptions, type RunOptions } from './run-options.js';

/** Options of {@link ensureVersion}. */
export type EnsureVersionOptions = Pick<RunOptions, 'sql' | 'lockTimeout' | 'statementTimeout'>;

/** Creates the version table if it is missing (with `sql`, prints its CREATE TABLE). */
export async function ensureVersion(config: Config, options: EnsureVersionOptions = {}): Promise<void> {
  const scripts = ScriptDirectory.fromConfig(config);
  await runEnvironment({
    config,
    scripts,
    ...environmentOptions(options),
    planSteps: async (_heads, migrationContext) => {
      await migrationContext.ensureVersionTable();
      return [];
    },
  });
}

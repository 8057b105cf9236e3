import type { Config } from '../config/config.js';
import { runEnvironment } from '../runtime/run-environment.js';
import { ScriptDirectory } from '../script/script-directory.js';

/** Creates the version table if it is missing (with `sql`, prints its CREATE TABLE). */
export async function ensureVersion(config: Config, options: { readonly sql?: boolean } = {}): Promise<void> {
  const scripts = ScriptDirectory.fromConfig(config);
  await runEnvironment({
    config,
    scripts,
    asSql: options.sql ?? false,
    planSteps: async (_heads, migrationContext) => {
      await migrationContext.ensureVersionTable();
      return [];
    },
  });
}

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CommandError } from '../errors/command-error.js';
import { importModule } from '../loader/import-module.js';
import { EnvironmentContext, type EnvironmentOptions } from './environment-context.js';
import { runtimeStore } from './runtime-store.js';

/** Names `env` may have in the script location, in order of preference. */
const ENVIRONMENT_FILES = ['env.ts', 'env.mts', 'env.js', 'env.mjs', 'env.cts', 'env.cjs'];

let runCount = 0;

/**
 * Runs the environment's `env.ts` for one command, with `context` (and, during migrations,
 * `op`) pointing at this run. `env.ts` runs afresh on every call, as env.py does, even when a
 * process runs several commands.
 */
export async function runEnvironment(options: EnvironmentOptions): Promise<EnvironmentContext> {
  const directory = options.scripts.directory;
  const file = ENVIRONMENT_FILES.map((name) => join(directory, name)).find((path) => existsSync(path));
  if (file === undefined) {
    throw new CommandError(`No env.ts in ${directory}; 'alembic init' writes one`, { code: 'ALEMBIC_NO_ENVIRONMENT' });
  }
  const environment = new EnvironmentContext(options);
  runCount += 1;
  await runtimeStore().run({ environment, operations: undefined }, () =>
    importModule(file, runCount > 1 ? `alembic-run=${runCount}` : undefined),
  );
  return environment;
}

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CommandError } from '../errors/command-error.js';
import { importModule } from '../loader/import-module.js';
import { EnvironmentContext, type EnvironmentOptions } from './environment-context.js';
import { runtimeStore } from './runtime-store.js';
import { trackWork } from './work-in-flight.js';

/** Names `env` may have in the script location, in order of preference. */
const ENVIRONMENT_FILES = ['env.ts', 'env.mts', 'env.js', 'env.mjs', 'env.cts', 'env.cjs'];

let runCount = 0;

/** The environment script of a script location (`env.ts`, `env.js`...), or undefined. */
export function findEnvironmentFile(directory: string): string | undefined {
  return ENVIRONMENT_FILES.map((name) => join(directory, name)).find((path) => existsSync(path));
}

/**
 * Runs the environment's `env.ts` for one command, with `context` (and, during migrations,
 * `op`) pointing at this run. `env.ts` runs afresh on every call, as env.py does, even when a
 * process runs several commands.
 */
export async function runEnvironment(options: EnvironmentOptions): Promise<EnvironmentContext> {
  const directory = options.scripts.directory;
  const file = findEnvironmentFile(directory);
  if (file === undefined) {
    throw new CommandError(`No env.ts in ${directory}; 'alembic init' writes one`, { code: 'ALEMBIC_NO_ENVIRONMENT' });
  }
  const environment = new EnvironmentContext(options);
  runCount += 1;
  const query = runCount > 1 ? `alembic-run=${runCount}` : undefined;
  await trackWork({ subject: options.scripts.displayPath(file), awaiting: 'it' }, () =>
    runtimeStore().run({ environment, operations: undefined }, () => importModule(file, query)),
  );
  return environment;
}

import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { ConfigError } from '../errors/config-error.js';

/** The names a config file is looked for under, in order. */
export const CONFIG_FILE_NAMES = [
  'alembic.config.ts',
  'alembic.config.mts',
  'alembic.config.js',
  'alembic.config.mjs',
  'alembic.config.cjs',
  'alembic.config.json',
] as const;

/**
 * Finds the config file: `explicitPath` (from `-c`), else `$ALEMBIC_CONFIG`, else the first of
 * {@link CONFIG_FILE_NAMES} in `cwd`. Throws a `ConfigError` saying what to do when none exists.
 */
export function findConfigFile(cwd: string, explicitPath?: string, environment = process.env): string {
  const given = explicitPath ?? environment.ALEMBIC_CONFIG;
  if (given !== undefined && given !== '') {
    const path = isAbsolute(given) ? given : resolve(cwd, given);
    if (!existsSync(path)) throw new ConfigError(`No config file '${given}' found`);
    return path;
  }
  for (const name of CONFIG_FILE_NAMES) {
    const path = join(cwd, name);
    if (existsSync(path)) return path;
  }
  throw new ConfigError(
    `No config file found in ${cwd} (looked for ${CONFIG_FILE_NAMES.join(', ')}); ` +
      "run 'alembic init <directory>' to create one, or pass -c FILE",
  );
}

import { dirname } from 'node:path';
import { ConfigError } from '../errors/config-error.js';
import { AlembicError } from '../errors/alembic-error.js';
import { importModule } from '../loader/import-module.js';
import { userCodeLocation } from '../loader/user-code-location.js';
import type { AlembicConfigValues } from './alembic-config.js';
import { findConfigFile } from './find-config-file.js';
import { validateConfig } from './validate-config.js';

/** A config file read from disk. */
export interface LoadedConfig {
  /** Absolute path of the file. */
  readonly configFile: string;
  /** Its directory: relative paths in the config are relative to it. */
  readonly directory: string;
  readonly values: AlembicConfigValues;
}

/**
 * Finds (see `findConfigFile`), imports and validates the config file.
 */
export async function loadConfig(cwd: string, explicitPath?: string): Promise<LoadedConfig> {
  const configFile = findConfigFile(cwd, explicitPath);
  let namespace: Record<string, unknown>;
  try {
    namespace = await importModule(configFile);
  } catch (error) {
    if (AlembicError.isInstance(error)) throw error;
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    const location = userCodeLocation(error);
    throw new ConfigError(
      `Could not load ${configFile}: ${reason}${location === undefined ? '' : ` (at ${location})`}`,
      {
        cause: error,
      },
    );
  }
  const exported = namespace.default ?? namespace;
  return { configFile, directory: dirname(configFile), values: validateConfig(exported, configFile) };
}

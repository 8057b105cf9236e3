import { ConfigError } from '../errors/config-error.js';
import type { AlembicConfig } from './alembic-config.js';

type Check = (value: unknown) => boolean;

const isString: Check = (value) => typeof value === 'string';
const isBoolean: Check = (value) => typeof value === 'boolean';
const isPositiveInteger: Check = (value) => Number.isInteger(value) && (value as number) > 0;
const isStringArray: Check = (value) => Array.isArray(value) && value.every((item) => typeof item === 'string');
const isArray: Check = (value) => Array.isArray(value);
const isTypeOrmSettings: Check = (value) =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.entries(value).every(([key, entry]) => key === 'dataSource' && (entry === undefined || typeof entry === 'string'));

const CHECKS: Readonly<Record<string, readonly [Check, string]>> = {
  scriptLocation: [isString, 'a string'],
  url: [isString, 'a string'],
  fileTemplate: [isString, 'a string'],
  truncateSlugLength: [isPositiveInteger, 'a positive integer'],
  timezone: [isString, 'a string'],
  versionLocations: [isStringArray, 'an array of strings'],
  recursiveVersionLocations: [isBoolean, 'true or false'],
  revisionEnvironment: [isBoolean, 'true or false'],
  postWriteHooks: [isArray, 'an array of hooks'],
  versionTable: [isString, 'a string'],
  versionTableSchema: [isString, 'a string'],
  versionNumWidth: [isPositiveInteger, 'a positive integer'],
  dialects: [isArray, 'an array of dialect objects'],
  typeorm: [isTypeOrmSettings, "an object such as { dataSource: 'src/data-source.ts' }"],
};

/**
 * Checks the shape of a loaded config (`scriptLocation` present, known keys of the right
 * type) and returns it typed. Throws a `ConfigError` naming the file and the key.
 */
export function validateConfig(value: unknown, configFile: string): AlembicConfig {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError(`${configFile} must export a config object (export default defineConfig({ ... }))`);
  }
  const record = value as Record<string, unknown>;
  if (record.scriptLocation === undefined || record.scriptLocation === '') {
    throw new ConfigError(`No 'scriptLocation' key found in configuration ${configFile}.`);
  }
  for (const [key, [check, expected]] of Object.entries(CHECKS)) {
    const entry = record[key];
    if (entry !== undefined && entry !== null && !check(entry)) {
      throw new ConfigError(`'${key}' in ${configFile} must be ${expected}`);
    }
  }
  return record as AlembicConfig;
}

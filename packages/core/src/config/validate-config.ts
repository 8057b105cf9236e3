import { ConfigError } from '../errors/config-error.js';
import { isDialect } from '../dialect/resolve-dialect.js';
import type { AlembicConfigValues } from './alembic-config.js';

type Check = (value: unknown) => boolean;

const isString: Check = (value) => typeof value === 'string';
const isBoolean: Check = (value) => typeof value === 'boolean';
const isPositiveInteger: Check = (value) => Number.isInteger(value) && (value as number) > 0;
const isSeconds: Check = (value) => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const isPositiveSeconds: Check = (value) => isSeconds(value) && (value as number) > 0;
const isStringArray: Check = (value) => Array.isArray(value) && value.every((item) => typeof item === 'string');
const isArray: Check = (value) => Array.isArray(value);
const isDialectArray: Check = (value) => Array.isArray(value) && value.every(isDialect);
const isStringRecord: Check = (value) =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.values(value).every((entry) => typeof entry === 'string');
const isTypeOrmSettings: Check = (value) =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.entries(value).every(
    ([key, entry]) => key === 'dataSource' && (entry === undefined || typeof entry === 'string'),
  );

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
  lockTimeout: [isSeconds, 'a number of seconds, 0 or more'],
  statementTimeout: [isPositiveSeconds, 'a number of seconds greater than 0'],
  dialects: [isDialectArray, 'an array of dialect objects (such as sqlite() from @alembic/dialect-sqlite)'],
  databases: [isStringRecord, "an object of database URLs by name, such as { engine1: 'sqlite:///engine1.db' }"],
  typeorm: [isTypeOrmSettings, "an object such as { dataSource: 'src/data-source.ts' }"],
};

/**
 * Checks the shape of a loaded config (`scriptLocation` present, known keys of the right
 * type) and returns it typed; other keys are kept for `env.ts`. Throws a `ConfigError` naming
 * the file and the key. (TypeScript configs are also checked at compile time by
 * `defineConfig`; this is the check a JavaScript or JSON config gets.)
 */
export function validateConfig(value: unknown, configFile: string): AlembicConfigValues {
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
  return record as AlembicConfigValues;
}

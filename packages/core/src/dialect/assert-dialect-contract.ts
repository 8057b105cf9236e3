import { ConfigError } from '../errors/config-error.js';
import type { Dialect } from './dialect.js';

/** The methods version 1 of the {@link Dialect} contract requires (`createSchemaNormalizer` is optional). */
const REQUIRED_METHODS = [
  'createDdlCompiler',
  'connect',
  'createIntrospector',
  'acquireMigrationLock',
  'translateError',
] as const;

/**
 * Checks, before a run uses it, that a dialect implements what version 1 of the contract
 * requires: the type says so to TypeScript dialects, this says so to JavaScript ones (and to
 * dialects built against an older core), instead of a `TypeError` half-way through a run.
 *
 * ```ts
 * assertDialectContract({ ...sqlite(), createIntrospector: undefined });
 * // ConfigError: The sqlite dialect does not implement createIntrospector(), which the Dialect contract requires
 * ```
 */
export function assertDialectContract(dialect: Dialect): void {
  const missing = REQUIRED_METHODS.filter(
    (name) => typeof (dialect as unknown as Record<string, unknown>)[name] !== 'function',
  );
  if (missing.length === 0) return;
  const names = missing.map((name) => `${name}()`).join(', ');
  throw new ConfigError(
    `The ${String(dialect.name)} dialect does not implement ${names}, which the Dialect contract (version ${String(dialect.specVersion)}) requires`,
  );
}

import { AsyncLocalStorage } from 'node:async_hooks';
import { processWide } from './process-wide.js';

/** What a running migration environment makes visible to `env.ts` and migration scripts. */
export interface RuntimeScope {
  /** The `EnvironmentContext` behind the `context` proxy. */
  readonly environment: object;
  /** The `Operations` behind the `op` proxy, once `runMigrations` has started. */
  operations: object | undefined;
}

const STORE_KEY = 'alembic.runtime.store';

/**
 * The store the `op` and `context` proxies read. It lives on `globalThis` under a
 * `Symbol.for` key so that two copies of `@alembic/core` (the project's and the CLI's, or an
 * ESM and a CJS copy) share it; `AsyncLocalStorage` keeps concurrent runs in one process apart.
 */
export function runtimeStore(): AsyncLocalStorage<RuntimeScope> {
  return processWide(STORE_KEY, () => new AsyncLocalStorage<RuntimeScope>());
}

import type { ReleaseMigrationLock } from './dialect.js';

/**
 * The release a dialect's `acquireMigrationLock` returns, made idempotent as the contract asks:
 * the first call runs `release`, later calls (a second `finally`, a caller that retries) do
 * nothing.
 *
 * ```ts
 * return idempotentRelease(() => connection.query('SELECT pg_advisory_unlock($1)', [key]));
 * ```
 */
export function idempotentRelease(release: () => Promise<unknown>): ReleaseMigrationLock {
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    await release();
  };
}

import { secretScrubber } from '@alembic/core/dialect';

/**
 * Removes `secret` (a password) from an error and every error it wraps (`cause`,
 * `originalError` of the `mssql` driver, `errors` of an `AggregateError`, `precedingErrors`):
 * `message` and `stack`. SQL Server never puts the password into a message, but a proxy, a
 * connection string echoed back or a wrapping library might; this makes sure it never reaches
 * a log. Returns `error`.
 *
 * ```ts
 * throw scrubSecret(error, password);
 * ```
 */
export const scrubSecret = secretScrubber({ nestedKeys: ['originalError', 'precedingErrors'] });

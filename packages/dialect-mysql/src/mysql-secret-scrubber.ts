import { secretScrubber } from '@alembic/core/dialect';

/**
 * Removes `secret` (a password) from an error and its `cause` chain (and the `errors` of an
 * `AggregateError`): `message`, `stack`, and mysql2's `sqlMessage` and `sql`. mysql2 puts the
 * user name into some messages (`Access denied for user 'app'@'10.0.0.7'`), never the password,
 * but a server, a proxy or a wrapping library might; this makes sure it never reaches a log.
 * Returns `error`.
 *
 * ```ts
 * throw scrubSecret(error, password);
 * ```
 */
export const scrubSecret = secretScrubber({ textKeys: ['sqlMessage', 'sql'] });

import { rewriteErrorText } from './rewrite-error-text.js';

const MASK = '***';

/** Where a driver's errors keep text and the errors they wrap, besides the standard places. */
export interface SecretScrubberOptions {
  /**
   * String properties scrubbed besides `message` and `stack`: mysql2's `sqlMessage` and `sql`,
   * say.
   */
  readonly textKeys?: readonly string[];
  /**
   * Properties holding wrapped errors (one, or an array) besides `cause` and `errors` (an
   * `AggregateError`'s): the `mssql` driver's `originalError` and `precedingErrors`, say.
   */
  readonly nestedKeys?: readonly string[];
}

/**
 * Removes `secret` (a password) from an error and every error it wraps, replacing it with
 * `***`; returns `error`. Does nothing when `secret` is undefined or empty.
 */
export type SecretScrubber = <T>(error: T, secret: string | undefined) => T;

/**
 * A dialect's secret scrubber: it removes a password from a driver's error and every error it
 * wraps (`cause`, an `AggregateError`'s `errors`, and the driver's own `nestedKeys`), in
 * `message`, `stack` and the driver's own `textKeys`, so that it never reaches a log. Servers do
 * not put passwords into messages, but a proxy, an echoed connection string or a wrapping library
 * might. A read-only property is left as it is.
 *
 * ```ts
 * const scrubSecret = secretScrubber({ textKeys: ['sqlMessage', 'sql'] });
 * throw translateError(scrubSecret(error, password));
 * ```
 */
export function secretScrubber(options: SecretScrubberOptions = {}): SecretScrubber {
  return <T>(error: T, secret: string | undefined): T =>
    secret === undefined || secret === ''
      ? error
      : rewriteErrorText(error, (text) => text.replaceAll(secret, MASK), options);
}

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
  const textKeys = ['message', 'stack', ...(options.textKeys ?? [])];
  const nestedKeys = ['cause', 'errors', ...(options.nestedKeys ?? [])];
  return <T>(error: T, secret: string | undefined): T => {
    if (secret === undefined || secret === '') {
      return error;
    }
    const seen = new Set<unknown>();
    const pending: unknown[] = [error];
    while (pending.length > 0) {
      const current = pending.pop();
      if (typeof current !== 'object' || current === null || seen.has(current)) {
        continue;
      }
      seen.add(current);
      const record = current as Record<string, unknown>;
      for (const key of textKeys) {
        const value = record[key];
        if (typeof value === 'string' && value.includes(secret)) {
          try {
            record[key] = value.replaceAll(secret, MASK);
          } catch {
            // a read-only property: leave it (there is nothing better to do)
          }
        }
      }
      for (const key of nestedKeys) {
        const nested = record[key];
        pending.push(...(Array.isArray(nested) ? nested : [nested]));
      }
    }
    return error;
  };
}

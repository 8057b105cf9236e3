const MASK = '***';

/** Where an `mssql` error keeps the errors it wraps. */
const NESTED_KEYS = ['cause', 'originalError', 'errors', 'precedingErrors'] as const;

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
export function scrubSecret<T>(error: T, secret: string | undefined): T {
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
    for (const key of ['message', 'stack']) {
      const value = record[key];
      if (typeof value === 'string' && value.includes(secret)) {
        try {
          record[key] = value.replaceAll(secret, MASK);
        } catch {
          // a read-only property: leave it (there is nothing better to do)
        }
      }
    }
    for (const key of NESTED_KEYS) {
      const nested = record[key];
      pending.push(...(Array.isArray(nested) ? nested : [nested]));
    }
  }
  return error;
}

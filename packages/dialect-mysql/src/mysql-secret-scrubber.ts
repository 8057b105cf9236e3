const MASK = '***';

/**
 * Removes `secret` (a password) from an error and its `cause` chain: `message`, `stack`, and
 * mysql2's `sqlMessage` and `sql` (and the `errors` of an `AggregateError`). mysql2 puts the user name into some messages
 * (`Access denied for user 'app'@'10.0.0.7'`), never the password, but a server, a proxy or a
 * wrapping library might; this makes sure it never reaches a log. Returns `error`.
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
    for (const key of ['message', 'stack', 'sqlMessage', 'sql']) {
      const value = record[key];
      if (typeof value === 'string' && value.includes(secret)) {
        try {
          record[key] = value.replaceAll(secret, MASK);
        } catch {
          // a read-only property: leave it (there is nothing better to do)
        }
      }
    }
    pending.push(record.cause, ...(Array.isArray(record.errors) ? record.errors : []));
  }
  return error;
}

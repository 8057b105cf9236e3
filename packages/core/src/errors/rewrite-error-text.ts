import type { SecretScrubberOptions } from './secret-scrubber.js';

/**
 * Where {@link rewriteErrorText} looks in an error, besides `message`, `stack`, `cause` and
 * `errors`: a driver's own keys, or every own property.
 *
 * @internal
 */
export interface ErrorTextPlaces extends SecretScrubberOptions {
  /**
   * Every own property: each string is rewritten and each object is walked in turn, down to the
   * depth Node prints an uncaught error to (for an error whose shape is not known, such as one a
   * user's code threw).
   */
  readonly everyProperty?: boolean;
}

/** How deep `everyProperty` walks plain properties (Node's `util.inspect` shows 2 levels). */
const PROPERTY_DEPTH = 3;

/**
 * Rewrites the text of an error and of every error it wraps, in place: `message`, `stack` and
 * the places `places` names, in the error, its `cause`, an `AggregateError`'s `errors`, and so on
 * down; each object once. A read-only property is left as it is. Returns `error`.
 *
 * ```ts
 * throw rewriteErrorText(error, maskPassword, { everyProperty: true });
 * ```
 *
 * @internal
 */
export function rewriteErrorText<T>(error: T, rewrite: (text: string) => string, places: ErrorTextPlaces = {}): T {
  const textKeys = ['message', 'stack', ...(places.textKeys ?? [])];
  const nestedKeys = ['cause', 'errors', ...(places.nestedKeys ?? [])];
  const seen = new Set<unknown>();
  const pending: [value: unknown, depth: number][] = [[error, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop() as [unknown, number];
    if (typeof current !== 'object' || current === null || seen.has(current)) {
      continue;
    }
    seen.add(current);
    const record = current as Record<string, unknown>;
    const keys = places.everyProperty === true ? [...textKeys, ...Object.getOwnPropertyNames(current)] : textKeys;
    for (const key of keys) {
      let value: unknown;
      try {
        value = record[key];
      } catch {
        continue; // a getter that throws: nothing to read
      }
      if (typeof value === 'string') {
        const rewritten = rewrite(value);
        if (rewritten !== value) {
          try {
            record[key] = rewritten;
          } catch {
            // a read-only property: leave it (there is nothing better to do)
          }
        }
      } else if (places.everyProperty === true && depth < PROPERTY_DEPTH && typeof value === 'object') {
        pending.push([value, depth + 1]);
      }
    }
    for (const key of nestedKeys) {
      const nested = record[key];
      for (const item of Array.isArray(nested) ? nested : [nested]) pending.push([item, depth]);
    }
  }
  return error;
}

/**
 * Freezes `value` and every plain object or array reachable from it, and returns it.
 *
 * Schema models and operation objects are immutable data; factories freeze what they build so
 * that a dialect or a hook cannot change an operation another consumer is about to read.
 * Dates and byte arrays are left as they are (freezing a typed array throws).
 *
 * @internal
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) {
    return value;
  }
  if (value instanceof Date || ArrayBuffer.isView(value)) {
    return value;
  }
  for (const key of Object.keys(value)) {
    deepFreeze((value as Record<string, unknown>)[key]);
  }
  return Object.freeze(value);
}

/**
 * Returns a copy of `record` without the keys whose value is `undefined`, so that optional fields
 * an option object left unset do not appear on the model (and `toEqual` comparisons stay exact).
 *
 * @internal
 */
export function withoutUndefined<T extends object>(record: T): T {
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    const value = (record as Record<string, unknown>)[key];
    if (value !== undefined) {
      result[key] = value;
    }
  }
  return result as T;
}

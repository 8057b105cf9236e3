/**
 * Deep equality of plain data (schema models, types, options): arrays element by element,
 * objects key by key with `undefined` values counting as absent.
 *
 * ```ts
 * structurallyEqual({ a: 1, b: undefined }, { a: 1 }); // true
 * ```
 */
export function structurallyEqual(left: unknown, right: unknown): boolean {
  return stableText(left) === stableText(right);
}

/**
 * Plain data as text with object keys sorted and `undefined` values left out, so that equal
 * data gives equal text; keys listed in `ignoredKeys` are left out at every depth.
 */
export function stableText(value: unknown, ignoredKeys: ReadonlySet<string> = NO_KEYS): string {
  if (value === undefined) {
    return 'undefined';
  }
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => stableText(item, ignoredKeys)).join(',')}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([key, entry]) => entry !== undefined && !ignoredKeys.has(key))
    .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
  return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${stableText(entry, ignoredKeys)}`).join(',')}}`;
}

const NO_KEYS: ReadonlySet<string> = new Set();

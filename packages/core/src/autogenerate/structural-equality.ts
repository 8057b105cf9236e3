/**
 * Deep equality of plain data (schema models, types, options): arrays element by element,
 * objects key by key with `undefined` values counting as absent.
 *
 * ```ts
 * structurallyEqual({ a: 1, b: undefined }, { a: 1 }); // true
 * ```
 */
export function structurallyEqual(left: unknown, right: unknown): boolean {
  return left === right || stableText(left) === stableText(right);
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
    let text = '[';
    for (let position = 0; position < value.length; position += 1) {
      text += `${position === 0 ? '' : ','}${stableText(value[position], ignoredKeys)}`;
    }
    return `${text}]`;
  }
  const record = value as Record<string, unknown>;
  // Plain loops: compare turns thousands of small objects into text.
  const keys = Object.keys(record).sort();
  let text = '{';
  for (const key of keys) {
    const entry = record[key];
    if (entry === undefined || ignoredKeys.has(key)) continue;
    text += `${text === '{' ? '' : ','}${JSON.stringify(key)}:${stableText(entry, ignoredKeys)}`;
  }
  return `${text}}`;
}

const NO_KEYS: ReadonlySet<string> = new Set();

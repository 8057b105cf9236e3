/**
 * The one value of `key` in this process, made by `create` the first time. It lives on
 * `globalThis` under `Symbol.for(key)`, so that two copies of `@alembic/core` (the project's and
 * the CLI's, or an ES module and a CommonJS copy) share it.
 *
 * ```ts
 * const registry = processWide('alembic.runtime.workInFlight', () => [] as WorkInFlight[]);
 * ```
 */
export function processWide<Value>(key: string, create: () => Value): Value {
  const holder = globalThis as unknown as Record<symbol, Value | undefined>;
  const symbol = Symbol.for(key);
  let value = holder[symbol];
  if (value === undefined) {
    value = create();
    holder[symbol] = value;
  }
  return value;
}

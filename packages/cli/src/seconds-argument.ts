import { UsageError } from './usage-error.js';

const DECIMAL = /^\s*(?:\d+(?:\.\d*)?|\.\d+)\s*$/;

/**
 * The value of an option that takes a number of seconds (`--lock-timeout 30`, `0.5`);
 * `undefined` when the option was not given. `minimum` is `'zero'` when `0` is allowed.
 *
 * ```ts
 * parseSeconds('2.5', '--lock-timeout', 'upgrade', 'zero'); // 2.5
 * ```
 *
 * @throws UsageError for anything else (negative numbers, words, `Infinity`).
 */
export function parseSeconds(
  value: string | undefined,
  flag: string,
  commandName: string,
  minimum: 'zero' | 'positive',
): number | undefined {
  if (value === undefined) return undefined;
  const seconds = DECIMAL.test(value) ? Number(value) : Number.NaN;
  if (!Number.isFinite(seconds) || (minimum === 'positive' && seconds === 0)) {
    const expected = minimum === 'zero' ? 'a number of seconds, 0 or more' : 'a number of seconds greater than 0';
    throw new UsageError(`argument ${flag}: expected ${expected}, got '${value}'`, commandName);
  }
  return seconds;
}

import type { DatabaseErrorOptions } from '../errors/database-error.js';

/**
 * Whether `value` looks like a driver's error: an object with a string `message`. Checked by
 * shape, not `instanceof Error`: the driver may be another copy, its errors may come from another
 * realm (a test sandbox, a native module).
 *
 * ```ts
 * isErrorLike({ message: 'Connection lost', code: 'ECONNRESET' }); // true
 * ```
 */
export function isErrorLike(value: unknown): value is Error {
  return typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string';
}

/**
 * A server's error number when the driver gave one: a positive number, else `undefined` (drivers
 * send `0` or nothing for failures that never reached the server).
 *
 * ```ts
 * serverErrorNumber(1146); // 1146
 * serverErrorNumber(0); // undefined
 * ```
 */
export function serverErrorNumber(value: unknown): number | undefined {
  return typeof value === 'number' && value > 0 ? value : undefined;
}

/**
 * The message a translated error keeps: the first of `messages` that is a non-empty string (the
 * server's own first, then the driver's), else the driver's code with a note that it sent none.
 *
 * ```ts
 * driverMessage([error.sqlMessage, error.message], error.code); // 'Table 'shop.missing' doesn't exist'
 * driverMessage([''], 'ECONNRESET'); // 'ECONNRESET (no message from the driver)'
 * ```
 */
export function driverMessage(messages: readonly unknown[], driverCode: unknown): string {
  const message = messages.find((candidate) => typeof candidate === 'string' && candidate !== '');
  return typeof message === 'string' ? message : `${String(driverCode)} (no message from the driver)`;
}

/**
 * The {@link DatabaseErrorOptions} a translated driver error carries besides its server's own
 * details: the driver's code when it is a string, the constraint kind when known, and the
 * driver's error as `cause`.
 *
 * ```ts
 * new ExampleDatabaseError(code, message, { errno, ...driverErrorOptions(error, 'UNIQUE') });
 * ```
 */
export function driverErrorOptions(
  error: { readonly code?: unknown },
  constraintKind: string | undefined,
): DatabaseErrorOptions {
  return {
    ...(typeof error.code === 'string' ? { driverCode: error.code } : {}),
    ...(constraintKind === undefined ? {} : { constraintKind }),
    cause: error,
  };
}

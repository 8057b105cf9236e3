/**
 * A parameter as the `pg` driver takes it: `bigint` as its decimal text (the driver cannot
 * serialise it), `Uint8Array` as a `Buffer` (for `bytea`), `undefined` as `null`; everything
 * else as is (the driver turns `Date` into a timestamp and objects into JSON).
 *
 * ```ts
 * toPostgresParameter(9007199254740993n); // '9007199254740993'
 * ```
 */
export function toPostgresParameter(value: unknown): unknown {
  if (value === undefined) {
    return null;
  }
  if (typeof value === 'bigint') {
    return value.toString();
  }
  if (value instanceof Uint8Array && !Buffer.isBuffer(value)) {
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  }
  return value;
}

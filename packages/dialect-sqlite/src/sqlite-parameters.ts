import { formatSqliteDate } from './sqlite-date-format.js';

/**
 * A bound parameter as the sqlite3 driver stores it, matching what the compiler writes inline
 * offline: booleans as `1`/`0`, dates as `'2024-01-31 13:45:00.000000'` (UTC), byte arrays as
 * blobs, big integers as numbers when exact (else as text), `undefined` as NULL, other objects as
 * JSON text.
 */
export function toSqliteParameter(value: unknown): unknown {
  if (value === undefined || value === null) {
    return null;
  }
  if (typeof value === 'boolean') {
    return value ? 1 : 0;
  }
  if (typeof value === 'bigint') {
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  if (value instanceof Date) {
    return formatSqliteDate(value, 'dateTime');
  }
  if (Buffer.isBuffer(value)) {
    return value;
  }
  if (value instanceof Uint8Array) {
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  }
  if (typeof value === 'object') {
    return JSON.stringify(value);
  }
  return value;
}

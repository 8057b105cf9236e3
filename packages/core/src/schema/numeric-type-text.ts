import type { FloatType, NumericType } from './column-types.js';

/** `NUMERIC`, `NUMERIC(10)`, `NUMERIC(10, 2)`: the generic SQL spelling of a numeric type. */
export function numericTypeText(type: NumericType): string {
  if (type.precision === undefined) return 'NUMERIC';
  return type.scale === undefined ? `NUMERIC(${type.precision})` : `NUMERIC(${type.precision}, ${type.scale})`;
}

/** `FLOAT` or `FLOAT(24)`: the generic SQL spelling of a floating-point type. */
export function floatTypeText(type: FloatType): string {
  return type.precision === undefined ? 'FLOAT' : `FLOAT(${type.precision})`;
}

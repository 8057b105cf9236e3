import type { ColumnType, FloatType, NumericType } from './column-types.js';

/** The kinds whose generic SQL is a bare name: no length, precision or option changes it. */
type PlainTypeKind = 'integer' | 'bigInteger' | 'smallInteger' | 'boolean' | 'date' | 'json';

/** A column type of one of the {@link PlainTypeKind}s. */
type PlainType = Extract<ColumnType, { kind: PlainTypeKind }>;

const PLAIN_TYPE_TEXT: Readonly<Record<PlainTypeKind, string>> = {
  integer: 'INTEGER',
  bigInteger: 'BIGINT',
  smallInteger: 'SMALLINT',
  boolean: 'BOOLEAN',
  date: 'DATE',
  json: 'JSON',
};

/** Whether the type's generic SQL is a bare name ({@link plainTypeText} gives it). */
export function isPlainType(type: ColumnType): type is PlainType {
  return Object.hasOwn(PLAIN_TYPE_TEXT, type.kind);
}

/** `INTEGER`, `BIGINT`, `SMALLINT`, `BOOLEAN`, `DATE`, `JSON`: the generic SQL of a plain type. */
export function plainTypeText(type: PlainType): string {
  return PLAIN_TYPE_TEXT[type.kind];
}

/** `NUMERIC`, `NUMERIC(10)`, `NUMERIC(10, 2)`: the generic SQL spelling of a numeric type. */
export function numericTypeText(type: NumericType): string {
  if (type.precision === undefined) return 'NUMERIC';
  return type.scale === undefined ? `NUMERIC(${type.precision})` : `NUMERIC(${type.precision}, ${type.scale})`;
}

/** `FLOAT` or `FLOAT(24)`: the generic SQL spelling of a floating-point type. */
export function floatTypeText(type: FloatType): string {
  return type.precision === undefined ? 'FLOAT' : `FLOAT(${type.precision})`;
}

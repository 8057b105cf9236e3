import { kindOf } from './kind-of.js';
/** `INTEGER`. */
export interface IntegerType {
  readonly kind: 'integer';
}
/** `BIGINT`. */
export interface BigIntegerType {
  readonly kind: 'bigInteger';
}
/** `SMALLINT`. */
export interface SmallIntegerType {
  readonly kind: 'smallInteger';
}
/** `VARCHAR(length)` (`VARCHAR` without a length). */
export interface StringType {
  readonly kind: 'string';
  readonly length?: number;
  readonly collation?: string;
}
/** `TEXT`: unbounded character data. */
export interface TextType {
  readonly kind: 'text';
  readonly collation?: string;
}
/**
 * `BOOLEAN`. On a dialect without a native boolean, `createConstraint: true` adds
 * `CHECK (c IN (0, 1))`, named `name` when given.
 */
export interface BooleanType {
  readonly kind: 'boolean';
  readonly createConstraint: boolean;
  readonly name?: string;
}
/** `DATE`. */
export interface DateType {
  readonly kind: 'date';
}
/** Date and time of day (`DATETIME` generically, `TIMESTAMP` on PostgreSQL). */
export interface DateTimeType {
  readonly kind: 'dateTime';
  readonly timezone: boolean;
}
/** `TIME`. */
export interface TimeType {
  readonly kind: 'time';
  readonly timezone: boolean;
}
/** `NUMERIC(precision, scale)`: exact decimal. */
export interface NumericType {
  readonly kind: 'numeric';
  readonly precision?: number;
  readonly scale?: number;
}
/** `FLOAT`: approximate numeric. */
export interface FloatType {
  readonly kind: 'float';
  readonly precision?: number;
}
/** `JSON`. */
export interface JsonType {
  readonly kind: 'json';
}
/** Binary data (`BLOB` generically, `BYTEA` on PostgreSQL). */
export interface LargeBinaryType {
  readonly kind: 'largeBinary';
  readonly length?: number;
}
/**
 * An enumeration of string values. Native (`CREATE TYPE ... AS ENUM` on PostgreSQL, `ENUM(...)`
 * on MySQL) where the dialect has one and `nativeEnum` is true; elsewhere `VARCHAR(<longest>)`,
 * plus `CHECK (c IN (...))` when `createConstraint` is true.
 */
export interface EnumType {
  readonly kind: 'enum';
  readonly values: readonly string[];
  readonly name?: string;
  readonly nativeEnum: boolean;
  readonly createConstraint: boolean;
}
/** A UUID (`UUID` where native, `CHAR(32)` elsewhere). */
export interface UuidType {
  readonly kind: 'uuid';
}
/** A type written in the dialect's own SQL, emitted verbatim (`CITEXT`, `INT[]`, `GEOGRAPHY`). */
export interface RawType {
  readonly kind: 'raw';
  readonly sql: string;
}

/** A column type of the neutral schema model; dialects render each kind. */
export type ColumnType =
  | IntegerType
  | BigIntegerType
  | SmallIntegerType
  | StringType
  | TextType
  | BooleanType
  | DateType
  | DateTimeType
  | TimeType
  | NumericType
  | FloatType
  | JsonType
  | LargeBinaryType
  | EnumType
  | UuidType
  | RawType;

/** The `kind` tag of every {@link ColumnType}. */
export type ColumnTypeKind = ColumnType['kind'];

function freezeType<T extends ColumnType>(type: T): T {
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(type)) {
    const value = (type as unknown as Record<string, unknown>)[key];
    if (value !== undefined) {
      result[key] = Array.isArray(value) ? Object.freeze([...value]) : value;
    }
  }
  return Object.freeze(result) as T;
}

/** `INTEGER`. Example: `column('id', integer(), { primaryKey: true })`. */
export function integer(): IntegerType {
  return freezeType({ kind: 'integer' });
}

/** `BIGINT`. Example: `column('id', bigInteger(), { primaryKey: true })`. */
export function bigInteger(): BigIntegerType {
  return freezeType({ kind: 'bigInteger' });
}

/** `SMALLINT`. Example: `column('rank', smallInteger())`. */
export function smallInteger(): SmallIntegerType {
  return freezeType({ kind: 'smallInteger' });
}

/** `VARCHAR(length)`. Example: `column('name', string(50), { nullable: false })`. */
export function string(length?: number, options: { collation?: string } = {}): StringType {
  return freezeType({ kind: 'string', length, collation: options.collation });
}

/** `TEXT`. Example: `column('body', text())`. */
export function text(options: { collation?: string } = {}): TextType {
  return freezeType({ kind: 'text', collation: options.collation });
}

/** `BOOLEAN`. Example: `column('active', boolean({ createConstraint: true }))`. */
export function boolean(options: { createConstraint?: boolean; name?: string } = {}): BooleanType {
  return freezeType({ kind: 'boolean', createConstraint: options.createConstraint ?? false, name: options.name });
}

/** `DATE`. Example: `column('born_on', date())`. */
export function date(): DateType {
  return freezeType({ kind: 'date' });
}

/** Date and time. Example: `column('created', dateTime({ timezone: true }))`. */
export function dateTime(options: { timezone?: boolean } = {}): DateTimeType {
  return freezeType({ kind: 'dateTime', timezone: options.timezone ?? false });
}

/** `TIME`. Example: `column('opens_at', time())`. */
export function time(options: { timezone?: boolean } = {}): TimeType {
  return freezeType({ kind: 'time', timezone: options.timezone ?? false });
}

/** `NUMERIC(precision, scale)`. Example: `column('amount', numeric(10, 2))`. */
export function numeric(precision?: number, scale?: number): NumericType {
  return freezeType({ kind: 'numeric', precision, scale });
}

/** `FLOAT`. Example: `column('ratio', float())`. */
export function float(precision?: number): FloatType {
  return freezeType({ kind: 'float', precision });
}

/** `JSON`. Example: `column('payload', json())`. */
export function json(): JsonType {
  return freezeType({ kind: 'json' });
}

/** Binary data. Example: `column('avatar', largeBinary())`. */
export function largeBinary(length?: number): LargeBinaryType {
  return freezeType({ kind: 'largeBinary', length });
}

/**
 * An enumeration.
 *
 * ```ts
 * column('status', enumType(['draft', 'published'], { name: 'post_status' }));
 * ```
 */
export function enumType(
  values: readonly string[],
  options: { name?: string; nativeEnum?: boolean; createConstraint?: boolean } = {},
): EnumType {
  return freezeType({
    kind: 'enum',
    values,
    name: options.name,
    nativeEnum: options.nativeEnum ?? true,
    createConstraint: options.createConstraint ?? false,
  });
}

/** A UUID. Example: `column('id', uuid(), { primaryKey: true })`. */
export function uuid(): UuidType {
  return freezeType({ kind: 'uuid' });
}

/**
 * A type written in the dialect's SQL, emitted verbatim: the escape hatch for anything the
 * generic types do not cover.
 *
 * ```ts
 * column('email', rawType('CITEXT'));
 * ```
 */
export function rawType(sqlText: string): RawType {
  return freezeType({ kind: 'raw', sql: sqlText });
}

const COLUMN_TYPE_KINDS: ReadonlySet<string> = new Set<ColumnTypeKind>([
  'integer',
  'bigInteger',
  'smallInteger',
  'string',
  'text',
  'boolean',
  'date',
  'dateTime',
  'time',
  'numeric',
  'float',
  'json',
  'largeBinary',
  'enum',
  'uuid',
  'raw',
]);

/** True when `value` looks like a {@link ColumnType}. */
export function isColumnType(value: unknown): value is ColumnType {
  return COLUMN_TYPE_KINDS.has(String(kindOf(value)));
}

import {
  bigInteger,
  boolean,
  date,
  dateTime,
  float,
  json,
  largeBinary,
  numeric,
  rawType,
  smallInteger,
  string,
  text,
  time,
  uuid,
} from '@alembic/core/dialect';
import type { ColumnType } from '@alembic/core/dialect';

const VARCHAR = /^character varying(?:\((\d+)\))?$/;
const NUMERIC = /^numeric(?:\((\d+)(?:,(\d+))?\))?$/;

/**
 * Core's column type for what `pg_catalog.format_type()` says. Every integer but `INT2` is read
 * as `bigInteger`: on this database `INT` and `INT8` are the same 64-bit type (the dialect
 * writes `integer()` as `INT8`). Anything unknown stays as written (`rawType`).
 *
 * ```ts
 * parsePgwireType('character varying(50)'); // string(50)
 * parsePgwireType('integer');               // bigInteger()
 * ```
 */
export function parsePgwireType(formatted: string): ColumnType {
  const varchar = VARCHAR.exec(formatted);
  if (varchar !== null) return string(varchar[1] === undefined ? undefined : Number(varchar[1]));
  const decimal = NUMERIC.exec(formatted);
  if (decimal !== null) {
    return numeric(
      decimal[1] === undefined ? undefined : Number(decimal[1]),
      decimal[2] === undefined ? undefined : Number(decimal[2]),
    );
  }
  switch (formatted) {
    case 'bigint':
    case 'integer':
      return bigInteger();
    case 'smallint':
      return smallInteger();
    case 'text':
      return text();
    case 'boolean':
      return boolean();
    case 'date':
      return date();
    case 'timestamp without time zone':
      return dateTime();
    case 'timestamp with time zone':
      return dateTime({ timezone: true });
    case 'time without time zone':
      return time();
    case 'double precision':
    case 'real':
      return float();
    case 'json':
    case 'jsonb':
      return json();
    case 'bytea':
      return largeBinary();
    case 'uuid':
      return uuid();
    default:
      return rawType(formatted);
  }
}

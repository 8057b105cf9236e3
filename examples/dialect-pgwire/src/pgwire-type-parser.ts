import * as types from '@alembic/core/dialect';
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
  if (varchar !== null) return types.string(varchar[1] === undefined ? undefined : Number(varchar[1]));
  const decimal = NUMERIC.exec(formatted);
  if (decimal !== null) {
    return types.numeric(
      decimal[1] === undefined ? undefined : Number(decimal[1]),
      decimal[2] === undefined ? undefined : Number(decimal[2]),
    );
  }
  switch (formatted) {
    case 'bigint':
    case 'integer':
      return types.bigInteger();
    case 'smallint':
      return types.smallInteger();
    case 'text':
      return types.text();
    case 'boolean':
      return types.boolean();
    case 'date':
      return types.date();
    case 'timestamp without time zone':
      return types.dateTime();
    case 'timestamp with time zone':
      return types.dateTime({ timezone: true });
    case 'time without time zone':
      return types.time();
    case 'double precision':
    case 'real':
      return types.float();
    case 'json':
    case 'jsonb':
      return types.json();
    case 'bytea':
      return types.largeBinary();
    case 'uuid':
      return types.uuid();
    default:
      return types.rawType(formatted);
  }
}

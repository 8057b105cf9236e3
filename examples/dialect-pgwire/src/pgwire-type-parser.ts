import * as types from '@alembic/core/dialect';
import type { ColumnType } from '@alembic/core/dialect';

const VARCHAR = /^character varying(?:\((\d+)\))?$/;
const NUMERIC = /^numeric(?:\((\d+)(?:,(\d+))?\))?$/;

/**
 * The types `format_type()` writes without arguments, and the column type each reads as (column
 * types are frozen, so one value serves every column).
 */
const TYPES_WITHOUT_ARGUMENTS: ReadonlyMap<string, ColumnType> = new Map(
  Object.entries({
    bigint: types.bigInteger(),
    integer: types.bigInteger(),
    smallint: types.smallInteger(),
    text: types.text(),
    boolean: types.boolean(),
    date: types.date(),
    'timestamp without time zone': types.dateTime(),
    'timestamp with time zone': types.dateTime({ timezone: true }),
    'time without time zone': types.time(),
    'double precision': types.float(),
    real: types.float(),
    json: types.json(),
    jsonb: types.json(),
    bytea: types.largeBinary(),
    uuid: types.uuid(),
  }),
);

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
  return TYPES_WITHOUT_ARGUMENTS.get(formatted) ?? types.rawType(formatted);
}

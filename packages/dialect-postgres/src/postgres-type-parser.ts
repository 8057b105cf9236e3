import * as types from '@alembic/core/dialect';
import type { ColumnType } from '@alembic/core/dialect';

/** A column's type as `pg_catalog` describes it. */
export interface PostgresTypeDescription {
  /** `format_type(atttypid, atttypmod)`: `'character varying(50)'`, `'timestamp with time zone'`. */
  readonly formattedType: string;
  /** `pg_type.typtype`: `'b'` base, `'e'` enum, `'d'` domain, ... */
  readonly typeType: string;
  /** The labels of an enum type, in order. */
  readonly enumValues?: readonly string[] | null;
  /** `pg_type.typname` of an enum type. */
  readonly typeName?: string;
  /** The column's collation when it differs from its type's default. */
  readonly collation?: string | null;
}

const SIMPLE_TYPES: Readonly<Record<string, () => ColumnType>> = {
  integer: types.integer,
  bigint: types.bigInteger,
  smallint: types.smallInteger,
  text: () => types.text(),
  boolean: () => types.boolean(),
  date: types.date,
  'timestamp without time zone': () => types.dateTime(),
  'timestamp with time zone': () => types.dateTime({ timezone: true }),
  'time without time zone': () => types.time(),
  'time with time zone': () => types.time({ timezone: true }),
  'double precision': () => types.float(),
  real: () => types.float(24),
  json: types.json,
  jsonb: () => types.rawType('JSONB'),
  uuid: types.uuid,
  bytea: () => types.largeBinary(),
  'character varying': () => types.string(),
  numeric: () => types.numeric(),
};

const VARCHAR = /^character varying\((\d+)\)$/;
const NUMERIC = /^numeric\((\d+),(\d+)\)$/;

function withCollation(type: ColumnType, collation: string | null | undefined): ColumnType {
  if (collation === null || collation === undefined) {
    return type;
  }
  if (type.kind === 'string') {
    return types.string(type.length, { collation });
  }
  return type.kind === 'text' ? types.text({ collation }) : type;
}

/**
 * The neutral column type of a PostgreSQL column: the types core's model has (`integer`,
 * `character varying(50)` as `string(50)`, `timestamp with time zone` as
 * `dateTime({ timezone: true })`, `double precision` as `float()`, `bytea`, `uuid`, `json`,
 * enum types with their labels, ...), `jsonb` as `rawType('JSONB')`, and anything else (arrays,
 * `interval`, `character(n)`, domains, precisions core cannot hold) as `rawType` of PostgreSQL's
 * own spelling.
 *
 * ```ts
 * parsePostgresType({ formattedType: 'numeric(10,2)', typeType: 'b' }); // numeric(10, 2)
 * ```
 */
export function parsePostgresType(description: PostgresTypeDescription): ColumnType {
  const { formattedType } = description;
  if (description.typeType === 'e' && description.enumValues && description.typeName !== undefined) {
    return types.enumType(description.enumValues, { name: description.typeName });
  }
  const simple = SIMPLE_TYPES[formattedType];
  if (simple !== undefined) {
    return withCollation(simple(), description.collation);
  }
  const varchar = VARCHAR.exec(formattedType);
  if (varchar !== null) {
    return withCollation(types.string(Number(varchar[1])), description.collation);
  }
  const decimal = NUMERIC.exec(formattedType);
  if (decimal !== null) {
    return types.numeric(Number(decimal[1]), Number(decimal[2]));
  }
  return types.rawType(formattedType);
}

import * as types from '@alembic/core/dialect';
import type { ColumnType } from '@alembic/core/dialect';

/** What `sys.columns` says about a column's type. */
export interface MssqlTypeRow {
  /** The system type's name: `'nvarchar'`, `'int'`, `'datetime2'`. */
  readonly type_name: string;
  /** Bytes (`-1` for `max`): an `nvarchar(50)` has 100. */
  readonly max_length: number;
  readonly precision: number;
  readonly scale: number;
  readonly collation_name?: string | null;
}

/** Character types whose `max_length` counts two bytes per character. */
const NATIONAL_TYPES: ReadonlySet<string> = new Set(['nvarchar', 'nchar']);

/** The system types that are one neutral type whatever their length, precision or scale. */
const TYPES_WITHOUT_DETAILS: ReadonlyMap<string, () => ColumnType> = new Map(
  Object.entries({
    int: () => types.integer(),
    bigint: () => types.bigInteger(),
    smallint: () => types.smallInteger(),
    bit: () => types.boolean(),
    datetime: () => types.dateTime(),
    date: () => types.date(),
    uniqueidentifier: () => types.uuid(),
  }),
);

/** `(n)` / `(max)` from `max_length`. */
function lengthOf(row: MssqlTypeRow): string {
  if (row.max_length === -1) {
    return 'max';
  }
  return String(NATIONAL_TYPES.has(row.type_name) ? row.max_length / 2 : row.max_length);
}

/** A raw type with the column's collation when it differs from the database's. */
function withCollation(sqlText: string, collation: string | undefined): ColumnType {
  return types.rawType(collation === undefined ? sqlText : `${sqlText} COLLATE ${collation}`);
}

/**
 * The neutral type of a reflected column, the inverse of the compiler's types where one exists
 * (`varchar(50)` is `string(50)`, `varchar(max)` is `text()`, `bit` is `boolean()`, `datetime`
 * is `dateTime()`, `datetimeoffset` is `dateTime({ timezone: true })`, `varbinary(max)` is
 * `largeBinary()`, `uniqueidentifier` is `uuid()`); anything else is kept as written
 * (`rawType('NVARCHAR(200)')`, `rawType('DATETIME2(3)')`, `rawType('TINYINT')`). A collation
 * equal to `databaseCollation` is left out.
 *
 * ```ts
 * parseMssqlType({ type_name: 'nvarchar', max_length: 400, precision: 0, scale: 0 }); // rawType('NVARCHAR(200)')
 * ```
 */
export function parseMssqlType(row: MssqlTypeRow, databaseCollation?: string | null): ColumnType {
  const collation =
    row.collation_name === null || row.collation_name === undefined || row.collation_name === databaseCollation
      ? undefined
      : row.collation_name;
  const name = row.type_name.toLowerCase();
  const withoutDetails = TYPES_WITHOUT_DETAILS.get(name);
  if (withoutDetails !== undefined) {
    return withoutDetails();
  }
  switch (name) {
    case 'varchar':
      if (row.max_length === -1) {
        return types.text(collation === undefined ? {} : { collation });
      }
      return types.string(row.max_length, collation === undefined ? {} : { collation });
    case 'nvarchar':
    case 'nchar':
    case 'char':
      return withCollation(`${name.toUpperCase()}(${lengthOf(row)})`, collation);
    case 'datetimeoffset':
      return row.scale === 7 ? types.dateTime({ timezone: true }) : types.rawType(`DATETIMEOFFSET(${row.scale})`);
    case 'datetime2':
      return types.rawType(row.scale === 7 ? 'DATETIME2' : `DATETIME2(${row.scale})`);
    case 'time':
      return row.scale === 7 ? types.time() : types.rawType(`TIME(${row.scale})`);
    case 'decimal':
    case 'numeric':
      return types.numeric(row.precision, row.scale);
    case 'float':
      return row.precision === 53 ? types.float() : types.float(row.precision);
    case 'varbinary':
      return row.max_length === -1 ? types.largeBinary() : types.largeBinary(row.max_length);
    case 'binary':
      return types.rawType(`BINARY(${lengthOf(row)})`);
    default:
      return withCollation(name.toUpperCase(), collation);
  }
}

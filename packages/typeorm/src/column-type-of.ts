import type { ColumnType } from '@alembic/core';
import * as types from '@alembic/core';
import type { TypeOrmTargetDialect } from './target-dialect.js';
import type { TypeOrmColumn, TypeOrmDriver } from './typeorm-shapes.js';

/** What {@link columnTypeOf} needs besides the column. */
export interface ColumnTypeContext {
  readonly dialect: TypeOrmTargetDialect;
  readonly driver: TypeOrmDriver;
  /** The table's name, for PostgreSQL's enum type name (`<table>_<column>_enum`). */
  readonly tableName: string;
}

/** The length of a uuid's text form. */
const UUID_TEXT_LENGTH = 36;

const BOOLEAN_DECLARATIONS: ReadonlySet<unknown> = new Set([Boolean, 'bool', 'boolean']);

/** TypeORM's normalized types that are one core type on every dialect whatever the column's details, by that type. */
const SAME_EVERYWHERE: readonly (readonly [readonly string[], () => ColumnType])[] = [
  [['int', 'integer', 'int4'], () => types.integer()],
  [['bigint', 'int8'], () => types.bigInteger()],
  [['smallint', 'int2'], () => types.smallInteger()],
  [['date'], () => types.date()],
  [['json'], () => types.json()],
  [['jsonb'], () => types.rawType('jsonb')],
  [['uuid', 'uniqueidentifier'], () => types.uuid()],
  [['bytea', 'blob'], () => types.largeBinary()],
];

/** {@link SAME_EVERYWHERE} by normalized type name. */
const TYPES_THE_SAME_EVERYWHERE: ReadonlyMap<string, () => ColumnType> = new Map(
  SAME_EVERYWHERE.flatMap(([names, type]) => names.map((name) => [name, type] as const)),
);

function positive(value: string | number | null | undefined): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

/** `varchar(50)`, `tinyint(1)`, `numeric(10,2)`, `timestamp(3) with time zone`, `int[]`: the type as TypeORM writes it in DDL. */
export function typeOrmTypeText(column: TypeOrmColumn, normalizedType: string, length: number | undefined): string {
  let argumentsText = '';
  if (length !== undefined) {
    argumentsText = `(${length})`;
  } else if (column.width !== undefined && column.width !== null) {
    argumentsText = `(${column.width})`;
  } else if (column.precision !== undefined && column.precision !== null) {
    argumentsText =
      column.scale === undefined || column.scale === null
        ? `(${column.precision})`
        : `(${column.precision},${column.scale})`;
  }
  const unsigned = column.unsigned === true ? ' unsigned' : '';
  // PostgreSQL writes a precision after the first word: `timestamp(3) with time zone`.
  const zoned = /^(timestamp|time)( with(?:out)? time zone)$/.exec(normalizedType);
  const typeText = zoned === null ? `${normalizedType}${argumentsText}` : `${zoned[1]}${argumentsText}${zoned[2]}`;
  return `${typeText}${unsigned}${column.isArray ? '[]' : ''}`;
}

/**
 * The core column type of a TypeORM column on `context.dialect`, from the type TypeORM's driver
 * normalizes it to (so `@Column() name: string` is `varchar` on MySQL, `character varying` on
 * PostgreSQL). Types the core model has are mapped (`integer`, `string(length)`,
 * `numeric(precision, scale)`, `dateTime({ timezone })`, `enumType(values, { name })`...);
 * anything else, arrays and unsigned integers included, is a `rawType` of TypeORM's SQL, and so
 * is a boolean on MySQL / MariaDB (TypeORM writes `tinyint` there, not `boolean()`'s `tinyint(1)`)
 * and a `decimal`, `real` or `double` on SQLite (which keeps declared types verbatim), so that a
 * database TypeORM created compares equal to the model.
 */
export function columnTypeOf(column: TypeOrmColumn, context: ColumnTypeContext): ColumnType {
  const { dialect, driver } = context;
  const normalizedType = driver.normalizeType(column).toLowerCase();
  const length = positive(column.length) ?? positive(driver.getColumnLength(column));
  const precision = positive(column.precision);
  const scale = positive(column.scale) ?? (column.scale === 0 ? 0 : undefined);
  const raw = (): ColumnType => types.rawType(typeOrmTypeText(column, normalizedType, length));
  if (column.isArray || column.unsigned === true) return raw();
  if (
    BOOLEAN_DECLARATIONS.has(column.type) ||
    normalizedType === 'boolean' ||
    (normalizedType === 'bit' && dialect === 'mssql')
  ) {
    // TypeORM writes a boolean as a plain `tinyint` on MySQL / MariaDB (MariaDB shows
    // `tinyint(4)`), not the `tinyint(1)` of `boolean()`: the model says what TypeORM writes,
    // so a database TypeORM synchronized compares equal.
    return dialect === 'mysql' || dialect === 'mariadb' ? raw() : types.boolean();
  }
  if (column.enum !== undefined && column.enum.length > 0) {
    const values = column.enum.map((value) => String(value));
    if (normalizedType === 'enum') {
      const name =
        dialect === 'postgres'
          ? (column.enumName ?? `${context.tableName}_${column.databaseName.toLowerCase()}_enum`)
          : undefined;
      return types.enumType(values, { name, nativeEnum: true });
    }
    // simple-enum where there is no native enum: a string column and CHECK (c IN (...)).
    return types.enumType(values, { nativeEnum: false, createConstraint: true });
  }
  const sameEverywhere = TYPES_THE_SAME_EVERYWHERE.get(normalizedType);
  if (sameEverywhere !== undefined) return sameEverywhere();
  const collation = column.collation === undefined ? {} : { collation: column.collation };
  switch (normalizedType) {
    case 'character varying':
    case 'varchar':
      // A `uuid` column on MySQL / MariaDB: TypeORM writes varchar, 36 long when generated;
      // the same length without `@Generated`, where it states none (and MySQL needs one).
      if (length === undefined && column.type === 'uuid' && (dialect === 'mysql' || dialect === 'mariadb')) {
        return types.string(UUID_TEXT_LENGTH, collation);
      }
      return types.string(length, collation);
    case 'text':
      return types.text(collation);
    case 'timestamp without time zone':
    case 'datetime':
      return precision === undefined ? types.dateTime() : raw();
    case 'timestamp':
      // MySQL's TIMESTAMP is not its DATETIME.
      return precision === undefined && dialect !== 'mysql' && dialect !== 'mariadb' ? types.dateTime() : raw();
    case 'timestamp with time zone':
    case 'timestamptz':
    case 'datetimeoffset':
      return precision === undefined ? types.dateTime({ timezone: true }) : raw();
    case 'time':
    case 'time without time zone':
      return precision === undefined ? types.time() : raw();
    case 'time with time zone':
    case 'timetz':
      return precision === undefined ? types.time({ timezone: true }) : raw();
    case 'numeric':
      return types.numeric(precision, precision === undefined ? undefined : scale);
    case 'decimal':
      // SQLite keeps a declared type verbatim, and TypeORM declares `decimal(p,s)` there.
      return dialect === 'sqlite' ? raw() : types.numeric(precision, precision === undefined ? undefined : scale);
    case 'real':
    case 'float4':
      return dialect === 'postgres' || dialect === 'mssql'
        ? types.float(24)
        : dialect === 'sqlite'
          ? raw()
          : types.float(53);
    case 'double precision':
    case 'double':
    case 'float8':
      return dialect === 'sqlite' ? raw() : types.float(53);
    case 'float':
      return dialect === 'postgres' ? types.float(53) : types.float();
    default:
      return raw();
  }
}

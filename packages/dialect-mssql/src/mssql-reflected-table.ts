import * as core from '@alembic/core/dialect';
import type {
  ColumnModel,
  ForeignKeyColumnRow,
  IdentityOptions,
  ReflectedTableRows,
  TableElement,
  TableModel,
} from '@alembic/core/dialect';
import { parseMssqlDefault } from './mssql-default-parser.js';
import type { MssqlTypeRow } from './mssql-type-parser.js';
import { parseMssqlType } from './mssql-type-parser.js';

/** One row of the `columns` query. */
export interface MssqlColumnRow extends MssqlTypeRow {
  /** The table's `object_id` (bulk queries); unused by {@link buildReflectedTable}. */
  readonly object_id?: number;
  readonly column_name: string;
  readonly is_nullable: boolean | number;
  readonly is_identity: boolean | number;
  /** The driver returns `bigint` values as strings. */
  readonly identity_seed: number | string | null;
  readonly identity_increment: number | string | null;
  readonly default_definition: string | null;
  readonly column_comment: string | null;
}

/** One row of the `indexes` query: one column of one index. */
export interface MssqlIndexRow {
  /** The table's `object_id` (bulk queries); unused by {@link buildReflectedTable}. */
  readonly object_id?: number;
  readonly index_name: string;
  readonly is_primary_key: boolean | number;
  readonly is_unique: boolean | number;
  readonly is_unique_constraint: boolean | number;
  /** `'CLUSTERED'`, `'NONCLUSTERED'`, ... */
  readonly type_desc: string;
  readonly filter_definition: string | null;
  readonly is_included_column: boolean | number;
  readonly column_name: string;
}

/** One row of the `foreignKeys` query: one column of one foreign key. */
export interface MssqlForeignKeyRow {
  /** The table's `object_id` (bulk queries); unused by {@link buildReflectedTable}. */
  readonly object_id?: number;
  readonly constraint_name: string;
  readonly column_name: string;
  readonly referred_schema: string;
  readonly referred_table: string;
  readonly referred_column: string;
  /** `'NO_ACTION'`, `'CASCADE'`, `'SET_NULL'`, `'SET_DEFAULT'`. */
  readonly delete_rule: string | null;
  readonly update_rule: string | null;
  readonly table_schema: string;
}

/** One row of the `checks` query. */
export interface MssqlCheckRow {
  /** The table's `object_id` (bulk queries); unused by {@link buildReflectedTable}. */
  readonly object_id?: number;
  readonly constraint_name: string;
  /** As SQL Server stores it: `([amount]>(0))`. */
  readonly definition: string;
}

/** Everything the introspector read about one table. */
export interface MssqlTableRows
  extends ReflectedTableRows<MssqlColumnRow, MssqlIndexRow, MssqlForeignKeyRow, MssqlCheckRow> {
  /** The database's collation: column collations equal to it are left out. */
  readonly databaseCollation: string | null;
}

/** `CASCADE`, `SET NULL`, ... from `SET_NULL`; undefined for the default `NO_ACTION`. */
function referentialAction(rule: string | null): string | undefined {
  return rule === null || rule === 'NO_ACTION' ? undefined : rule.replaceAll('_', ' ');
}

/** A foreign key column in the model's terms: the referred schema only when it is another. */
function foreignKeyColumn(row: MssqlForeignKeyRow): ForeignKeyColumnRow {
  return {
    constraintName: row.constraint_name,
    column: row.column_name,
    referredSchema: row.referred_schema === row.table_schema ? undefined : row.referred_schema,
    referredTable: row.referred_table,
    referredColumn: row.referred_column,
    onDelete: referentialAction(row.delete_rule),
    onUpdate: referentialAction(row.update_rule),
  };
}

function reflectColumn(
  source: MssqlColumnRow,
  primaryKeyColumns: ReadonlySet<string>,
  databaseCollation: string | null,
): ColumnModel {
  const serverDefault = parseMssqlDefault(source.default_definition);
  const seed = Number(source.identity_seed ?? 1);
  const increment = Number(source.identity_increment ?? 1);
  const isIdentity = Boolean(source.is_identity);
  const identity: IdentityOptions | undefined =
    isIdentity && (seed !== 1 || increment !== 1) ? { always: false, start: seed, increment } : undefined;
  return core.column(source.column_name, parseMssqlType(source, databaseCollation), {
    nullable: Boolean(source.is_nullable),
    primaryKey: primaryKeyColumns.has(source.column_name),
    autoincrement: isIdentity && identity === undefined,
    ...(identity === undefined ? {} : { identity }),
    ...(serverDefault === undefined ? {} : { serverDefault }),
    ...(source.column_comment === null || source.column_comment === '' ? {} : { comment: source.column_comment }),
  });
}

/**
 * Builds the neutral model of a reflected table from the rows of the catalog queries: columns
 * (type, nullability, default, `IDENTITY` as `autoincrement: true` or, with another seed or
 * increment, as `identity`, comment), the primary key and unique constraints with their names,
 * foreign keys with their non-default actions, CHECK constraints, and the other indexes (with
 * `dialectOptions.mssql` for `INCLUDE` columns and clustering, and their filter as `where`).
 * Names are the database's, as `convertedName()`s (generated ones such as `PK__account__3213E83F`
 * included: the schema normalizer unsets those).
 *
 * ```ts
 * buildReflectedTable({ tableName: 'account', comment: null, databaseCollation: null, columns, indexes: [], foreignKeys: [], checks: [] });
 * ```
 */
export function buildReflectedTable(rows: MssqlTableRows): TableModel {
  const indexGroups = core.groupRows(rows.indexes, (row) => row.index_name);
  const primaryKey = [...indexGroups].find(([, parts]) => Boolean(parts[0]?.is_primary_key));
  const primaryKeyColumns = new Set(primaryKey?.[1].map((part) => part.column_name) ?? []);
  const elements: TableElement[] = rows.columns.map((source) =>
    reflectColumn(source, primaryKeyColumns, rows.databaseCollation),
  );
  if (primaryKey !== undefined) {
    elements.push(core.primaryKeyConstraint([...primaryKeyColumns], { name: core.convertedName(primaryKey[0]) }));
  }
  for (const [name, parts] of indexGroups) {
    const first = parts[0] as MssqlIndexRow;
    if (first.is_primary_key) {
      continue;
    }
    const keyColumns = parts.filter((part) => !part.is_included_column).map((part) => part.column_name);
    if (first.is_unique_constraint) {
      elements.push(core.uniqueConstraint(keyColumns, { name: core.convertedName(name) }));
      continue;
    }
    const included = parts.filter((part) => Boolean(part.is_included_column)).map((part) => part.column_name);
    const mssqlOptions = {
      ...(first.type_desc === 'CLUSTERED' ? { clustered: true } : {}),
      ...(included.length > 0 ? { include: included } : {}),
    };
    elements.push(
      core.index(core.convertedName(name), keyColumns, {
        unique: Boolean(first.is_unique),
        ...(first.filter_definition === null
          ? {}
          : { where: core.withoutEnclosingParentheses(first.filter_definition) }),
        ...(Object.keys(mssqlOptions).length > 0 ? { dialectOptions: { mssql: mssqlOptions } } : {}),
      }),
    );
  }
  elements.push(...core.reflectedForeignKeys(rows.foreignKeys.map(foreignKeyColumn)));
  elements.push(...rows.checks.map((check) => core.reflectedCheckConstraint(check.definition, check.constraint_name)));
  return core.table(rows.tableName, elements, { schema: rows.schema, comment: rows.comment || undefined });
}

import * as core from '@alembic/core/dialect';
import type {
  ColumnModel,
  ForeignKeyConstraintModel,
  IndexModel,
  ServerDefault,
  TableElement,
  TableModel,
  UniqueConstraintModel,
} from '@alembic/core/dialect';
import { parseCreateIndex } from './sqlite-create-index-parser.js';
import type { ParsedCreateTable, ParsedForeignKey } from './sqlite-create-table-parser.js';
import { parseCreateTable } from './sqlite-create-table-parser.js';
import type { SqliteColumnRow, SqliteForeignKeyRow, SqliteIndexRow } from './sqlite-introspection-queries.js';
import { parseSqliteType } from './sqlite-type-parser.js';

/** The catalog rows of one table, as {@link sqliteIntrospectionQueries} reads them. */
export interface SqliteTableRows {
  readonly name: string;
  /** An attached database other than `main`; unset for `main`. */
  readonly schema?: string;
  /** The `CREATE TABLE` text. */
  readonly sql: string | null;
  /** In `cid` order. */
  readonly columns: readonly SqliteColumnRow[];
  /** In `pragma_index_list` order (`seq` descending), then `seqno`. */
  readonly indexes: readonly SqliteIndexRow[];
  /** By `id` descending, then `seq`. */
  readonly foreignKeys: readonly SqliteForeignKeyRow[];
}

const STRING_LITERAL = /^'((?:[^']|'')*)'$/s;

function sameNames(left: readonly string[], right: readonly string[]): boolean {
  return (
    left.length === right.length &&
    left.every((name, position) => name.toLowerCase() === right[position]?.toLowerCase())
  );
}

/** A `dflt_value`: a string literal becomes its value, anything else SQL (`CURRENT_TIMESTAMP`, `5`). */
function serverDefaultOf(defaultValue: string | null): ServerDefault | undefined {
  if (defaultValue === null) {
    return undefined;
  }
  const literal = STRING_LITERAL.exec(defaultValue);
  return literal === null ? core.sql(defaultValue) : (literal[1] as string).replaceAll("''", "'");
}

/** An `ON DELETE` / `ON UPDATE` action, left out when it is SQLite's default. */
function referentialAction(action: string): string | undefined {
  const upper = action.toUpperCase();
  return upper === 'NO ACTION' || upper === '' ? undefined : upper;
}

function reflectedColumn(row: SqliteColumnRow, parsed: ParsedCreateTable, explicitKey: boolean): ColumnModel {
  const collation = [...parsed.collations].find(
    ([columnName]) => columnName.toLowerCase() === row.name.toLowerCase(),
  )?.[1];
  const serverDefault = serverDefaultOf(row.dflt_value);
  const autoincrement = parsed.autoincrementColumns.some(
    (columnName) => columnName.toLowerCase() === row.name.toLowerCase(),
  );
  return core.column(row.name, parseSqliteType(row.type, collation === undefined ? {} : { collation }), {
    nullable: row.notnull === 0,
    primaryKey: !explicitKey && row.pk > 0,
    autoincrement: autoincrement ? true : 'auto',
    ...(serverDefault === undefined ? {} : { serverDefault }),
  });
}

function uniqueConstraints(
  indexGroups: readonly SqliteIndexRow[][],
  parsed: ParsedCreateTable,
): UniqueConstraintModel[] {
  return indexGroups
    .filter((group) => group[0]?.origin === 'u')
    .map((group) => {
      const columns = group.map((row) => row.column_name ?? '');
      const named = parsed.uniques.find((unique) => sameNames(unique.columns, columns));
      return core.uniqueConstraint(columns, named === undefined ? {} : { name: core.convertedName(named.name) });
    });
}

function foreignKeys(rows: readonly SqliteForeignKeyRow[], parsed: ParsedCreateTable): ForeignKeyConstraintModel[] {
  const groups = [...core.groupRows(rows, (row) => row.id).values()];
  const byPosition = groups.length === parsed.foreignKeys.length;
  return groups.map((group, position) => {
    const first = group[0] as SqliteForeignKeyRow;
    const columns = group.map((row) => row.from);
    let referredColumns = group.map((row) => row.to ?? '');
    if (referredColumns.some((name) => name === '')) {
      // `REFERENCES parent` without columns means the parent's primary key; the local columns
      // stand in when the parent is missing (a dangling reference).
      const keyColumns = group.map((row) => row.referred_key_column);
      const complete = first.referred_key_count === group.length && keyColumns.every((name) => name !== null);
      referredColumns = complete ? (keyColumns as string[]) : columns;
    }
    const written: ParsedForeignKey | undefined = byPosition
      ? parsed.foreignKeys[position]
      : parsed.foreignKeys.find(
          (candidate) =>
            sameNames(candidate.columns, columns) &&
            candidate.referredTable.toLowerCase() === first.referred_table.toLowerCase(),
        );
    const onDelete = referentialAction(first.on_delete);
    const onUpdate = referentialAction(first.on_update);
    return core.foreignKeyConstraint(columns, first.referred_table, referredColumns, {
      ...(written?.name === undefined ? {} : { name: core.convertedName(written.name) }),
      ...(onDelete === undefined ? {} : { onDelete }),
      ...(onUpdate === undefined ? {} : { onUpdate }),
      ...(first.match.toUpperCase() === 'NONE' ? {} : { match: first.match }),
      ...(written?.deferrable === undefined ? {} : { deferrable: written.deferrable }),
      ...(written?.initially === undefined ? {} : { initially: written.initially }),
    });
  });
}

function indexes(indexGroups: readonly SqliteIndexRow[][]): IndexModel[] {
  return indexGroups
    .filter((group) => group[0]?.origin === 'c')
    .map((group) => {
      const first = group[0] as SqliteIndexRow;
      const parsed = parseCreateIndex(first.sql ?? '');
      const elements = parsed?.elements ?? group.map((row) => row.column_name ?? '');
      return core.index(core.convertedName(first.index_name), elements, {
        unique: first.unique === 1,
        ...(parsed?.where === undefined ? {} : { where: parsed.where }),
      });
    });
}

/**
 * The neutral model of one SQLite table from its catalog rows. Columns, types, nullability,
 * defaults and keys come from `table_xinfo`, unique constraints and indexes from `index_list` /
 * `index_info`, foreign keys from `foreign_key_list`; the `CREATE TABLE` text adds only what the
 * pragmas lack: constraint names, CHECK constraints, `AUTOINCREMENT`, collations and foreign key
 * deferrability. Names read from the database are `convertedName()`s. Generated and hidden
 * columns are left out (the neutral model has no place for them).
 *
 * ```ts
 * const account = sqliteReflectedTable({ name: 'account', sql: 'CREATE TABLE account (id INTEGER)', columns, indexes: [], foreignKeys: [] });
 * ```
 */
export function sqliteReflectedTable(rows: SqliteTableRows): TableModel {
  const parsed = parseCreateTable(rows.sql ?? '');
  const columnRows = rows.columns.filter((row) => row.hidden === 0);
  const keyRows = columnRows.filter((row) => row.pk > 0);
  const keyColumns = [...keyRows].sort((left, right) => left.pk - right.pk).map((row) => row.name);
  const explicitKey =
    keyColumns.length > 0 &&
    (parsed.primaryKeyName !== undefined ||
      !sameNames(
        keyColumns,
        keyRows.map((row) => row.name),
      ));
  const elements: TableElement[] = columnRows.map((row) => reflectedColumn(row, parsed, explicitKey));
  if (explicitKey) {
    elements.push(
      core.primaryKeyConstraint(
        keyColumns,
        parsed.primaryKeyName === undefined ? {} : { name: core.convertedName(parsed.primaryKeyName) },
      ),
    );
  }
  const indexGroups = [...core.groupRows(rows.indexes, (row) => row.index_name).values()];
  elements.push(...uniqueConstraints(indexGroups, parsed));
  elements.push(
    ...parsed.checks.map((check) =>
      core.checkConstraint(check.condition, check.name === undefined ? {} : { name: core.convertedName(check.name) }),
    ),
  );
  elements.push(...foreignKeys(rows.foreignKeys, parsed));
  elements.push(...indexes(indexGroups));
  return core.table(rows.name, elements, rows.schema === undefined ? {} : { schema: rows.schema });
}

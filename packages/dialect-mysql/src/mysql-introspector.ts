import { BaseSchemaIntrospector, groupRows } from '@alembic/core/dialect';
import type { DatabaseConnection, GetTablesOptions, TableModel } from '@alembic/core/dialect';
import { MysqlConnection } from './mysql-connection.js';
import type { MysqlFlavour } from './mysql-flavour.js';
import { detectMysqlFlavour } from './mysql-flavour.js';
import * as queries from './mysql-introspection-queries.js';
import type { MysqlCheckRow, MysqlColumnRow, MysqlForeignKeyRow, MysqlIndexRow } from './mysql-reflected-table.js';
import { buildReflectedTable } from './mysql-reflected-table.js';

interface TableRow {
  readonly table_schema: string;
  readonly table_name: string;
  readonly table_comment: string | null;
  readonly table_collation: string | null;
  readonly lower_case_table_names: number | string | null;
}

/** A row of a per-table catalog query. */
type Owned<Row> = Row & { readonly table_name: string };

/** MySQL before 8.0.16 has no `CHECK_CONSTRAINTS` table (errno 1109, unknown table). */
const UNKNOWN_TABLE = 1109;

/**
 * Reads tables of a live MySQL or MariaDB database from `information_schema` into core's
 * neutral model (see `buildReflectedTable` for what is read and how).
 *
 * {@link getTables} reads any number of tables of one schema with five catalog queries (tables,
 * columns, index parts, foreign key columns, checks), whatever their number; {@link getTable}
 * is the same with one name. Table names match exactly, as on a server with
 * `lower_case_table_names = 0`; where the server folds names, a single match in another case
 * is taken.
 *
 * ```ts
 * const introspector = new MysqlIntrospector(connection);
 * const account = await introspector.getTable('account');
 * const everything = await introspector.getTables({ schema: 'shop' });
 * ```
 */
export class MysqlIntrospector extends BaseSchemaIntrospector {
  #flavour: MysqlFlavour | undefined;

  constructor(connection: DatabaseConnection) {
    super(connection);
    this.#flavour = connection instanceof MysqlConnection ? connection.flavour : undefined;
  }

  /** Names of the base tables of `schema` (the current database when unset), sorted. */
  async getTableNames(options: { readonly schema?: string } = {}): Promise<readonly string[]> {
    return this.names(queries.MYSQL_INTROSPECTION_QUERIES.tableNames, [options.schema ?? null]);
  }

  /**
   * The tables of one schema (all of them, or those named), sorted by name, read with five
   * catalog queries whatever their number. Names that do not exist are left out.
   */
  async getTables(options: GetTablesOptions = {}): Promise<readonly TableModel[]> {
    if (options.tableNames !== undefined && options.tableNames.length === 0) {
      return [];
    }
    const flavour = await this.#serverFlavour();
    const scope: queries.MysqlTableScope = {
      ...(options.schema === undefined ? {} : { schema: options.schema }),
      ...(options.tableNames === undefined ? {} : { tableNames: [...new Set(options.tableNames)] }),
    };
    const [tableRows, columns, indexes, foreignKeys, checks] = await Promise.all([
      this.#catalog<TableRow>(queries.tablesQuery(scope)),
      this.#catalog<Owned<MysqlColumnRow>>(queries.columnsQuery(scope)),
      this.#catalog<Owned<MysqlIndexRow>>(queries.indexesQuery(flavour, scope)),
      this.#catalog<Owned<MysqlForeignKeyRow>>(queries.foreignKeysQuery(scope)),
      this.#readChecks(queries.checksQuery(flavour, scope)),
    ]);
    const columnsByTable = groupByTable(columns);
    const indexesByTable = groupByTable(indexes);
    const foreignKeysByTable = groupByTable(foreignKeys);
    const checksByTable = groupByTable(checks);
    return selectTables(tableRows, scope.tableNames).map((found) =>
      buildReflectedTable({
        flavour,
        tableName: found.table_name,
        ...(options.schema === undefined ? {} : { schema: options.schema }),
        actualSchema: found.table_schema,
        comment: found.table_comment,
        collation: found.table_collation,
        columns: columnsByTable.get(found.table_name) ?? [],
        indexes: indexesByTable.get(found.table_name) ?? [],
        foreignKeys: foreignKeysByTable.get(found.table_name) ?? [],
        checks: checksByTable.get(found.table_name) ?? [],
      }),
    );
  }

  /** The server's databases without `mysql`, `information_schema`, `performance_schema` and `sys`. */
  async getSchemaNames(): Promise<readonly string[]> {
    return this.names(queries.MYSQL_INTROSPECTION_QUERIES.schemaNames);
  }

  /** The connection's current database (`DATABASE()`); undefined when none is selected. */
  async getDefaultSchemaName(): Promise<string | undefined> {
    return (await this.names(queries.MYSQL_INTROSPECTION_QUERIES.defaultSchemaName))[0];
  }

  #catalog<Row>(query: queries.MysqlCatalogQuery): Promise<readonly Row[]> {
    return this.rows<Row>(query.sql, query.parameters);
  }

  async #readChecks(query: queries.MysqlCatalogQuery): Promise<readonly Owned<MysqlCheckRow>[]> {
    try {
      return await this.#catalog<Owned<MysqlCheckRow>>(query);
    } catch (error) {
      if ((error as { errno?: unknown }).errno === UNKNOWN_TABLE) {
        return [];
      }
      throw error;
    }
  }

  async #serverFlavour(): Promise<MysqlFlavour> {
    if (this.#flavour === undefined) {
      const rows = await this.rows<{ server_version: string }>('SELECT VERSION() AS server_version');
      this.#flavour = detectMysqlFlavour(String(rows[0]?.server_version ?? ''));
    }
    return this.#flavour;
  }
}

function groupByTable<Row extends { readonly table_name: string }>(rows: readonly Row[]): Map<string, Row[]> {
  return groupRows(rows, (row) => row.table_name);
}

/**
 * The tables asked for, in name order: every row when no names were given; else, per name, the
 * row of exactly that name or, on a server that folds names, its single match in another case.
 */
function selectTables(rows: readonly TableRow[], tableNames: readonly string[] | undefined): TableRow[] {
  if (tableNames === undefined) {
    return [...rows];
  }
  const chosen = new Set<TableRow>();
  for (const tableName of tableNames) {
    const exact = rows.find((row) => row.table_name === tableName);
    const folded = rows.filter((row) => row.table_name.toLowerCase() === tableName.toLowerCase());
    const foldsNames = folded.length === 1 && Number(folded[0]?.lower_case_table_names) > 0;
    const found = exact ?? (foldsNames ? folded[0] : undefined);
    if (found !== undefined) {
      chosen.add(found);
    }
  }
  return rows.filter((row) => chosen.has(row));
}

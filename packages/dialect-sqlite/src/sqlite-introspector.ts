import { BaseSchemaIntrospector, groupRows } from '@alembic/core/dialect';
import type { GetTablesOptions, TableModel } from '@alembic/core/dialect';
import type {
  SqliteColumnRow,
  SqliteForeignKeyRow,
  SqliteIndexRow,
  SqliteTableRow,
} from './sqlite-introspection-queries.js';
import { sqliteIntrospectionQueries } from './sqlite-introspection-queries.js';
import { sqliteReflectedTable } from './sqlite-reflected-table.js';

/** The schema SQLite calls its main database: the default, reflected as tables without a schema. */
const MAIN_SCHEMA = 'main';

/**
 * Reads live SQLite tables into core's neutral model, for batch rebuilds (which must recreate a
 * table exactly) and autogenerate. `getTables` reads any number of tables with four queries:
 * `sqlite_master` joined to the table-valued pragma functions `pragma_table_xinfo`,
 * `pragma_index_list` x `pragma_index_info` and `pragma_foreign_key_list`; `getTable` is the same
 * code path for one name. What each table becomes is {@link sqliteReflectedTable}'s.
 *
 * `schema` names an attached database; `main` is the default schema
 * (`getDefaultSchemaName()` returns `'main'`) and its tables come out without a schema, as
 * model tables declared without one; `getSchemaNames()` lists the attached databases
 * (`temp` left out). Table names match without regard to case, as in SQLite.
 *
 * ```ts
 * const introspector = new SqliteIntrospector(connection);
 * const account = await introspector.getTable('account');
 * const everything = await introspector.getTables();
 * ```
 */
export class SqliteIntrospector extends BaseSchemaIntrospector {
  async getTableNames(options: { readonly schema?: string } = {}): Promise<readonly string[]> {
    const queries = sqliteIntrospectionQueries(options.schema ?? MAIN_SCHEMA);
    const rows = await this.rows<SqliteTableRow>(queries.tables);
    return rows.map((row) => row.table_name);
  }

  async getTables(options: GetTablesOptions = {}): Promise<readonly TableModel[]> {
    if (options.tableNames !== undefined && options.tableNames.length === 0) {
      return [];
    }
    const schema = options.schema ?? MAIN_SCHEMA;
    const queries = sqliteIntrospectionQueries(schema, options.tableNames);
    const tables = await this.rows<SqliteTableRow>(queries.tables, queries.parameters);
    if (tables.length === 0) {
      return [];
    }
    const columns = byTable(await this.rows<SqliteColumnRow>(queries.columns, queries.parameters));
    const indexes = byTable(await this.rows<SqliteIndexRow>(queries.indexes, queries.parameters));
    const foreignKeys = byTable(await this.rows<SqliteForeignKeyRow>(queries.foreignKeys, queries.parameters));
    return tables.map((row) => {
      const key = row.table_name.toLowerCase();
      return sqliteReflectedTable({
        name: row.table_name,
        ...(schema.toLowerCase() === MAIN_SCHEMA ? {} : { schema }),
        sql: row.sql,
        columns: columns.get(key) ?? [],
        indexes: indexes.get(key) ?? [],
        foreignKeys: foreignKeys.get(key) ?? [],
      });
    });
  }

  /** The attached databases (`main` and any `ATTACH`ed one), without `temp`. */
  async getSchemaNames(): Promise<readonly string[]> {
    return this.names("SELECT name FROM pragma_database_list WHERE name <> 'temp' ORDER BY seq");
  }

  /** Always `'main'`: SQLite's main database. */
  async getDefaultSchemaName(): Promise<string | undefined> {
    return MAIN_SCHEMA;
  }
}

/** Rows by table name (lower case, as SQLite compares names). */
function byTable<Row extends { readonly table_name: string }>(rows: readonly Row[]): Map<string, Row[]> {
  return groupRows(rows, (row) => row.table_name.toLowerCase());
}

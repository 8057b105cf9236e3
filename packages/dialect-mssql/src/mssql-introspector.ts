import { BaseSchemaIntrospector, groupRows } from '@alembic/core/dialect';
import type { GetTablesOptions, TableModel } from '@alembic/core/dialect';
import {
  MSSQL_INTROSPECTION_QUERIES,
  MSSQL_MAX_NAME_PARAMETERS,
  mssqlIntrospectionQueries,
} from './mssql-introspection-queries.js';
import type { MssqlCheckRow, MssqlColumnRow, MssqlForeignKeyRow, MssqlIndexRow } from './mssql-reflected-table.js';
import { buildReflectedTable } from './mssql-reflected-table.js';

/** One row of the `tables` query. */
export interface MssqlTableRow {
  readonly object_id: number;
  readonly schema_name: string;
  readonly table_name: string;
  readonly table_comment: string | null;
  readonly database_collation: string | null;
}

/**
 * Reads tables of a live SQL Server database from the catalog views (`sys.tables`,
 * `sys.columns`, `sys.types`, `sys.indexes`, `sys.foreign_keys`, `sys.check_constraints`,
 * `sys.default_constraints`, `sys.extended_properties`) into core's neutral model (see
 * `buildReflectedTable`). `getTables` reads any number of tables of one schema with five queries
 * (tables, columns, index columns, foreign key columns, checks); `getTable` is the same code path
 * for one name. Without a schema, the session's default schema (`SCHEMA_NAME()`). Names match
 * as the database's collation compares them (usually case-insensitively); an exact match wins
 * over another spelling.
 *
 * ```ts
 * const introspector = new MssqlIntrospector(connection);
 * const account = await introspector.getTable('account');
 * const everything = await introspector.getTables({ schema: 'sales' });
 * ```
 */
export class MssqlIntrospector extends BaseSchemaIntrospector {
  /** Names of the user tables of `schema` (the default schema when unset), sorted. */
  async getTableNames(options: { readonly schema?: string } = {}): Promise<readonly string[]> {
    return this.names(MSSQL_INTROSPECTION_QUERIES.tableNames, [options.schema ?? null]);
  }

  async getTables(options: GetTablesOptions = {}): Promise<readonly TableModel[]> {
    const { tableNames } = options;
    if (tableNames !== undefined && tableNames.length === 0) {
      return [];
    }
    const named = tableNames !== undefined && tableNames.length <= MSSQL_MAX_NAME_PARAMETERS ? tableNames : [];
    const queries = mssqlIntrospectionQueries(named.length);
    const parameters = [options.schema ?? null, ...named];
    const wanted = tableNames === undefined ? undefined : new Set(tableNames.map((name) => name.toLowerCase()));
    const tables = (await this.rows<MssqlTableRow>(queries.tables, parameters)).filter(
      (row) => wanted === undefined || wanted.has(row.table_name.toLowerCase()),
    );
    if (tables.length === 0) {
      return [];
    }
    // One after another: a transaction (and a pool of one connection) runs one request at a time.
    const columns = byTable(await this.rows<MssqlColumnRow>(queries.columns, parameters));
    const indexes = byTable(await this.rows<MssqlIndexRow>(queries.indexes, parameters));
    const foreignKeys = byTable(await this.rows<MssqlForeignKeyRow>(queries.foreignKeys, parameters));
    const checks = byTable(await this.rows<MssqlCheckRow>(queries.checks, parameters));
    return tables
      .map((row) => {
        const key = Number(row.object_id);
        return buildReflectedTable({
          tableName: row.table_name,
          ...(options.schema === undefined ? {} : { schema: options.schema }),
          comment: row.table_comment,
          databaseCollation: row.database_collation,
          columns: columns.get(key) ?? [],
          indexes: indexes.get(key) ?? [],
          foreignKeys: foreignKeys.get(key) ?? [],
          checks: checks.get(key) ?? [],
        });
      })
      .sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0));
  }

  /** The schemas of the database without the system ones (`sys`, `INFORMATION_SCHEMA`, `guest`, the `db_*` role schemas). */
  async getSchemaNames(): Promise<readonly string[]> {
    return this.names(MSSQL_INTROSPECTION_QUERIES.schemaNames);
  }

  /** The session's default schema, `SCHEMA_NAME()` (usually `dbo`). */
  async getDefaultSchemaName(): Promise<string | undefined> {
    return (await this.names(MSSQL_INTROSPECTION_QUERIES.defaultSchemaName))[0];
  }
}

/** Rows by their table's `object_id`. */
function byTable<Row extends { readonly object_id?: number }>(rows: readonly Row[]): Map<number, Row[]> {
  return groupRows(rows, (row) => Number(row.object_id));
}

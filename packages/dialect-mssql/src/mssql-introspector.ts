import type { DatabaseConnection, SchemaIntrospector, TableModel } from '@alembic/core';
import { MSSQL_INTROSPECTION_QUERIES } from './mssql-introspection-queries.js';
import type { MssqlCheckRow, MssqlColumnRow, MssqlForeignKeyRow, MssqlIndexRow } from './mssql-reflected-table.js';
import { buildReflectedTable } from './mssql-reflected-table.js';

interface TableRow {
  readonly object_id: number;
  readonly schema_name: string;
  readonly table_name: string;
  readonly table_comment: string | null;
  readonly database_collation: string | null;
}

/**
 * Reads tables of a live SQL Server database from the catalog views (`sys.tables`,
 * `sys.columns`, `sys.indexes`, `sys.foreign_keys`, `sys.check_constraints`,
 * `sys.default_constraints`, `sys.extended_properties`) into core's neutral model (see
 * `buildReflectedTable`). Without a schema, the session's default schema (`SCHEMA_NAME()`).
 * Names match as the database's collation compares them (usually case-insensitively); an exact
 * match wins over another spelling.
 *
 * ```ts
 * const introspector = new MssqlIntrospector(connection);
 * const account = await introspector.getTable('account');
 * ```
 */
export class MssqlIntrospector implements SchemaIntrospector {
  readonly #connection: DatabaseConnection;

  constructor(connection: DatabaseConnection) {
    this.#connection = connection;
  }

  /** Names of the user tables of `schema` (the default schema when unset), sorted. */
  async getTableNames(options: { readonly schema?: string } = {}): Promise<readonly string[]> {
    const { rows } = await this.#connection.query<{ table_name: string }>(MSSQL_INTROSPECTION_QUERIES.tableNames, [
      options.schema ?? null,
    ]);
    return rows.map((row) => row.table_name);
  }

  /** One table with its columns, keys, constraints, indexes and comments; undefined when missing. */
  async getTable(tableName: string, options: { readonly schema?: string } = {}): Promise<TableModel | undefined> {
    const { rows: tables } = await this.#connection.query<TableRow>(MSSQL_INTROSPECTION_QUERIES.table, [options.schema ?? null, tableName]);
    const found = tables.find((row) => row.table_name === tableName) ?? (tables.length === 1 ? tables[0] : undefined);
    if (found === undefined) {
      return undefined;
    }
    const parameters = [found.object_id];
    // One after another: a transaction (and a pool of one connection) runs one request at a time.
    const columns = await this.#connection.query<MssqlColumnRow>(MSSQL_INTROSPECTION_QUERIES.columns, parameters);
    const indexes = await this.#connection.query<MssqlIndexRow>(MSSQL_INTROSPECTION_QUERIES.indexes, parameters);
    const foreignKeys = await this.#connection.query<MssqlForeignKeyRow>(MSSQL_INTROSPECTION_QUERIES.foreignKeys, parameters);
    const checks = await this.#connection.query<MssqlCheckRow>(MSSQL_INTROSPECTION_QUERIES.checks, parameters);
    return buildReflectedTable({
      tableName: found.table_name,
      ...(options.schema === undefined ? {} : { schema: options.schema }),
      comment: found.table_comment,
      databaseCollation: found.database_collation,
      columns: columns.rows,
      indexes: indexes.rows,
      foreignKeys: foreignKeys.rows,
      checks: checks.rows,
    });
  }
}

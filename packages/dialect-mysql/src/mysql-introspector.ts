import type { DatabaseConnection, SchemaIntrospector, TableModel } from '@alembic/core';
import { MysqlConnection } from './mysql-connection.js';
import type { MysqlFlavour } from './mysql-flavour.js';
import { detectMysqlFlavour } from './mysql-flavour.js';
import { MYSQL_INTROSPECTION_QUERIES, checkQuery, indexQuery } from './mysql-introspection-queries.js';
import type { MysqlCheckRow, MysqlColumnRow, MysqlForeignKeyRow, MysqlIndexRow } from './mysql-reflected-table.js';
import { buildReflectedTable } from './mysql-reflected-table.js';

interface TableRow {
  readonly table_schema: string;
  readonly table_name: string;
  readonly table_comment: string | null;
  readonly table_collation: string | null;
  readonly lower_case_table_names: number | string | null;
}

/** MySQL before 8.0.16 has no `CHECK_CONSTRAINTS` table (errno 1109, unknown table). */
const UNKNOWN_TABLE = 1109;

/**
 * Reads tables of a live MySQL or MariaDB database from `information_schema` into core's
 * neutral model (see `buildReflectedTable` for what is read and how). Table names match
 * exactly, as on a server with `lower_case_table_names = 0`; where the server folds names, a
 * single match in another case is taken.
 *
 * ```ts
 * const introspector = new MysqlIntrospector(connection);
 * const account = await introspector.getTable('account');
 * ```
 */
export class MysqlIntrospector implements SchemaIntrospector {
  readonly #connection: DatabaseConnection;
  #flavour: MysqlFlavour | undefined;

  constructor(connection: DatabaseConnection) {
    this.#connection = connection;
    this.#flavour = connection instanceof MysqlConnection ? connection.flavour : undefined;
  }

  /** Names of the base tables of `schema` (the current database when unset), sorted. */
  async getTableNames(options: { readonly schema?: string } = {}): Promise<readonly string[]> {
    const { rows } = await this.#connection.query<{ table_name: string }>(MYSQL_INTROSPECTION_QUERIES.tableNames, [
      options.schema ?? null,
    ]);
    return rows.map((row) => row.table_name);
  }

  /** One table with its columns, keys, constraints, indexes and comment; undefined when missing. */
  async getTable(tableName: string, options: { readonly schema?: string } = {}): Promise<TableModel | undefined> {
    const found = await this.#findTable(tableName, options.schema);
    if (found === undefined) {
      return undefined;
    }
    const flavour = await this.#serverFlavour();
    const parameters = [found.table_schema, found.table_name];
    const exact = <Row extends { table_name?: string }>(rows: readonly Row[]): Row[] =>
      rows.filter((row) => row.table_name === undefined || row.table_name === found.table_name);
    const [columns, indexes, foreignKeys, checks] = await Promise.all([
      this.#connection.query<MysqlColumnRow & { table_name: string }>(MYSQL_INTROSPECTION_QUERIES.columns, parameters),
      this.#connection.query<MysqlIndexRow & { table_name: string }>(indexQuery(flavour), parameters),
      this.#connection.query<MysqlForeignKeyRow & { table_name: string }>(MYSQL_INTROSPECTION_QUERIES.foreignKeys, parameters),
      this.#readChecks(flavour, parameters),
    ]);
    return buildReflectedTable({
      flavour,
      tableName: found.table_name,
      ...(options.schema === undefined ? {} : { schema: options.schema }),
      actualSchema: found.table_schema,
      comment: found.table_comment,
      collation: found.table_collation,
      columns: exact(columns.rows),
      indexes: exact(indexes.rows),
      foreignKeys: exact(foreignKeys.rows),
      checks: exact(checks),
    });
  }

  async #findTable(tableName: string, schema: string | undefined): Promise<TableRow | undefined> {
    const { rows } = await this.#connection.query<TableRow>(MYSQL_INTROSPECTION_QUERIES.table, [schema ?? null, tableName]);
    const exact = rows.find((row) => row.table_name === tableName);
    if (exact !== undefined) {
      return exact;
    }
    const foldsNames = rows.length === 1 && Number(rows[0]?.lower_case_table_names) > 0;
    return foldsNames ? rows[0] : undefined;
  }

  async #readChecks(flavour: MysqlFlavour, parameters: readonly unknown[]): Promise<Array<MysqlCheckRow & { table_name: string }>> {
    try {
      const { rows } = await this.#connection.query<MysqlCheckRow & { table_name: string }>(checkQuery(flavour), parameters);
      return [...rows];
    } catch (error) {
      if ((error as { errno?: unknown }).errno === UNKNOWN_TABLE) {
        return [];
      }
      throw error;
    }
  }

  async #serverFlavour(): Promise<MysqlFlavour> {
    if (this.#flavour === undefined) {
      const { rows } = await this.#connection.query<{ server_version: string }>('SELECT VERSION() AS server_version');
      this.#flavour = detectMysqlFlavour(String(rows[0]?.server_version ?? ''));
    }
    return this.#flavour;
  }
}

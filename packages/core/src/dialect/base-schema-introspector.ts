import type { TableModel } from '../schema/table.js';
import type { DatabaseConnection } from './database-connection.js';
import type { GetTablesOptions, SchemaIntrospector } from './schema-introspector.js';

/**
 * The part of an introspector that is the same on every database: it holds the connection,
 * and reads one table as {@link getTables} reads many (so the two cannot disagree). A dialect
 * extends it and writes `getTableNames` and `getTables` (plus `getSchemaNames` and
 * `getDefaultSchemaName` where its database has schemas).
 *
 * ```ts
 * class PgwireIntrospector extends BaseSchemaIntrospector {
 *   async getTableNames(options: { readonly schema?: string } = {}) {
 *     return this.names(TABLE_NAMES_SQL, [options.schema ?? null]);
 *   }
 *   async getTables(options: GetTablesOptions = {}) { ... }
 * }
 * ```
 */
export abstract class BaseSchemaIntrospector implements SchemaIntrospector {
  /** The connection every catalog query runs on. */
  protected readonly connection: DatabaseConnection;

  constructor(connection: DatabaseConnection) {
    this.connection = connection;
  }

  /** Names of the tables in `schema` (the default schema when unset), sorted. */
  abstract getTableNames(options?: { readonly schema?: string }): Promise<readonly string[]>;

  /** Many tables at once, sorted by name, with a fixed number of catalog queries (see {@link SchemaIntrospector.getTables}). */
  abstract getTables(options?: GetTablesOptions): Promise<readonly TableModel[]>;

  /**
   * `getTables` for one name. Where the database matches names without regard to case and
   * finds more than one spelling, the exact one wins; `undefined` when there is none.
   */
  async getTable(tableName: string, options: { readonly schema?: string } = {}): Promise<TableModel | undefined> {
    const tables = await this.getTables({ ...options, tableNames: [tableName] });
    return tables.find((model) => model.name === tableName) ?? (tables.length === 1 ? tables[0] : undefined);
  }

  /** The rows of one catalog query. */
  protected async rows<Row>(sql: string, parameters?: readonly unknown[]): Promise<readonly Row[]> {
    return (await this.connection.query<Row>(sql, parameters)).rows;
  }

  /**
   * The first column of each row of a catalog query of names (schema or table names), in row
   * order; a value that is not a string (NULL) is left out, so `(await this.names(sql))[0]` is
   * a single name or `undefined`.
   */
  protected async names(sql: string, parameters?: readonly unknown[]): Promise<string[]> {
    const rows = await this.rows<Readonly<Record<string, unknown>>>(sql, parameters);
    return rows.flatMap((row) => {
      const value = Object.values(row)[0];
      return typeof value === 'string' ? [value] : [];
    });
  }
}

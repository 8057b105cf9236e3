import type { TableModel } from '../schema/table.js';

/** Options of {@link SchemaIntrospector.getTables}. */
export interface GetTablesOptions {
  /** The schema to read; the connection's default schema when unset. */
  readonly schema?: string;
  /**
   * Only these tables (already filtered by `includeName`); every table of the schema when
   * unset. Names that do not exist are left out of the result.
   */
  readonly tableNames?: readonly string[];
}

/**
 * Reads the schema of a live database into the neutral model: batch rebuilds reflect the table
 * they change, autogenerate compares the whole schema with the application's models.
 *
 * ```ts
 * const introspector = dialect.createIntrospector(connection);
 * const account = await introspector.getTable('account');
 * const everything = await introspector.getTables({ schema: 'billing' });
 * ```
 */
export interface SchemaIntrospector {
  /** Names of the tables in `schema` (the default schema when unset), sorted. */
  getTableNames(options?: { readonly schema?: string }): Promise<readonly string[]>;
  /** One table with its columns, constraints and indexes; undefined when it does not exist. */
  getTable(tableName: string, options?: { readonly schema?: string }): Promise<TableModel | undefined>;
  /**
   * Whether the table exists: what {@link getTable} finds, without reading its columns (the
   * version table is looked up so before every command). Optional: `getTable` answers when it
   * is missing (see `tableExists`).
   */
  hasTable?(tableName: string, options?: { readonly schema?: string }): Promise<boolean>;
  /**
   * Many tables at once, for autogenerate: the same result as {@link getTable} for each, sorted
   * by name, read with a fixed number of catalog queries whatever the number of tables (bulk
   * queries per schema, never one per table). Constraint and index names are
   * `convertedName()`s, as in `getTable`.
   */
  getTables(options?: GetTablesOptions): Promise<readonly TableModel[]>;
  /** The schemas of the database, without the system ones (`includeSchemas`). */
  getSchemaNames?(): Promise<readonly string[]>;
  /** The name of the connection's default schema (`public`, `dbo`, the MySQL database). */
  getDefaultSchemaName?(): Promise<string | undefined>;
}

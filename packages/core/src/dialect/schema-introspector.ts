import type { TableModel } from '../schema/table.js';

/**
 * Reads the schema of a live database into the neutral model: batch rebuilds reflect the table
 * they change, autogenerate compares the whole schema with the application's models.
 *
 * ```ts
 * const introspector = dialect.createIntrospector?.(connection);
 * const account = await introspector?.getTable('account');
 * ```
 */
export interface SchemaIntrospector {
  /** Names of the tables in `schema` (the default schema when unset). */
  getTableNames(options?: { readonly schema?: string }): Promise<readonly string[]>;
  /** One table with its columns, constraints and indexes; undefined when it does not exist. */
  getTable(tableName: string, options?: { readonly schema?: string }): Promise<TableModel | undefined>;
}

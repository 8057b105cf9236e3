import type { SchemaIntrospector } from './schema-introspector.js';

/**
 * Whether the table exists: the introspector's `hasTable` when it has one (a cheaper catalog
 * lookup), else whether `getTable` finds it. How the version table is looked for before every
 * command.
 *
 * ```ts
 * await tableExists(dialect.createIntrospector(connection), 'alembic_version'); // false on a new database
 * ```
 */
export async function tableExists(
  introspector: SchemaIntrospector,
  tableName: string,
  options: { readonly schema?: string } = {},
): Promise<boolean> {
  if (introspector.hasTable !== undefined) return introspector.hasTable(tableName, options);
  return (await introspector.getTable(tableName, options)) !== undefined;
}

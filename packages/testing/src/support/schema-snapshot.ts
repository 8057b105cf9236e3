import type { DatabaseConnection, Dialect, TableModel } from '@alembic/core';
import type { SchemaIntrospector } from '@alembic/core/dialect';

/** Every table of the isolated database as the dialect's introspector reads it, by name. */
export type SchemaSnapshot = Readonly<Record<string, TableModel>>;

/**
 * Tables the tool itself keeps (`alembic_version`, the suite's other version tables, a
 * dialect's lock table such as `alembic_lock`): left out of snapshots.
 */
export function isToolTable(name: string): boolean {
  return name.startsWith('alembic_');
}

/** The dialect's introspector on `connection`. */
export function introspectorOf(dialect: Dialect, connection: DatabaseConnection): SchemaIntrospector {
  return dialect.createIntrospector(connection);
}

/** Reads every table (but the tool's own) of the connection's default schema. */
export async function snapshotSchema(dialect: Dialect, connection: DatabaseConnection): Promise<SchemaSnapshot> {
  const introspector = introspectorOf(dialect, connection);
  const names = (await introspector.getTableNames()).filter((name) => !isToolTable(name));
  const snapshot: Record<string, TableModel> = {};
  for (const name of [...names].sort()) {
    const model = await introspector.getTable(name);
    if (model !== undefined) snapshot[name] = model;
  }
  return snapshot;
}

/** One table of a snapshot; fails, listing what there is, when it is missing. */
export function tableOf(snapshot: SchemaSnapshot, name: string): TableModel {
  const found = snapshot[name];
  if (found === undefined) {
    throw new Error(`table '${name}' not found; the schema has: ${Object.keys(snapshot).join(', ') || '(no tables)'}`);
  }
  return found;
}

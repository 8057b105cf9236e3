import type { DialectCapabilities } from '../dialect/dialect-capabilities.js';
import type { MigrationContext } from '../runtime/migration-context.js';
import type { AutogenerateObjectType, AutogenerateOptions } from './autogenerate-options.js';

/** What comparing one table needs to know about the whole comparison. */
export interface CompareContext {
  readonly options: AutogenerateOptions;
  readonly dialectName: string;
  readonly capabilities: DialectCapabilities;
  readonly migrationContext: MigrationContext | undefined;
  /** The database's default schema name, which counts as "no schema" when it appears. */
  readonly defaultSchemaName: string | undefined;
  /** New names of renamed tables, by the {@link tableKey} of their old name. */
  readonly renamedTables: ReadonlyMap<string, string>;
  /** Per renamed-column table, by the {@link tableKey} of its database name: old -> new column names. */
  readonly renamedColumns: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** The key of a table: its schema (empty for the default schema) and name. */
export function tableKey(
  context: Pick<CompareContext, 'defaultSchemaName'>,
  schema: string | undefined,
  name: string,
): string {
  return `${schemaKey(context, schema)}\u0000${name}`;
}

/** A schema name with the default schema (by name or unset) as the empty string. */
export function schemaKey(context: Pick<CompareContext, 'defaultSchemaName'>, schema: string | undefined): string {
  return schema === undefined || schema === context.defaultSchemaName ? '' : schema;
}

/** `includeObject`, or true when the environment gave none. */
export function includeObject(
  context: CompareContext,
  object: unknown,
  name: string | undefined,
  type: AutogenerateObjectType,
  reflected: boolean,
  compareTo: unknown,
): boolean {
  const filter = context.options.includeObject;
  return filter === undefined ? true : filter(object, name, type, reflected, compareTo) !== false;
}

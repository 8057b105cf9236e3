import type { GetTablesOptions, SchemaIntrospector } from '../dialect/schema-introspector.js';
import type { TableModel } from '../schema/table.js';

/** Options of {@link snapshotIntrospector}. */
export interface SnapshotIntrospectorOptions {
  /** What `getDefaultSchemaName()` answers (`'public'`, `'dbo'`); unset: undefined. */
  readonly defaultSchemaName?: string;
}

/**
 * A {@link SchemaIntrospector} over tables held in memory (reflected snapshots, or tables built
 * with `table()`), so that autogenerate can compare without a database: unit tests, and SQL
 * Server compared on reflected snapshots. A table without `schema` is in the default schema.
 *
 * ```ts
 * const introspector = snapshotIntrospector([table('account', [column('id', integer(), { primaryKey: true })])]);
 * const { plan } = await produceMigrationPlan({ dialect, introspector, normalizer, options, versionTable });
 * ```
 */
export function snapshotIntrospector(
  tables: readonly TableModel[],
  options: SnapshotIntrospectorOptions = {},
): SchemaIntrospector {
  const inSchema = (schema: string | undefined): TableModel[] =>
    tables
      .filter((candidate) => candidate.schema === schema)
      .sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0));
  return {
    async getTableNames(request = {}) {
      return inSchema(request.schema).map((model) => model.name);
    },
    async getTable(tableName, request = {}) {
      return inSchema(request.schema).find((model) => model.name === tableName);
    },
    async getTables(request: GetTablesOptions = {}) {
      const wanted = request.tableNames === undefined ? undefined : new Set(request.tableNames);
      return inSchema(request.schema).filter((model) => wanted === undefined || wanted.has(model.name));
    },
    async getSchemaNames() {
      const names = new Set<string>();
      for (const model of tables) {
        if (model.schema !== undefined) names.add(model.schema);
      }
      return [...names].sort();
    },
    async getDefaultSchemaName() {
      return options.defaultSchemaName;
    },
  };
}

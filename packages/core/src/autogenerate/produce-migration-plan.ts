import type { Dialect } from '../dialect/dialect.js';
import type { SchemaIntrospector } from '../dialect/schema-introspector.js';
import { CommandError } from '../errors/command-error.js';
import { createTableCommentOperation } from '../operations/create-table-comment-operation.js';
import { dropTableCommentOperation } from '../operations/drop-table-comment-operation.js';
import type { Operation } from '../operations/operation.js';
import { renameTableOperation } from '../operations/rename-table-operation.js';
import type { MigrationContext } from '../runtime/migration-context.js';
import type { MetadataModel } from '../schema/metadata.js';
import { isMetadataModel } from '../schema/metadata.js';
import type { TableModel } from '../schema/table.js';
import type { AutogenerateOptions } from './autogenerate-options.js';
import { compareColumns } from './compare-columns.js';
import type { CompareContext } from './compare-context.js';
import { includeObject, schemaKey, tableKey } from './compare-context.js';
import { compareTableObjects } from './compare-table-objects.js';
import { foreignKeyIndexChanges } from './foreign-key-indexes.js';
import type { TablePair } from './match-tables.js';
import { matchTables } from './match-tables.js';
import type { MigrationPlan, PlannedOperation, RenameDirective } from './migration-plan.js';
import { normalizeWithOrigins } from './normalize-with-origins.js';
import { plannedOperation, qualified } from './operation-data-loss.js';
import type { CreatedTable, ExistingTableChanges } from './order-operations.js';
import { orderOperations } from './order-operations.js';
import { reverseUpgradeOperations } from './reverse-upgrade-operations.js';
import type { ResolvedModelTable } from './resolve-model-table.js';
import { resolveModelTable } from './resolve-model-table.js';
import type { SchemaNormalizer } from './schema-normalizer.js';

/** What {@link produceMigrationPlan} compares. */
export interface ProduceMigrationPlanInput {
  readonly dialect: Dialect;
  readonly introspector: SchemaIntrospector;
  readonly normalizer: SchemaNormalizer;
  readonly options: AutogenerateOptions;
  /** The version table (name and schema), never part of a diff. */
  readonly versionTable: { readonly name: string; readonly schema?: string | undefined };
  /** Renames asked for (`--rename`, `--rename-table`, or answers at a prompt). */
  readonly renames?: readonly RenameDirective[];
  /** Handed to the `compareType` / `compareServerDefault` callables. */
  readonly migrationContext?: MigrationContext;
}

/** The plan, and the rename candidates found among the adds and drops that no directive settled. */
export interface AutogenerateResult {
  readonly plan: MigrationPlan;
  /** An added and a dropped table or column that may be one renamed (a comment in the file). */
  readonly renameCandidates: readonly RenameDirective[];
}

/**
 * Compares the models with the live database and returns the migration that makes the
 * database match the models.
 *
 * - The model side: the tables of `options.targetMetadata`, each resolved to explicit form
 *   (`resolveModelTable`: naming convention applied, column flags turned into constraints and
 *   indexes). A function giving the models is called once the default schema's `getTables()`
 *   has been sent, so that building the models and reading the catalog overlap.
 * - The database side: the default schema, plus `includeSchemas`; per schema the table names,
 *   without the version table and the names `includeName` refuses, then one `getTables()` call.
 *   Model tables in schemas not compared, or whose names `includeName` refuses, are left out
 *   too.
 * - Both sides go through `normalizer.normalizeTable()`; compare looks at the normalized
 *   tables and builds operations from the original ones, so that every drop carries the
 *   reflected object and the downgrade restores the database exactly. `includeObject` is asked
 *   about every table, column, index and constraint on either side.
 * - Renames are never guessed: `renames` turns a dropped and an added table (or column) into a
 *   rename; without one, each such pair is a rename candidate and the added operation carries a
 *   comment saying how to ask for the rename.
 *
 * On a dialect whose foreign keys create indexes (`foreignKeysCreateIndex`), the index behind a
 * dropped foreign key is dropped after it, and the downgrade of an added named foreign key drops
 * the index the database creates for it (`foreignKeyIndexChanges`).
 *
 * Not detected (as Alembic): primary key changes, changes of a CHECK constraint's condition (checks
 * are compared by name), unnamed CHECK constraints, sequences, views.
 *
 * ```ts
 * const { plan } = await produceMigrationPlan({ dialect, introspector, normalizer, options, versionTable });
 * ```
 *
 * @throws CommandError `ALEMBIC_AUTOGENERATE_NO_METADATA` without target metadata,
 *   `ALEMBIC_AUTOGENERATE_DUPLICATE_TABLE` when two metadata objects declare one table,
 *   `ALEMBIC_AUTOGENERATE_RENAME` for a rename that names no dropped and added pair.
 */
export async function produceMigrationPlan(input: ProduceMigrationPlanInput): Promise<AutogenerateResult> {
  const { dialect, introspector, options } = input;
  const target = options.targetMetadata;
  // A function is called once the default schema's catalog read is under way (below).
  let metadataList = typeof target === 'function' ? undefined : targetMetadataList(target);
  const defaultSchemaName = await introspector.getDefaultSchemaName?.();
  const keys = { defaultSchemaName };
  const isVersionTable = (schema: string | undefined, name: string): boolean =>
    name === input.versionTable.name && schemaKey(keys, schema) === schemaKey(keys, input.versionTable.schema);
  const nameIncluded = (schema: string | undefined, name: string): boolean =>
    options.includeName === undefined ||
    options.includeName(name, 'table', {
      schemaName: schema,
      tableName: name,
      schemaQualifiedTableName: qualified(schema, name),
    }) !== false;
  /** Starts reading the schema's tables (the names `includeName` keeps, without the version table). */
  const readSchema = async (schema: string | undefined): Promise<() => Promise<readonly TableModel[]>> => {
    const scope = schema === undefined ? {} : { schema };
    const names = (await introspector.getTableNames(scope)).filter(
      (name) => !isVersionTable(schema, name) && nameIncluded(schema, name),
    );
    if (names.length === 0) return async () => [];
    const reading = introspector.getTables({ ...scope, tableNames: names });
    // Handled where it is awaited; until then a failure must not count as unhandled.
    reading.catch(() => undefined);
    return async () =>
      (await reading).map((table) =>
        schema !== undefined && table.schema === undefined ? { ...table, schema } : table,
      );
  };

  // The default schema is always compared (unless includeName refuses it): its catalog query
  // runs while a targetMetadata function builds the models.
  const defaultIncluded = options.includeName === undefined || options.includeName(undefined, 'schema', {}) !== false;
  const defaultTables = defaultIncluded ? await readSchema(undefined) : async () => [];
  if (metadataList === undefined) {
    try {
      metadataList = targetMetadataList(await (target as () => unknown)());
    } catch (error) {
      await defaultTables().catch(() => undefined);
      throw error;
    }
  }
  const otherSchemas = await otherComparedSchemas(input, defaultSchemaName, metadataList);
  const schemas = defaultIncluded ? [undefined, ...otherSchemas] : otherSchemas;
  const databaseTables: TableModel[] = [...(await defaultTables())];
  for (const schema of otherSchemas) {
    databaseTables.push(...(await (await readSchema(schema))()));
  }

  const comparedSchemaKeys = new Set(schemas.map((schema) => schemaKey(keys, schema)));
  const models: ResolvedModelTable[] = [];
  const seen = new Set<string>();
  for (const model of metadataList) {
    for (const table of model.tables) {
      if (!comparedSchemaKeys.has(schemaKey(keys, table.schema))) continue;
      if (isVersionTable(table.schema, table.name) || !nameIncluded(table.schema, table.name)) continue;
      const key = tableKey(keys, table.schema, table.name);
      if (seen.has(key)) {
        throw new CommandError(
          `Two target metadata objects declare the table '${qualified(table.schema, table.name)}'`,
          {
            code: 'ALEMBIC_AUTOGENERATE_DUPLICATE_TABLE',
          },
        );
      }
      seen.add(key);
      models.push(
        resolveModelTable(table, { namingConvention: model.namingConvention, capabilities: dialect.capabilities }),
      );
    }
  }

  const renames = input.renames ?? [];
  const matching = matchTables(models, (model) => model.table, databaseTables, renames, keys);
  const baseContext = {
    options,
    dialectName: dialect.name,
    capabilities: dialect.capabilities,
    migrationContext: input.migrationContext,
    defaultSchemaName,
  };
  const tableIncluded = (table: TableModel, reflected: boolean, compareTo: unknown): boolean =>
    includeObject(
      { ...baseContext, renamedTables: new Map(), renamedColumns: new Map() },
      table,
      table.name,
      'table',
      reflected,
      compareTo,
    );
  const pairs = matching.pairs.filter((pair) => tableIncluded(pair.model.table, false, pair.database));
  const createdModels = matching.modelOnly.filter((model) => tableIncluded(model.table, false, undefined));
  const droppedTables = matching.databaseOnly.filter((table) => tableIncluded(table, true, undefined));

  const renamedTables = new Map<string, string>();
  for (const pair of pairs) {
    if (pair.renamedFrom !== undefined) {
      renamedTables.set(tableKey(keys, pair.database.schema, pair.database.name), pair.model.table.name);
    }
  }
  const renamedColumns = columnRenamesByTable(pairs, renames, keys);
  const context: CompareContext = { ...baseContext, renamedTables, renamedColumns };

  const renameCandidates: RenameDirective[] = [];
  const downgradeFollowers = new Map<Operation, readonly Operation[]>();
  const changedTables = pairs.map((pair) => {
    const { changes, candidates, followers } = compareExistingTable(pair, input.normalizer, context);
    renameCandidates.push(...candidates);
    for (const [operation, after] of followers) downgradeFollowers.set(operation, after);
    return changes;
  });

  const createdNames = new Set(createdModels.map((model) => tableKey(keys, model.table.schema, model.table.name)));
  const droppedNames = new Set(droppedTables.map((table) => tableKey(keys, table.schema, table.name)));
  const tableCandidates = matching.renameCandidates.filter(
    (candidate) =>
      createdNames.has(tableKey(keys, candidate.schema, candidate.to)) &&
      droppedNames.has(tableKey(keys, candidate.schema, candidate.from)),
  );
  const createdTables: CreatedTable[] = createdModels.map((model) => ({
    table: model.table,
    comments: tableCandidates
      .filter(
        (candidate) =>
          tableKey(keys, candidate.schema, candidate.to) === tableKey(keys, model.table.schema, model.table.name),
      )
      .map(
        (candidate) =>
          `Is this a rename of ${candidate.from}? Run with --rename-table ${qualified(candidate.schema, candidate.from)}=${candidate.to} to write a rename instead.`,
      ),
  }));

  const upgrade = orderOperations({
    renamedTables: pairs.flatMap((pair) =>
      pair.renamedFrom === undefined
        ? []
        : [
            plannedOperation(
              renameTableOperation({
                oldTableName: pair.renamedFrom,
                newTableName: pair.model.table.name,
                schema: pair.database.schema,
              }),
            ),
          ],
    ),
    createdTables,
    changedTables,
    droppedTables,
    alterForeignKeys: dialect.capabilities.supportsAlterConstraints,
  });
  const { downgrade, irreversible } = reverseUpgradeOperations(upgrade, {
    followers: downgradeFollowers,
    dropColumnDropsConstraints: dialect.capabilities.dropColumnDropsConstraints,
  });
  return { plan: { upgrade, downgrade, irreversible }, renameCandidates: [...tableCandidates, ...renameCandidates] };
}

function targetMetadataList(target: unknown): readonly MetadataModel[] {
  const list: unknown[] = target === undefined || target === null ? [] : Array.isArray(target) ? [...target] : [target];
  if (list.length === 0 || !list.every((entry) => isMetadataModel(entry))) {
    throw new CommandError(
      "Can't proceed with --autogenerate option; environment script does not provide a metadata object (metadata([...])), a list of them or a function giving them to context.configure({ targetMetadata })",
      { code: 'ALEMBIC_AUTOGENERATE_NO_METADATA' },
    );
  }
  return list;
}

/**
 * The schemas compared besides the default one: those `includeSchemas` names, and every schema
 * a model table names (a model table is never left out silently: in a schema nobody compared,
 * it would look up to date), less those `includeName` refuses; sorted.
 */
async function otherComparedSchemas(
  input: ProduceMigrationPlanInput,
  defaultSchemaName: string | undefined,
  metadataList: readonly MetadataModel[],
): Promise<string[]> {
  const { includeSchemas, includeName } = input.options;
  let named: readonly string[] = metadataList.flatMap((model) =>
    model.tables.flatMap((table) => (table.schema === undefined ? [] : [table.schema])),
  );
  if (includeSchemas === true) {
    if (input.introspector.getSchemaNames === undefined) {
      throw new CommandError(`includeSchemas: the ${input.dialect.name} dialect cannot list schemas`, {
        code: 'ALEMBIC_AUTOGENERATE_SCHEMAS',
      });
    }
    named = [...named, ...(await input.introspector.getSchemaNames())];
  } else if (Array.isArray(includeSchemas)) {
    named = [...named, ...includeSchemas];
  }
  const schemas = [...new Set(named)].filter((schema) => schema !== defaultSchemaName).sort();
  return schemas.filter((schema) => includeName === undefined || includeName(schema, 'schema', {}) !== false);
}

/** Column renames asked for, per table (by the key of its database name): old -> new. */
function columnRenamesByTable(
  pairs: readonly TablePair<ResolvedModelTable>[],
  renames: readonly RenameDirective[],
  keys: Pick<CompareContext, 'defaultSchemaName'>,
): Map<string, Map<string, string>> {
  const result = new Map<string, Map<string, string>>();
  for (const rename of renames) {
    if (rename.table === undefined) continue;
    const wanted = [tableKey(keys, rename.schema, rename.table)];
    const pair = pairs.find((candidate) =>
      [
        tableKey(keys, candidate.model.table.schema, candidate.model.table.name),
        tableKey(keys, candidate.database.schema, candidate.database.name),
      ].some((key) => wanted.includes(key)),
    );
    const modelNames = new Set(pair?.model.table.columns.map((column) => column.name));
    const databaseNames = new Set(pair?.database.columns.map((column) => column.name));
    if (
      pair === undefined ||
      !databaseNames.has(rename.from) ||
      modelNames.has(rename.from) ||
      !modelNames.has(rename.to) ||
      databaseNames.has(rename.to)
    ) {
      throw new CommandError(
        `--rename ${qualified(rename.schema, rename.table)}.${rename.from}=${rename.to}: the table has no column '${rename.from}' that the models drop while adding '${rename.to}'`,
        { code: 'ALEMBIC_AUTOGENERATE_RENAME' },
      );
    }
    const key = tableKey(keys, pair.database.schema, pair.database.name);
    const forTable = result.get(key) ?? new Map<string, string>();
    const clash = [...forTable].find(([from, to]) => from === rename.from || to === rename.to);
    if (clash !== undefined && (clash[0] !== rename.from || clash[1] !== rename.to)) {
      throw new CommandError(
        `--rename ${qualified(rename.schema, rename.table)}.${rename.from}=${rename.to} conflicts with --rename ${qualified(
          rename.schema,
          rename.table,
        )}.${clash[0]}=${clash[1]}: a column can be renamed once, and to a name no other column takes`,
        { code: 'ALEMBIC_AUTOGENERATE_RENAME' },
      );
    }
    forTable.set(rename.from, rename.to);
    result.set(key, forTable);
  }
  return result;
}

/** Compares one table present on both sides. */
function compareExistingTable(
  pair: TablePair<ResolvedModelTable>,
  normalizer: SchemaNormalizer,
  context: CompareContext,
): {
  changes: ExistingTableChanges;
  candidates: RenameDirective[];
  followers: ReadonlyMap<Operation, readonly Operation[]>;
} {
  const { table: model, typeChecks } = pair.model;
  const database = pair.database;
  const renamedColumns =
    context.renamedColumns.get(tableKey(context, database.schema, database.name)) ?? new Map<string, string>();
  const databaseNames = new Set(database.columns.map((column) => column.name));
  const renamedTargets = new Set(renamedColumns.values());
  const kept = [...typeChecks].filter(
    ([columnName]) => databaseNames.has(columnName) || renamedTargets.has(columnName),
  );
  const modelView: TableModel = { ...model, constraints: [...model.constraints, ...kept.map(([, check]) => check)] };
  const normalizedModel = normalizeWithOrigins(normalizer, modelView, 'model');
  const normalizedDatabase = normalizeWithOrigins(normalizer, database, 'database');

  const columns = compareColumns(
    {
      model,
      normalizedModel: normalizedModel.normalized,
      database,
      normalizedDatabase: normalizedDatabase.normalized,
      renamedColumns,
    },
    context,
  );
  const target = { tableName: model.name, schema: model.schema };
  const objects = compareTableObjects(
    {
      modelTarget: target,
      databaseTarget: { tableName: database.name, schema: database.schema },
      modelObjects: normalizedModel.objects,
      databaseObjects: normalizedDatabase.objects,
      renamedColumns,
    },
    context,
  );

  const foreignKeyIndexes = context.capabilities.foreignKeysCreateIndex
    ? foreignKeyIndexChanges({
        model,
        database: normalizedDatabase,
        databaseTarget: { tableName: database.name, schema: database.schema },
        droppedForeignKeys: objects.droppedForeignKeys,
        createdForeignKeys: objects.createdForeignKeys,
      })
    : { droppedIndexes: [], downgradeFollowers: new Map<Operation, readonly Operation[]>() };

  const commentChanges: PlannedOperation[] = [];
  if (context.capabilities.supportsComments) {
    const modelComment = normalizedModel.normalized.comment;
    const databaseComment = normalizedDatabase.normalized.comment;
    if (modelComment !== databaseComment && model.comment !== undefined) {
      commentChanges.push(
        plannedOperation(
          createTableCommentOperation({ ...target, comment: model.comment, existingComment: database.comment ?? null }),
        ),
      );
    } else if (modelComment !== databaseComment && database.comment !== undefined) {
      commentChanges.push(
        plannedOperation(dropTableCommentOperation({ ...target, existingComment: database.comment })),
      );
    }
  }

  return {
    changes: {
      ...target,
      droppedForeignKeys: objects.droppedForeignKeys,
      droppedObjects: [...objects.droppedObjects, ...foreignKeyIndexes.droppedIndexes],
      addedColumns: columns.added,
      alteredColumns: columns.altered,
      createdObjects: objects.createdObjects,
      commentChanges,
      createdForeignKeys: objects.createdForeignKeys,
      droppedColumns: columns.dropped,
    },
    candidates: columns.renameCandidates,
    followers: foreignKeyIndexes.downgradeFollowers,
  };
}

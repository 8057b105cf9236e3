import { CommandError } from '../errors/command-error.js';
import type { TableModel } from '../schema/table.js';
import type { CompareContext } from './compare-context.js';
import { schemaKey, tableKey } from './compare-context.js';
import type { RenameDirective } from './migration-plan.js';
import { qualified } from './operation-data-loss.js';

/** A model table and the database table it is compared with. */
export interface TablePair<Model> {
  readonly model: Model;
  readonly database: TableModel;
}

/** How the tables of both sides line up. */
export interface TableMatching<Model> {
  /** Tables on both sides (a renamed table included, `renamedFrom` set). */
  readonly pairs: readonly (TablePair<Model> & { readonly renamedFrom?: string })[];
  readonly modelOnly: readonly Model[];
  readonly databaseOnly: readonly TableModel[];
  /** Each (dropped, added) pair of one schema that no directive settled. */
  readonly renameCandidates: readonly RenameDirective[];
}

/**
 * Lines up model tables with database tables by (schema, name), after applying the table
 * renames asked for (`--rename-table old=new`). Renames are never guessed: every dropped and
 * added table of one schema left over is a rename candidate.
 *
 * @throws CommandError (`ALEMBIC_AUTOGENERATE_RENAME`) when a rename does not name a dropped
 *   table and an added one.
 */
export function matchTables<Model>(
  models: readonly Model[],
  tableOf: (model: Model) => TableModel,
  databaseTables: readonly TableModel[],
  renames: readonly RenameDirective[],
  context: Pick<CompareContext, 'defaultSchemaName'>,
): TableMatching<Model> {
  const databaseByKey = new Map(databaseTables.map((table) => [tableKey(context, table.schema, table.name), table]));
  const modelKeys = new Set(models.map((model) => tableKey(context, tableOf(model).schema, tableOf(model).name)));
  const renamedDatabase = new Map<string, string>();
  for (const rename of renames.filter((candidate) => candidate.table === undefined)) {
    const fromKey = tableKey(context, rename.schema, rename.from);
    const toKey = tableKey(context, rename.schema, rename.to);
    const from = databaseByKey.get(fromKey);
    if (from === undefined || modelKeys.has(fromKey) || databaseByKey.has(toKey) || !modelKeys.has(toKey)) {
      throw new CommandError(
        `--rename-table ${qualified(rename.schema, rename.from)}=${rename.to}: the database has no table '${rename.from}' that the models drop while adding '${rename.to}'`,
        { code: 'ALEMBIC_AUTOGENERATE_RENAME' },
      );
    }
    renamedDatabase.set(toKey, fromKey);
  }

  const pairs: (TablePair<Model> & { renamedFrom?: string })[] = [];
  const modelOnly: Model[] = [];
  const matchedDatabase = new Set<string>();
  for (const model of models) {
    const table = tableOf(model);
    const key = tableKey(context, table.schema, table.name);
    const databaseKey = renamedDatabase.get(key) ?? key;
    const database = databaseByKey.get(databaseKey);
    if (database === undefined) {
      modelOnly.push(model);
      continue;
    }
    matchedDatabase.add(databaseKey);
    pairs.push(databaseKey === key ? { model, database } : { model, database, renamedFrom: database.name });
  }
  const databaseOnly = databaseTables.filter(
    (table) => !matchedDatabase.has(tableKey(context, table.schema, table.name)),
  );

  const renameCandidates: RenameDirective[] = [];
  for (const model of modelOnly) {
    const table = tableOf(model);
    for (const dropped of databaseOnly) {
      if (schemaKey(context, dropped.schema) !== schemaKey(context, table.schema)) continue;
      renameCandidates.push({
        ...(table.schema === undefined ? {} : { schema: table.schema }),
        from: dropped.name,
        to: table.name,
      });
    }
  }
  return { pairs, modelOnly, databaseOnly, renameCandidates };
}

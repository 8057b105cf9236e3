import { addColumnOperation } from '../operations/add-column-operation.js';
import type { AlterColumnOperation } from '../operations/alter-column-operation.js';
import { alterColumnOperation } from '../operations/alter-column-operation.js';
import { dropColumnOperation } from '../operations/drop-column-operation.js';
import { isAutoincrementColumn } from '../schema/autoincrement-column.js';
import type { ColumnModel, IdentityOptions, ServerDefault } from '../schema/column.js';
import type { MigrationContext } from '../runtime/migration-context.js';
import { isSqlExpression } from '../schema/sql-expression.js';
import type { TableModel } from '../schema/table.js';
import { columnTypesDiffer, typesCompatible } from './column-type-comparison.js';
import type { CompareContext } from './compare-context.js';
import { includeObject } from './compare-context.js';
import type { PlannedOperation, RenameDirective } from './migration-plan.js';
import { plannedOperation, qualified } from './operation-data-loss.js';
import { structurallyEqual } from './structural-equality.js';

/** One table on both sides, for column comparison. */
export interface ColumnComparisonInput {
  /** The resolved model table (what operations carry) and its normalized form. */
  readonly model: TableModel;
  readonly normalizedModel: TableModel;
  /** The reflected table and its normalized form. */
  readonly database: TableModel;
  readonly normalizedDatabase: TableModel;
  /** Column renames asked for on this table: database name -> model name. */
  readonly renamedColumns: ReadonlyMap<string, string>;
}

/** What {@link compareColumns} found. */
export interface ColumnComparison {
  readonly added: PlannedOperation[];
  readonly altered: PlannedOperation[];
  readonly dropped: PlannedOperation[];
  /** Names of the columns added (their type CHECKs come with `addColumn`). */
  readonly addedNames: ReadonlySet<string>;
  readonly renameCandidates: RenameDirective[];
}

/**
 * Compares the columns of one table: added (model order), dropped (database order), and one
 * `alterColumn` per column that changes, renamed ones included. Operations use the model's
 * table name (they run after table renames).
 */
export function compareColumns(input: ColumnComparisonInput, context: CompareContext): ColumnComparison {
  const { model, database } = input;
  const tableName = model.name;
  const schema = model.schema;
  const normalizedModel = byName(input.normalizedModel.columns);
  const normalizedDatabase = byName(input.normalizedDatabase.columns);
  const databaseColumns = byName(database.columns);
  const renamedTo = new Map([...input.renamedColumns].map(([from, to]) => [to, from]));

  const added: PlannedOperation[] = [];
  const altered: PlannedOperation[] = [];
  const dropped: PlannedOperation[] = [];
  const addedNames = new Set<string>();
  const addedColumns: ColumnModel[] = [];

  for (const modelColumn of model.columns) {
    const databaseName = renamedTo.get(modelColumn.name) ?? modelColumn.name;
    const databaseColumn = databaseColumns.get(databaseName);
    if (databaseColumn === undefined || (databaseName === modelColumn.name && input.renamedColumns.has(databaseName))) {
      if (!includeObject(context, modelColumn, modelColumn.name, 'column', false, undefined)) continue;
      addedNames.add(modelColumn.name);
      addedColumns.push(modelColumn);
      continue;
    }
    if (!includeObject(context, modelColumn, modelColumn.name, 'column', false, databaseColumn)) continue;
    const alteration = alterationOf({
      tableName,
      schema,
      modelTable: model,
      databaseTable: database,
      modelColumn,
      databaseColumn,
      normalizedModelColumn: normalizedModel.get(modelColumn.name) as ColumnModel,
      normalizedDatabaseColumn: normalizedDatabase.get(databaseName) as ColumnModel,
      context,
    });
    if (alteration !== undefined) {
      altered.push(plannedOperation(alteration));
    }
  }

  const modelNames = new Set(model.columns.map((column) => column.name));
  const droppedColumns = database.columns.filter(
    (column) =>
      !input.renamedColumns.has(column.name) &&
      !modelNames.has(column.name) &&
      includeObject(context, column, column.name, 'column', true, undefined),
  );

  const renameCandidates: RenameDirective[] = [];
  for (const column of addedColumns) {
    const comments: string[] = [];
    for (const droppedColumn of droppedColumns) {
      const from = normalizedDatabase.get(droppedColumn.name) as ColumnModel;
      const to = normalizedModel.get(column.name) as ColumnModel;
      if (!typesCompatible(from.type, to.type)) continue;
      renameCandidates.push({
        table: tableName,
        ...(schema === undefined ? {} : { schema }),
        from: droppedColumn.name,
        to: column.name,
      });
      comments.push(
        `Is this a rename of ${droppedColumn.name}? Run with --rename ${qualified(schema, tableName)}.${droppedColumn.name}=${column.name} to write a rename instead.`,
      );
    }
    added.push(plannedOperation(addColumnOperation({ tableName, schema, column }), comments));
  }
  for (const column of droppedColumns) {
    dropped.push(
      plannedOperation(dropColumnOperation({ tableName, schema, columnName: column.name, existingColumn: column })),
    );
  }
  return { added, altered, dropped, addedNames, renameCandidates };
}

function byName(columns: readonly ColumnModel[]): Map<string, ColumnModel> {
  const result = new Map<string, ColumnModel>();
  for (const column of columns) result.set(column.name, column);
  return result;
}

interface AlterationInput {
  readonly tableName: string;
  readonly schema: string | undefined;
  readonly modelTable: TableModel;
  readonly databaseTable: TableModel;
  readonly modelColumn: ColumnModel;
  readonly databaseColumn: ColumnModel;
  readonly normalizedModelColumn: ColumnModel;
  readonly normalizedDatabaseColumn: ColumnModel;
  readonly context: CompareContext;
}

/**
 * The `alterColumn` that makes the database column match the model column, or undefined.
 * Every changed aspect carries its `existing*` value; `existingType` and `existingNullable` are
 * always given, and the existing default, comment, identity and autoincrement whenever the
 * column has them (MySQL's `MODIFY` restates the whole column).
 */
function alterationOf(input: AlterationInput): AlterColumnOperation | undefined {
  const {
    modelColumn,
    databaseColumn,
    normalizedModelColumn: model,
    normalizedDatabaseColumn: database,
    context,
  } = input;
  const { capabilities } = context;
  const changes: { -readonly [Key in keyof AlterColumnOperation]?: AlterColumnOperation[Key] } = {};

  const identityColumn = model.identity !== undefined || database.identity !== undefined;
  if (!identityColumn && model.nullable !== database.nullable) {
    changes.nullable = modelColumn.nullable;
  }

  if (typesDiffer(input)) {
    changes.type = modelColumn.type;
  }

  const autoincrement =
    isAutoincrementColumn(input.modelTable, modelColumn) ||
    isAutoincrementColumn(input.databaseTable, databaseColumn) ||
    identityColumn;
  if (!autoincrement && serverDefaultsDiffer(input)) {
    changes.serverDefault = modelColumn.serverDefault ?? null;
  }

  if (capabilities.supportsComments && (model.comment ?? undefined) !== (database.comment ?? undefined)) {
    changes.comment = modelColumn.comment ?? null;
  }

  if (capabilities.supportsIdentityColumns && !structurallyEqual(model.identity, database.identity)) {
    changes.identity = modelColumn.identity ?? null;
  }

  const renamed = modelColumn.name !== databaseColumn.name;
  if (Object.keys(changes).length === 0 && !renamed) {
    return undefined;
  }
  const changesDefault = 'serverDefault' in changes;
  const changesComment = 'comment' in changes;
  const changesIdentity = 'identity' in changes;
  let existingIdentity = databaseColumn.identity;
  if (changes.identity !== undefined && changes.identity !== null && existingIdentity !== undefined) {
    [changes.identity, existingIdentity] = explicitIdentities(changes.identity, existingIdentity);
  }
  return alterColumnOperation({
    tableName: input.tableName,
    schema: input.schema,
    columnName: databaseColumn.name,
    ...changes,
    ...(renamed ? { newColumnName: modelColumn.name } : {}),
    existingType: databaseColumn.type,
    existingNullable: databaseColumn.nullable,
    ...(databaseColumn.serverDefault !== undefined || changesDefault
      ? { existingServerDefault: databaseColumn.serverDefault ?? null }
      : {}),
    ...(databaseColumn.comment !== undefined || changesComment
      ? { existingComment: databaseColumn.comment ?? null }
      : {}),
    ...(existingIdentity !== undefined || changesIdentity ? { existingIdentity: existingIdentity ?? null } : {}),
    ...(databaseColumn.autoincrement === true ? { existingAutoincrement: true } : {}),
  });
}

/** The SQL standard's START WITH and INCREMENT BY of an identity (PostgreSQL's and SQL Server's). */
const IDENTITY_OPTION_DEFAULT = 1;

/**
 * Two identities with every option either one sets written out on both, an unset one as its
 * default (1): `alterColumn` leaves an option it is not given as it is, so changing an increment
 * of 5 back to the default must say `increment: 1`, in the upgrade and in its reverse.
 */
function explicitIdentities(next: IdentityOptions, existing: IdentityOptions): [IdentityOptions, IdentityOptions] {
  const filled = (own: IdentityOptions, other: IdentityOptions): IdentityOptions => ({
    ...own,
    ...(own.start === undefined && other.start !== undefined ? { start: IDENTITY_OPTION_DEFAULT } : {}),
    ...(own.increment === undefined && other.increment !== undefined ? { increment: IDENTITY_OPTION_DEFAULT } : {}),
  });
  return [filled(next, existing), filled(existing, next)];
}

function typesDiffer(input: AlterationInput): boolean {
  const { databaseColumn, modelColumn, context } = input;
  return askedOrCompared(
    context.options.compareType,
    (hook) =>
      hook(
        context.migrationContext as MigrationContext,
        databaseColumn,
        modelColumn,
        databaseColumn.type,
        modelColumn.type,
      ),
    () => columnTypesDiffer(input.normalizedModelColumn.type, input.normalizedDatabaseColumn.type),
  );
}

function serverDefaultsDiffer(input: AlterationInput): boolean {
  const { databaseColumn, modelColumn, context } = input;
  const modelDefault = modelColumn.serverDefault;
  return askedOrCompared(
    context.options.compareServerDefault,
    (hook) =>
      hook(
        context.migrationContext as MigrationContext,
        databaseColumn,
        modelColumn,
        databaseColumn.serverDefault,
        modelDefault,
        defaultText(modelDefault),
      ),
    () =>
      defaultText(input.normalizedModelColumn.serverDefault) !==
      defaultText(input.normalizedDatabaseColumn.serverDefault),
  );
}

/**
 * Whether two columns differ in one aspect, by the user's setting for it: `false` says they never
 * do, a callable's `true`/`false` decides, and anything else (unset, `true`, a callable's
 * `undefined`) leaves it to `compare`.
 */
function askedOrCompared<Hook extends (...args: never[]) => boolean | undefined>(
  setting: boolean | Hook | undefined,
  ask: (hook: Hook) => boolean | undefined,
  compare: () => boolean,
): boolean {
  if (setting === false) return false;
  if (typeof setting === 'function') {
    const verdict = ask(setting);
    if (typeof verdict === 'boolean') return verdict;
  }
  return compare();
}

/** A server default as SQL text: a value as its quoted literal, an expression as written. */
function defaultText(value: ServerDefault | undefined): string | undefined {
  if (value === undefined) return undefined;
  return isSqlExpression(value) ? value.text : `'${value.replaceAll("'", "''")}'`;
}

import { operationOfConstraint } from '../operations/constraint-operations.js';
import { createIndexOperation } from '../operations/create-index-operation.js';
import { dropConstraintOperation } from '../operations/drop-constraint-operation.js';
import { dropIndexOperation } from '../operations/drop-index-operation.js';
import type { Operation } from '../operations/operation.js';
import type { ForeignKeyConstraintModel } from '../schema/constraints.js';
import { constraintNameText } from '../schema/converted-name.js';
import type { IndexElement, IndexModel } from '../schema/index-model.js';
import type { AutogenerateObjectType } from './autogenerate-options.js';
import type { CompareContext } from './compare-context.js';
import { includeObject, schemaKey, tableKey } from './compare-context.js';
import type { PlannedOperation } from './migration-plan.js';
import type { NormalizedObject, TableObjectModel } from './normalize-with-origins.js';
import { plannedOperation } from './operation-data-loss.js';
import { stableText, structurallyEqual } from './structural-equality.js';

/** One table's constraints and indexes on both sides. */
export interface TableObjectsInput {
  /** Where new objects go: the model's table name and schema. */
  readonly modelTarget: { readonly tableName: string; readonly schema?: string | undefined };
  /** Where old objects are dropped: the database's table name and schema (before any rename). */
  readonly databaseTarget: { readonly tableName: string; readonly schema?: string | undefined };
  readonly modelObjects: readonly NormalizedObject[];
  readonly databaseObjects: readonly NormalizedObject[];
  /** Column renames on this table: database name -> model name. */
  readonly renamedColumns: ReadonlyMap<string, string>;
}

/** What {@link compareTableObjects} found, by the step of the plan it belongs to. */
export interface TableObjectChanges {
  readonly droppedForeignKeys: PlannedOperation[];
  readonly droppedObjects: PlannedOperation[];
  readonly createdObjects: PlannedOperation[];
  readonly createdForeignKeys: PlannedOperation[];
}

/**
 * Compares the indexes and unique, foreign key and check constraints of one table, on their
 * normalized forms:
 * - indexes by name (an unnamed one by its columns); a changed index is dropped and recreated;
 * - unique constraints by name when both are named, else by their columns;
 * - foreign keys by signature (columns, referred schema, table and columns, actions with
 *   `NO ACTION` as unset, deferrability), never by name; a changed one is dropped and created;
 * - check constraints by name only; unnamed ones are ignored on both sides.
 * Operations are built from the original objects (their real names, their real kinds).
 */
export function compareTableObjects(input: TableObjectsInput, context: CompareContext): TableObjectChanges {
  const changes: TableObjectChanges = {
    droppedForeignKeys: [],
    droppedObjects: [],
    createdObjects: [],
    createdForeignKeys: [],
  };
  const ofKind = (objects: readonly NormalizedObject[], kind: TableObjectModel['kind']): NormalizedObject[] =>
    objects.filter((object) => object.normalized.kind === kind);
  const renameColumn = (name: string): string => input.renamedColumns.get(name) ?? name;

  const create = (object: NormalizedObject): void => {
    const operation = creationOf(object.original, input.modelTarget);
    (object.original.kind === 'foreignKeyConstraint' ? changes.createdForeignKeys : changes.createdObjects).push(
      plannedOperation(operation),
    );
  };
  const drop = (object: NormalizedObject): void => {
    const operation = dropOf(object.original, input.databaseTarget);
    (object.original.kind === 'foreignKeyConstraint' ? changes.droppedForeignKeys : changes.droppedObjects).push(
      plannedOperation(operation),
    );
  };
  const settle = (pairs: Matching, differ: (model: NormalizedObject, database: NormalizedObject) => boolean): void => {
    for (const [model, database] of pairs.matched) {
      if (!included(context, model, false, database.original)) continue;
      if (differ(model, database)) {
        drop(database);
        create(model);
      }
    }
    for (const database of pairs.databaseOnly) {
      if (included(context, database, true, undefined)) drop(database);
    }
    for (const model of pairs.modelOnly) {
      if (included(context, model, false, undefined)) create(model);
    }
  };

  /** Objects of one kind matched by name and/or signature; a pair whose signatures differ, or `optionsDiffer`, changed. */
  const settleKind = (
    kind: TableObjectModel['kind'],
    byName: 'when-named' | 'never',
    signature: (object: NormalizedObject, side: 'model' | 'database') => string,
    optionsDiffer: ((model: NormalizedObject, database: NormalizedObject) => boolean) | undefined,
  ): void =>
    settle(
      match(ofKind(input.modelObjects, kind), ofKind(input.databaseObjects, kind), { byName, signature }),
      optionsDiffer === undefined
        ? () => false
        : (model, database) =>
            signature(model, 'model') !== signature(database, 'database') || optionsDiffer(model, database),
    );

  settleKind(
    'index',
    'when-named',
    (object, side) => {
      const index = object.normalized as IndexModel;
      return stableText({
        unique: index.unique,
        columns: index.columns.map((element) => elementText(element, side === 'database' ? renameColumn : identity)),
        where: index.where,
      });
    },
    (model, database) => {
      const own = (model.normalized as IndexModel).dialectOptions?.[context.dialectName];
      return (
        own !== undefined &&
        !structurallyEqual(own, (database.normalized as IndexModel).dialectOptions?.[context.dialectName])
      );
    },
  );

  type UniqueModel = Extract<TableObjectModel, { kind: 'uniqueConstraint' }>;
  settleKind(
    'uniqueConstraint',
    'when-named',
    (object, side) =>
      stableText((object.normalized as UniqueModel).columns.map(side === 'database' ? renameColumn : identity)),
    (model, database) => {
      const left = model.normalized as UniqueModel;
      const right = database.normalized as UniqueModel;
      return (
        (left.deferrable !== undefined && Boolean(left.deferrable) !== Boolean(right.deferrable)) ||
        (left.initially !== undefined && initially(left.initially) !== initially(right.initially))
      );
    },
  );

  // Matched by signature alone: a matched pair is the same foreign key.
  settleKind(
    'foreignKeyConstraint',
    'never',
    (object, side) => signatureOfForeignKey(object.normalized as ForeignKeyConstraintModel, side, input, context),
    undefined,
  );

  const named = (objects: readonly NormalizedObject[]): NormalizedObject[] =>
    ofKind(objects, 'checkConstraint').filter((object) => object.normalized.name !== undefined);
  settle(
    match(named(input.modelObjects), named(input.databaseObjects), { byName: 'only', signature: () => '' }),
    () => false,
  );
  return changes;
}

interface Matching {
  readonly matched: [NormalizedObject, NormalizedObject][];
  readonly modelOnly: NormalizedObject[];
  readonly databaseOnly: NormalizedObject[];
}

/**
 * Pairs model objects with database objects: first by name (when both are named), then, unless
 * `byName` is `'only'`, the rest by signature (`'never'`: by signature alone).
 */
function match(
  modelObjects: readonly NormalizedObject[],
  databaseObjects: readonly NormalizedObject[],
  rule: {
    readonly byName: 'when-named' | 'only' | 'never';
    readonly signature: (object: NormalizedObject, side: 'model' | 'database') => string;
  },
): Matching {
  const matched: [NormalizedObject, NormalizedObject][] = [];
  const modelLeft = [...modelObjects];
  const databaseLeft = [...databaseObjects];
  if (rule.byName !== 'never') {
    for (const model of [...modelLeft]) {
      const name = nameOf(model.normalized);
      if (name === undefined) continue;
      const position = databaseLeft.findIndex((database) => nameOf(database.normalized) === name);
      if (position < 0) continue;
      matched.push([model, databaseLeft[position] as NormalizedObject]);
      databaseLeft.splice(position, 1);
      modelLeft.splice(modelLeft.indexOf(model), 1);
    }
  }
  if (rule.byName !== 'only') {
    for (const model of [...modelLeft]) {
      const signature = rule.signature(model, 'model');
      const modelName = nameOf(model.normalized);
      const position = databaseLeft.findIndex(
        (database) =>
          (rule.byName === 'never' || modelName === undefined || nameOf(database.normalized) === undefined) &&
          rule.signature(database, 'database') === signature,
      );
      if (position < 0) continue;
      matched.push([model, databaseLeft[position] as NormalizedObject]);
      databaseLeft.splice(position, 1);
      modelLeft.splice(modelLeft.indexOf(model), 1);
    }
  }
  return { matched, modelOnly: modelLeft, databaseOnly: databaseLeft };
}

function nameOf(object: TableObjectModel): string | undefined {
  return object.name === undefined ? undefined : constraintNameText(object.name);
}

function identity(name: string): string {
  return name;
}

function elementText(element: IndexElement, rename: (name: string) => string): string {
  return typeof element === 'string' ? `column:${rename(element)}` : `expression:${element.text}`;
}

function initially(value: string | undefined): string | undefined {
  const upper = value?.trim().toUpperCase();
  return upper === undefined || upper === 'IMMEDIATE' ? undefined : upper;
}

function action(value: string | undefined): string | undefined {
  const upper = value?.trim().toUpperCase().replace(/\s+/g, ' ');
  return upper === undefined || upper === 'NO ACTION' ? undefined : upper;
}

/**
 * A foreign key's signature. On the database side, local columns follow this table's column
 * renames, and the referred table and columns follow the renames of the table they point at.
 */
function signatureOfForeignKey(
  foreignKey: ForeignKeyConstraintModel,
  side: 'model' | 'database',
  input: TableObjectsInput,
  context: CompareContext,
): string {
  let columns = foreignKey.columns;
  let referredTable = foreignKey.referredTable;
  let referredColumns = foreignKey.referredColumns;
  if (side === 'database') {
    columns = columns.map((name) => input.renamedColumns.get(name) ?? name);
    const referredKey = tableKey(context, foreignKey.referredSchema, foreignKey.referredTable);
    const referredRenames = context.renamedColumns.get(referredKey);
    if (referredRenames !== undefined) {
      referredColumns = referredColumns.map((name) => referredRenames.get(name) ?? name);
    }
    referredTable = context.renamedTables.get(referredKey) ?? referredTable;
  }
  return stableText([
    columns,
    schemaKey(context, foreignKey.referredSchema),
    referredTable,
    referredColumns,
    action(foreignKey.onDelete),
    action(foreignKey.onUpdate),
    foreignKey.deferrable === true ? true : undefined,
    initially(foreignKey.initially),
  ]);
}

const OBJECT_TYPE: Readonly<Record<TableObjectModel['kind'], AutogenerateObjectType>> = {
  index: 'index',
  uniqueConstraint: 'unique_constraint',
  foreignKeyConstraint: 'foreign_key_constraint',
  checkConstraint: 'check_constraint',
};

function included(context: CompareContext, object: NormalizedObject, reflected: boolean, compareTo: unknown): boolean {
  return includeObject(
    context,
    object.original,
    nameOf(object.original),
    OBJECT_TYPE[object.original.kind],
    reflected,
    compareTo,
  );
}

/** The operation that creates `object` on `target`. */
function creationOf(object: TableObjectModel, target: TableObjectsInput['modelTarget']): Operation {
  if (object.kind === 'index') {
    return createIndexOperation({
      ...target,
      indexName: object.name,
      columns: object.columns,
      unique: object.unique,
      where: object.where,
      dialectOptions: object.dialectOptions,
    });
  }
  return operationOfConstraint(target, object);
}

/** The operation that drops `object` from `target`, carrying it for the downgrade. */
function dropOf(object: TableObjectModel, target: TableObjectsInput['databaseTarget']): Operation {
  if (object.kind === 'index') {
    return dropIndexOperation({ ...target, indexName: object.name, existingIndex: object });
  }
  return dropConstraintOperation({ ...target, constraintName: object.name, existingConstraint: object });
}

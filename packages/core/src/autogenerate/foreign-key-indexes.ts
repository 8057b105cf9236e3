import { dropIndexOperation } from '../operations/drop-index-operation.js';
import type { Operation } from '../operations/operation.js';
import type { ForeignKeyConstraintModel } from '../schema/constraints.js';
import type { ConstraintName } from '../schema/converted-name.js';
import { constraintNameText } from '../schema/converted-name.js';
import type { IndexModel } from '../schema/index-model.js';
import type { TableModel } from '../schema/table.js';
import type { PlannedOperation } from './migration-plan.js';
import type { NormalizedTable } from './normalize-with-origins.js';
import { plannedOperation } from './operation-data-loss.js';

/**
 * On a dialect whose foreign keys create indexes (`foreignKeysCreateIndex`: MySQL, MariaDB),
 * what compare adds around one existing table's foreign key changes.
 */
export interface ForeignKeyIndexChanges {
  /**
   * `dropIndex` of the index behind each dropped foreign key, when no foreign key of the model
   * needs it and the model declares no index of that name: MySQL keeps it after the key goes.
   * Each carries the index, so the downgrade recreates it (before the key, which reuses it).
   */
  readonly droppedIndexes: readonly PlannedOperation[];
  /**
   * For each added named foreign key that no index will lead with: the `dropIndex` that the
   * downgrade runs after dropping the key, for the index MySQL creates under the key's name.
   */
  readonly downgradeFollowers: ReadonlyMap<Operation, readonly Operation[]>;
}

/** What {@link foreignKeyIndexChanges} looks at. */
export interface ForeignKeyIndexInput {
  /** The model table (resolved: every index and constraint explicit), as the upgrade leaves it. */
  readonly model: TableModel;
  /** The reflected table through the normalizer, with the originals of what it kept. */
  readonly database: NormalizedTable;
  /** Where the database's objects are dropped (the table's name before any rename). */
  readonly databaseTarget: { readonly tableName: string; readonly schema?: string | undefined };
  /** The table's foreign key drops and creations compare planned. */
  readonly droppedForeignKeys: readonly PlannedOperation[];
  readonly createdForeignKeys: readonly PlannedOperation[];
}

/**
 * The index changes that go with foreign key changes on a dialect whose foreign keys create
 * indexes (see {@link ForeignKeyIndexChanges}). The index behind a reflected foreign key is one
 * the normalizer removed from the database side (MySQL's normalizer leaves those indexes out),
 * on exactly the key's columns, preferably named after it.
 *
 * ```ts
 * const { droppedIndexes, downgradeFollowers } = foreignKeyIndexChanges({ model, database, databaseTarget, droppedForeignKeys, createdForeignKeys });
 * ```
 */
export function foreignKeyIndexChanges(input: ForeignKeyIndexInput): ForeignKeyIndexChanges {
  const { model, database } = input;
  const kept = new Set(database.objects.map((object) => object.original));
  const hidden = database.original.indexes.filter(
    (index) => !kept.has(index) && !index.unique && columnsOnly(index) !== undefined,
  );
  const modelForeignKeys = model.constraints.filter(
    (constraint): constraint is ForeignKeyConstraintModel => constraint.kind === 'foreignKeyConstraint',
  );
  const modelIndexNames = new Set(
    model.indexes.flatMap((index) => (index.name === undefined ? [] : [constraintNameText(index.name)])),
  );

  const dropped = new Set<IndexModel>();
  const droppedIndexes: PlannedOperation[] = [];
  for (const { operation } of input.droppedForeignKeys) {
    if (operation.kind !== 'dropConstraint' || operation.existingConstraint?.kind !== 'foreignKeyConstraint') continue;
    const foreignKey = operation.existingConstraint;
    const candidates = hidden.filter(
      (index) => !dropped.has(index) && sameNames(columnsOnly(index) ?? [], foreignKey.columns),
    );
    const backing = candidates.find((index) => sameName(index.name, foreignKey.name)) ?? candidates[0];
    if (backing === undefined) continue;
    if (modelForeignKeys.some((other) => sameNames(other.columns, foreignKey.columns))) continue;
    if (backing.name !== undefined && modelIndexNames.has(constraintNameText(backing.name))) continue;
    dropped.add(backing);
    droppedIndexes.push(
      plannedOperation(
        dropIndexOperation({
          indexName: backing.name,
          tableName: input.databaseTarget.tableName,
          schema: input.databaseTarget.schema,
          existingIndex: backing,
        }),
      ),
    );
  }

  const leadingLists: (readonly string[])[] = [
    ...(model.primaryKey === undefined ? [] : [model.primaryKey.columns]),
    ...model.constraints.flatMap((constraint) => (constraint.kind === 'uniqueConstraint' ? [constraint.columns] : [])),
    ...model.indexes.flatMap((index) => (index.where === undefined ? [indexLeadingNames(index)] : [])),
    ...hidden.filter((index) => !dropped.has(index)).map((index) => columnsOnly(index) ?? []),
  ];
  const downgradeFollowers = new Map<Operation, readonly Operation[]>();
  for (const { operation } of input.createdForeignKeys) {
    if (operation.kind !== 'createForeignKey' || operation.constraintName === undefined) continue;
    const columns = operation.localColumns;
    if (leadingLists.some((list) => leadsWith(list, columns))) continue;
    const index: IndexModel = { kind: 'index', name: operation.constraintName, columns, unique: false };
    downgradeFollowers.set(operation, [
      dropIndexOperation({
        indexName: operation.constraintName,
        tableName: operation.sourceTable,
        schema: operation.sourceSchema,
        existingIndex: index,
      }),
    ]);
  }
  return { droppedIndexes, downgradeFollowers };
}

/** The index's columns when it has no expressions, else undefined. */
function columnsOnly(index: IndexModel): readonly string[] | undefined {
  return index.columns.every((element) => typeof element === 'string')
    ? (index.columns as readonly string[])
    : undefined;
}

/** The plain columns the index starts with, up to its first expression. */
function indexLeadingNames(index: IndexModel): readonly string[] {
  const position = index.columns.findIndex((element) => typeof element !== 'string');
  return (position < 0 ? index.columns : index.columns.slice(0, position)) as readonly string[];
}

function leadsWith(list: readonly string[], columns: readonly string[]): boolean {
  return (
    columns.length <= list.length &&
    columns.every((name, position) => list[position]?.toLowerCase() === name.toLowerCase())
  );
}

function sameNames(left: readonly string[], right: readonly string[]): boolean {
  return left.length === right.length && leadsWith(left, right);
}

function sameName(left: ConstraintName | undefined, right: ConstraintName | undefined): boolean {
  return left !== undefined && right !== undefined && constraintNameText(left) === constraintNameText(right);
}

import { operationOfConstraint } from '../operations/constraint-operations.js';
import { createTableOperation } from '../operations/create-table-operation.js';
import { dropConstraintOperation } from '../operations/drop-constraint-operation.js';
import { dropTableOperation } from '../operations/drop-table-operation.js';
import type { ForeignKeyConstraintModel } from '../schema/constraints.js';
import type { TableModel } from '../schema/table.js';
import type { TableObjectChanges } from './compare-table-objects.js';
import type { PlannedOperation } from './migration-plan.js';
import { plannedOperation } from './operation-data-loss.js';

/**
 * The changes to one table that exists on both sides, by kind; {@link orderOperations} places them.
 * Foreign keys that change or go away are dropped first of all; indexes, unique and check
 * constraints that change or go away are `droppedObjects`, new ones `createdObjects`.
 */
export interface ExistingTableChanges extends Readonly<TableObjectChanges> {
  /** The table's name and schema in the model (after a rename). */
  readonly tableName: string;
  readonly schema?: string | undefined;
  readonly addedColumns: readonly PlannedOperation[];
  readonly alteredColumns: readonly PlannedOperation[];
  /** Table comment changes. */
  readonly commentChanges: readonly PlannedOperation[];
  readonly droppedColumns: readonly PlannedOperation[];
}

/** A table to create: the resolved model table, and the comments its `createTable` carries. */
export interface CreatedTable {
  readonly table: TableModel;
  readonly comments?: readonly string[];
}

/** Everything compare found, grouped; {@link orderOperations} turns it into one list. */
export interface PlanParts {
  readonly renamedTables: readonly PlannedOperation[];
  readonly createdTables: readonly CreatedTable[];
  readonly changedTables: readonly ExistingTableChanges[];
  /** Tables to drop, as reflected. */
  readonly droppedTables: readonly TableModel[];
  /**
   * The dialect can add and drop foreign keys with ALTER (not SQLite): cyclic foreign keys of new
   * tables are then added after the tables, and those of dropped tables dropped before them.
   * Without it, every foreign key stays in its table.
   */
  readonly alterForeignKeys: boolean;
}

/**
 * Puts compare's findings in one dependency-safe order (the downgrade is this list reversed):
 *
 * 1. foreign keys that change or go away (so those pointing at dropped tables or columns go
 *    first), then foreign keys of dropped tables that form a cycle or point at a column (or
 *    unique constraint) of a kept table that goes away;
 * 2. indexes, unique and check constraints that change or go away;
 * 3. table renames;
 * 4. per existing table, by (schema, name): added columns, altered columns, new indexes, unique
 *    and check constraints, comment changes (before new tables, whose foreign keys may point at
 *    what is added here);
 * 5. new tables in foreign-key order: a named foreign key between tables of one cycle, or one
 *    pointing at a table created later, is left out of `createTable` and added in step 6 (an
 *    unnamed foreign key of a cycle stays in its `createTable` unless unnamed ones alone form
 *    the cycle: a separate `createForeignKey` without a name could not be reversed);
 * 6. new foreign keys (those held back in step 4, then those of existing tables);
 * 7. dropped columns;
 * 8. dropped tables, each table before the tables it refers to, each carrying the reflected
 *    table (without the foreign keys dropped in step 1) so that the downgrade recreates it.
 *
 * ```ts
 * const upgrade = orderOperations({ renamedTables, createdTables, changedTables, droppedTables, alterForeignKeys: true });
 * ```
 */
export function orderOperations(parts: PlanParts): PlannedOperation[] {
  const changed = [...parts.changedTables].sort((left, right) => compareTables(left, right));
  const created = orderTablesForCreation(parts.createdTables, parts.alterForeignKeys);
  const dropped = orderTablesForDrop(parts.droppedTables, parts.alterForeignKeys, pointsAtDroppedColumn(changed));
  return [
    ...changed.flatMap((changes) => changes.droppedForeignKeys),
    ...dropped.brokenForeignKeys,
    ...changed.flatMap((changes) => changes.droppedObjects),
    ...parts.renamedTables,
    // Existing tables change before new tables are created: a new table's foreign key may point
    // at a column (or unique constraint) added here.
    ...changed.flatMap((changes) => [
      ...changes.addedColumns,
      ...changes.alteredColumns,
      ...changes.createdObjects,
      ...changes.commentChanges,
    ]),
    ...created.createTables,
    ...created.deferredForeignKeys,
    ...changed.flatMap((changes) => changes.createdForeignKeys),
    ...changed.flatMap((changes) => changes.droppedColumns),
    ...dropped.dropTables,
  ];
}

function compareTables(
  left: { readonly schema?: string | undefined; readonly tableName: string },
  right: { readonly schema?: string | undefined; readonly tableName: string },
): number {
  return compareText(left.schema ?? '', right.schema ?? '') || compareText(left.tableName, right.tableName);
}

function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

function keyOf(schema: string | undefined, tableName: string): string {
  return `${schema ?? ''}\u0000${tableName}`;
}

/** The tables of `tables` each foreign key of `table` points at (itself excluded). */
interface TableNode {
  readonly key: string;
  readonly table: TableModel;
  /** Foreign keys to other tables of the set, with the key of the table they point at. */
  readonly references: readonly { readonly foreignKey: ForeignKeyConstraintModel; readonly target: string }[];
}

function graphOf(tables: readonly TableModel[]): TableNode[] {
  const sorted = [...tables].sort((left, right) =>
    compareTables({ schema: left.schema, tableName: left.name }, { schema: right.schema, tableName: right.name }),
  );
  const keys = new Set(sorted.map((table) => keyOf(table.schema, table.name)));
  return sorted.map((table) => {
    const key = keyOf(table.schema, table.name);
    const references = table.constraints.flatMap((constraint) => {
      if (constraint.kind !== 'foreignKeyConstraint') return [];
      const candidates = [keyOf(constraint.referredSchema, constraint.referredTable)];
      if (constraint.referredSchema === undefined && table.schema !== undefined) {
        candidates.push(keyOf(table.schema, constraint.referredTable));
      }
      const target = candidates.find((candidate) => keys.has(candidate));
      return target === undefined || target === key ? [] : [{ foreignKey: constraint, target }];
    });
    return { key, table, references };
  });
}

/**
 * The strongly connected components of the foreign-key graph (Tarjan), as a map from table key
 * to component number; tables in one component of two or more refer to each other in a cycle.
 */
function componentsOf(nodes: readonly TableNode[]): { component: Map<string, number>; size: Map<number, number> } {
  const byKey = new Map(nodes.map((node) => [node.key, node]));
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const component = new Map<string, number>();
  const size = new Map<number, number>();
  let counter = 0;
  let components = 0;
  const visit = (key: string): void => {
    index.set(key, counter);
    lowLink.set(key, counter);
    counter += 1;
    stack.push(key);
    onStack.add(key);
    for (const { target } of byKey.get(key)?.references ?? []) {
      if (!index.has(target)) {
        visit(target);
        lowLink.set(key, Math.min(lowLink.get(key) as number, lowLink.get(target) as number));
      } else if (onStack.has(target)) {
        lowLink.set(key, Math.min(lowLink.get(key) as number, index.get(target) as number));
      }
    }
    if (lowLink.get(key) === index.get(key)) {
      let member: string | undefined;
      let count = 0;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.set(member, components);
        count += 1;
      } while (member !== key);
      size.set(components, count);
      components += 1;
    }
  };
  for (const node of nodes) {
    if (!index.has(node.key)) visit(node.key);
  }
  return { component, size };
}

/**
 * The nodes in dependency order (a table after the tables it refers to through `kept` edges),
 * ties broken by (schema, name); when only cycles remain, the first remaining table goes next.
 */
function dependencyOrder(
  nodes: readonly TableNode[],
  kept: (node: TableNode, reference: TableNode['references'][number]) => boolean,
): TableNode[] {
  const placed = new Set<string>();
  const remaining = [...nodes];
  const order: TableNode[] = [];
  while (remaining.length > 0) {
    let position = remaining.findIndex((node) =>
      node.references.every((reference) => placed.has(reference.target) || !kept(node, reference)),
    );
    if (position < 0) position = 0;
    const [node] = remaining.splice(position, 1) as [TableNode];
    placed.add(node.key);
    order.push(node);
  }
  return order;
}

function orderTablesForCreation(
  tables: readonly CreatedTable[],
  alterForeignKeys: boolean,
): { createTables: PlannedOperation[]; deferredForeignKeys: PlannedOperation[] } {
  const comments = new Map(tables.map((entry) => [keyOf(entry.table.schema, entry.table.name), entry.comments ?? []]));
  const nodes = graphOf(tables.map((entry) => entry.table));
  const { component, size } = componentsOf(nodes);
  const inCycle = (node: TableNode, target: string): boolean =>
    component.get(node.key) === component.get(target) && (size.get(component.get(node.key) as number) ?? 0) > 1;
  // A named foreign key of a cycle is added after the tables; an unnamed one stays in its
  // createTable where the order allows, as its downgrade could not drop it by name.
  const heldBack = (node: TableNode, reference: TableNode['references'][number]): boolean =>
    alterForeignKeys && inCycle(node, reference.target) && reference.foreignKey.name !== undefined;
  const order = dependencyOrder(nodes, (node, reference) => !alterForeignKeys || !heldBack(node, reference));
  const created = new Set<string>();
  const createTables: PlannedOperation[] = [];
  const deferredForeignKeys: PlannedOperation[] = [];
  for (const node of order) {
    created.add(node.key);
    const deferred = alterForeignKeys
      ? new Set(
          node.references
            .filter((reference) => heldBack(node, reference) || !created.has(reference.target))
            .map(({ foreignKey }) => foreignKey),
        )
      : new Set<ForeignKeyConstraintModel>();
    const table = withoutForeignKeys(node.table, deferred);
    createTables.push(plannedOperation(createTableOperation({ table }), comments.get(node.key) ?? []));
    for (const foreignKey of deferred) {
      deferredForeignKeys.push(
        plannedOperation(operationOfConstraint({ tableName: node.table.name, schema: node.table.schema }, foreignKey)),
      );
    }
  }
  return { createTables, deferredForeignKeys };
}

function orderTablesForDrop(
  tables: readonly TableModel[],
  alterForeignKeys: boolean,
  pointsAtDroppedColumn: (foreignKey: ForeignKeyConstraintModel, table: TableModel) => boolean = () => false,
): { brokenForeignKeys: PlannedOperation[]; dropTables: PlannedOperation[] } {
  const nodes = graphOf(tables);
  const { component, size } = componentsOf(nodes);
  const inCycle = (node: TableNode, target: string): boolean =>
    component.get(node.key) === component.get(target) && (size.get(component.get(node.key) as number) ?? 0) > 1;
  const order = dependencyOrder(nodes, (node, { target }) => !(alterForeignKeys && inCycle(node, target))).reverse();
  const brokenForeignKeys: PlannedOperation[] = [];
  const dropTables: PlannedOperation[] = [];
  for (const node of order) {
    const broken = alterForeignKeys
      ? new Set([
          ...node.references.filter(({ target }) => inCycle(node, target)).map(({ foreignKey }) => foreignKey),
          // A key to a column (or unique constraint) of a kept table that goes away must go
          // before that column does, which is before this table's drop.
          ...node.table.constraints.filter(
            (constraint): constraint is ForeignKeyConstraintModel =>
              constraint.kind === 'foreignKeyConstraint' && pointsAtDroppedColumn(constraint, node.table),
          ),
        ])
      : new Set<ForeignKeyConstraintModel>();
    for (const foreignKey of broken) {
      brokenForeignKeys.push(
        plannedOperation(
          dropConstraintOperation({
            constraintName: foreignKey.name,
            tableName: node.table.name,
            schema: node.table.schema,
            existingConstraint: foreignKey,
          }),
        ),
      );
    }
    const existingTable = withoutForeignKeys(node.table, broken);
    dropTables.push(
      plannedOperation(dropTableOperation({ tableName: node.table.name, schema: node.table.schema, existingTable })),
    );
  }
  return { brokenForeignKeys, dropTables };
}

/**
 * Whether a foreign key of a dropped table points at a column of a kept table that the plan
 * drops, or at the columns of a unique constraint it drops.
 */
function pointsAtDroppedColumn(
  changed: readonly ExistingTableChanges[],
): (foreignKey: ForeignKeyConstraintModel, table: TableModel) => boolean {
  const goingAway = new Set<string>();
  for (const changes of changed) {
    for (const planned of [...changes.droppedColumns, ...changes.droppedObjects]) {
      const operation = planned.operation;
      if (operation.kind === 'dropColumn') {
        goingAway.add(keyOf(operation.schema, `${operation.tableName}\u0000${operation.columnName}`));
      } else if (operation.kind === 'dropConstraint' && operation.existingConstraint?.kind === 'uniqueConstraint') {
        for (const columnName of operation.existingConstraint.columns) {
          goingAway.add(keyOf(operation.schema, `${operation.tableName}\u0000${columnName}`));
        }
      }
    }
  }
  return (foreignKey, table) =>
    goingAway.size > 0 &&
    foreignKey.referredColumns.some((columnName) =>
      goingAway.has(keyOf(foreignKey.referredSchema ?? table.schema, `${foreignKey.referredTable}\u0000${columnName}`)),
    );
}

/** The table without the foreign keys in `foreignKeys` (the same object when there are none). */
function withoutForeignKeys(table: TableModel, foreignKeys: ReadonlySet<ForeignKeyConstraintModel>): TableModel {
  if (foreignKeys.size === 0) return table;
  return {
    ...table,
    constraints: table.constraints.filter(
      (constraint) => constraint.kind !== 'foreignKeyConstraint' || !foreignKeys.has(constraint),
    ),
  };
}

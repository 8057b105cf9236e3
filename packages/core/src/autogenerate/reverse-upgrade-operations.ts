import type { DialectCapabilities } from '../dialect/dialect-capabilities.js';
import { IrreversibleOperationError } from '../errors/irreversible-operation-error.js';
import type { Operation } from '../operations/operation.js';
import { reverseOperation } from '../operations/reverse-operation.js';
import type { MigrationPlan, PlannedOperation } from './migration-plan.js';
import { plannedOperation, qualified } from './operation-data-loss.js';

/** How {@link reverseUpgradeOperations} reverses. */
export interface ReverseUpgradeOptions {
  /**
   * Operations the downgrade runs right after the reverse of an upgrade operation (the index
   * MySQL creates behind an added foreign key, dropped after the key).
   */
  readonly followers?: ReadonlyMap<Operation, readonly Operation[]>;
  /**
   * The dialect's `dropColumnDropsConstraints`: the kinds of unnamed constraint on columns the
   * upgrade adds that the downgrade's `dropColumn`s take away, so they need no reverse. Unset:
   * none (such a constraint is irreversible).
   */
  readonly dropColumnDropsConstraints?: DialectCapabilities['dropColumnDropsConstraints'];
}

/**
 * The downgrade of an upgrade: each operation reversed (`reverseOperation`), in reverse order.
 * An operation that cannot be reversed is left out of the downgrade and listed in
 * `irreversible` with the reason: what `reverseOperation` says, or, for a constraint created
 * without a name, that the downgrade could not name it to drop it. An unnamed unique
 * constraint or foreign key whose columns are all added by the same upgrade needs no reverse
 * where the dialect's `DROP COLUMN` takes it away (`dropColumnDropsConstraints`): it is left out
 * of the downgrade and is not irreversible.
 *
 * ```ts
 * const { downgrade, irreversible } = reverseUpgradeOperations(upgrade);
 * ```
 */
export function reverseUpgradeOperations(
  upgrade: readonly PlannedOperation[],
  options: ReverseUpgradeOptions = {},
): Pick<MigrationPlan, 'downgrade' | 'irreversible'> {
  const downgrade: PlannedOperation[] = [];
  const irreversible: { operation: Operation; reason: string }[] = [];
  const addedColumns = addedColumnsByTable(upgrade);
  const droppedWithColumns = new Set(options.dropColumnDropsConstraints ?? []);
  const followers = options.followers ?? new Map<Operation, readonly Operation[]>();
  for (const { operation } of [...upgrade].reverse()) {
    if (goesWithItsColumns(operation, addedColumns, droppedWithColumns)) continue;
    let reversed: Operation;
    try {
      reversed = reverseOperation(operation);
    } catch (error) {
      if (!IrreversibleOperationError.isInstance(error)) throw error;
      irreversible.push({ operation, reason: error.message });
      continue;
    }
    const unnamed = unnamedDropReason(reversed);
    if (unnamed !== undefined) {
      irreversible.push({ operation, reason: unnamed });
      continue;
    }
    downgrade.push(plannedOperation(reversed));
    for (const follower of followers.get(operation) ?? []) downgrade.push(plannedOperation(follower));
  }
  return { downgrade, irreversible };
}

function tableKeyOf(schema: string | undefined, tableName: string): string {
  return `${schema ?? ''}\u0000${tableName}`;
}

/** The columns each `addColumn` of the upgrade adds, by table. */
function addedColumnsByTable(upgrade: readonly PlannedOperation[]): Map<string, Set<string>> {
  const added = new Map<string, Set<string>>();
  for (const { operation } of upgrade) {
    if (operation.kind !== 'addColumn') continue;
    const key = tableKeyOf(operation.schema, operation.tableName);
    const columns = added.get(key) ?? new Set<string>();
    columns.add(operation.column.name);
    added.set(key, columns);
  }
  return added;
}

/**
 * An unnamed unique constraint or foreign key on columns the upgrade adds, every one of them,
 * of a kind that dropping its columns drops.
 */
function goesWithItsColumns(
  operation: Operation,
  addedColumns: ReadonlyMap<string, ReadonlySet<string>>,
  droppedWithColumns: ReadonlySet<string>,
): boolean {
  const target =
    operation.kind === 'createUniqueConstraint' && droppedWithColumns.has('uniqueConstraint')
      ? {
          name: operation.constraintName,
          schema: operation.schema,
          tableName: operation.tableName,
          columns: operation.columns,
        }
      : operation.kind === 'createForeignKey' && droppedWithColumns.has('foreignKeyConstraint')
        ? {
            name: operation.constraintName,
            schema: operation.sourceSchema,
            tableName: operation.sourceTable,
            columns: operation.localColumns,
          }
        : undefined;
  if (target === undefined || target.name !== undefined) return false;
  const added = addedColumns.get(tableKeyOf(target.schema, target.tableName));
  return added !== undefined && target.columns.every((name) => added.has(name));
}

/** Why `operation` cannot run: it drops a constraint that has no name. */
function unnamedDropReason(operation: Operation): string | undefined {
  if (operation.kind !== 'dropConstraint') return undefined;
  if (operation.constraintName !== undefined || operation.existingConstraint?.name !== undefined) return undefined;
  const constraint = operation.existingConstraint;
  const what =
    constraint?.kind === 'foreignKeyConstraint'
      ? { label: 'foreign key', key: 'fk', columns: constraint.columns }
      : constraint?.kind === 'uniqueConstraint'
        ? { label: 'unique constraint', key: 'uq', columns: constraint.columns }
        : constraint?.kind === 'primaryKeyConstraint'
          ? { label: 'primary key', key: 'pk', columns: constraint.columns }
          : { label: 'check constraint', key: 'ck', columns: [] as readonly string[] };
  const columns = what.columns.length === 0 ? '' : ` (${what.columns.join(', ')})`;
  return `Cannot reverse the new ${what.label} on ${qualified(operation.schema, operation.tableName)}${columns}: it has no name, so the downgrade cannot drop it; name it, or give the metadata a '${what.key}' naming convention`;
}

import { foreignKeyConstraint } from '../schema/constraints.js';
import type { ForeignKeyConstraintModel } from '../schema/constraints.js';
import { convertedName } from '../schema/converted-name.js';
import { groupRows } from './group-rows.js';

/** One column of one foreign key as a catalog query returns it, read into the model's terms. */
export interface ForeignKeyColumnRow {
  readonly constraintName: string;
  readonly column: string;
  /** Unset when the referred table is in the table's own schema. */
  readonly referredSchema?: string | undefined;
  readonly referredTable: string;
  readonly referredColumn: string;
  /** Unset for the database's default rule. */
  readonly onDelete?: string | undefined;
  readonly onUpdate?: string | undefined;
}

/**
 * The foreign keys of a table read back from the rows of their columns: one constraint per
 * constraint name, its columns and referred columns in the rows' order, the referred table,
 * schema and rules from its first row, and its name as the database has it (never converted
 * again).
 *
 * ```ts
 * reflectedForeignKeys([
 *   { constraintName: 'fk_item_order', column: 'order_id', referredTable: 'orders', referredColumn: 'id' },
 * ]); // [foreignKeyConstraint(['order_id'], 'orders', ['id'], { name: convertedName('fk_item_order') })]
 * ```
 */
export function reflectedForeignKeys(rows: readonly ForeignKeyColumnRow[]): ForeignKeyConstraintModel[] {
  return [...groupRows(rows, (row) => row.constraintName)].map(([name, parts]) => {
    const first = parts[0] as ForeignKeyColumnRow;
    return foreignKeyConstraint(
      parts.map((part) => part.column),
      first.referredTable,
      parts.map((part) => part.referredColumn),
      {
        name: convertedName(name),
        onDelete: first.onDelete,
        onUpdate: first.onUpdate,
        referredSchema: first.referredSchema,
      },
    );
  });
}

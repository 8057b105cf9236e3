import type { Operation } from '../operations/operation.js';

/**
 * One operation of a generated migration, with what the file and the terminal should say about
 * it.
 */
export interface PlannedOperation {
  readonly operation: Operation;
  /** Comment lines rendered above the operation (rename suggestions, notes). */
  readonly comments: readonly string[];
  /**
   * Set when the operation loses data (drop table, drop column, a narrowing type change): the
   * reason, rendered as a warning comment in the file and printed on stderr.
   */
  readonly dataLoss?: string;
}

/**
 * What autogenerate found: the upgrade in dependency order (foreign keys to dropped objects
 * first, created tables in foreign-key order, cyclic foreign keys after their tables, drops
 * last) and the downgrade (the reversed operations in reverse order). An operation that cannot
 * be reversed appears in `irreversible` with its reason; rendering writes a `throw` for it.
 */
export interface MigrationPlan {
  readonly upgrade: readonly PlannedOperation[];
  readonly downgrade: readonly PlannedOperation[];
  /** Upgrade operations whose reverse is unknown, with the reason. */
  readonly irreversible: readonly { readonly operation: Operation; readonly reason: string }[];
}

/**
 * A rename the user asked for instead of a drop and an add: `--rename-table old=new`
 * (`table` unset) or `--rename account.old=new` (a column of `account`).
 */
export interface RenameDirective {
  /** The table of a column rename; unset for a table rename. */
  readonly table?: string;
  readonly schema?: string;
  readonly from: string;
  readonly to: string;
}

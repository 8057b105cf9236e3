import { buildOperation } from './build-operation.js';

/** `COMMENT ON TABLE t IS NULL`. Reversible only with `existingComment`. */
export interface DropTableCommentOperation extends DropTableCommentOptions {
  readonly kind: 'dropTableComment';
  readonly tableName: string;
}

/** Options of `dropTableComment`: all but the table. */
export interface DropTableCommentOptions {
  /** The comment being removed; makes the operation reversible. */
  readonly existingComment?: string;
  /** The table's schema; unset: the connection's default schema. */
  readonly schema?: string;
}

/**
 * Builds a `dropTableComment` operation.
 *
 * ```ts
 * dropTableCommentOperation({ tableName: 'account', existingComment: 'Customer accounts' });
 * ```
 */
export function dropTableCommentOperation(fields: Omit<DropTableCommentOperation, 'kind'>): DropTableCommentOperation {
  return buildOperation('dropTableComment', fields);
}

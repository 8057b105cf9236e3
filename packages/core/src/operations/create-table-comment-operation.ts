import { buildOperation } from './build-operation.js';

/**
 * `COMMENT ON TABLE t IS '...'`. Reverse: the previous comment when `existingComment` is a
 * string, else `dropTableComment` (Alembic treats a missing existing comment as "none").
 */
export interface CreateTableCommentOperation extends CreateTableCommentOptions {
  readonly kind: 'createTableComment';
  readonly tableName: string;
  readonly comment: string;
}

/** Options of `createTableComment`: all but the table and the new comment. */
export interface CreateTableCommentOptions {
  /** The comment the table has now: the reverse restores it; `null` or unset, the reverse drops the comment. */
  readonly existingComment?: string | null;
  /** The table's schema; unset: the connection's default schema. */
  readonly schema?: string;
}

/**
 * Builds a `createTableComment` operation.
 *
 * ```ts
 * createTableCommentOperation({ tableName: 'account', comment: 'Customer accounts' });
 * ```
 */
export function createTableCommentOperation(
  fields: Omit<CreateTableCommentOperation, 'kind'>,
): CreateTableCommentOperation {
  return buildOperation('createTableComment', fields);
}

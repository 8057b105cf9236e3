import { buildOperation } from './build-operation.js';

/**
 * `COMMENT ON TABLE t IS '...'`. Reverse: the previous comment when `existingComment` is a
 * string, else `dropTableComment` (Alembic treats a missing existing comment as "none").
 */
export interface CreateTableCommentOperation {
  readonly kind: 'createTableComment';
  readonly tableName: string;
  readonly comment: string;
  readonly existingComment?: string | null;
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

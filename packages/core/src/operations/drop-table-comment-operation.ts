import { buildOperation } from './build-operation.js';

/** `COMMENT ON TABLE t IS NULL`. Reversible only with `existingComment`. */
export interface DropTableCommentOperation {
  readonly kind: 'dropTableComment';
  readonly tableName: string;
  readonly existingComment?: string;
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

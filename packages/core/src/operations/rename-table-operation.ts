import { buildOperation } from './build-operation.js';

/** `ALTER TABLE old RENAME TO new`. Reverse: the opposite rename. */
export interface RenameTableOperation {
  readonly kind: 'renameTable';
  readonly oldTableName: string;
  readonly newTableName: string;
  readonly schema?: string;
}

/**
 * Builds a `renameTable` operation.
 *
 * ```ts
 * renameTableOperation({ oldTableName: 'address', newTableName: 'addresses' });
 * ```
 */
export function renameTableOperation(fields: Omit<RenameTableOperation, 'kind'>): RenameTableOperation {
  return buildOperation('renameTable', fields);
}

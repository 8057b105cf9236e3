import { buildOperation } from './build-operation.js';

/** `ALTER TABLE old RENAME TO new`. Reverse: the opposite rename. */
export interface RenameTableOperation extends RenameTableOptions {
  readonly kind: 'renameTable';
  readonly oldTableName: string;
  readonly newTableName: string;
}

/** Options of `renameTable`: all but the old and the new name. */
export interface RenameTableOptions {
  /** The table's schema; unset: the connection's default schema. */
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

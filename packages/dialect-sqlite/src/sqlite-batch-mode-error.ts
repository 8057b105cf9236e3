import { UnsupportedOperationError } from '@alembic/core/dialect';

/**
 * The error for a change SQLite cannot make with ALTER TABLE: one line naming what was asked and
 * the batch-mode call that does it by rebuilding the table.
 *
 * ```ts
 * throw sqliteBatchModeError("ALTER a column's type", 'account', 'alterColumn');
 * // SQLite cannot ALTER a column's type; use op.batchAlterTable('account', async (batchOp) => { ... })
 * ```
 */
export function sqliteBatchModeError(
  what: string,
  tableName: string,
  operationKind: string,
): UnsupportedOperationError {
  const quotedTableName = tableName.replaceAll('\\', '\\\\').replaceAll("'", "\\'");
  return new UnsupportedOperationError(
    'sqlite',
    `SQLite cannot ${what}; use op.batchAlterTable('${quotedTableName}', async (batchOp) => { ... })`,
    { operationKind },
  );
}

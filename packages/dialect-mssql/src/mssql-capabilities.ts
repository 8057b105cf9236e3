import { defineCapabilities } from '@alembic/core/dialect';
import type { DialectCapabilities } from '@alembic/core/dialect';

/** The line written after every statement of offline SQL unless told otherwise (`sqlcmd`'s). */
export const DEFAULT_BATCH_SEPARATOR = 'GO';

/**
 * What SQL Server can do, stated as the differences from core's `defaultCapabilities`:
 *
 * - `transactionalDdl: true`: DDL runs inside transactions and rolls back with them.
 * - `batchSeparator`: offline SQL puts a `GO` line (or `batchSeparator`, Alembic's
 *   `mssql_batch_separator`) after every statement, so `sqlcmd` and SSMS run each as a batch.
 * - `offlineTransactionStatements`: `BEGIN TRANSACTION` / `COMMIT` (T-SQL has no bare `BEGIN`).
 * - `supportsPartialIndexes: true`: filtered indexes (`CREATE INDEX ... WHERE`).
 * - `supportsDeferrable: false`, `nativeEnum: false`, `nativeBoolean: false` (`BIT`, `1`/`0`).
 * - `nativeUuid: true`: `UNIQUEIDENTIFIER`.
 * - `supportsIdentityColumns: true`: `IDENTITY(start, increment)`.
 * - `supportsStatementTimeout: true`: the driver's `requestTimeout` (SQL Server itself has no
 *   session statement timeout).
 * - `supportsIfExists: true` for the `DROP ... IF EXISTS` forms of SQL Server 2016; the compiler
 *   refuses `IF NOT EXISTS`, which T-SQL lacks.
 *
 * ```ts
 * defineMssqlCapabilities({ batchSeparator: 'BYE' }).batchSeparator; // 'BYE'
 * ```
 */
export function defineMssqlCapabilities(options: { readonly batchSeparator?: string } = {}): DialectCapabilities {
  return defineCapabilities({
    transactionalDdl: true,
    batchSeparator: options.batchSeparator ?? DEFAULT_BATCH_SEPARATOR,
    offlineTransactionStatements: Object.freeze({ begin: 'BEGIN TRANSACTION', commit: 'COMMIT' }),
    supportsPartialIndexes: true,
    supportsDeferrable: false,
    nativeEnum: false,
    nativeBoolean: false,
    nativeUuid: true,
    supportsIdentityColumns: true,
    supportsStatementTimeout: true,
  });
}

/** SQL Server's capabilities with the `GO` batch separator. */
export const mssqlCapabilities: DialectCapabilities = defineMssqlCapabilities();

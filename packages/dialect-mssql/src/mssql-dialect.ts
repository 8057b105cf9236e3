import { defineDialect } from '@alembic/core/dialect';
import type { DatabaseConnection, Dialect } from '@alembic/core/dialect';
import { defineMssqlCapabilities } from './mssql-capabilities.js';
import { connectMssql } from './mssql-connect.js';
import { MssqlConnection } from './mssql-connection.js';
import type { MssqlDdlCompilerOptions } from './mssql-ddl-compiler.js';
import { MssqlDdlCompiler } from './mssql-ddl-compiler.js';
import type { MssqlDialectOptions } from './mssql-dialect-options.js';
import { translateMssqlError } from './mssql-error-translator.js';
import { MssqlIntrospector } from './mssql-introspector.js';
import { MssqlSchemaNormalizer } from './mssql-schema-normalizer.js';
import { acquireMssqlMigrationLock } from './mssql-migration-lock.js';

/** The session's default schema, when the connection is one of this package's. */
function sessionSchema(connection: DatabaseConnection | undefined): string | undefined {
  return connection instanceof MssqlConnection ? connection.defaultSchema : undefined;
}

/**
 * The SQL Server dialect, configured: `mssql://` and `sqlserver://` URLs through the `mssql`
 * driver (a peer dependency, version 11, imported only when a connection opens).
 *
 * DDL is transactional: a failed migration leaves nothing behind. Offline (`--sql`), the SQL
 * is wrapped in `BEGIN TRANSACTION;` ... `COMMIT;` and every statement is followed by a `GO`
 * line (`options.batchSeparator`, Alembic's `mssql_batch_separator`), ready for `sqlcmd`. The
 * migration lock is `sp_getapplock`, owned by the session.
 *
 * ```ts
 * // alembic.config.ts
 * import { defineConfig } from '@alembic/core';
 * import { mssql } from '@alembic/dialect-mssql';
 *
 * export default defineConfig({
 *   url: 'mssql://app@db.internal/shop?trustServerCertificate=true',
 *   dialects: [mssql({ batchSeparator: 'GO' })],
 * });
 * ```
 */
export function mssql(options: MssqlDialectOptions = {}): Dialect {
  const batchSeparator = options.batchSeparator;
  return defineDialect({
    name: 'mssql',
    urlSchemes: ['mssql', 'sqlserver'],
    capabilities: defineMssqlCapabilities(batchSeparator === undefined ? {} : { batchSeparator }),
    createDdlCompiler: (compilerOptions: MssqlDdlCompilerOptions = {}) => {
      const defaultSchema =
        compilerOptions.defaultSchema ?? sessionSchema(compilerOptions.connection) ?? options.defaultSchema;
      return new MssqlDdlCompiler({
        ...compilerOptions,
        ...(batchSeparator === undefined || compilerOptions.batchSeparator !== undefined ? {} : { batchSeparator }),
        ...(defaultSchema === undefined ? {} : { defaultSchema }),
      });
    },
    connect: (url, connectOptions) => connectMssql(url, connectOptions, options),
    createIntrospector: (connection) => new MssqlIntrospector(connection),
    createSchemaNormalizer: () => new MssqlSchemaNormalizer(),
    acquireMigrationLock: acquireMssqlMigrationLock,
    translateError: translateMssqlError,
  });
}

/**
 * The SQL Server dialect with default options (`GO` separator): what `mssql://` and
 * `sqlserver://` URLs use when no dialect is listed in the config.
 */
export const mssqlDialect: Dialect = mssql();

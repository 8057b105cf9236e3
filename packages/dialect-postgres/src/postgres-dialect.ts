import { defineDialect } from '@alembic/core/dialect';
import type { Dialect } from '@alembic/core/dialect';
import { postgresCapabilities } from './postgres-capabilities.js';
import { connectPostgres } from './postgres-connect.js';
import { PostgresDdlCompiler } from './postgres-ddl-compiler.js';
import type { PostgresDialectOptions } from './postgres-dialect-options.js';
import { translatePostgresError } from './postgres-error-translator.js';
import { PostgresIntrospector } from './postgres-introspector.js';
import { acquirePostgresMigrationLock } from './postgres-migration-lock.js';
import { PostgresSchemaNormalizer } from './postgres-schema-normalizer.js';

/**
 * The PostgreSQL dialect, configured: `postgresql://` and `postgres://` URLs, through the `pg`
 * driver (a peer dependency, imported only when a connection opens) or a client or pool the
 * application already has. DDL runs inside transactions, so a failed migration leaves nothing
 * behind; the migration lock is a session advisory lock (`pg_advisory_lock`).
 *
 * ```ts
 * // alembic.config.ts
 * import { defineConfig } from '@alembic/core';
 * import { postgres } from '@alembic/dialect-postgres';
 *
 * export default defineConfig({
 *   url: process.env.DATABASE_URL,
 *   dialects: [postgres({ driverOptions: { application_name: 'migrations' }, migrationLockTimeoutMilliseconds: 60_000 })],
 * });
 * ```
 */
export function postgres(options: PostgresDialectOptions = {}): Dialect {
  const manageEnumTypes = options.manageEnumTypes ?? true;
  return defineDialect({
    name: 'postgresql',
    urlSchemes: ['postgresql', 'postgres'],
    capabilities: postgresCapabilities,
    createDdlCompiler: (compilerOptions) => new PostgresDdlCompiler({ ...compilerOptions, manageEnumTypes }),
    connect: (url, connectOptions) => connectPostgres(url, connectOptions, options),
    createIntrospector: (connection) => new PostgresIntrospector(connection),
    createSchemaNormalizer: () => new PostgresSchemaNormalizer(),
    acquireMigrationLock: (connection, lockOptions) =>
      acquirePostgresMigrationLock(connection, {
        ...lockOptions,
        ...(lockOptions.timeoutMilliseconds === undefined && options.migrationLockTimeoutMilliseconds !== undefined
          ? { timeoutMilliseconds: options.migrationLockTimeoutMilliseconds }
          : {}),
      }),
    translateError: translatePostgresError,
  });
}

/**
 * The PostgreSQL dialect with default options: what `postgresql://` and `postgres://` URLs use
 * when no dialect is listed in the config.
 */
export const postgresDialect: Dialect = postgres();

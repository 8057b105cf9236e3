import { defineDialect } from '@alembic/core/dialect';
import type { Dialect } from '@alembic/core/dialect';
import { pgwireCapabilities } from './pgwire-capabilities.js';
import { connectPgwire } from './pgwire-connect.js';
import { PgwireDdlCompiler } from './pgwire-ddl-compiler.js';
import { PgwireIntrospector } from './pgwire-introspector.js';
import type { PgwireLockSettings } from './pgwire-migration-lock.js';
import { acquirePgwireMigrationLock } from './pgwire-migration-lock.js';

/** Options of the {@link pgwire} dialect. */
export interface PgwireDialectOptions extends PgwireLockSettings {
  /** Passed to the `pg` client as they are. */
  readonly driverOptions?: Readonly<Record<string, unknown>>;
}

/**
 * The pgwire dialect: one object implementing `@alembic/core`'s `Dialect` contract, serving
 * `pgwire://` URLs. Register it in `alembic.config.ts`; core looks dialects listed there up
 * by URL scheme before it tries any `@alembic/dialect-*` package.
 *
 * ```ts
 * // alembic.config.ts
 * import { defineConfig } from '@alembic/core';
 * import { pgwire } from '@example/alembic-dialect-pgwire';
 *
 * export default defineConfig({
 *   scriptLocation: 'migrations',
 *   url: process.env.DATABASE_URL, // pgwire://app@db:26257/shop
 *   dialects: [pgwire({ staleAfterMilliseconds: 600_000 })],
 * });
 * ```
 */
export function pgwire(options: PgwireDialectOptions = {}): Dialect {
  return defineDialect({
    name: 'pgwire',
    capabilities: pgwireCapabilities,
    createDdlCompiler: (compilerOptions) => new PgwireDdlCompiler(compilerOptions),
    connect: (url, connectOptions) =>
      connectPgwire(url, {
        ...connectOptions,
        driverOptions: { ...options.driverOptions, ...connectOptions?.driverOptions },
      }),
    createIntrospector: (connection) => new PgwireIntrospector(connection),
    acquireMigrationLock: (connection, lockOptions) => acquirePgwireMigrationLock(connection, lockOptions, options),
    translateError: (error: unknown) => error,
  });
}

/** The pgwire dialect with default options. */
export const pgwireDialect: Dialect = pgwire();

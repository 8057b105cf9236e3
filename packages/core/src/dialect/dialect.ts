import type { DatabaseConnection } from './database-connection.js';
import type { DdlCompiler, DdlCompilerOptions } from './ddl-compiler.js';
import type { DialectCapabilities } from './dialect-capabilities.js';
import type { SchemaIntrospector } from './schema-introspector.js';
import type { SchemaNormalizer } from '../autogenerate/schema-normalizer.js';

/** Options of {@link Dialect.connect}. */
export interface DialectConnectOptions {
  /** A pool or client the application already has; the dialect wraps it instead of connecting. */
  readonly existingClient?: unknown;
  /** Passed to the driver as is. */
  readonly driverOptions?: Readonly<Record<string, unknown>>;
}

/** Options of {@link Dialect.acquireMigrationLock}. */
export interface MigrationLockOptions {
  /** Identifies the lock (defaults to one derived from the version table name). */
  readonly lockName: string;
  /** Give up after this long; wait indefinitely when unset. */
  readonly timeoutMilliseconds?: number;
}

/** Releases a migration lock. */
export type ReleaseMigrationLock = () => Promise<void>;

/**
 * A database dialect: what a dialect package (`@alembic/dialect-sqlite`, a third party's) exports
 * as one object. Version 1 of the contract; any change to it is a breaking change of
 * `@alembic/core`.
 *
 * ```ts
 * export const sqlite: Dialect = {
 *   specVersion: 1,
 *   name: 'sqlite',
 *   urlSchemes: ['sqlite'],
 *   capabilities: defineCapabilities({ transactionalDdl: true, requiresBatchRecreate: true, supportsAlterConstraints: false }),
 *   createDdlCompiler: (options) => new SqliteDdlCompiler(options),
 *   connect: async (url, options) => openSqlite(url, options),
 *   createIntrospector: (connection) => new SqliteIntrospector(connection),
 *   acquireMigrationLock: async (connection) => { await connection.execute('BEGIN IMMEDIATE'); return async () => {}; },
 *   translateError: (error) => error,
 * };
 * ```
 */
export interface Dialect {
  /** The contract version this dialect implements. */
  readonly specVersion: 1;
  /** Dialect name, also the key of its `dialectOptions` entries (`'postgresql'`). */
  readonly name: string;
  /** URL schemes it serves (`['postgresql', 'postgres']`). */
  readonly urlSchemes: readonly string[];
  /** What the database can do; build with `defineCapabilities()`. */
  readonly capabilities: DialectCapabilities;
  /** A new DDL compiler (pure: operations in, SQL out). */
  createDdlCompiler(options?: DdlCompilerOptions): DdlCompiler;
  /** Opens a connection; the driver is loaded here, never at import time. */
  connect(url: string, options?: DialectConnectOptions): Promise<DatabaseConnection>;
  /** Reads the live schema; dialects without introspection leave it out. */
  createIntrospector?(connection: DatabaseConnection): SchemaIntrospector;
  /**
   * The normalizer autogenerate puts both sides through (type aliases, default expressions,
   * names and indexes the database makes up itself); core's `DefaultSchemaNormalizer` when
   * left out. `connection` is the live connection when there is one (for server flavours).
   */
  createSchemaNormalizer?(connection?: DatabaseConnection): SchemaNormalizer;
  /** Takes the lock that serialises concurrent migration runs; resolves to its release. */
  acquireMigrationLock(connection: DatabaseConnection, options: MigrationLockOptions): Promise<ReleaseMigrationLock>;
  /** Maps a driver error to a typed error where one applies; returns anything else unchanged. */
  translateError(error: unknown): unknown;
}

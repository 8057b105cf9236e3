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
  /**
   * Cancel any statement of this connection that runs longer than this (`--statement-timeout`,
   * `statementTimeout` in the config). A dialect whose database has such a limit applies it to
   * the session it opens or wraps and says so with the `supportsStatementTimeout` capability;
   * the others ignore it (core then warns that it has no effect). The migration lock's own wait
   * must not be cut short by it.
   */
  readonly statementTimeoutMilliseconds?: number;
}

/** What a run waits for when another one holds the migration lock; see {@link MigrationLockOptions.onWait}. */
export interface MigrationLockWait {
  /**
   * The lock as the database names it: `advisory lock 4242 ('alembic:.alembic_version')`,
   * `GET_LOCK('alembic:.alembic_version@shop')`, `SQLite write lock on /srv/app.db`.
   */
  readonly lock: string;
  /** Who holds it, when the database says: `PostgreSQL backend 4242 (user app, client 10.0.0.7)`. */
  readonly holder?: string;
}

/** Options of {@link Dialect.acquireMigrationLock}. */
export interface MigrationLockOptions {
  /** Identifies the lock (defaults to one derived from the version table name). */
  readonly lockName: string;
  /**
   * Give up after this long (`--lock-timeout`, `lockTimeout` in the config), rejecting with a
   * `DatabaseError` whose code is `ALEMBIC_DATABASE_LOCKED`; `0` means do not wait at all.
   * Wait indefinitely when unset.
   */
  readonly timeoutMilliseconds?: number;
  /**
   * Called by the dialect, if it can, when it finds the lock held and is about to wait, to
   * name the lock and its holder. Core prints the waiting line itself (after a short delay,
   * whether or not this is called) and uses the latest description it got here, in that line
   * and in the timeout's `FAILED:` line; without one it names the lock by `lockName`.
   */
  readonly onWait?: (wait: MigrationLockWait) => void;
}

/** Releases a migration lock. */
export type ReleaseMigrationLock = () => Promise<void>;

/**
 * A database dialect: what a dialect package (`@alembic/dialect-sqlite`, a third party's) exports
 * as one object. Version 1 of the contract; any change to it is a breaking change of
 * `@alembic/core`. A plain object literal satisfies it; `defineDialect()` fills in `specVersion`
 * and `urlSchemes` and freezes the object, as the dialects of this repository do.
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
  /**
   * Reads the live schema. Required: every online run finds the version table with it
   * (`getTable`), batch mode reflects the table it rebuilds, autogenerate reads the whole schema
   * (`getTables`). Offline (`--sql`) runs never call it.
   */
  createIntrospector(connection: DatabaseConnection): SchemaIntrospector;
  /**
   * The normalizer autogenerate puts both sides through (type aliases, default expressions,
   * names and indexes the database makes up itself); core's `DefaultSchemaNormalizer` when
   * left out. `connection` is the live connection when there is one (for server flavours).
   */
  createSchemaNormalizer?(connection?: DatabaseConnection): SchemaNormalizer;
  /**
   * Takes the lock that serialises concurrent migration runs; resolves to its release. Core
   * calls it before the run's `BEGIN` and holds it until the run ends.
   *
   * Required: wait without blocking the event loop (core's waiting line is a timer); honour
   * `options.timeoutMilliseconds`, rejecting with code `ALEMBIC_DATABASE_LOCKED` (after
   * `translateError`) when it passes, having changed nothing; a release that can be called
   * twice. Optional: `options.onWait(...)` to name the lock and its holder.
   */
  acquireMigrationLock(connection: DatabaseConnection, options: MigrationLockOptions): Promise<ReleaseMigrationLock>;
  /** Maps a driver error to a typed error where one applies; returns anything else unchanged. */
  translateError(error: unknown): unknown;
}

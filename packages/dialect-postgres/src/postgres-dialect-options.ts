import type { PostgresClient, PostgresPool } from './postgres-client.js';

/** Options of the {@link postgres} dialect factory. */
export interface PostgresDialectOptions {
  /**
   * A `pg.Pool` or `pg.Client` the application already has. With a pool, each connection
   * checks out a client and returns it on close; a client is used as it is (already connected)
   * and never ended by alembic. `connect()`'s own `existingClient` takes precedence.
   */
  readonly existingClient?: PostgresClient | PostgresPool;
  /**
   * Passed to `new pg.Client({ ...driverOptions, connectionString: url })`: `ssl`,
   * `application_name`, `statement_timeout`, `connectionTimeoutMillis`, ...
   * `connect()`'s own `driverOptions` are merged over these. A `password` given as text here
   * wins over the URL's; pg reads the user, host, port and database from the URL over these.
   */
  readonly driverOptions?: Readonly<Record<string, unknown>>;
  /**
   * How long a run waits for the migration lock (`pg_advisory_lock`) when another run holds it,
   * unless the caller gives a timeout; wait indefinitely when unset.
   */
  readonly migrationLockTimeoutMilliseconds?: number;
  /**
   * Create and drop native enum types with their tables (default true); see
   * `PostgresDdlCompilerOptions.manageEnumTypes`.
   */
  readonly manageEnumTypes?: boolean;
}

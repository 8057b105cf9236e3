import type { SqliteClient } from './sqlite-client.js';

/** Options of the {@link sqlite} dialect factory. */
export interface SqliteDialectOptions {
  /**
   * An open sqlite3 `Database` to run on instead of opening the URL. Alembic never closes it
   * and leaves its settings alone (unless `busyTimeoutMilliseconds` is given).
   */
  readonly existingClient?: SqliteClient;
  /**
   * How long a statement waits for another connection's lock before failing with
   * `SQLITE_BUSY`. Default 30 000 ms for databases the dialect opens; a URL's `?timeout=`
   * (seconds) takes precedence.
   */
  readonly busyTimeoutMilliseconds?: number;
}

/** The busy timeout of databases the dialect opens, unless told otherwise. */
export const DEFAULT_BUSY_TIMEOUT_MILLISECONDS = 30_000;

import type { MssqlPool } from './mssql-client.js';

/** Options of the {@link mssql} dialect factory. */
export interface MssqlDialectOptions {
  /**
   * The line written after every statement of offline SQL (Alembic's `mssql_batch_separator`):
   * `GO` by default, which `sqlcmd` and SSMS read as "run what came before".
   */
  readonly batchSeparator?: string;
  /**
   * The schema comments (extended properties) are filed under for tables named without one, in
   * offline SQL: `dbo` by default. Online, the session's default schema is used.
   */
  readonly defaultSchema?: string;
  /**
   * An `mssql` `ConnectionPool` to run on instead of opening the URL; it is connected if it is
   * not yet, and never closed by alembic. The migration lock belongs to one session, so give it
   * `pool: { max: 1 }` (or run with `--no-lock`).
   */
  readonly existingClient?: MssqlPool;
}

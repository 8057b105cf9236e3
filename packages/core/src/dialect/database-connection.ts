/** Rows and affected-row count of one statement. */
export interface QueryResult<Row = Record<string, unknown>> {
  readonly rows: readonly Row[];
  /** Rows changed or returned; undefined when the driver does not say. */
  readonly rowCount: number | undefined;
}

/**
 * The minimal connection a dialect's `connect()` returns, over whatever driver it wraps. Core
 * needs nothing more from a database.
 *
 * ```ts
 * const connection = await dialect.connect('sqlite://');
 * await connection.begin();
 * const { rows } = await connection.query('SELECT version_num FROM alembic_version');
 * await connection.commit();
 * await connection.close();
 * ```
 */
export interface DatabaseConnection {
  /** Runs one statement with positional parameters in the dialect's placeholder style. */
  query<Row = Record<string, unknown>>(sql: string, parameters?: readonly unknown[]): Promise<QueryResult<Row>>;
  /** Runs SQL without parameters or results; may hold several statements where the driver allows. */
  execute(sql: string): Promise<void>;
  /**
   * Optional: runs several statements (no parameters) in order in one round trip, inside the
   * open transaction, and returns the rows each changed (`undefined` where the driver does not
   * say). All or nothing: when one fails, the connection undoes what the batch did (with a
   * savepoint, say), leaves the transaction usable, and throws. Core then runs the statements
   * one by one to name the one that fails. Core uses it only inside transactions of dialects
   * with transactional DDL.
   */
  executeBatch?(statements: readonly string[]): Promise<readonly (number | undefined)[]>;
  /** Starts a transaction. */
  begin(): Promise<void>;
  /** Commits the current transaction. */
  commit(): Promise<void>;
  /** Rolls back the current transaction. */
  rollback(): Promise<void>;
  /** Releases the connection (returns it to the pool, or closes it). */
  close(): Promise<void>;
}

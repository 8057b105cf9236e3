import type { DatabaseConnection, QueryResult } from '@alembic/core/dialect';
import type { MysqlClient } from './mysql-client.js';
import type { MysqlFlavour } from './mysql-flavour.js';
import { toQueryResult } from './mysql-query-result.js';

/** Options of {@link MysqlConnection}. */
export interface MysqlConnectionOptions {
  /** `MySQL` or `MariaDB`, from the server's version string. */
  readonly flavour: MysqlFlavour;
  /** `SELECT VERSION()` at connect time, e.g. `'10.11.19-MariaDB-0+deb12u1'`. */
  readonly serverVersion: string;
  /** The current database (`SELECT DATABASE()`) at connect time; undefined when none is selected. */
  readonly database: string | undefined;
  /** What `close()` does: end the connection, return it to its pool, or nothing (the application's own). */
  readonly close: () => Promise<void>;
}

/**
 * The `DatabaseConnection` over one mysql2 promise connection (one server session, so the
 * session's `GET_LOCK` and transactions stay on it).
 *
 * `query()` takes `?` placeholders; it returns the rows of statements that produce them and,
 * for the others, `rowCount` = the server's `affectedRows`. Transactions are `START TRANSACTION`
 * / `COMMIT` / `ROLLBACK`; remember that MySQL commits implicitly before and after each DDL
 * statement. Errors are the driver's, unchanged (the dialect's `translateError` maps them).
 */
export class MysqlConnection implements DatabaseConnection {
  /** The driver's connection. */
  readonly client: MysqlClient;
  /** The server's flavour, detected from its version string. */
  readonly flavour: MysqlFlavour;
  /** The server's version string. */
  readonly serverVersion: string;
  /** The database selected at connect time. */
  readonly database: string | undefined;
  readonly #close: () => Promise<void>;
  #closed = false;
  #statementTimeoutMilliseconds: number | undefined;
  /** Puts back the session's own statement timeout on close (a session this package borrowed). */
  #restoreStatementTimeout: string | undefined;

  constructor(client: MysqlClient, options: MysqlConnectionOptions) {
    this.client = client;
    this.flavour = options.flavour;
    this.serverVersion = options.serverVersion;
    this.database = options.database;
    this.#close = options.close;
  }

  /** Runs one statement with `?` placeholders; rows, or `affectedRows` as `rowCount`. */
  async query<Row = Record<string, unknown>>(
    sql: string,
    parameters: readonly unknown[] = [],
  ): Promise<QueryResult<Row>> {
    const [result] =
      parameters.length === 0 ? await this.client.query(sql) : await this.client.query(sql, [...parameters]);
    return toQueryResult<Row>(result);
  }

  /** Runs SQL without parameters; several statements at once on sessions this package opened. */
  async execute(sql: string): Promise<void> {
    await this.client.query(sql);
  }

  /** `START TRANSACTION`. */
  async begin(): Promise<void> {
    await this.client.query('START TRANSACTION');
  }

  /** `COMMIT`. */
  async commit(): Promise<void> {
    await this.client.query('COMMIT');
  }

  /** `ROLLBACK`. */
  async rollback(): Promise<void> {
    await this.client.query('ROLLBACK');
  }

  /** The statement timeout {@link setStatementTimeout} set, in milliseconds. */
  get statementTimeoutMilliseconds(): number | undefined {
    return this.#statementTimeoutMilliseconds;
  }

  /**
   * Limits how long a statement of this session may run: `max_statement_time` (seconds) on
   * MariaDB, for every statement; `max_execution_time` (milliseconds) on MySQL, which covers
   * read-only `SELECT` statements only. With `restoreOnClose` (a session the application lent),
   * the session's own value is read first and put back by `close()`.
   */
  async setStatementTimeout(milliseconds: number, restoreOnClose: boolean): Promise<void> {
    const variable = this.flavour === 'mariadb' ? 'max_statement_time' : 'max_execution_time';
    const value = this.flavour === 'mariadb' ? milliseconds / 1000 : Math.round(milliseconds);
    if (restoreOnClose) {
      const { rows } = await this.query<{ previous: unknown }>(`SELECT @@SESSION.${variable} AS previous`);
      const previous = Number(rows[0]?.previous);
      this.#restoreStatementTimeout = `SET SESSION ${variable} = ${Number.isFinite(previous) ? previous : 0}`;
    }
    await this.client.query(`SET SESSION ${variable} = ${value}`);
    this.#statementTimeoutMilliseconds = milliseconds;
  }

  /** Ends the connection (or returns it to its pool); a second call does nothing. */
  async close(): Promise<void> {
    if (this.#closed) {
      return;
    }
    this.#closed = true;
    if (this.#restoreStatementTimeout !== undefined) {
      await this.client.query(this.#restoreStatementTimeout).catch(() => undefined);
    }
    await this.#close();
  }
}

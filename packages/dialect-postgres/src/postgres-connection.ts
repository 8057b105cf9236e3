import { batchStatementText, type DatabaseConnection, type QueryResult } from '@alembic/core/dialect';
import type { PostgresClient, PostgresDriverResult } from './postgres-client.js';
import { toPostgresParameter } from './postgres-parameters.js';

/** Options of {@link PostgresConnection}. */
export interface PostgresConnectionOptions {
  /**
   * Gives the client back when the connection closes: `end()` for a client the dialect opened,
   * `release()` for one checked out of a pool; nothing for the application's own client.
   */
  readonly releaseClient?: () => Promise<void>;
}

const BATCH_SAVEPOINT = 'alembic_batch';

function lastResult(result: PostgresDriverResult | PostgresDriverResult[]): PostgresDriverResult | undefined {
  return Array.isArray(result) ? result[result.length - 1] : result;
}

/**
 * The `DatabaseConnection` over one `pg` client: `$1` placeholders, `rowCount` as the server
 * reports it (rows changed by UPDATE/DELETE/INSERT, rows returned by SELECT), plain
 * `BEGIN` / `COMMIT` / `ROLLBACK`. Errors are the driver's, unchanged (the dialect's
 * `translateError` maps them).
 *
 * ```ts
 * const connection = new PostgresConnection(client);
 * const { rows } = await connection.query('SELECT version_num FROM alembic_version WHERE version_num = $1', ['ae10']);
 * ```
 */
export class PostgresConnection implements DatabaseConnection {
  /** The driver's client. */
  readonly client: PostgresClient;
  readonly #releaseClient: (() => Promise<void>) | undefined;
  #transactionOpen = false;
  #closed = false;

  constructor(client: PostgresClient, options: PostgresConnectionOptions = {}) {
    this.client = client;
    this.#releaseClient = options.releaseClient;
  }

  /** Whether a transaction opened through this object is open. */
  get inTransaction(): boolean {
    return this.#transactionOpen;
  }

  async query<Row = Record<string, unknown>>(
    sql: string,
    parameters: readonly unknown[] = [],
  ): Promise<QueryResult<Row>> {
    const result =
      parameters.length === 0
        ? await this.client.query(sql)
        : await this.client.query(sql, parameters.map(toPostgresParameter));
    const last = lastResult(result);
    return { rows: (last?.rows ?? []) as Row[], rowCount: last?.rowCount ?? undefined };
  }

  /** Runs SQL through the simple query protocol, so it may hold several statements. */
  async execute(sql: string): Promise<void> {
    await this.client.query(sql);
  }

  /**
   * Runs the statements as one simple-query message (one round trip, after the savepoint's) inside a savepoint: when
   * one fails, the savepoint is rolled back, which leaves the transaction as it was before the
   * batch (and usable), and the error is thrown.
   */
  async executeBatch(statements: readonly string[]): Promise<readonly (number | undefined)[]> {
    // The savepoint goes first, on its own: PostgreSQL parses a multi-statement text whole before
    // running any of it, so a syntax error anywhere would also lose a savepoint sent with it,
    // leaving the transaction aborted and the failing statement unnamed.
    await this.client.query(`SAVEPOINT ${BATCH_SAVEPOINT}`);
    const text = batchStatementText(statements, undefined, `RELEASE SAVEPOINT ${BATCH_SAVEPOINT}`);
    let result: PostgresDriverResult | PostgresDriverResult[];
    try {
      result = await this.client.query(text);
    } catch (error) {
      await this.client.query(`ROLLBACK TO SAVEPOINT ${BATCH_SAVEPOINT}; RELEASE SAVEPOINT ${BATCH_SAVEPOINT}`);
      throw error;
    }
    const results = Array.isArray(result) ? result : [result];
    // One result per statement, plus the release; otherwise the counts cannot be matched.
    if (results.length !== statements.length + 1) return statements.map(() => undefined);
    return results.slice(0, -1).map((each) => each.rowCount ?? undefined);
  }

  async begin(): Promise<void> {
    await this.client.query('BEGIN');
    this.#transactionOpen = true;
  }

  async commit(): Promise<void> {
    this.#transactionOpen = false;
    await this.client.query('COMMIT');
  }

  async rollback(): Promise<void> {
    this.#transactionOpen = false;
    await this.client.query('ROLLBACK');
  }

  /**
   * Rolls back a transaction left open, then gives the client back (ends it, or returns it to
   * its pool); an application's own client stays open. Closing twice does nothing.
   */
  async close(): Promise<void> {
    if (this.#closed) {
      return;
    }
    this.#closed = true;
    if (this.#transactionOpen) {
      this.#transactionOpen = false;
      await this.client.query('ROLLBACK').catch(() => undefined);
    }
    await this.#releaseClient?.();
  }
}

import type { DatabaseConnection, QueryResult } from '@alembic/core/dialect';
import type { MssqlPool, MssqlRequest, MssqlTransaction } from './mssql-client.js';
import { toQueryResult } from './mssql-query-result.js';

/** Options of {@link MssqlConnection}. */
export interface MssqlConnectionOptions {
  /** `SCHEMA_NAME()` at connect time: where tables named without a schema go (`dbo`). */
  readonly defaultSchema: string;
  /** `DB_NAME()` at connect time. */
  readonly database: string | undefined;
  /** `SERVERPROPERTY('ProductVersion')`, e.g. `'16.0.4135.4'`. */
  readonly serverVersion: string;
  /**
   * Whether every request runs on one server session (a pool of one connection): the
   * session-owned migration lock needs it.
   */
  readonly singleSession: boolean;
  /** What `close()` does: close the pool this package opened, or nothing (the application's own). */
  readonly close: () => Promise<void>;
}

/** The `mssql` error of rolling back a transaction the server already ended. */
const ALREADY_ABORTED = 'EABORT';

/**
 * The `DatabaseConnection` over an `mssql` `ConnectionPool`. Pools this package opens hold one
 * connection, so the session (its `SET` options, `sp_getapplock`'s session lock) lasts as long
 * as this object.
 *
 * `query()` binds positional parameters as `@p1`, `@p2`, ...; without parameters it sends the
 * SQL as a batch of its own, so `SET IDENTITY_INSERT` and the like stay in force for the next
 * statements (`sp_executesql` would undo them). It returns the rows of the first result set, or
 * `rowsAffected` as `rowCount`. Transactions are the driver's `Transaction` objects: between
 * `begin()` and `commit()` / `rollback()` every request runs on the transaction's connection.
 * Errors are the driver's, unchanged (the dialect's `translateError` maps them).
 */
export class MssqlConnection implements DatabaseConnection {
  /** The driver's pool. */
  readonly pool: MssqlPool;
  /** The session's default schema. */
  readonly defaultSchema: string;
  /** The database at connect time. */
  readonly database: string | undefined;
  /** The server's version. */
  readonly serverVersion: string;
  /** Whether every request runs on one session. */
  readonly singleSession: boolean;
  readonly #close: () => Promise<void>;
  #transaction: MssqlTransaction | undefined;
  #closed = false;

  constructor(pool: MssqlPool, options: MssqlConnectionOptions) {
    this.pool = pool;
    this.defaultSchema = options.defaultSchema;
    this.database = options.database;
    this.serverVersion = options.serverVersion;
    this.singleSession = options.singleSession;
    this.#close = options.close;
  }

  /** Whether a transaction is open. */
  get inTransaction(): boolean {
    return this.#transaction !== undefined;
  }

  #request(): MssqlRequest {
    return this.#transaction?.request() ?? this.pool.request();
  }

  /** Runs one statement with `@p1`... parameters; rows, or the affected-row count. */
  async query<Row = Record<string, unknown>>(
    sql: string,
    parameters: readonly unknown[] = [],
  ): Promise<QueryResult<Row>> {
    const request = this.#request();
    if (parameters.length === 0) {
      return toQueryResult<Row>(await request.batch(sql));
    }
    parameters.forEach((value, index) => {
      request.input(`p${index + 1}`, value === undefined ? null : value);
    });
    return toQueryResult<Row>(await request.query(sql));
  }

  /** Runs SQL as one batch (several statements allowed, no `GO`). */
  async execute(sql: string): Promise<void> {
    await this.#request().batch(sql);
  }

  /** Begins a transaction on one connection of the pool. */
  async begin(): Promise<void> {
    if (this.#transaction !== undefined) {
      throw new Error('A transaction is already open on this SQL Server connection');
    }
    const transaction = this.pool.transaction();
    await transaction.begin();
    this.#transaction = transaction;
  }

  /** Commits the open transaction. */
  async commit(): Promise<void> {
    const transaction = this.#takeTransaction('commit');
    await transaction.commit();
  }

  /** Rolls the open transaction back; one the server already aborted counts as rolled back. */
  async rollback(): Promise<void> {
    const transaction = this.#transaction;
    this.#transaction = undefined;
    if (transaction === undefined) {
      return;
    }
    try {
      await transaction.rollback();
    } catch (error) {
      if ((error as { code?: unknown }).code !== ALREADY_ABORTED) {
        throw error;
      }
    }
  }

  #takeTransaction(action: string): MssqlTransaction {
    const transaction = this.#transaction;
    if (transaction === undefined) {
      throw new Error(`No transaction to ${action} on this SQL Server connection`);
    }
    this.#transaction = undefined;
    return transaction;
  }

  /** Rolls back what is open, then closes the pool (or leaves the application's own); a second call does nothing. */
  async close(): Promise<void> {
    if (this.#closed) {
      return;
    }
    this.#closed = true;
    await this.rollback().catch(() => undefined);
    await this.#close();
  }
}

import {
  batchStatementText,
  type DatabaseConnection,
  type MigrationLockWait,
  type QueryResult,
  type ReleaseMigrationLock,
} from '@alembic/core/dialect';
import type { SqliteClient, SqliteRunResult, SqliteStatement } from './sqlite-client.js';
import { toSqliteParameter } from './sqlite-parameters.js';
import { sqliteReturnsRows } from './sqlite-returns-rows.js';

/** Options of {@link SqliteConnection}. */
export interface SqliteConnectionOptions {
  /** Close the client in `close()` (true for clients the dialect opened, false for the application's own). */
  readonly ownsClient: boolean;
}

const SAVEPOINT = 'alembic_transaction';
const BATCH_SAVEPOINT = 'alembic_batch';
/** Statements whose result is not needed: run with one call into the driver instead of three. */
const SCHEMA_STATEMENT = /^\s*(?:CREATE|DROP|ALTER)\s/i;
/** How many parameterized statements stay prepared. */
const PREPARED_STATEMENTS = 16;
const NESTED_TRANSACTION = /cannot start a transaction within a transaction/i;
const NO_TRANSACTION = /no transaction is active|no such savepoint/i;

function hasCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

/** The message of a driver error (checked by shape: native errors may come from another realm). */
function messageOf(error: unknown): string {
  const message = typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : '';
}

function finalize(statement: SqliteStatement): Promise<void> {
  return new Promise((resolve) => statement.finalize(() => resolve()));
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

/**
 * The `DatabaseConnection` over one sqlite3 `Database`.
 *
 * Transactions are `BEGIN IMMEDIATE`: the write lock is taken at the start, so two migration
 * runs on one file queue up (waiting for the busy timeout) instead of failing halfway with
 * `SQLITE_BUSY`. That write transaction is also the migration lock, see {@link acquireWriteLock}.
 *
 * `query()` returns the rows of statements that produce them and, for writes, `rowCount` =
 * the number of rows changed. Errors are the driver's, unchanged (the dialect's
 * `translateError` maps them).
 */
export class SqliteConnection implements DatabaseConnection {
  /** The driver's database handle. */
  readonly client: SqliteClient;
  readonly #ownsClient: boolean;
  /** A `BEGIN IMMEDIATE` transaction opened by `begin()` is open. */
  #transactionOpen = false;
  /** A `BEGIN IMMEDIATE` transaction opened by the migration lock is open. */
  #lockTransactionOpen = false;
  /** Inside the lock's transaction, `begin()` opened a savepoint. */
  #savepointOpen = false;
  /** Prepared statements kept by SQL text, oldest first. */
  readonly #statements = new Map<string, SqliteStatement>();

  constructor(client: SqliteClient, options: SqliteConnectionOptions) {
    this.client = client;
    this.#ownsClient = options.ownsClient;
  }

  /** Whether a transaction (or the lock's transaction) opened through this object is open. */
  get inTransaction(): boolean {
    return this.#transactionOpen || this.#lockTransactionOpen;
  }

  async query<Row = Record<string, unknown>>(
    sql: string,
    parameters: readonly unknown[] = [],
  ): Promise<QueryResult<Row>> {
    const values = parameters.map(toSqliteParameter);
    if (sqliteReturnsRows(sql)) {
      const rows = await new Promise<unknown[]>((resolve, reject) => {
        this.client.all(sql, values, (error, result) => (error ? reject(error) : resolve(result)));
      });
      return { rows: rows as Row[], rowCount: rows.length };
    }
    if (values.length === 0 && SCHEMA_STATEMENT.test(sql)) {
      await this.execute(sql);
      return { rows: [], rowCount: undefined };
    }
    const prepared = values.length === 0 ? undefined : await this.#prepared(sql);
    const changes = await new Promise<number>((resolve, reject) => {
      const callback = function (this: SqliteRunResult, error: Error | null): void {
        if (error) {
          reject(error);
        } else {
          resolve(this.changes);
        }
      };
      if (prepared === undefined) {
        this.client.run(sql, values, callback);
      } else {
        prepared.run(values, callback);
      }
    });
    return { rows: [], rowCount: changes };
  }

  /**
   * A kept prepared statement for `sql` (the version table's UPDATE runs once per migration);
   * undefined when the client cannot prepare. Each `run` of a kept statement is one call into
   * the driver, where `Database.run` is three (prepare, run, finalize).
   */
  async #prepared(sql: string): Promise<SqliteStatement | undefined> {
    const prepare = this.client.prepare?.bind(this.client);
    if (prepare === undefined) return undefined;
    const kept = this.#statements.get(sql);
    if (kept !== undefined) return kept;
    const statement = await new Promise<SqliteStatement>((resolve, reject) => {
      const created: SqliteStatement = prepare(sql, (error) => (error ? reject(error) : resolve(created)));
    });
    if (this.#statements.size >= PREPARED_STATEMENTS) {
      const [oldestSql, oldest] = this.#statements.entries().next().value as [string, SqliteStatement];
      this.#statements.delete(oldestSql);
      await finalize(oldest);
    }
    this.#statements.set(sql, statement);
    return statement;
  }

  async execute(sql: string): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.client.exec(sql, (error) => (error ? reject(error) : resolve()));
    });
  }

  /**
   * Runs the statements with one call into the driver (`exec`) inside a savepoint: when one
   * fails, the savepoint is rolled back, which leaves the transaction as it was before the
   * batch, and the error is thrown. `exec` reports no row counts.
   */
  async executeBatch(statements: readonly string[]): Promise<readonly (number | undefined)[]> {
    const text = batchStatementText(statements, `SAVEPOINT ${BATCH_SAVEPOINT}`, `RELEASE ${BATCH_SAVEPOINT}`);
    try {
      await this.execute(text);
    } catch (error) {
      await this.#ignoringNoTransaction(`ROLLBACK TO ${BATCH_SAVEPOINT}; RELEASE ${BATCH_SAVEPOINT}`);
      throw error;
    }
    return statements.map(() => undefined);
  }

  /**
   * `BEGIN IMMEDIATE`; inside the transaction of a migration lock taken outside any
   * transaction, a savepoint instead, so that the lock is held until it is released.
   */
  async begin(): Promise<void> {
    if (this.#lockTransactionOpen) {
      await this.execute(`SAVEPOINT ${SAVEPOINT}`);
      this.#savepointOpen = true;
      return;
    }
    await this.execute('BEGIN IMMEDIATE');
    this.#transactionOpen = true;
  }

  /** `COMMIT` (or the release of the savepoint inside the lock's transaction). */
  async commit(): Promise<void> {
    if (this.#savepointOpen) {
      this.#savepointOpen = false;
      await this.execute(`RELEASE ${SAVEPOINT}`);
      return;
    }
    this.#transactionOpen = false;
    this.#lockTransactionOpen = false;
    await this.execute('COMMIT');
  }

  /** `ROLLBACK` (or back to the savepoint inside the lock's transaction). */
  async rollback(): Promise<void> {
    if (this.#savepointOpen) {
      this.#savepointOpen = false;
      await this.#ignoringNoTransaction(`ROLLBACK TO ${SAVEPOINT}; RELEASE ${SAVEPOINT}`);
      return;
    }
    this.#transactionOpen = false;
    this.#lockTransactionOpen = false;
    await this.execute('ROLLBACK');
  }

  /**
   * Takes SQLite's write lock for a migration run and returns its release.
   *
   * - Inside a transaction (the usual case: `env.ts` calls `context.beginTransaction()` before
   *   `runMigrations()`), the `BEGIN IMMEDIATE` transaction already holds the write lock until
   *   it ends: nothing more to take, and the release does nothing.
   * - Outside one (`transactionPerMigration`), it opens a `BEGIN IMMEDIATE` transaction and
   *   holds it until the release. Meanwhile `begin()` / `commit()` / `rollback()` become
   *   savepoints inside it, so every migration still commits or rolls back on its own, and the
   *   release commits what the savepoints kept. No other writer can slip in between two
   *   migrations; the cost is that the migrations become durable together, at the release.
   *
   * The first attempt does not wait (busy timeout 0), so that a lock held by another connection
   * is known at once: `onWait` then hears `SQLite write lock on <file>`. Later attempts wait in
   * SQLite's busy handler, each up to the busy timeout but never past `timeoutMilliseconds`;
   * once that has passed, the driver's `SQLITE_BUSY` error is thrown. Without a timeout it
   * waits indefinitely. The busy timeout is set back as it was.
   */
  async acquireWriteLock(
    timeoutMilliseconds?: number,
    onWait?: (wait: MigrationLockWait) => void,
  ): Promise<ReleaseMigrationLock> {
    if (this.inTransaction) {
      return async () => undefined;
    }
    const deadline = timeoutMilliseconds === undefined ? undefined : Date.now() + timeoutMilliseconds;
    const busyTimeout = await this.#busyTimeout();
    let attemptWait = 0;
    let waiting = false;
    try {
      for (;;) {
        await this.execute(`PRAGMA busy_timeout = ${attemptWait}`);
        try {
          await this.execute('BEGIN IMMEDIATE');
          break;
        } catch (error) {
          if (NESTED_TRANSACTION.test(messageOf(error))) {
            // The application's client is inside a transaction of its own, which holds the lock.
            return async () => undefined;
          }
          if (!hasCode(error, 'SQLITE_BUSY')) {
            throw error;
          }
          if (!waiting) {
            waiting = true;
            onWait?.({ lock: `SQLite write lock on ${await this.#fileName()}` });
          }
          const remaining = deadline === undefined ? Number.POSITIVE_INFINITY : deadline - Date.now();
          if (remaining <= 0) {
            throw error;
          }
          attemptWait = Math.max(0, Math.round(Math.min(busyTimeout, remaining)));
          // A busy timeout of 0 (configured so) would spin: pause between attempts instead.
          if (attemptWait === 0) await sleep(Math.min(25, remaining));
        }
      }
    } finally {
      await this.execute(`PRAGMA busy_timeout = ${busyTimeout}`);
    }
    this.#lockTransactionOpen = true;
    return async () => this.#releaseWriteLock();
  }

  /** The busy timeout in force (`PRAGMA busy_timeout`), in milliseconds. */
  async #busyTimeout(): Promise<number> {
    const { rows } = await this.query<Record<string, unknown>>('PRAGMA busy_timeout');
    const value = Number(Object.values(rows[0] ?? {})[0]);
    return Number.isFinite(value) && value >= 0 ? value : 0;
  }

  /** The main database's file (`PRAGMA database_list`), for messages; `(in memory)` when none. */
  async #fileName(): Promise<string> {
    const { rows } = await this.query<{ name?: unknown; file?: unknown }>('PRAGMA database_list');
    const file = rows.find((row) => row.name === 'main')?.file;
    return typeof file === 'string' && file !== '' ? file : '(in memory)';
  }

  async #releaseWriteLock(): Promise<void> {
    if (!this.#lockTransactionOpen) {
      return;
    }
    if (this.#savepointOpen) {
      await this.rollback();
    }
    this.#lockTransactionOpen = false;
    await this.#ignoringNoTransaction('COMMIT');
  }

  /** Runs `sql`, ignoring the error SQLite gives when it already rolled the transaction back. */
  async #ignoringNoTransaction(sql: string): Promise<void> {
    try {
      await this.execute(sql);
    } catch (error) {
      if (!NO_TRANSACTION.test(messageOf(error))) {
        throw error;
      }
    }
  }

  /**
   * Rolls back a transaction left open, then closes the database if the dialect opened it (an
   * application's own client stays open).
   */
  async close(): Promise<void> {
    if (this.inTransaction) {
      this.#transactionOpen = false;
      this.#lockTransactionOpen = false;
      this.#savepointOpen = false;
      await this.#ignoringNoTransaction('ROLLBACK');
    }
    const statements = [...this.#statements.values()];
    this.#statements.clear();
    for (const statement of statements) await finalize(statement);
    if (!this.#ownsClient) {
      return;
    }
    await new Promise<void>((resolve, reject) => {
      this.client.close((error) => (error ? reject(error) : resolve()));
    });
  }
}

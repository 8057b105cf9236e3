import type { DatabaseConnection } from '../dialect/database-connection.js';

/** Who sent a deferred statement, for the message when it fails. */
export interface StatementOwner {
  /** `upgrade aaa1 -> bbb2`. */
  readonly step: string;
  readonly revision: string;
  /** The script, as shown to the user. */
  readonly path: string;
}

/** A statement waiting to be sent with others. */
export interface DeferredStatement {
  readonly sql: string;
  readonly owner: StatementOwner | undefined;
  /** Called with the rows the statement changed, when the driver says; may throw. */
  readonly checkRowCount?: (rowCount: number) => void;
}

/** Something to say once the statements queued before it have run. */
interface Announcement {
  readonly announce: () => void;
}

/** A deferred statement failed: which one, for whom, and why. */
export class DeferredStatementFailure extends Error {
  readonly statement: DeferredStatement;
  readonly databaseError: unknown;

  constructor(statement: DeferredStatement, databaseError: unknown) {
    super('A deferred statement failed', { cause: databaseError });
    this.statement = statement;
    this.databaseError = databaseError;
  }
}

/**
 * Runs a statement's row-count check; a failed check becomes a {@link DeferredStatementFailure}
 * too, so it is reported against the migration that sent the statement, not the one running
 * when the batch's outcome comes back.
 */
function checkRowCount(statement: DeferredStatement, rowCount: number): void {
  try {
    statement.checkRowCount?.(rowCount);
  } catch (error) {
    throw new DeferredStatementFailure(statement, error);
  }
}

/** Send a batch when it holds this many statements ... */
const MAXIMUM_STATEMENTS = 200;
/** ... or this much SQL. */
const MAXIMUM_CHARACTERS = 256 * 1024;

/**
 * Statements that must run alone: transaction control (a batch runs inside a savepoint) and
 * text holding more than one statement (`;` before the end), whose results could not be told
 * apart.
 */
const RUNS_ALONE = /^\s*(?:BEGIN|COMMIT|ROLLBACK|END|START|SAVEPOINT|RELEASE|ABORT|PREPARE|SET\s+TRANSACTION)\b/i;

/**
 * Sends the statements of many migrations in few round trips, on connections that can run a
 * batch (`DatabaseConnection.executeBatch`), inside a transaction of a run with transactional
 * DDL. A migration's `op.*` calls return at once; their statements go out when the batch is
 * full, before anything reads from the database (the caller flushes), and before the
 * transaction commits. Nothing is visible to other sessions earlier than it would have been:
 * the transaction is still open.
 *
 * A batch that fails is undone by the connection (a savepoint), then its statements are run one
 * by one, so the error names the exact statement and the migration that sent it.
 *
 * A full batch is sent without waiting for its result: the migrations after it go on queuing
 * their statements while the database works. Batches go out one after the other, in the order
 * they were filled, each only once the one before has succeeded; a caller that fills a batch
 * waits until the one before it is done, so one batch at most is in flight while the queue
 * fills. A failure is kept: every later `add()` and `flush()` throws it, so a migration that
 * catches it cannot make the run commit without the failed statement.
 */
export class StatementBatch {
  readonly #connection: DatabaseConnection & Required<Pick<DatabaseConnection, 'executeBatch'>>;
  #pending: Array<DeferredStatement | Announcement> = [];
  #statementCount = 0;
  #characters = 0;
  /** The last batch sent, until it is done. */
  #inFlight: Promise<void> | undefined;
  /** The failure of a batch, thrown by everything after it until `discard()`. */
  #failure: { readonly error: unknown } | undefined;

  constructor(connection: DatabaseConnection & Required<Pick<DatabaseConnection, 'executeBatch'>>) {
    this.#connection = connection;
  }

  /** Whether `sql` (without parameters) may wait in a batch. */
  static canDefer(sql: string): boolean {
    if (RUNS_ALONE.test(sql)) return false;
    const semicolon = sql.indexOf(';');
    return semicolon === -1 || sql.slice(semicolon).trim() === ';';
  }

  /** How much is waiting (statements, announcements, and a batch in flight, counted as one). */
  get size(): number {
    return this.#pending.length + (this.#inFlight === undefined ? 0 : 1);
  }

  /**
   * Queues a statement. When the batch is full, sends it after the batch in flight, and waits
   * for that one (throwing a failure of any batch so far).
   */
  async add(statement: DeferredStatement): Promise<void> {
    this.#throwFailure();
    const sql = statement.sql.trim().replace(/;$/, '');
    this.#pending.push({ ...statement, sql });
    this.#statementCount += 1;
    this.#characters += sql.length;
    if (this.#statementCount < MAXIMUM_STATEMENTS && this.#characters < MAXIMUM_CHARACTERS) return;
    // The queue is taken before anything is awaited: a concurrent `add()` starts a new batch.
    const previous = this.#sendAfter(this.#inFlight, this.#take());
    await previous?.catch(() => undefined);
    this.#throwFailure();
  }

  /**
   * Queues something to say (a migration's "Running ..." line) once the statements queued
   * before it have run: output then reads as if each statement had run when it was sent, and a
   * failure is never preceded by lines of migrations that did not get to run.
   */
  announce(announce: () => void): void {
    this.#pending.push({ announce });
  }

  /**
   * Forgets what is queued (the transaction is being rolled back), once the batch in flight is
   * done: nothing may reach the connection after the caller's ROLLBACK. Returns the failure of
   * a batch, if one failed: it happened before whatever made the caller roll back.
   */
  async discard(): Promise<{ readonly error: unknown } | undefined> {
    this.#take();
    const inFlight = this.#inFlight;
    this.#inFlight = undefined;
    await inFlight?.catch(() => undefined);
    const failure = this.#failure;
    this.#failure = undefined;
    return failure;
  }

  /**
   * Sends what is queued and waits for everything sent; throws a
   * {@link DeferredStatementFailure} naming the failing statement (or an earlier failure).
   */
  async flush(): Promise<void> {
    this.#throwFailure();
    this.#sendAfter(this.#inFlight, this.#take());
    await this.#inFlight?.catch(() => undefined);
    this.#throwFailure();
  }

  #throwFailure(): void {
    if (this.#failure !== undefined) throw this.#failure.error;
  }

  /**
   * Sends `entries` once `previous` has succeeded (not at all if it failed) and makes that the
   * batch in flight. Returns `previous`.
   */
  #sendAfter(
    previous: Promise<void> | undefined,
    entries: ReadonlyArray<DeferredStatement | Announcement>,
  ): Promise<void> | undefined {
    const sending = (async (): Promise<void> => {
      await previous;
      await this.#send(entries);
    })();
    this.#inFlight = sending;
    sending.then(
      () => {
        if (this.#inFlight === sending) this.#inFlight = undefined;
      },
      (error: unknown) => {
        // Recorded before anyone waiting on this batch resumes (reactions run in order).
        this.#failure ??= { error };
      },
    );
    return previous;
  }

  /** Empties the queue and returns what it held. */
  #take(): Array<DeferredStatement | Announcement> {
    const entries = this.#pending;
    this.#pending = [];
    this.#statementCount = 0;
    this.#characters = 0;
    return entries;
  }

  async #send(entries: ReadonlyArray<DeferredStatement | Announcement>): Promise<void> {
    if (entries.length === 0) return;
    const statements = entries.filter((entry): entry is DeferredStatement => 'sql' in entry);
    let rowCounts: readonly (number | undefined)[] = [];
    if (statements.length > 0) {
      try {
        rowCounts = await this.#connection.executeBatch(statements.map((statement) => statement.sql));
      } catch {
        await this.#runOneByOne(entries);
        return;
      }
    }
    let index = 0;
    for (const entry of entries) {
      if ('announce' in entry) {
        entry.announce();
        continue;
      }
      const rowCount = rowCounts[index];
      index += 1;
      if (rowCount !== undefined) checkRowCount(entry, rowCount);
    }
  }

  /** After a failed batch (undone by the connection): finds the statement that fails. */
  async #runOneByOne(entries: ReadonlyArray<DeferredStatement | Announcement>): Promise<void> {
    for (const statement of entries) {
      if ('announce' in statement) {
        statement.announce();
        continue;
      }
      let rowCount: number | undefined;
      try {
        rowCount = (await this.#connection.query(statement.sql)).rowCount;
      } catch (error) {
        throw new DeferredStatementFailure(statement, error);
      }
      if (rowCount !== undefined) checkRowCount(statement, rowCount);
    }
    // Every statement ran alone: only their running together failed (some statements refuse
    // to share a round trip); the work is done.
  }
}

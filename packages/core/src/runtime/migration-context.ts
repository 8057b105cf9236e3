import { tableExists } from '../dialect/table-exists.js';
import type { AutogenerateOptions } from '../autogenerate/autogenerate-options.js';
import type { Config } from '../config/config.js';
import { maskPassword } from '../config/database-url.js';
import { assertDialectContract } from '../dialect/assert-dialect-contract.js';
import type { DatabaseConnection } from '../dialect/database-connection.js';
import type { DdlCompiler } from '../dialect/ddl-compiler.js';
import type { Dialect, ReleaseMigrationLock } from '../dialect/dialect.js';
import { defaultCapabilities, type OfflineTransactionStatements } from '../dialect/dialect-capabilities.js';
import { CommandError } from '../errors/command-error.js';
import { MigrationFailedError } from '../errors/migration-failed-error.js';
import { requiresRecreate } from '../operations/batch/requires-recreate.js';
import type { Operation } from '../operations/operation.js';
import type { OperationInvoker } from '../operations/operation-invoker.js';
import { Operations } from '../operations/operations.js';
import type { TableModel } from '../schema/table.js';
import type { Script } from '../script/script.js';
import type { ScriptDirectory } from '../script/script-directory.js';
import { HeadMaintainer, checkVersionRowCount, type VersionTableWriter } from './head-maintainer.js';
import { flushingConnection } from './flushing-connection.js';
import { DeferredStatementFailure, StatementBatch, type StatementOwner } from './statement-batch.js';
import type { MigrationStep, VersionChange } from './migration-step.js';
import { OfflineOutput } from './offline-output.js';
import { runtimeStore } from './runtime-store.js';
import { createStepFunctionLoader, type StepFunction } from './load-step-function.js';
import { alembicCacheDirectory } from '../script/cache-directory.js';
import { lineInStack } from '../loader/user-code-location.js';
import { VersionTable, type VersionTableOptions } from './version-table.js';
import { acquireMigrationLock } from './migration-lock-wait.js';
import { trackWork } from './work-in-flight.js';

/** What the command wants done with the current heads: the steps to run (may print, return []). */
export type StepPlanner = (
  heads: readonly string[],
  context: MigrationContext,
) => MigrationStep[] | Promise<MigrationStep[]>;

/** Facts about one applied step, handed to `onVersionApply` callbacks. */
export interface VersionApplyEvent {
  readonly step: MigrationStep;
  /** The heads after the step. */
  readonly heads: ReadonlySet<string>;
  readonly runArguments: Readonly<Record<string, unknown>>;
}

/** Everything a {@link MigrationContext} needs. */
export interface MigrationContextOptions extends VersionTableOptions {
  readonly config: Config;
  readonly scripts: ScriptDirectory;
  readonly dialect: Dialect;
  /** The live connection; absent in offline (`--sql`) mode. */
  readonly connection?: DatabaseConnection;
  /** The URL, for messages (password masked). */
  readonly url?: string;
  /** Offline: the revision the SQL starts from (`start:end` ranges). */
  readonly startingRevision?: string | null;
  /** Override the dialect's `transactionalDdl`. */
  readonly transactionalDdl?: boolean;
  /** One transaction per migration instead of one around all of them. */
  readonly transactionPerMigration?: boolean;
  /** Offline: render values inline (the generic env.ts sets it). */
  readonly literalBinds?: boolean;
  /** Take the dialect's migration lock for runs that write (default true). */
  readonly lock?: boolean;
  /** Give up waiting for the migration lock after this long (`--lock-timeout`); default: wait. */
  readonly lockTimeoutMilliseconds?: number;
  /** Never create the version table (`current`). */
  readonly dontMutate?: boolean;
  /** Empty the version table first (`stamp --purge`). */
  readonly purge?: boolean;
  readonly onVersionApply?: readonly ((event: VersionApplyEvent) => void | Promise<void>)[];
  /**
   * Finds a migration's `upgrade` or `downgrade` function. By default every script of the
   * plan is imported before the first step runs; a test harness (`@alembic/testing`) or a bundled build supplies
   * the functions itself.
   */
  readonly loadStepFunction?: (script: Script, name: 'upgrade' | 'downgrade') => Promise<StepFunction>;
  /** The autogenerate settings `env.ts` gave `configure()` (`targetMetadata`, hooks...). */
  readonly autogenerate?: AutogenerateOptions;
}

/**
 * One run of migrations against one database (or one offline SQL stream): reads the current
 * heads, runs the planned steps inside the right transactions, keeps the version table, and
 * carries out operations (`op.*`) by compiling them with the dialect.
 */
export class MigrationContext implements OperationInvoker<MigrationContext, DatabaseConnection | undefined> {
  readonly dialect: Dialect;
  readonly compiler: DdlCompiler;
  readonly versionTable: VersionTable;
  readonly asSql: boolean;
  readonly #options: MigrationContextOptions;
  readonly #connection: DatabaseConnection | undefined;
  readonly #offline: OfflineOutput | undefined;
  readonly #transactionalDdl: boolean;
  #inTransaction = false;
  #releaseLock: ReleaseMigrationLock | undefined;
  /** The statement that just failed, if the last one sent failed (for the failure message). */
  #failedStatement: string | undefined;
  /** Statements waiting to be sent together (connections with `executeBatch`, transactional DDL). */
  readonly #batch: StatementBatch | undefined;
  /** The migration running now, for statements it defers. */
  #owner: StatementOwner | undefined;

  constructor(options: MigrationContextOptions) {
    assertDialectContract(options.dialect);
    this.#options = options;
    this.dialect = options.dialect;
    const connection = options.connection;
    this.asSql = connection === undefined;
    this.#transactionalDdl = options.transactionalDdl ?? options.dialect.capabilities.transactionalDdl;
    if (connection?.executeBatch !== undefined && this.#transactionalDdl && !options.dontMutate) {
      this.#batch = new StatementBatch(connection as ConstructorParameters<typeof StatementBatch>[0]);
      // Whoever uses the connection (op.getBind(), the dialect's compiler, introspection) first
      // sends what is waiting, so every read sees every earlier statement.
      this.#connection = flushingConnection(connection, () => this.flush());
    } else {
      this.#connection = connection;
    }
    this.compiler = options.dialect.createDdlCompiler({
      warn: (message) => options.config.warn(message),
      ...(this.#connection === undefined ? {} : { connection: this.#connection }),
      ...(options.url === undefined ? {} : { url: options.url }),
    });
    this.versionTable = new VersionTable(this.compiler, options);
    this.#offline = this.asSql
      ? new OfflineOutput({
          write: (line) => options.config.output.stdout(line),
          statementTerminator: options.dialect.capabilities.statementTerminator,
          batchSeparator: options.dialect.capabilities.batchSeparator,
        })
      : undefined;
  }

  /** The live connection (`undefined` offline). */
  get connection(): DatabaseConnection | undefined {
    return this.#connection;
  }

  /** Whether DDL runs inside transactions here. */
  get transactionalDdl(): boolean {
    return this.#transactionalDdl;
  }

  /** The autogenerate settings `env.ts` gave `configure()` (empty when it gave none). */
  get autogenerateOptions(): AutogenerateOptions {
    return this.#options.autogenerate ?? {};
  }

  /** The URL, password masked. */
  get displayUrl(): string {
    return maskPassword(this.#options.url ?? this.dialect.name);
  }

  // ---- the version table -------------------------------------------------------------------

  async #versionTableExists(): Promise<boolean> {
    const { tableName, schema } = this.versionTable;
    const introspector = this.dialect.createIntrospector(this.#requireConnection());
    return tableExists(introspector, tableName, schema === undefined ? {} : { schema });
  }

  /** The revisions the version table holds (offline: the starting revision of the range). */
  async getCurrentHeads(): Promise<string[]> {
    if (this.asSql) {
      const start = this.#options.startingRevision;
      if (start === undefined || start === null || start === 'base') return [];
      const resolved = this.#options.scripts.getRevisions(start);
      return resolved.map((script) => script.revision);
    }
    if (!(await this.#versionTableExists())) return [];
    const result = await this.#requireConnection().query<Record<string, unknown>>(this.versionTable.selectSql());
    return result.rows.map((row) => {
      const value = row.version_num ?? Object.values(row)[0];
      if (typeof value !== 'string') {
        throw new CommandError(
          `revision identifier ${String(value)} is not a string; ensure database driver settings are correct`,
        );
      }
      return value;
    });
  }

  /** Creates the version table if it is missing (`ensure-version`); offline, prints its DDL. */
  async ensureVersionTable(purge = false): Promise<void> {
    if (this.asSql) {
      for (const statement of this.versionTable.createStatements()) this.#offline?.statement(statement);
      return;
    }
    if (!(await this.#versionTableExists())) {
      for (const statement of this.versionTable.createStatements()) await this.executeSql(statement);
    }
    if (purge) await this.executeSql(this.versionTable.purgeSql());
  }

  #versionWriter(): VersionTableWriter {
    return {
      tableName: this.versionTable.tableName,
      checksRowCount: !this.asSql && this.dialect.capabilities.supportsSaneRowcount,
      apply: async (change: VersionChange) => {
        if (this.asSql) return this.executeSql(this.versionTable.changeSql(change));
        if (this.#batching) {
          const checks = this.dialect.capabilities.supportsSaneRowcount;
          const tableName = this.versionTable.tableName;
          await this.#deferStatement({
            sql: this.versionTable.changeSql(change),
            owner: this.#owner,
            ...(checks ? { checkRowCount: (touched: number) => checkVersionRowCount(change, tableName, touched) } : {}),
          });
          return undefined;
        }
        const statement = this.versionTable.changeStatement(change);
        return this.executeSql(statement.sql, statement.parameters);
      },
    };
  }

  // ---- transactions and the lock -----------------------------------------------------------

  /** What opens and closes a transaction offline: the dialect's, else `BEGIN` / `COMMIT`. */
  get #offlineTransaction(): OfflineTransactionStatements {
    return this.dialect.capabilities.offlineTransactionStatements ?? defaultCapabilities.offlineTransactionStatements;
  }

  /**
   * Runs `work` in a transaction as the configuration asks: with transactional DDL, one
   * transaction around the whole run (or one per migration with `transactionPerMigration`);
   * without, one per migration so the version table moves with each. Offline, the dialect's
   * `offlineTransactionStatements` (BEGIN / COMMIT) are printed instead. A failure rolls back
   * and rethrows. Read-only runs (`current`) open no transaction, so they never wait behind a
   * running upgrade's lock.
   */
  async beginTransaction<T>(work: () => Promise<T>, perMigration = false): Promise<T> {
    const perMigrationSetting = this.#options.transactionPerMigration ?? false;
    const now = this.#transactionalDdl ? perMigration === perMigrationSetting : perMigration;
    const readOnly = this.#options.dontMutate === true;
    if (readOnly || this.#inTransaction || !now || (this.asSql && !this.#transactionalDdl)) return work();
    if (this.asSql) {
      this.#offline?.statement(this.#offlineTransaction.begin);
      this.#inTransaction = true;
      let offlineResult: T;
      try {
        offlineResult = await work();
      } finally {
        this.#inTransaction = false;
      }
      this.#offline?.statement(this.#offlineTransaction.commit);
      return offlineResult;
    }
    const connection = this.#requireConnection();
    // The lock comes before BEGIN: a run waiting for it must hold no transaction (on PostgreSQL,
    // a waiting transaction deadlocks with another run's CREATE INDEX CONCURRENTLY).
    if (!readOnly) await this.#acquireLock();
    await connection.begin();
    this.#inTransaction = true;
    let result: T;
    try {
      // Should the work never finish (a promise nothing settles), the CLI rolls back through this.
      result = await trackWork({ abandon: () => this.#abandonTransaction(connection) }, work);
      await this.flush();
    } catch (error) {
      this.#inTransaction = false;
      // A batch that failed earlier is the first failure: report it rather than what followed
      // (a later script that would not load, say).
      const earlier = await this.#batch?.discard();
      await connection.rollback().catch(() => undefined);
      await this.#releaseLockNow();
      if (earlier !== undefined && !(error instanceof MigrationFailedError))
        throw this.#describeDeferredFailure(earlier.error);
      throw error;
    }
    this.#inTransaction = false;
    await connection.commit();
    if (!perMigration) await this.#releaseLockNow();
    return result;
  }

  /**
   * Runs `work` outside any transaction (e.g. `CREATE INDEX CONCURRENTLY`): commits what is
   * open, runs, and opens a new transaction after. Offline, prints COMMIT / BEGIN around it.
   */
  async autocommitBlock<T>(work: () => Promise<T>): Promise<T> {
    if (!this.#inTransaction) return work();
    if (this.asSql) {
      this.#offline?.statement(this.#offlineTransaction.commit);
      const result = await work();
      this.#offline?.statement(this.#offlineTransaction.begin);
      return result;
    }
    const connection = this.#requireConnection();
    await connection.commit();
    this.#inTransaction = false;
    try {
      return await work();
    } finally {
      await connection.begin();
      this.#inTransaction = true;
    }
  }

  /** Rolls back the open transaction of work that can never finish, and lets the lock go. */
  async #abandonTransaction(connection: DatabaseConnection): Promise<string | undefined> {
    if (!this.#inTransaction) return undefined;
    this.#inTransaction = false;
    await this.#batch?.discard();
    await connection.rollback();
    await this.#releaseLockNow().catch(() => undefined);
    return 'its transaction was rolled back';
  }

  async #acquireLock(): Promise<void> {
    if (this.asSql || this.#options.lock === false || this.#releaseLock !== undefined) return;
    const config = this.#options.config;
    this.#releaseLock = await acquireMigrationLock({
      dialect: this.dialect,
      connection: this.#requireConnection(),
      lockName: `alembic:${this.versionTable.schema ?? ''}.${this.versionTable.tableName}`,
      timeoutMilliseconds: this.#options.lockTimeoutMilliseconds,
      database: this.displayUrl,
      // Shown even with -q: a run that waits must not look like one that hangs.
      notice: (line) => config.output.stderr(line),
    });
  }

  async #releaseLockNow(): Promise<void> {
    const release = this.#releaseLock;
    this.#releaseLock = undefined;
    if (release !== undefined) await release();
  }

  // ---- running -----------------------------------------------------------------------------

  /**
   * Reads the current heads (after taking the lock, for runs that write), asks `planSteps` what
   * to do, and runs each step with its version table change.
   */
  async runMigrations(planSteps: StepPlanner, runArguments: Readonly<Record<string, unknown>> = {}): Promise<void> {
    const options = this.#options;
    const writes = !options.dontMutate;
    if (writes) await this.#acquireLock();
    try {
      let heads: string[];
      if (options.purge) {
        if (this.asSql) throw new CommandError("Can't use --purge with --sql mode");
        await this.ensureVersionTable(true);
        heads = [];
      } else {
        heads = await this.getCurrentHeads();
      }
      const steps = await planSteps(heads, this);
      const load =
        options.loadStepFunction ??
        (await createStepFunctionLoader(
          steps.flatMap((step) => (step.script === undefined ? [] : [step.script])),
          alembicCacheDirectory(options.config.directory),
        ));
      // Every script of the plan is loaded before the first statement, as Alembic imports them
      // all up front: a script that does not load fails the run before anything is written
      // (on MySQL/MariaDB, whose DDL commits, the earlier steps would otherwise stay applied).
      const stepFunctions = new Map<MigrationStep, StepFunction>();
      for (const step of steps) {
        if (step.script !== undefined)
          stepFunctions.set(step, await load(step.script, step.isUpgrade ? 'upgrade' : 'downgrade'));
      }
      // Created only once every script loaded, so a run that fails to load leaves no trace.
      if (!options.purge && !this.asSql && heads.length === 0 && writes) await this.ensureVersionTable();
      const maintainer = new HeadMaintainer(heads, this.#versionWriter());
      const operations = new Operations<MigrationContext, DatabaseConnection | undefined>(this);
      const scope = runtimeStore().getStore();
      if (scope !== undefined) scope.operations = operations;
      const started = performance.now();
      for (const [index, step] of steps.entries()) {
        await this.beginTransaction(async () => {
          if (this.asSql && maintainer.heads.size === 0) {
            for (const statement of this.versionTable.createStatements()) this.#offline?.statement(statement);
          }
          const counter = steps.length > 20 ? `[${index + 1}/${steps.length}] ` : '';
          const running = `${counter}Running ${step.description}`;
          if (this.#batching) {
            this.#batch?.announce(() => options.config.log(running));
          } else {
            options.config.log(running);
          }
          if (this.asSql) this.#offline?.raw(`-- Running ${step.shortLog}`);
          this.#owner = this.#ownerOf(step);
          await this.#runStep(step, stepFunctions, operations, runArguments);
          await maintainer.updateToStep(step);
          if (options.onVersionApply !== undefined && options.onVersionApply.length > 0) {
            await this.flush();
            for (const callback of options.onVersionApply) {
              await callback({ step, heads: maintainer.heads, runArguments });
            }
          }
        }, true);
      }
      this.#owner = undefined;
      await this.flush();
      if (steps.length > 20) {
        options.config.log(`${steps.length} migrations in ${((performance.now() - started) / 1000).toFixed(2)} s`);
      }
    } finally {
      if (!this.#inTransaction) await this.#releaseLockNow();
    }
  }

  async #runStep(
    step: MigrationStep,
    stepFunctions: ReadonlyMap<MigrationStep, StepFunction>,
    operations: Operations<MigrationContext, DatabaseConnection | undefined>,
    runArguments: Readonly<Record<string, unknown>>,
  ): Promise<void> {
    const script = step.script;
    const run = stepFunctions.get(step);
    if (script === undefined || run === undefined) return;
    const name = step.isUpgrade ? 'upgrade' : 'downgrade';
    this.#failedStatement = undefined;
    const subject = `${step.shortLog} (${this.#options.scripts.displayPath(script.path)})`;
    try {
      await trackWork({ subject, awaiting: `${name}()` }, async () => run(operations, runArguments));
    } catch (error) {
      if (error instanceof MigrationFailedError) throw error;
      // A statement this migration (or an earlier one) deferred may be what really failed.
      await this.flush();
      throw new MigrationFailedError({
        step: step.shortLog,
        revision: script.revision,
        path: this.#options.scripts.displayPath(script.path),
        line: lineInStack(error, script.path),
        statement: this.#failedStatement,
        cause: this.dialect.translateError(error),
      });
    }
  }

  // ---- executing ---------------------------------------------------------------------------

  #requireConnection(): DatabaseConnection {
    if (this.#connection === undefined) {
      throw new CommandError('This needs a database connection, and the migration runs in offline (--sql) mode');
    }
    return this.#connection;
  }

  /**
   * Runs (or, offline, prints) one SQL statement; returns the rows it touched when known. In a
   * transaction on a connection that runs batches, a statement without parameters may wait to
   * be sent with others (see {@link StatementBatch}); its row count is then not known.
   */
  async executeSql(sql: string, parameters: readonly unknown[] = []): Promise<number | undefined> {
    this.#failedStatement = undefined;
    if (this.asSql) {
      this.#offline?.statement(sql);
      return undefined;
    }
    if (this.#batching && parameters.length === 0 && StatementBatch.canDefer(sql)) {
      await this.#deferStatement({ sql, owner: this.#owner });
      return undefined;
    }
    try {
      const result = await this.#requireConnection().query(sql, parameters);
      return result.rowCount;
    } catch (error) {
      this.#failedStatement = sql;
      throw error;
    }
  }

  /** Prints text as it is into the offline SQL (a comment, say); ignored online. */
  staticOutput(text: string): void {
    this.#offline?.raw(text);
  }

  /** Carries out one operation: compiles it with the dialect and runs or prints the SQL. */
  async invoke(operation: Operation): Promise<void> {
    if (operation.kind === 'execute' && operation.parameters !== undefined && !this.asSql) {
      const compiled = this.compiler.compileParameterized(operation);
      await this.executeSql(compiled.sql, compiled.parameters);
      return;
    }
    let prepared = operation;
    if (
      operation.kind === 'batchAlterTable' &&
      operation.copyFrom === undefined &&
      !this.asSql &&
      requiresRecreate(operation.operations, this.dialect.capabilities, operation.recreate)
    ) {
      prepared = { ...operation, copyFrom: await this.#reflectTable(operation.tableName, operation.schema) };
    }
    for (const statement of this.compiler.compile(prepared)) await this.executeSql(statement);
  }

  async #reflectTable(tableName: string, schema: string | undefined): Promise<TableModel> {
    await this.flush();
    const introspector = this.dialect.createIntrospector(this.#requireConnection());
    const found = await introspector.getTable(tableName, schema === undefined ? {} : { schema });
    if (found === undefined) {
      throw new CommandError(
        `Batch mode: table '${tableName}' does not exist (or cannot be reflected) in the database`,
      );
    }
    return found;
  }

  // ---- deferred statements -----------------------------------------------------------------

  #ownerOf(step: MigrationStep): StatementOwner | undefined {
    const script = step.script;
    if (script === undefined) return undefined;
    return { step: step.shortLog, revision: script.revision, path: this.#options.scripts.displayPath(script.path) };
  }

  async #deferStatement(statement: Parameters<StatementBatch['add']>[0]): Promise<void> {
    try {
      await this.#batch?.add(statement);
    } catch (error) {
      throw this.#describeDeferredFailure(error);
    }
  }

  /** Statements wait to go out together now: a batching connection, inside a transaction. */
  get #batching(): boolean {
    return this.#batch !== undefined && this.#inTransaction;
  }

  /**
   * Sends the statements waiting to go out together (see {@link executeSql}); a failure names
   * its statement and migration. Everything that goes through this context or `op.getBind()`
   * does this itself; code that talks to the raw driver (`op.getBind().client`) calls it first.
   */
  async flush(): Promise<void> {
    if (this.#batch === undefined || this.#batch.size === 0) return;
    try {
      await this.#batch.flush();
    } catch (error) {
      throw this.#describeDeferredFailure(error);
    }
  }

  #describeDeferredFailure(error: unknown): unknown {
    if (!(error instanceof DeferredStatementFailure)) return error;
    const { owner, sql } = error.statement;
    const cause = this.dialect.translateError(error.databaseError);
    if (owner === undefined) {
      return new CommandError(`Statement "${sql}" failed: ${cause instanceof Error ? cause.message : String(cause)}`, {
        cause,
      });
    }
    return new MigrationFailedError({ ...owner, statement: sql, cause });
  }

  /** The connection, for `op.getBind()`. */
  getBind(): DatabaseConnection | undefined {
    return this.#connection;
  }

  /** This context, for `op.getContext()`. */
  getContext(): MigrationContext {
    return this;
  }
}

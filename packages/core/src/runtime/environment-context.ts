import type { AutogenerateOptions } from '../autogenerate/autogenerate-options.js';
import type { Config } from '../config/config.js';
import { anchorSqliteUrl } from '../config/database-url.js';
import type { DatabaseConnection } from '../dialect/database-connection.js';
import type { Dialect } from '../dialect/dialect.js';
import { resolveDialect } from '../dialect/resolve-dialect.js';
import { CommandError } from '../errors/command-error.js';
import type { RevisionTarget } from '../revision/revision-target.js';
import type { ScriptDirectory } from '../script/script-directory.js';
import { MigrationContext, type StepPlanner, type VersionApplyEvent } from './migration-context.js';
import { watchConnectionActivity } from './connection-activity.js';

/**
 * What `env.ts` passes to `context.configure()`. Only these keys (and the autogenerate
 * settings of {@link AutogenerateOptions}): a misspelled one does not compile.
 */
export interface ConfigureOptions extends AutogenerateOptions {
  /** A connection from `context.connect()` (online mode). */
  readonly connection?: DatabaseConnection;
  /** The database URL (offline mode: only its scheme matters). Default: the config's `url`. */
  readonly url?: string;
  /** The dialect to use, when the connection did not come from `context.connect()`. */
  readonly dialect?: Dialect;
  readonly transactionalDdl?: boolean;
  readonly transactionPerMigration?: boolean;
  /** Offline: inline parameter values in the SQL. */
  readonly literalBinds?: boolean;
  readonly versionTable?: string;
  readonly versionTableSchema?: string;
  readonly versionTablePrimaryKey?: boolean;
  readonly versionNumWidth?: number;
  /** Offline: the revision the SQL starts from (overrides a `start:` range). */
  readonly startingRevision?: string;
  /** Called after each step with the step and the heads after it. */
  readonly onVersionApply?: (event: VersionApplyEvent) => void | Promise<void>;
  /** Template variables for `revision` (when `revisionEnvironment` is on). */
  readonly templateArguments?: Readonly<Record<string, unknown>>;
}

/** How a command runs the environment. */
export interface EnvironmentOptions {
  readonly config: Config;
  readonly scripts: ScriptDirectory;
  /** Given the current heads, the steps to run (may only print and return none). */
  readonly planSteps: StepPlanner;
  /** `--sql`. */
  readonly asSql?: boolean;
  readonly startingRevision?: string | null;
  readonly destinationRevision?: RevisionTarget;
  readonly tag?: string | null;
  readonly purge?: boolean;
  /** Read-only run (`current`, `history -i`): never creates the version table, takes no lock. */
  readonly dontMutate?: boolean;
  /** `--no-lock`: do not take the migration lock. */
  readonly noLock?: boolean;
  /** `--lock-timeout`, in seconds: overrides the config's `lockTimeout`. */
  readonly lockTimeout?: number;
  /** `--statement-timeout`, in seconds: overrides the config's `statementTimeout`. */
  readonly statementTimeout?: number;
}

function milliseconds(seconds: number | undefined): number | undefined {
  return seconds === undefined ? undefined : Math.round(seconds * 1000);
}

/**
 * What `env.ts` sees as `context`: the command's intent (online or offline, target revision,
 * `-x` arguments, tag), `configure()` to say how to reach the database, and `runMigrations()`.
 *
 * ```ts
 * import { context } from '@alembic/core';
 *
 * const connection = await context.connect();
 * context.configure({ connection });
 * await context.beginTransaction(() => context.runMigrations());
 * await connection.close();
 * ```
 */
export class EnvironmentContext {
  readonly #options: EnvironmentOptions;
  readonly #dialectByConnection = new WeakMap<DatabaseConnection, Dialect>();
  #configured: ConfigureOptions | undefined;
  #migrationContext: MigrationContext | undefined;

  constructor(options: EnvironmentOptions) {
    this.#options = options;
  }

  /** The configuration (`alembic.config.ts` values, `-x` arguments). */
  get config(): Config {
    return this.#options.config;
  }

  /** The script directory. */
  get script(): ScriptDirectory {
    return this.#options.scripts;
  }

  /** True for `--sql` runs: no database, SQL printed instead. */
  isOfflineMode(): boolean {
    return this.#options.asSql === true;
  }

  /** Whether DDL runs in transactions, as configured or as the dialect says. */
  isTransactionalDdl(): boolean {
    return this.getContext().transactionalDdl;
  }

  /** True unless offline. */
  requiresConnection(): boolean {
    return !this.isOfflineMode();
  }

  /**
   * The `-x` arguments: as given (`['key=value', ...]`), or as a record (a bare `key` maps to
   * an empty string).
   */
  getXArgument(options: { asDictionary: true }): Record<string, string>;
  getXArgument(options?: { asDictionary?: false }): string[];
  getXArgument(options: { asDictionary?: boolean } = {}): string[] | Record<string, string> {
    const values = [...this.config.xArguments];
    if (!options.asDictionary) return values;
    return Object.fromEntries(
      values.map((value) => {
        const at = value.indexOf('=');
        return at < 0 ? [value, ''] : [value.slice(0, at), value.slice(at + 1)];
      }),
    );
  }

  /** `--tag`, if given. */
  getTagArgument(): string | undefined {
    return this.#options.tag ?? undefined;
  }

  /** The start of an offline `start:end` range, resolved to an id (`base` gives `null`). */
  getStartingRevisionArgument(): string | null {
    const start = this.#configured?.startingRevision ?? this.#options.startingRevision;
    if (start === undefined || start === null) {
      throw new CommandError('No starting revision argument is available.');
    }
    return this.script.getRevision(start)?.revision ?? null;
  }

  /** The destination the command was given, resolved (`head` → its id, `base` → `null`). */
  getRevisionArgument(): string | readonly string[] | null {
    const destination = this.#options.destinationRevision ?? null;
    const resolved = this.script.getRevisions(destination).map((script) => script.revision);
    if (resolved.length === 0) return null;
    return resolved.length === 1 ? (resolved[0] as string) : resolved;
  }

  /** The single head of the scripts (throws when there are several). */
  getHeadRevision(): string | null {
    return this.script.getRevision('head')?.revision ?? null;
  }

  /** Every head of the scripts. */
  getHeadRevisions(): readonly string[] {
    return this.script.getHeads();
  }

  /**
   * Connects to `url` (default: the config's `url`), with the dialect its scheme names. A
   * relative SQLite file is taken relative to the config file's directory. The statement
   * timeout (`--statement-timeout`, `statementTimeout`) applies to this connection, on dialects
   * whose database has one (a warning says so on the others).
   */
  async connect(url?: string): Promise<DatabaseConnection> {
    const target = this.#resolveUrl(url);
    const dialect = await this.#resolveDialect(target);
    const statementTimeoutMilliseconds = milliseconds(
      this.#options.statementTimeout ?? this.config.values.statementTimeout,
    );
    if (statementTimeoutMilliseconds !== undefined && !dialect.capabilities.supportsStatementTimeout) {
      this.config.warn(
        `The ${dialect.name} dialect has no statement timeout: statementTimeout (--statement-timeout) is ignored`,
      );
    }
    const connection =
      statementTimeoutMilliseconds === undefined
        ? await dialect.connect(target)
        : await dialect.connect(target, { statementTimeoutMilliseconds });
    this.#dialectByConnection.set(connection, dialect);
    watchConnectionActivity(connection);
    return connection;
  }

  #resolveUrl(url: string | undefined): string {
    const chosen = url ?? this.config.values.url;
    if (chosen === undefined || chosen === '') {
      throw new CommandError(
        `No database URL: set 'url' in ${this.config.configFile ?? 'the config'} (or DATABASE_URL), or pass one to context.connect()`,
      );
    }
    return anchorSqliteUrl(chosen, this.config.directory);
  }

  #resolveDialect(url: string): Promise<Dialect> {
    return resolveDialect(url, {
      configured: this.config.values.dialects,
      projectDirectory: this.config.directory,
      searchDirectories: this.config.searchDirectories,
    });
  }

  /** Says how to reach the database for this run. Call it before `runMigrations()`. */
  configure(options: ConfigureOptions = {}): void {
    this.#configured = options;
    this.#migrationContext = undefined;
  }

  async #prepareMigrationContext(): Promise<MigrationContext> {
    if (this.#migrationContext !== undefined) return this.#migrationContext;
    const configured = this.#configured;
    if (configured === undefined) {
      throw new CommandError('env.ts must call context.configure({ ... }) before context.runMigrations()');
    }
    const connection = this.isOfflineMode() ? undefined : configured.connection;
    if (!this.isOfflineMode() && connection === undefined) {
      throw new CommandError(
        'context.configure() needs a connection in online mode: context.configure({ connection: await context.connect() })',
      );
    }
    const url = configured.url ?? this.config.values.url;
    const dialect =
      configured.dialect ??
      (connection !== undefined ? this.#dialectByConnection.get(connection) : undefined) ??
      (url !== undefined ? await this.#resolveDialect(this.#resolveUrl(url)) : undefined);
    if (dialect === undefined) {
      throw new CommandError(
        'context.configure() needs a dialect: pass a connection from context.connect(), a url, or a dialect object',
      );
    }
    const values = this.config.values;
    this.#migrationContext = new MigrationContext({
      config: this.config,
      scripts: this.script,
      dialect,
      ...(connection === undefined ? {} : { connection }),
      ...(url === undefined ? {} : { url }),
      startingRevision: configured.startingRevision ?? this.#options.startingRevision ?? null,
      ...(configured.transactionalDdl === undefined ? {} : { transactionalDdl: configured.transactionalDdl }),
      ...(configured.transactionPerMigration === undefined
        ? {}
        : { transactionPerMigration: configured.transactionPerMigration }),
      tableName: configured.versionTable ?? values.versionTable,
      schema: configured.versionTableSchema ?? values.versionTableSchema,
      versionNumWidth: configured.versionNumWidth ?? values.versionNumWidth,
      primaryKey: configured.versionTablePrimaryKey ?? true,
      lock: !(this.#options.noLock ?? false),
      lockTimeoutMilliseconds: milliseconds(this.#options.lockTimeout ?? values.lockTimeout),
      dontMutate: this.#options.dontMutate ?? false,
      purge: this.#options.purge ?? false,
      onVersionApply: configured.onVersionApply === undefined ? [] : [configured.onVersionApply],
      autogenerate: configured,
    });
    return this.#migrationContext;
  }

  /** The migration context built by `configure()` (available once a run has begun). */
  getContext(): MigrationContext {
    if (this.#migrationContext === undefined) {
      throw new CommandError('No migration context yet: call context.configure() and context.runMigrations() first');
    }
    return this.#migrationContext;
  }

  /**
   * The connection given to `configure()`; once the run has begun, as the migration context
   * hands it out (it sends deferred statements before anything else).
   */
  getBind(): DatabaseConnection | undefined {
    return this.#migrationContext?.connection ?? this.#configured?.connection;
  }

  /**
   * Runs `work` in the run's transaction (one around all migrations by default on
   * transactional dialects; see `MigrationContext.beginTransaction`).
   */
  async beginTransaction<T>(work: () => Promise<T>): Promise<T> {
    const migrationContext = await this.#prepareMigrationContext();
    return migrationContext.beginTransaction(work, false);
  }

  /** Runs the command's migrations (or its read-only work) on the configured database. */
  async runMigrations(runArguments: Readonly<Record<string, unknown>> = {}): Promise<void> {
    const migrationContext = await this.#prepareMigrationContext();
    await migrationContext.runMigrations(this.#options.planSteps, runArguments);
  }

  /** Runs SQL (or prints it offline). */
  async execute(sql: string): Promise<void> {
    const migrationContext = await this.#prepareMigrationContext();
    await migrationContext.executeSql(sql);
  }

  /** Prints text into the offline SQL as it is. */
  staticOutput(text: string): void {
    this.getContext().staticOutput(text);
  }

  /** Prints a line of regular output. */
  print(line: string): void {
    this.config.print(line);
  }
}

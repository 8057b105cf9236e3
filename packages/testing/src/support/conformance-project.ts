import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Config, ScriptDirectory } from '@alembic/core';
import type { DatabaseConnection, Dialect, MigrationStep, Operations, Script, VersionApplyEvent } from '@alembic/core';
import { MigrationContext, planDowngrade, planUpgrade, type StepFunction } from '@alembic/core/internal';

/** The `op` a conformance migration receives. */
export type MigrationOperations = Operations<MigrationContext, DatabaseConnection | undefined>;

/** A revision reference as scripts declare it. */
export type RevisionList = string | readonly string[] | null;

/** One migration of a conformance project: its place in the graph and its two functions. */
export interface ConformanceMigration {
  readonly revision: string;
  readonly downRevision: RevisionList;
  readonly branchLabels?: RevisionList;
  readonly dependsOn?: RevisionList;
  /** The doc comment's first line (default `rev <revision>`). */
  readonly message?: string;
  readonly upgrade: (op: MigrationOperations) => unknown;
  readonly downgrade: (op: MigrationOperations) => unknown;
  /** Makes loading the migration fail with this message, as a script with a syntax error does. */
  readonly loadError?: string;
}

/** How one run is configured (what `env.ts` would pass to `context.configure()`). */
export interface RunSettings {
  /** Version table name (default `alembic_version`). */
  readonly versionTable?: string;
  /** Width of `version_num` (default 32). */
  readonly versionNumWidth?: number;
  readonly transactionPerMigration?: boolean;
  /** Take the migration lock (default true, as the CLI without `--no-lock`). */
  readonly lock?: boolean;
  readonly onVersionApply?: (event: VersionApplyEvent) => void | Promise<void>;
  /** The URL shown in messages and given to the dialect's compiler. */
  readonly url?: string;
}

/** What a run printed: offline SQL on `stdout`, progress on `stderr`. */
export interface RunOutput {
  readonly stdout: readonly string[];
  readonly stderr: readonly string[];
}

function literal(value: RevisionList | undefined): string {
  if (value === null || value === undefined) return 'null';
  return JSON.stringify(typeof value === 'string' ? value : [...value]);
}

function revisesText(value: RevisionList): string {
  if (value === null) return '';
  return typeof value === 'string' ? value : value.join(', ');
}

/**
 * A temporary migration environment for the suite: real script files in `versions/` (their
 * headers read by core's `ScriptDirectory` exactly as the CLI reads them), whose `upgrade` and
 * `downgrade` functions are the test's closures, handed to core's `MigrationContext` through
 * its `loadStepFunction` option. Runs go through `MigrationContext.beginTransaction` and
 * `runMigrations` as the generic `env.ts` does, with the planner of `upgrade` / `downgrade`.
 */
export class ConformanceProject {
  readonly directory: string;
  readonly #dialect: Dialect;
  readonly #migrations: ReadonlyMap<string, ConformanceMigration>;

  constructor(dialect: Dialect, migrations: readonly ConformanceMigration[]) {
    this.#dialect = dialect;
    this.#migrations = new Map(migrations.map((migration) => [migration.revision, migration]));
    this.directory = mkdtempSync(join(tmpdir(), 'alembic-conformance-'));
    mkdirSync(join(this.directory, 'versions'));
    for (const migration of migrations) this.#writeScript(migration);
  }

  #writeScript(migration: ConformanceMigration): void {
    const message = migration.message ?? `rev ${migration.revision}`;
    const source = `/**
 * ${message}
 *
 * Revision ID: ${migration.revision}
 * Revises: ${revisesText(migration.downRevision)}
 * Create Date: 2026-01-01 00:00:00.000000
 */
export const revision = ${JSON.stringify(migration.revision)};
export const downRevision = ${literal(migration.downRevision)};
export const branchLabels = ${literal(migration.branchLabels)};
export const dependsOn = ${literal(migration.dependsOn)};

// The functions are the conformance test's own, handed to the runtime by @alembic/testing.
export async function upgrade() {
  throw new Error('run through @alembic/testing only');
}

export async function downgrade() {
  throw new Error('run through @alembic/testing only');
}
`;
    writeFileSync(join(this.directory, 'versions', `${migration.revision}_step.mjs`), source);
  }

  #config(output: { stdout: string[]; stderr: string[] }): Config {
    return new Config({
      configFile: null,
      directory: this.directory,
      values: { scriptLocation: this.directory },
      output: { stdout: (line) => output.stdout.push(line), stderr: (line) => output.stderr.push(line) },
    });
  }

  async #loadStepFunction(script: Script, name: 'upgrade' | 'downgrade'): Promise<StepFunction> {
    const migration = this.#migrations.get(script.revision);
    if (migration === undefined) throw new Error(`No conformance migration ${script.revision}`);
    if (migration.loadError !== undefined) throw new Error(migration.loadError);
    return (operations) => migration[name](operations as MigrationOperations);
  }

  #context(
    config: Config,
    scripts: ScriptDirectory,
    connection: DatabaseConnection | undefined,
    settings: RunSettings,
    startingRevision: string | null = null,
  ): MigrationContext {
    return new MigrationContext({
      config,
      scripts,
      dialect: this.#dialect,
      ...(connection === undefined ? {} : { connection }),
      ...(settings.url === undefined ? {} : { url: settings.url }),
      startingRevision,
      ...(settings.transactionPerMigration === undefined
        ? {}
        : { transactionPerMigration: settings.transactionPerMigration }),
      ...(settings.versionTable === undefined ? {} : { tableName: settings.versionTable }),
      ...(settings.versionNumWidth === undefined ? {} : { versionNumWidth: settings.versionNumWidth }),
      lock: settings.lock ?? true,
      literalBinds: connection === undefined,
      onVersionApply: settings.onVersionApply === undefined ? [] : [settings.onVersionApply],
      loadStepFunction: (script, name) => this.#loadStepFunction(script, name),
    });
  }

  async #run(
    connection: DatabaseConnection | undefined,
    plan: (scripts: ScriptDirectory, heads: readonly string[]) => MigrationStep[],
    settings: RunSettings,
    startingRevision: string | null = null,
  ): Promise<RunOutput> {
    const output = { stdout: [] as string[], stderr: [] as string[] };
    const config = this.#config(output);
    const scripts = ScriptDirectory.fromConfig(config);
    const context = this.#context(config, scripts, connection, settings, startingRevision);
    // As the generic env.ts: one transaction around the run (per migration without transactional DDL).
    await context.beginTransaction(() => context.runMigrations((heads) => plan(scripts, heads)));
    return output;
  }

  /** `alembic upgrade <target>` on `connection`. */
  upgrade(connection: DatabaseConnection, target = 'heads', settings: RunSettings = {}): Promise<RunOutput> {
    return this.#run(connection, (scripts, heads) => planUpgrade(scripts, target, heads), settings);
  }

  /** `alembic downgrade <target>` on `connection` (`base` for everything). */
  downgrade(connection: DatabaseConnection, target: string, settings: RunSettings = {}): Promise<RunOutput> {
    return this.#run(
      connection,
      (scripts, heads) => planDowngrade(scripts, target === 'base' ? null : target, heads),
      settings,
    );
  }

  /**
   * `alembic upgrade <range> --sql` / `alembic downgrade <start:end> --sql`: no connection; the
   * SQL as printed, one line per entry. `range` is `end` or `start:end`.
   */
  async offline(command: 'upgrade' | 'downgrade', range: string, settings: RunSettings = {}): Promise<RunOutput> {
    const colon = range.indexOf(':');
    const start = colon < 0 ? null : range.slice(0, colon);
    const end = colon < 0 ? range : range.slice(colon + 1);
    const plan =
      command === 'upgrade'
        ? (scripts: ScriptDirectory, heads: readonly string[]) => planUpgrade(scripts, end, heads)
        : (scripts: ScriptDirectory, heads: readonly string[]) =>
            planDowngrade(scripts, end === 'base' ? null : end, heads);
    return this.#run(undefined, plan, settings, start);
  }

  /** The heads the version table holds (`alembic current`), read without writing. */
  async currentHeads(connection: DatabaseConnection, settings: RunSettings = {}): Promise<string[]> {
    const output = { stdout: [] as string[], stderr: [] as string[] };
    const config = this.#config(output);
    const context = this.#context(config, ScriptDirectory.fromConfig(config), connection, settings);
    return (await context.getCurrentHeads()).sort();
  }

  /** Removes the project directory. */
  dispose(): void {
    rmSync(this.directory, { recursive: true, force: true });
  }
}

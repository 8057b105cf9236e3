/**
 * Helpers for the end-to-end tests that run migrations: projects made with `alembic init`
 * (generic template, SQLite default URL `sqlite:///alembic.db`), hand-written migration
 * scripts that create one table each, the state of the SQLite database read with the sqlite3
 * driver, the `Running ...` progress lines, and processes started in the background (for
 * concurrent runs and signals).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

import {
  cliBinPath,
  cliChildEnvironment,
  createProject,
  outputLines,
  type CommandResult,
  type RunOptions,
  type TemporaryProject,
} from './run-cli.js';
import type { RevisionReference } from './script-files.js';

// ---------------------------------------------------------------------------------------------
// projects and outcomes

/** Asserts a command exited 0, showing its output when it did not. */
export function expectSuccess(result: CommandResult): void {
  if (result.status !== 0) {
    throw new Error(
      `expected exit 0, got ${String(result.status)}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`,
    );
  }
}

/**
 * Asserts our failure convention: exit 1, exactly one `FAILED: <message>` line on stderr, and
 * no `FAILED` on stdout. A string must equal the message; a RegExp must match it.
 */
export function expectFailure(result: CommandResult, message: string | RegExp): void {
  const failedLines = outputLines(result.stderr).filter((line) => line.startsWith('FAILED:'));
  expect({ status: result.status, failedLines: failedLines.length, stdout: result.stdout.includes('FAILED') }).toEqual({
    status: 1,
    failedLines: 1,
    stdout: false,
  });
  const line = failedLines[0] as string;
  if (typeof message === 'string') {
    expect(line).toBe(`FAILED: ${message}`);
  } else {
    expect(line.slice('FAILED: '.length)).toMatch(message);
  }
}

/** A project after `alembic init migrations` (generic template, SQLite `alembic.db`). */
export function initMigrationProject(namePrefix = 'run'): TemporaryProject {
  const project = createProject(namePrefix);
  expectSuccess(project.run(['init', 'migrations']));
  return project;
}

/**
 * A project whose caches live inside it (an empty `node_modules` makes the cache
 * `node_modules/.cache/alembic`; `@alembic/core` still resolves from the CLI).
 */
export function projectWithLocalCache(namePrefix: string): TemporaryProject {
  const project = initMigrationProject(namePrefix);
  project.write('node_modules/.keep', '');
  return project;
}

/** The line of the generic `env.ts` that imports `context`. */
const ENVIRONMENT_IMPORT = "import { context } from '@alembic/core';";

/** Adds `code` (imports, probes) to the generic `env.ts`, right after its import of `context`. */
export function addToEnvironment(project: TemporaryProject, code: string): void {
  const environment = project.read('migrations/env.ts');
  if (!environment.includes(ENVIRONMENT_IMPORT))
    throw new Error('env.ts does not import context as the generic template does');
  project.write('migrations/env.ts', environment.replace(ENVIRONMENT_IMPORT, `${ENVIRONMENT_IMPORT}\n${code}`));
}

/** Runs a command that must succeed; returns its result. */
export function runOk(
  project: TemporaryProject,
  commandArguments: readonly string[],
  options?: RunOptions,
): CommandResult {
  const result = project.run(commandArguments, options);
  expectSuccess(result);
  return result;
}

/**
 * The `Running upgrade a -> b` progress lines of a run (stderr), with the `, <message>` of the
 * migrations written by {@link writeMigration} (`rev <id>`) removed:
 * `['upgrade  -> aaaa', 'upgrade aaaa -> bbbb']`.
 */
export function runningSteps(result: CommandResult): string[] {
  return outputLines(result.stderr)
    .filter((line) => line.startsWith('Running '))
    .map((line) => line.slice('Running '.length).replace(/, rev \w+$/, ''));
}

/** Lines migrations printed with `console.log('probe: ...')`, without the prefix. */
export function probes(stdout: string): string[] {
  return outputLines(stdout)
    .filter((line) => line.startsWith('probe: '))
    .map((line) => line.slice('probe: '.length));
}

// ---------------------------------------------------------------------------------------------
// migration scripts

/** The module format a migration is written in. */
export type MigrationFormat = 'ts' | 'js' | 'mjs' | 'cts';

/** A hand-written migration. */
export interface MigrationDescription {
  readonly revision: string;
  readonly downRevision: RevisionReference;
  readonly branchLabels?: RevisionReference;
  readonly dependsOn?: RevisionReference;
  /** The doc comment's first line (default `rev <revision>`). */
  readonly message?: string;
  /** Extra lines at the top (imports). */
  readonly imports?: string;
  /** Body of `upgrade(op)` (default: `CREATE TABLE t_<revision> (id INTEGER)` via `op`). */
  readonly upgrade?: string;
  /** Body of `downgrade(op)` (default: `DROP TABLE t_<revision>`). */
  readonly downgrade?: string;
  /** Default `ts`. */
  readonly format?: MigrationFormat;
  /** File name in `migrations/versions` (default `<revision>_rev.<format>`). */
  readonly fileName?: string;
}

function literal(value: RevisionReference | undefined): string {
  if (value === null || value === undefined) {
    return 'null';
  }
  if (typeof value === 'string') {
    return `'${value}'`;
  }
  return `[${value.map((item) => `'${item}'`).join(', ')}]`;
}

function revisesText(value: RevisionReference): string {
  if (value === null) {
    return '';
  }
  return typeof value === 'string' ? value : value.join(', ');
}

/** The table a default migration creates. */
export function tableOf(revision: string): string {
  return `t_${revision}`;
}

/** The source of a migration in the given format (DESIGN 2.1). */
export function migrationSource(description: MigrationDescription): string {
  const format = description.format ?? 'ts';
  const typed = format === 'ts' || format === 'cts';
  const referenceType = typed ? ': string | string[] | null' : '';
  const functionType = typed ? ': Promise<void>' : '';
  const upgradeBody =
    description.upgrade ?? `  await op.execute('CREATE TABLE ${tableOf(description.revision)} (id INTEGER)');`;
  const downgradeBody = description.downgrade ?? `  await op.execute('DROP TABLE ${tableOf(description.revision)}');`;
  return [
    '/**',
    ` * ${description.message ?? `rev ${description.revision}`}`,
    ' *',
    ` * Revision ID: ${description.revision}`,
    ` * Revises: ${revisesText(description.downRevision)}`,
    ' * Create Date: 2026-01-01 00:00:00.000000',
    ' */',
    "import { op } from '@alembic/core';",
    ...(description.imports === undefined ? [] : [description.imports]),
    '',
    `export const revision = '${description.revision}';`,
    `export const downRevision${referenceType} = ${literal(description.downRevision)};`,
    `export const branchLabels${referenceType} = ${literal(description.branchLabels)};`,
    `export const dependsOn${referenceType} = ${literal(description.dependsOn)};`,
    '',
    `export async function upgrade()${functionType} {`,
    upgradeBody,
    '}',
    '',
    `export async function downgrade()${functionType} {`,
    downgradeBody,
    '}',
    '',
  ].join('\n');
}

/** Writes a migration into `migrations/versions`; returns its path relative to the project. */
export function writeMigration(project: TemporaryProject, description: MigrationDescription): string {
  const format = description.format ?? 'ts';
  const relativePath = `migrations/versions/${description.fileName ?? `${description.revision}_rev.${format}`}`;
  project.write(relativePath, migrationSource(description));
  return relativePath;
}

/** Writes a chain of table-creating migrations `ids[0] <- ids[1] <- ...`, the first a base. */
export function writeChain(project: TemporaryProject, ids: readonly string[]): void {
  ids.forEach((revision, index) => {
    writeMigration(project, { revision, downRevision: index === 0 ? null : (ids[index - 1] as string) });
  });
}

/** A Python Alembic migration creating (dropping) table `t_<revision>` with op.execute. */
export function pythonMigrationSource(description: {
  readonly revision: string;
  readonly downRevision: RevisionReference;
  readonly branchLabels?: RevisionReference;
  readonly dependsOn?: RevisionReference;
}): string {
  const pythonLiteral = (value: RevisionReference | undefined): string => {
    if (value === null || value === undefined) {
      return 'None';
    }
    if (typeof value === 'string') {
      return `'${value}'`;
    }
    return `(${value.map((item) => `'${item}'`).join(', ')}${value.length === 1 ? ',' : ''})`;
  };
  const table = tableOf(description.revision);
  return [
    `"""rev ${description.revision}`,
    '',
    `Revision ID: ${description.revision}`,
    `Revises: ${revisesText(description.downRevision)}`,
    'Create Date: 2026-01-01 00:00:00.000000',
    '',
    '"""',
    'from alembic import op',
    '',
    `revision = '${description.revision}'`,
    `down_revision = ${pythonLiteral(description.downRevision)}`,
    `branch_labels = ${pythonLiteral(description.branchLabels)}`,
    `depends_on = ${pythonLiteral(description.dependsOn)}`,
    '',
    '',
    'def upgrade():',
    `    op.execute("CREATE TABLE ${table} (id INTEGER)")`,
    '',
    '',
    'def downgrade():',
    `    op.execute("DROP TABLE ${table}")`,
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// the SQLite database

/** The sqlite3 driver's `Database` (only what the tests use). */
export interface SqliteDatabase {
  all(
    sql: string,
    parameters: unknown[],
    callback: (error: Error | null, rows: Record<string, unknown>[]) => void,
  ): void;
  run(sql: string, parameters: unknown[], callback: (error: Error | null) => void): void;
  exec(sql: string, callback: (error: Error | null) => void): void;
  close(callback: (error: Error | null) => void): void;
}

interface SqliteDriver {
  readonly OPEN_READWRITE: number;
  readonly OPEN_CREATE: number;
  Database: new (filename: string, mode: number, callback: (error: Error | null) => void) => SqliteDatabase;
}

let driver: SqliteDriver | undefined;

/** The sqlite3 driver, from @alembic/dialect-sqlite's dependencies. */
function sqliteDriver(): SqliteDriver {
  if (driver === undefined) {
    const requireFromDialect = createRequire(require.resolve('@alembic/dialect-sqlite/package.json'));
    driver = requireFromDialect('sqlite3') as SqliteDriver;
  }
  return driver;
}

/** Opens a SQLite file with the driver (`create`: creating it when missing). */
export function openDatabase(path: string, access: 'existing' | 'create'): Promise<SqliteDatabase> {
  const sqlite = sqliteDriver();
  const mode = access === 'create' ? sqlite.OPEN_READWRITE | sqlite.OPEN_CREATE : sqlite.OPEN_READWRITE;
  return new Promise((resolve, reject) => {
    const database = new sqlite.Database(path, mode, (error) => (error ? reject(error) : resolve(database)));
  });
}

/** Closes what {@link openDatabase} opened. */
export function closeDatabase(database: SqliteDatabase): Promise<void> {
  return new Promise((resolve, reject) => database.close((error) => (error ? reject(error) : resolve())));
}

/**
 * Runs a query on a SQLite file and returns its rows. The file is opened read-write (never
 * created) so that SQLite can roll back a hot journal a killed run left behind.
 */
export async function queryDatabase(path: string, sql: string): Promise<Record<string, unknown>[]> {
  const database = await openDatabase(path, 'existing');
  try {
    return await new Promise((resolve, reject) => {
      database.all(sql, [], (error, rows) => (error ? reject(error) : resolve(rows)));
    });
  } finally {
    await closeDatabase(database);
  }
}

/** Runs SQL (several statements allowed) on a SQLite file, creating it if needed. */
export async function executeOnDatabase(path: string, sql: string): Promise<void> {
  const database = await openDatabase(path, 'create');
  try {
    await new Promise<void>((resolve, reject) => database.exec(sql, (error) => (error ? reject(error) : resolve())));
  } finally {
    await closeDatabase(database);
  }
}

/** What a test checks after a command: the version rows and the other tables. */
export interface DatabaseState {
  /** The `alembic_version` rows, sorted; `null` when the table does not exist. */
  readonly versions: string[] | null;
  /** The other tables, sorted. */
  readonly tables: string[];
}

/** The state of a SQLite file (`alembic.db` in the project by default). */
export async function databaseStateOfFile(path: string): Promise<DatabaseState> {
  if (!existsSync(path)) {
    return { versions: null, tables: [] };
  }
  const names = (await queryDatabase(path, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))
    .map((row) => String(row['name']))
    .filter((name) => !name.startsWith('sqlite_'));
  const versions = names.includes('alembic_version')
    ? (await queryDatabase(path, 'SELECT version_num FROM alembic_version'))
        .map((row) => String(row['version_num']))
        .sort()
    : null;
  return { versions, tables: names.filter((name) => name !== 'alembic_version').sort() };
}

/** The state of the project's `alembic.db`. */
export function databaseState(project: TemporaryProject, fileName = 'alembic.db'): Promise<DatabaseState> {
  return databaseStateOfFile(project.path(fileName));
}

/** The state a set of applied table-creating migrations leaves: rows `heads`, tables of `applied`. */
export function stateOf(heads: readonly string[], applied: readonly string[]): DatabaseState {
  return { versions: [...heads].sort(), tables: applied.map(tableOf).sort() };
}

// ---------------------------------------------------------------------------------------------
// background processes

/** A CLI process running in the background. */
export interface BackgroundRun {
  readonly child: ChildProcess;
  /** Resolves when the process has exited, with its output and `signal` when killed. */
  readonly finished: Promise<CommandResult & { readonly signal: NodeJS.Signals | null }>;
  /** Everything written to stdout / stderr so far. */
  output(): { stdout: string; stderr: string };
}

/** Starts our CLI in the project without waiting for it. */
export function startCli(
  project: TemporaryProject,
  commandArguments: readonly string[],
  options: RunOptions = {},
): BackgroundRun {
  const child = spawn(process.execPath, [cliBinPath, ...commandArguments], {
    cwd: project.path(options.workingDirectory ?? '.'),
    env: cliChildEnvironment(options.environment),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const finished = new Promise<CommandResult & { signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
  return { child, finished, output: () => ({ stdout, stderr }) };
}

/** Waits until `condition()` holds, polling; fails after `timeoutMilliseconds`. */
export async function waitFor(
  condition: () => boolean,
  description: string,
  timeoutMilliseconds = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMilliseconds;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${description}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * The project a bad-input case breaks: a copy of a project made by `alembic init migrations`,
 * in `<sandbox>/project` (the sandbox, its parent, is what the file snapshot covers, so that a
 * file written outside the project is seen too), with a database of its own that already holds
 * a user's table (`app_data`, one row).
 */
import { cpSync } from 'node:fs';

import {
  executeOnDatabase,
  migrationSource,
  startCli,
  tableOf,
  waitFor,
  type BackgroundRun,
  type MigrationDescription,
} from '../support/migration-project.js';
import { runServerSql, serverConfigSource } from '../support/live-databases.js';
import type { TemporaryProject } from '../support/run-cli.js';
import type { Backend } from './bad-input-case.js';

/** The project directory inside the sandbox. */
export const PROJECT_DIRECTORY = 'project';

/** The SQLite file of the SQLite cases, in the project. */
export const SQLITE_FILE = 'alembic.db';

/** A case's database. */
export interface CaseDatabase {
  readonly backend: Backend;
  /** The database name on a server; the file name (in the project) for SQLite. */
  readonly name: string;
  /** The URL the project's config holds. */
  readonly url: string;
  /** The password in that URL, which must never be printed. */
  readonly password: string | undefined;
}

/** What every case's database holds before the case breaks anything. */
export const INITIAL_DATA_SQL =
  "CREATE TABLE app_data (id INTEGER, note VARCHAR(40));\nINSERT INTO app_data VALUES (1, 'keep me');\n";

/** The version table as Alembic creates it. */
const VERSION_TABLE_SQL =
  'CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));';

export class CaseProject {
  readonly sandbox: TemporaryProject;
  readonly database: CaseDatabase;
  readonly #background: BackgroundRun[] = [];

  constructor(sandbox: TemporaryProject, database: CaseDatabase, templateDirectory: string) {
    this.sandbox = sandbox;
    this.database = database;
    cpSync(templateDirectory, sandbox.path(PROJECT_DIRECTORY), { recursive: true });
    if (database.backend !== 'sqlite') this.writeConfig();
  }

  get backend(): Backend {
    return this.database.backend;
  }

  /** Absolute path of the project directory, or of a path inside it. */
  path(...relativeParts: string[]): string {
    return this.sandbox.path(PROJECT_DIRECTORY, ...relativeParts);
  }

  write(relativePath: string, content: string): void {
    this.sandbox.write(`${PROJECT_DIRECTORY}/${relativePath}`, content);
  }

  read(relativePath: string): string {
    return this.sandbox.read(`${PROJECT_DIRECTORY}/${relativePath}`);
  }

  remove(relativePath: string): void {
    this.sandbox.remove(`${PROJECT_DIRECTORY}/${relativePath}`);
  }

  /** Replaces text in a file, failing when the text is not there (the template changed). */
  edit(relativePath: string, search: string, replacement: string): void {
    const content = this.read(relativePath);
    if (!content.includes(search)) throw new Error(`${relativePath} does not contain ${JSON.stringify(search)}`);
    this.write(relativePath, content.replace(search, replacement));
  }

  /** Adds code to the generic env.ts right after its import of `context`. */
  addToEnvironment(code: string): void {
    const importLine = "import { context } from '@alembic/core';";
    this.edit('migrations/env.ts', importLine, `${importLine}\n${code}`);
  }

  /**
   * Writes `alembic.config.ts` for the case's database: `scriptLocation: 'migrations'`, the URL
   * (default the case's), the dialect on a server, plus `extraKeys` and `extraImports`.
   */
  writeConfig(extraKeys = '', extraImports = '', url = this.database.url): void {
    if (this.backend !== 'sqlite') {
      this.write('alembic.config.ts', serverConfigSource(this.backend, url, extraKeys, extraImports));
      return;
    }
    this.write(
      'alembic.config.ts',
      [
        "import { defineConfig } from '@alembic/core';",
        ...(extraImports === '' ? [] : [extraImports]),
        '',
        'export default defineConfig({',
        "  scriptLocation: 'migrations',",
        `  url: ${JSON.stringify(url)},`,
        ...(extraKeys === '' ? [] : [`  ${extraKeys}`]),
        '});',
        '',
      ].join('\n'),
    );
  }

  /** Writes a migration into `migrations/versions` (see `migrationSource`). */
  migration(description: MigrationDescription): void {
    const format = description.format ?? 'ts';
    this.write(
      `migrations/versions/${description.fileName ?? `${description.revision}_rev.${format}`}`,
      migrationSource(description),
    );
  }

  /** Writes a chain of table-creating migrations, the first a base. */
  chain(ids: readonly string[]): void {
    ids.forEach((revision, index) =>
      this.migration({ revision, downRevision: index === 0 ? null : (ids[index - 1] as string) }),
    );
  }

  /** Runs SQL on the case's database. */
  async execute(sql: string): Promise<void> {
    if (this.backend === 'sqlite') {
      await executeOnDatabase(this.path(this.database.name), sql);
    } else {
      await runServerSql(this.backend, this.database.name, sql);
    }
  }

  /** Makes the database look migrated: the tables of `applied` and the version rows `versions`. */
  async markApplied(applied: readonly string[], versions: readonly string[]): Promise<void> {
    const statements = applied.map((revision) => `CREATE TABLE ${tableOf(revision)} (id INTEGER);`);
    statements.push(
      VERSION_TABLE_SQL,
      ...versions.map((version) => `INSERT INTO alembic_version VALUES ('${version}');`),
    );
    await this.execute(statements.join('\n'));
  }

  /**
   * Starts `alembic upgrade head` in the background on a project whose first migration sleeps
   * inside `upgrade()`, and waits until it does: that run holds the migration lock until it is
   * stopped (after the case and its "after" snapshot).
   */
  async holdMigrationLock(): Promise<void> {
    const marker = this.sandbox.path('lock-holder-started');
    this.migration({
      revision: 'aaaa',
      downRevision: null,
      upgrade: [
        `  (await import('node:fs')).writeFileSync(${JSON.stringify(marker)}, 'sleeping');`,
        '  await new Promise((resolve) => setTimeout(resolve, 120_000));',
      ].join('\n'),
    });
    const run = startCli(this.sandbox, ['upgrade', 'head'], { workingDirectory: PROJECT_DIRECTORY });
    this.#background.push(run);
    await waitFor(
      // The content, not the file's existence: writeFileSync creates the file before it writes,
      // and a snapshot taken in between would see the marker change afterwards.
      () => this.#markerWritten() || run.child.exitCode !== null,
      'the lock holder to start',
      60_000,
    );
    if (run.child.exitCode !== null) {
      const { stderr } = await run.finished;
      throw new Error(`the lock holder exited early: ${stderr}`);
    }
  }

  #markerWritten(): boolean {
    return this.sandbox.exists('lock-holder-started') && this.sandbox.read('lock-holder-started') === 'sleeping';
  }

  /** Kills what {@link holdMigrationLock} started and waits for it to exit. */
  async stopBackground(): Promise<void> {
    for (const run of this.#background.splice(0)) {
      if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGKILL');
      await run.finished;
    }
  }
}

/** The initial data of a case's database, written before its setup. */
export async function createInitialData(project: CaseProject): Promise<void> {
  await project.execute(INITIAL_DATA_SQL);
}

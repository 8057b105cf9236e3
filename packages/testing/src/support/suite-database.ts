import { afterAll, afterEach, beforeAll } from '@jest/globals';
import type { DatabaseConnection } from '@alembic/core';
import type { ConformanceDatabase, ConformanceHarness } from '../conformance-harness.js';
import type { ConformanceMigration } from './conformance-project.js';
import { ConformanceProject } from './conformance-project.js';
import { resetSchema } from './reset-schema.js';
import { liveTestTimeout } from './live-test-timeout.js';

/**
 * The live state of one feature suite: a fresh database from the harness for the whole
 * `describe` (dropped after it), plus connections and projects opened by its tests, closed and
 * removed after each test even when it fails.
 */
export class SuiteDatabase {
  readonly harness: ConformanceHarness;
  /** Drop every table after each test (suites whose tests share table names). */
  readonly resetAfterEach: boolean;
  #database: ConformanceDatabase | undefined;
  readonly #connections: DatabaseConnection[] = [];
  readonly #projects: ConformanceProject[] = [];

  constructor(harness: ConformanceHarness, resetAfterEach: boolean) {
    this.harness = harness;
    this.resetAfterEach = resetAfterEach;
  }

  /** The database of the suite (available inside tests). */
  get database(): ConformanceDatabase {
    if (this.#database === undefined) throw new Error('The conformance database is not open (used outside a test?)');
    return this.#database;
  }

  /** The URL of the database, when the harness gave one. */
  get url(): string | undefined {
    return this.#database?.url;
  }

  /** A new session, closed after the test. */
  async connect(): Promise<DatabaseConnection> {
    const connection = await this.database.connect();
    this.#connections.push(connection);
    return connection;
  }

  /** A migration project of this dialect, removed after the test. */
  project(migrations: readonly ConformanceMigration[]): ConformanceProject {
    const project = new ConformanceProject(this.harness.dialect, migrations);
    this.#projects.push(project);
    return project;
  }

  /** @internal */
  async open(label: string): Promise<void> {
    this.#database = await this.harness.createDatabase(label);
  }

  /** @internal */
  async cleanUpTest(): Promise<void> {
    for (const connection of this.#connections.splice(0)) await connection.close().catch(() => undefined);
    for (const project of this.#projects.splice(0)) project.dispose();
    if (this.resetAfterEach && this.#database !== undefined) {
      const connection = await this.#database.connect();
      try {
        await resetSchema(this.harness.dialect, connection);
      } finally {
        await connection.close();
      }
    }
  }

  /** @internal */
  async close(): Promise<void> {
    await this.cleanUpTest();
    await this.#database?.dispose();
    this.#database = undefined;
  }
}

/**
 * Registers the hooks of a feature suite (inside its `describe`): a fresh database before its
 * first test, cleanup after each test (connections closed, projects removed, and unless
 * `resetAfterEach` is false every table dropped), the database dropped after the last.
 */
export function useSuiteDatabase(
  harness: ConformanceHarness,
  label: string,
  options: { readonly resetAfterEach?: boolean } = {},
): SuiteDatabase {
  const suite = new SuiteDatabase(harness, options.resetAfterEach ?? true);
  const timeout = liveTestTimeout(harness);
  beforeAll(() => suite.open(label), timeout);
  afterEach(() => suite.cleanUpTest(), timeout);
  afterAll(() => suite.close(), timeout);
  return suite;
}

import type { DatabaseConnection } from '@alembic/core';
import type { ConformanceDatabase, ConformanceHarness } from '../conformance-harness.js';
import type { ConformanceMigration } from '../support/conformance-project.js';
import { ConformanceProject } from '../support/conformance-project.js';

/** What a round trip needs from its database: sessions, migration projects, the URL. */
export interface RoundTripScope {
  readonly harness: ConformanceHarness;
  readonly url: string | undefined;
  connect(): Promise<DatabaseConnection>;
  project(migrations: readonly ConformanceMigration[]): ConformanceProject;
}

class FreshDatabaseScope implements RoundTripScope {
  readonly harness: ConformanceHarness;
  readonly #database: ConformanceDatabase;
  readonly #connections: DatabaseConnection[] = [];
  readonly #projects: ConformanceProject[] = [];

  constructor(harness: ConformanceHarness, database: ConformanceDatabase) {
    this.harness = harness;
    this.#database = database;
  }

  get url(): string | undefined {
    return this.#database.url;
  }

  async connect(): Promise<DatabaseConnection> {
    const connection = await this.#database.connect();
    this.#connections.push(connection);
    return connection;
  }

  project(migrations: readonly ConformanceMigration[]): ConformanceProject {
    const project = new ConformanceProject(this.harness.dialect, migrations);
    this.#projects.push(project);
    return project;
  }

  async dispose(): Promise<void> {
    for (const connection of this.#connections.splice(0)) await connection.close().catch(() => undefined);
    for (const project of this.#projects.splice(0)) project.dispose();
    await this.#database.dispose();
  }
}

/**
 * Runs `body` in a database of its own from the harness, dropped afterwards even when the body
 * fails: what one round trip leaves behind (a PostgreSQL enum type, say) cannot reach the next.
 */
export async function withFreshDatabase(
  harness: ConformanceHarness,
  body: (scope: RoundTripScope) => Promise<void>,
): Promise<void> {
  const scope = new FreshDatabaseScope(harness, await harness.createDatabase('autogenerate'));
  try {
    await body(scope);
  } finally {
    await scope.dispose();
  }
}

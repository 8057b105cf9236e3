import { DefaultSchemaNormalizer } from '@alembic/core/dialect';
import { produceMigrationPlan } from '@alembic/core/internal';
import type { DatabaseConnection, Dialect, MetadataModel, MigrationPlan, TableModel } from '@alembic/core';
import type { SchemaNormalizer } from '@alembic/core/dialect';
import type { AutogenerateResult } from '@alembic/core/internal';
import { introspectorOf, isToolTable } from '../support/schema-snapshot.js';

/** The version table of the suite's projects (never part of a diff). */
export const AUTOGENERATE_VERSION_TABLE = 'alembic_version';

/**
 * Autogenerate on one live connection, as `alembic revision --autogenerate` and `alembic check`
 * run it: the dialect's introspector and normalizer, the model as `targetMetadata`, and
 * `renderAsBatch` where the dialect rebuilds tables to change them (SQLite).
 */
export class AutogenerateSession {
  readonly dialect: Dialect;
  readonly connection: DatabaseConnection;
  readonly normalizer: SchemaNormalizer;

  constructor(dialect: Dialect, connection: DatabaseConnection) {
    this.dialect = dialect;
    this.connection = connection;
    this.normalizer = dialect.createSchemaNormalizer?.(connection) ?? new DefaultSchemaNormalizer();
  }

  /** True when changes to existing tables are written as `batchAlterTable` blocks. */
  get renderAsBatch(): boolean {
    return this.dialect.capabilities.requiresBatchRecreate;
  }

  /** What autogenerate finds between `model` and the database now. */
  async compare(model: MetadataModel): Promise<AutogenerateResult> {
    return produceMigrationPlan({
      dialect: this.dialect,
      introspector: introspectorOf(this.dialect, this.connection),
      normalizer: this.normalizer,
      options: { targetMetadata: model, renderAsBatch: this.renderAsBatch },
      versionTable: { name: AUTOGENERATE_VERSION_TABLE },
    });
  }

  /** The plan that makes the database match `model`. */
  async plan(model: MetadataModel): Promise<MigrationPlan> {
    return (await this.compare(model)).plan;
  }

  /** Every table of the database but the tool's own, as the introspector reads them, by name. */
  async reflect(): Promise<readonly TableModel[]> {
    const tables = await introspectorOf(this.dialect, this.connection).getTables();
    return tables.filter((model) => !isToolTable(model.name)).sort((left, right) => compareText(left.name, right.name));
  }

  /**
   * The reflected schema in canonical form: each table through the normalizer (database side),
   * then columns, constraints and indexes in a fixed order, so that two snapshots of equal
   * schemas are deeply equal whatever order the database lists things in (a column dropped and
   * added back comes back last).
   */
  async snapshot(): Promise<Readonly<Record<string, unknown>>> {
    const result: Record<string, unknown> = {};
    for (const model of await this.reflect())
      result[model.name] = canonicalTable(this.normalizer.normalizeTable(model, 'database'));
    return result;
  }
}

/** A table as plain data in a fixed order (for deep equality and readable diffs). */
export function canonicalTable(model: TableModel): Record<string, unknown> {
  const plain = JSON.parse(JSON.stringify(model)) as Record<string, unknown> & {
    columns: { name: string }[];
    constraints: unknown[];
    indexes: unknown[];
  };
  return {
    ...plain,
    columns: [...plain.columns].sort((left, right) => compareText(left.name, right.name)),
    constraints: sortedByText(plain.constraints),
    indexes: sortedByText(plain.indexes),
  };
}

function sortedByText(items: readonly unknown[]): unknown[] {
  return [...items].sort((left, right) => compareText(JSON.stringify(left), JSON.stringify(right)));
}

function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

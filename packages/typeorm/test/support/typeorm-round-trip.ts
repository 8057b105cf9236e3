/**
 * Autogenerate from TypeORM entities, in process, against a live database: the model
 * `fromDataSource` builds goes through `@alembic/testing`'s round trip (generate from the
 * empty schema, render to TypeScript, upgrade, a second compare that must find nothing, the
 * reflected names equal the model's, downgrade back to empty), or through one compare against a
 * schema already made from another model.
 */
import * as typeorm03 from 'typeorm';
import * as typeorm1 from 'typeorm-1';
import { metadata } from '@alembic/core';
import type { ColumnModel, DatabaseConnection, MetadataModel, TableModel } from '@alembic/core';
import type { AutogenerateResult } from '@alembic/core/internal';
import { AutogenerateSession, runAutogenerateRoundTrip, withFreshDatabase } from '@alembic/testing';
import type { ConformanceHarness } from '@alembic/testing';
import { fromDataSource } from '../../src/from-data-source.js';
import type { TypeOrmTargetDialect } from '../../src/target-dialect.js';
import type { TypeOrmDataSourceClass } from '../../src/typeorm-shapes.js';

/** The TypeORM module of one line (0.3 or 1.x), typed as 0.3's: the decorators used here are common to both. */
export type TypeOrmModule = typeof typeorm03;

/** The TypeORM lines every test runs on. */
export const TYPEORM_LINES: ReadonlyArray<readonly [string, TypeOrmModule]> = [
  ['0.3', typeorm03],
  ['1.x', typeorm1 as unknown as TypeOrmModule],
];

/** The model of `entities` (classes or options with entities) for `dialect`, built with `typeorm`'s DataSource. */
export async function modelOf(
  typeorm: TypeOrmModule,
  dialect: TypeOrmTargetDialect,
  entities: readonly unknown[] | Readonly<Record<string, unknown>>,
): Promise<MetadataModel> {
  const dataSourceClass = typeorm.DataSource as unknown as TypeOrmDataSourceClass;
  if (Array.isArray(entities)) return fromDataSource(entities, { dialect, dataSourceClass });
  return fromDataSource({ type: dialect, ...(entities as Record<string, unknown>) }, { dialect, dataSourceClass });
}

/** The table `name` of `model`. */
export function tableNamed(model: MetadataModel, name: string): TableModel {
  const found = model.tables.find((candidate) => candidate.name === name);
  if (found === undefined)
    throw new Error(`the model has no table ${name} (it has ${model.tables.map((table) => table.name).join(', ')})`);
  return found;
}

/** The column `columnName` of the model's table `tableName`. */
export function modelColumn(model: MetadataModel, tableName: string, columnName: string): ColumnModel {
  const found = tableNamed(model, tableName).columns.find((candidate) => candidate.name === columnName);
  if (found === undefined) throw new Error(`the model's table ${tableName} has no column ${columnName}`);
  return found;
}

/**
 * The whole round trip for `model` on a fresh database of `harness`: created from nothing by a
 * rendered, executed migration; then autogenerate must find nothing (else it fails listing the
 * operations and the normalized values that differ); then downgraded to nothing.
 */
export async function expectStableRoundTrip(harness: ConformanceHarness, model: MetadataModel): Promise<void> {
  await withFreshDatabase(harness, (scope) => runAutogenerateRoundTrip(scope, { before: metadata([]), after: model }));
}

/** The round trip from `before` to `after` (and back) on a fresh database of `harness`. */
export async function expectStableChange(
  harness: ConformanceHarness,
  before: MetadataModel,
  after: MetadataModel,
): Promise<void> {
  await withFreshDatabase(harness, (scope) => runAutogenerateRoundTrip(scope, { before, after }));
}

/**
 * What autogenerate finds for `after` in a fresh database of `harness` that holds `before`
 * (created by executing the SQL of its own plan).
 */
export async function compareAfter(
  harness: ConformanceHarness,
  before: MetadataModel,
  after: MetadataModel,
): Promise<AutogenerateResult> {
  let result: AutogenerateResult | undefined;
  await withFreshDatabase(harness, async (scope) => {
    const connection: DatabaseConnection = await scope.connect();
    const session = new AutogenerateSession(harness.dialect, connection);
    const compiler = harness.dialect.createDdlCompiler({ connection });
    for (const planned of (await session.plan(before)).upgrade) {
      for (const statement of compiler.compile(planned.operation)) await connection.execute(statement);
    }
    result = await session.compare(after);
  });
  return result as AutogenerateResult;
}

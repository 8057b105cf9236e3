import { expect } from '@jest/globals';
import type { DatabaseConnection, MetadataModel, MigrationPlan } from '@alembic/core';
import type { RoundTripScope } from './fresh-database.js';
import { AutogenerateSession } from './autogenerate-session.js';
import type { GeneratedMigration } from './generated-migration.js';
import { generateMigration } from './render-migration.js';
import { describePlan, describeWholePlan, normalizedColumnDifferences } from './plan-description.js';

/** A schema before and after a change, as two models. */
export interface SchemaChange {
  readonly before: MetadataModel;
  readonly after: MetadataModel;
  /**
   * The change cannot be undone (an unnamed constraint added to an existing table: the
   * downgrade has no name to drop it by), so autogenerate must say so and the downgrade must
   * refuse to run; otherwise it must restore the schema.
   */
  readonly irreversible?: boolean;
}

/** Raised by the round trip with everything needed to see what differed. */
export class RoundTripMismatch extends Error {
  override readonly name = 'RoundTripMismatch';
}

function sortedNames(names: Iterable<string>): string[] {
  return [...names].sort();
}

/**
 * Fails unless autogenerate finds nothing between `model` and the database (what
 * `alembic check` checks), listing the operations it found and, for the columns both sides
 * have, the two normalized values that differ.
 */
async function expectNoChanges(session: AutogenerateSession, model: MetadataModel, step: string): Promise<void> {
  const plan = await session.plan(model);
  if (plan.upgrade.length === 0) return;
  const differences = normalizedColumnDifferences(session.normalizer, model.tables, await session.reflect());
  throw new RoundTripMismatch(
    [
      `${step}: autogenerate found ${plan.upgrade.length} operation(s) where it should find none:`,
      ...describePlan(plan).map((line) => `  ${line}`),
      ...(differences.length === 0
        ? []
        : ['normalized columns that differ (model / database):', ...differences.map((line) => `  ${line}`)]),
    ].join('\n'),
  );
}

/** Fails unless the database has exactly the model's tables, each with exactly its columns. */
async function expectNamesOf(session: AutogenerateSession, model: MetadataModel, step: string): Promise<void> {
  const reflected = await session.reflect();
  const actual = Object.fromEntries(
    reflected.map((entry) => [entry.name, sortedNames(entry.columns.map((item) => item.name))]),
  );
  const expected = Object.fromEntries(
    model.tables.map((entry) => [entry.name, sortedNames(entry.columns.map((item) => item.name))]),
  );
  try {
    expect(actual).toEqual(expected);
  } catch (error) {
    throw new RoundTripMismatch(`${step}: the tables and columns differ from the model\n${(error as Error).message}`);
  }
}

/** The migration autogenerate writes for `model`; it must find something unless `mayBeEmpty`. */
async function generate(
  session: AutogenerateSession,
  model: MetadataModel,
  step: string,
  options: { mayBeEmpty?: boolean; irreversible?: boolean } = {},
): Promise<GeneratedMigration> {
  const plan: MigrationPlan = await session.plan(model);
  if (plan.upgrade.length === 0 && options.mayBeEmpty !== true)
    throw new RoundTripMismatch(`${step}: autogenerate found no change to make`);
  let migration: GeneratedMigration;
  try {
    migration = await generateMigration(plan, session);
  } catch (error) {
    throw new RoundTripMismatch(
      `${step}: rendering the migration failed: ${(error as Error).message}\n--- the plan ---\n${describeWholePlan(plan)}`,
    );
  }
  if (plan.irreversible.length > 0 && options.irreversible !== true) {
    throw new RoundTripMismatch(
      `${step}: autogenerate marked a change irreversible\n--- the generated migration ---\n${migration.source}`,
    );
  }
  return migration;
}

/** Fails unless the downgrade refuses to run, saying why. */
async function expectIrreversible(migration: GeneratedMigration, run: () => Promise<unknown>): Promise<void> {
  if (migration.irreversible.length === 0) {
    throw new RoundTripMismatch(
      `autogenerate did not mark the change irreversible\n--- the generated migration ---\n${migration.source}`,
    );
  }
  let failure: unknown;
  await run().catch((error: unknown) => {
    failure = error;
  });
  if (failure === undefined)
    throw new RoundTripMismatch(`the downgrade of an irreversible change ran\n${migration.source}`);
}

async function runStep(
  step: string,
  migration: GeneratedMigration | undefined,
  run: () => Promise<unknown>,
): Promise<void> {
  try {
    await run();
  } catch (error) {
    const source = migration === undefined ? '' : `\n--- the generated migration ---\n${migration.source}`;
    throw new RoundTripMismatch(`${step} failed: ${(error as Error).message}${source}`);
  }
}

/**
 * The autogenerate round trip (issue 9, point 7), live on the suite's database:
 *
 * 1. from an empty schema, autogenerate `before` and upgrade: `check` then finds nothing and
 *    the database has the model's tables and columns;
 * 2. autogenerate `after` and upgrade: the same checks against `after`;
 * 3. downgrade one step: the reflected schema (normalized) is what it was after step 1 (or,
 *    for a change declared irreversible, autogenerate marked it so and the downgrade refuses);
 * 4. downgrade to base: no table is left.
 *
 * Each migration is rendered to TypeScript and that source runs, as a user's would.
 */
export async function runAutogenerateRoundTrip(suite: RoundTripScope, change: SchemaChange): Promise<void> {
  const { dialect } = suite.harness;
  const connection: DatabaseConnection = await suite.connect();
  const session = new AutogenerateSession(dialect, connection);
  const settings = suite.url === undefined ? {} : { url: suite.url };
  const generated: { before?: GeneratedMigration; after?: GeneratedMigration } = {};
  const migrationOf = (name: 'before' | 'after'): GeneratedMigration => {
    const migration = generated[name];
    if (migration === undefined) throw new Error(`the ${name} migration was not generated`);
    return migration;
  };
  const project = suite.project([
    {
      revision: 'ag_before',
      downRevision: null,
      upgrade: (op) => migrationOf('before').upgrade(op),
      downgrade: (op) => migrationOf('before').downgrade(op),
    },
    {
      revision: 'ag_after',
      downRevision: 'ag_before',
      upgrade: (op) => migrationOf('after').upgrade(op),
      downgrade: (op) => migrationOf('after').downgrade(op),
    },
  ]);

  generated.before = await generate(session, change.before, 'creating the before schema', {
    mayBeEmpty: change.before.tables.length === 0,
  });
  await runStep('upgrading to the before schema', generated.before, () =>
    project.upgrade(connection, 'ag_before', settings),
  );
  await expectNoChanges(session, change.before, 'after creating the before schema');
  await expectNamesOf(session, change.before, 'after creating the before schema');
  const snapshotBefore = await session.snapshot();

  generated.after = await generate(session, change.after, 'changing to the after schema', {
    irreversible: change.irreversible === true,
  });
  await runStep('upgrading to the after schema', generated.after, () =>
    project.upgrade(connection, 'ag_after', settings),
  );
  await expectNoChanges(session, change.after, 'after the upgrade');
  await expectNamesOf(session, change.after, 'after the upgrade');

  if (change.irreversible === true) {
    await expectIrreversible(generated.after, () => project.downgrade(connection, 'ag_before', settings));
    return;
  }
  await runStep('downgrading to the before schema', generated.after, () =>
    project.downgrade(connection, 'ag_before', settings),
  );
  const snapshotRestored = await session.snapshot();
  try {
    expect(snapshotRestored).toEqual(snapshotBefore);
  } catch (error) {
    throw new RoundTripMismatch(
      `after the downgrade: the reflected schema differs from the one before the upgrade\n${(error as Error).message}\n--- the generated migration ---\n${generated.after.source}`,
    );
  }

  await runStep('downgrading to base', generated.before, () => project.downgrade(connection, 'base', settings));
  expect((await session.reflect()).map((entry) => entry.name)).toEqual([]);
}

import { expect } from '@jest/globals';
import { column, createTableOperation, foreignKeyConstraint, index, integer, string, table, text } from '@alembic/core';
import type { DatabaseConnection, Dialect, OperationKind, TableModel } from '@alembic/core';
import type { CapabilityRequirement } from '../../support/capability-gate.js';
import type { MigrationOperations } from '../../support/conformance-project.js';
import type { SchemaSnapshot } from '../../support/schema-snapshot.js';

/**
 * `parent(id PK, name VARCHAR(50) NOT NULL, note TEXT)`: referenced by `child`; `note` is its
 * last column, so dropping and re-adding it keeps the column order.
 */
export const PARENT: TableModel = table('parent', [
  column('id', integer(), { primaryKey: true }),
  column('name', string(50), { nullable: false }),
  column('note', text()),
]);

/** `child(id PK, parent_id NOT NULL -> parent.id, label VARCHAR(30))` with two indexes. */
export const CHILD: TableModel = table('child', [
  column('id', integer(), { primaryKey: true }),
  column('parent_id', integer(), { nullable: false }),
  column('label', string(30)),
  foreignKeyConstraint(['parent_id'], 'parent', ['id'], { name: 'fk_child_parent' }),
  index('ix_child_parent_id', ['parent_id']),
  index('ix_child_label', ['label']),
]);

/**
 * `loose(id NOT NULL, parent_id, code VARCHAR(20) NOT NULL)`: no primary key and no constraint,
 * for the cases that add them. `parent_id` is indexed, so a database that indexes foreign keys
 * (MySQL) has nothing to add when one is created.
 */
export const LOOSE: TableModel = table('loose', [
  column('id', integer(), { nullable: false, autoincrement: false }),
  column('parent_id', integer()),
  column('code', string(20), { nullable: false }),
  index('ix_loose_parent_id', ['parent_id']),
]);

/** The fixture tables, in creation order. */
export const FIXTURE_TABLES: readonly TableModel[] = [PARENT, CHILD, LOOSE];

/** Rows of the fixture tables: every round trip runs on tables holding data. */
export const FIXTURE_ROWS: Readonly<Record<string, readonly Readonly<Record<string, unknown>>[]>> = {
  parent: [
    { id: 1, name: 'one', note: null },
    { id: 2, name: 'two', note: 'second' },
  ],
  child: [
    { id: 1, parent_id: 1, label: 'a' },
    { id: 2, parent_id: 2, label: 'b' },
  ],
  loose: [
    { id: 1, parent_id: 1, code: 'x' },
    { id: 2, parent_id: 2, code: 'y' },
  ],
};

/** Creates the fixture tables and their rows. */
export async function createFixture(op: MigrationOperations): Promise<void> {
  for (const model of FIXTURE_TABLES) {
    await op.invoke(createTableOperation({ table: model }));
    await op.bulkInsert(model, FIXTURE_ROWS[model.name] ?? []);
  }
}

/** Drops the fixture tables, newest first. */
export async function dropFixture(op: MigrationOperations): Promise<void> {
  for (const model of [...FIXTURE_TABLES].reverse()) await op.dropTable(model.name, { existingTable: model });
}

/** What a case's checks can look at. */
export interface UpgradedState {
  /** The schema after the upgrade (the tool's own tables left out). */
  readonly snapshot: SchemaSnapshot;
  readonly connection: DatabaseConnection;
  readonly dialect: Dialect;
}

/**
 * One round trip: starting from the fixture (plus the case's own `prepare`), `upgrade` applies
 * the operation under test, `expectUpgraded` checks its effect, `downgrade` undoes it; the
 * schema must then read back exactly as before the upgrade.
 */
export interface RoundTripCase {
  readonly title: string;
  /** Capabilities the case needs; otherwise it is skipped, saying which. */
  readonly requires?: CapabilityRequirement;
  /** More setup, in a migration of its own after the fixture's. */
  readonly prepare?: (op: MigrationOperations) => Promise<void>;
  /** Undoes `prepare`. */
  readonly unprepare?: (op: MigrationOperations) => Promise<void>;
  readonly upgrade: (op: MigrationOperations) => Promise<void>;
  readonly downgrade: (op: MigrationOperations) => Promise<void>;
  readonly expectUpgraded: (state: UpgradedState) => void | Promise<void>;
  /** Checks after the downgrade beyond the schema (data restored, say). */
  readonly expectDowngraded?: (state: UpgradedState) => void | Promise<void>;
}

/** Round trips for every operation kind: `tsc` reports a kind without any. */
export type RoundTripCases = { readonly [Kind in OperationKind]: readonly RoundTripCase[] };

/** Rows of `query`, column names lower-cased, 64-bit integers that come back as `bigint` made numbers. */
export async function selectRows(connection: DatabaseConnection, query: string): Promise<Record<string, unknown>[]> {
  const { rows } = await connection.query<Record<string, unknown>>(query);
  return rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([key, value]) => [key.toLowerCase(), typeof value === 'bigint' ? Number(value) : value]),
    ),
  );
}

/**
 * Checks the rows of `query`. Where `expected` holds a number, a string or bigint holding that
 * number is accepted (drivers return 64-bit integers as text).
 */
export async function expectRows(
  connection: DatabaseConnection,
  query: string,
  expected: readonly Readonly<Record<string, unknown>>[],
): Promise<void> {
  const rows = await selectRows(connection, query);
  const normalized = rows.map((row, position) =>
    Object.fromEntries(
      Object.entries(row).map(([key, value]) => [
        key,
        typeof expected[position]?.[key] === 'number' && typeof value === 'string' && value.trim() !== ''
          ? Number(value)
          : value,
      ]),
    ),
  );
  expect(normalized).toEqual(expected);
}

import { describe, expect } from '@jest/globals';
import { bigInteger, column, createTableOperation, integer, string, table } from '@alembic/core';
import type { AlterColumnOptions, TableModel } from '@alembic/core';
import type { ConformanceHarness } from '../conformance-harness.js';
import type { CapabilityRequirement } from '../support/capability-gate.js';
import { itWhen } from '../support/capability-gate.js';
import type { MigrationOperations } from '../support/conformance-project.js';
import { columnNames, columnOf } from '../support/model-queries.js';
import { snapshotSchema, tableOf } from '../support/schema-snapshot.js';
import type { SuiteDatabase } from '../support/suite-database.js';
import { useSuiteDatabase } from '../support/suite-database.js';
import { selectRows } from './round-trip/round-trip-fixture.js';
import { liveTestTimeout } from '../support/live-test-timeout.js';

/** `widget(id PK, name VARCHAR(50) NOT NULL, size INTEGER, note VARCHAR(40) DEFAULT 'none')`. */
const WIDGET: TableModel = table('widget', [
  column('id', integer(), { primaryKey: true }),
  column('name', string(50), { nullable: false }),
  column('size', integer()),
  column('note', string(40), { serverDefault: 'none' }),
]);

const ROWS = [
  { id: 1, name: 'a', size: 10, note: 'none' },
  { id: 2, name: 'b', size: null, note: 'x' },
];

/** One change of one column and the change that undoes it, given as `alterColumn` options. */
interface AlterCase {
  readonly title: string;
  /** What a plain `op.alterColumn` needs; the batch form runs whatever these say. */
  readonly requires: CapabilityRequirement;
  /** What even the batch form needs (comments, say). */
  readonly batchRequires?: CapabilityRequirement;
  readonly columnName: string;
  readonly forward: AlterColumnOptions;
  /** Applied to the column's new name when `forward` renames it. */
  readonly backward: AlterColumnOptions;
  readonly expectAltered: (widget: TableModel) => void;
}

const EXISTING_NAME = { existingType: string(50), existingNullable: false } as const;
const EXISTING_NOTE = { existingType: string(40), existingNullable: true, existingServerDefault: 'none' } as const;

const ALTER_CASES: readonly AlterCase[] = [
  {
    title: 'NOT NULL dropped and restored',
    requires: { requiresBatchRecreate: false },
    columnName: 'name',
    forward: { nullable: true, existingType: string(50) },
    backward: { nullable: false, existingType: string(50) },
    expectAltered: (widget) => expect(columnOf(widget, 'name').nullable).toBe(true),
  },
  {
    title: 'type widened INTEGER -> BIGINT and back',
    requires: { supportsAlterColumnType: true },
    columnName: 'size',
    forward: { type: bigInteger(), existingType: integer(), existingNullable: true },
    backward: { type: integer(), existingType: bigInteger(), existingNullable: true },
    expectAltered: (widget) => expect(columnOf(widget, 'size').type.kind).toBe('bigInteger'),
  },
  {
    title: 'VARCHAR(50) lengthened to VARCHAR(100) and back, NOT NULL kept',
    requires: { supportsAlterColumnType: true },
    columnName: 'name',
    forward: { type: string(100), ...EXISTING_NAME },
    backward: { type: string(50), existingType: string(100), existingNullable: false },
    expectAltered: (widget) => {
      expect(columnOf(widget, 'name').type).toMatchObject({ kind: 'string', length: 100 });
      expect(columnOf(widget, 'name').nullable).toBe(false);
    },
  },
  {
    title: 'a server default set and dropped',
    requires: { requiresBatchRecreate: false },
    columnName: 'size',
    forward: { serverDefault: '7', existingType: integer(), existingNullable: true },
    backward: { serverDefault: null, existingType: integer(), existingNullable: true, existingServerDefault: '7' },
    expectAltered: (widget) => expect(columnOf(widget, 'size').serverDefault).toBeDefined(),
  },
  {
    title: 'an existing server default dropped and restored',
    requires: { requiresBatchRecreate: false },
    columnName: 'note',
    forward: { serverDefault: null, ...EXISTING_NOTE },
    backward: { serverDefault: 'none', existingType: string(40), existingNullable: true, existingServerDefault: null },
    expectAltered: (widget) => expect(columnOf(widget, 'note').serverDefault).toBeUndefined(),
  },
  {
    title: 'a column with a default renamed and back',
    requires: {},
    columnName: 'note',
    forward: { newColumnName: 'remark', ...EXISTING_NOTE },
    backward: { newColumnName: 'note', ...EXISTING_NOTE },
    expectAltered: (widget) => expect(columnNames(widget)).toEqual(['id', 'name', 'size', 'remark']),
  },
  {
    title: 'a column comment set and dropped',
    requires: { supportsComments: true, requiresBatchRecreate: false },
    batchRequires: { supportsComments: true },
    columnName: 'name',
    forward: { comment: "the widget's name", existingComment: null, ...EXISTING_NAME },
    backward: { comment: null, existingComment: "the widget's name", ...EXISTING_NAME },
    expectAltered: (widget) => expect(columnOf(widget, 'name').comment).toBe("the widget's name"),
  },
  {
    title: 'nullability, type and default changed in one call, and back',
    requires: { supportsAlterColumnType: true, requiresBatchRecreate: false },
    columnName: 'size',
    forward: {
      nullable: false,
      type: bigInteger(),
      serverDefault: '0',
      existingType: integer(),
      existingNullable: true,
    },
    backward: {
      nullable: true,
      type: integer(),
      serverDefault: null,
      existingType: bigInteger(),
      existingNullable: false,
      existingServerDefault: '0',
    },
    expectAltered: (widget) => {
      const size = columnOf(widget, 'size');
      expect({ nullable: size.nullable, kind: size.type.kind, hasDefault: size.serverDefault !== undefined }).toEqual({
        nullable: false,
        kind: 'bigInteger',
        hasDefault: true,
      });
    },
  },
];

type AlterForm = 'alterColumn' | 'batchAlterTable';

function alter(
  op: MigrationOperations,
  form: AlterForm,
  columnName: string,
  options: AlterColumnOptions,
): Promise<void> {
  if (form === 'alterColumn') return op.alterColumn('widget', columnName, options);
  return op.batchAlterTable('widget', (batch) => batch.alterColumn(columnName, options));
}

async function runAlterRoundTrip(suite: SuiteDatabase, entry: AlterCase, form: AlterForm): Promise<void> {
  const { dialect } = suite.harness;
  // `size` NULL rows cannot become NOT NULL: the forward change of the combined case fills them first.
  const fillsNulls = entry.forward.nullable === false;
  const project = suite.project([
    {
      revision: 'widget',
      downRevision: null,
      upgrade: async (op) => {
        await op.invoke(createTableOperation({ table: WIDGET }));
        await op.bulkInsert(WIDGET, ROWS);
      },
      downgrade: (op) => op.dropTable('widget', { existingTable: WIDGET }),
    },
    {
      revision: 'altered',
      downRevision: 'widget',
      upgrade: async (op) => {
        if (fillsNulls) await op.execute(`UPDATE widget SET ${entry.columnName} = 0 WHERE ${entry.columnName} IS NULL`);
        await alter(op, form, entry.columnName, entry.forward);
      },
      downgrade: async (op) => {
        await alter(op, form, entry.forward.newColumnName ?? entry.columnName, entry.backward);
        if (fillsNulls) await op.execute(`UPDATE widget SET ${entry.columnName} = NULL WHERE id = 2`);
      },
    },
  ]);
  const connection = await suite.connect();
  const settings = suite.url === undefined ? {} : { url: suite.url };
  await project.upgrade(connection, 'widget', settings);
  const before = await snapshotSchema(dialect, connection);
  const rowsBefore = await selectRows(connection, 'SELECT * FROM widget ORDER BY id');

  await project.upgrade(connection, 'altered', settings);
  entry.expectAltered(tableOf(await snapshotSchema(dialect, connection), 'widget'));
  expect((await selectRows(connection, 'SELECT id FROM widget ORDER BY id')).map((row) => Number(row.id))).toEqual([
    1, 2,
  ]);

  await project.downgrade(connection, 'widget', settings);
  expect(await snapshotSchema(dialect, connection)).toEqual(before);
  expect(await selectRows(connection, 'SELECT * FROM widget ORDER BY id')).toEqual(rowsBefore);
}

/**
 * Alter-column round trips (Alembic's `BackendAlterColumnTest`): each change made with
 * `op.alterColumn` where the dialect can ALTER it, and inside `op.batchAlterTable` everywhere
 * (plain ALTERs, or a table rebuild on dialects that need one), then undone; schema and rows
 * must read back as before.
 */
export function defineAlterColumnSuite(harness: ConformanceHarness): void {
  describe('alter column round trips', () => {
    const suite = useSuiteDatabase(harness, 'alter_column');
    const { capabilities } = harness.dialect;
    const timeout = liveTestTimeout(harness);
    for (const entry of ALTER_CASES) {
      itWhen(
        capabilities,
        entry.requires,
        `${entry.title} (op.alterColumn)`,
        () => runAlterRoundTrip(suite, entry, 'alterColumn'),
        timeout,
      );
      itWhen(
        capabilities,
        entry.batchRequires ?? {},
        `${entry.title} (batchAlterTable)`,
        () => runAlterRoundTrip(suite, entry, 'batchAlterTable'),
        timeout,
      );
    }
  });
}

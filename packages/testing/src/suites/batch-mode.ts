import { describe, expect } from '@jest/globals';
import {
  addColumnOperation,
  alterColumnOperation,
  batchAlterTableOperation,
  column,
  createCheckConstraintOperation,
  createTableOperation,
  foreignKeyConstraint,
  index,
  integer,
  string,
  table,
} from '@alembic/core';
import type { BatchAlterTableOperation, BatchRecreateMode, TableModel } from '@alembic/core';
import type { ConformanceHarness } from '../conformance-harness.js';
import { itWhen } from '../support/capability-gate.js';
import type { MigrationOperations } from '../support/conformance-project.js';
import { columnNames, columnOf, constraintNames, indexNames } from '../support/model-queries.js';
import { snapshotSchema, tableOf } from '../support/schema-snapshot.js';
import type { SuiteDatabase } from '../support/suite-database.js';
import { useSuiteDatabase } from '../support/suite-database.js';
import { expectRows } from './round-trip/round-trip-fixture.js';
import { liveTestTimeout } from '../support/live-test-timeout.js';

const OWNER = table('batch_owner', [column('id', integer(), { primaryKey: true }), column('name', string(20))]);

/** `batched(id PK, owner_id -> batch_owner.id, data VARCHAR(50), x INTEGER)` with an index on x. */
const BATCHED: TableModel = table('batched', [
  column('id', integer(), { primaryKey: true }),
  column('owner_id', integer()),
  column('data', string(50)),
  column('x', integer()),
  foreignKeyConstraint(['owner_id'], 'batch_owner', ['id'], { name: 'fk_batched_owner' }),
  index('ix_batched_x', ['x']),
]);

const ROWS = [
  { id: 1, owner_id: 1, data: 'one', x: 5 },
  { id: 2, owner_id: null, data: "it's", x: 7 },
];

/** The batch under test: x made NOT NULL, a CHECK on it, a new column y. */
function batchOperation(recreate: BatchRecreateMode, copyFrom?: TableModel): BatchAlterTableOperation {
  return batchAlterTableOperation({
    tableName: 'batched',
    recreate,
    ...(copyFrom === undefined ? {} : { copyFrom }),
    operations: [
      alterColumnOperation({ tableName: 'batched', columnName: 'x', nullable: false, existingType: integer() }),
      createCheckConstraintOperation({ constraintName: 'ck_batched_x', tableName: 'batched', condition: 'x >= 0' }),
      addColumnOperation({ tableName: 'batched', column: column('y', string(10)) }),
    ],
  });
}

/** `batch_owner` with its one row. */
async function createOwner(op: MigrationOperations): Promise<void> {
  await op.invoke(createTableOperation({ table: OWNER }));
  await op.bulkInsert(OWNER, [{ id: 1, name: 'owner' }]);
}

async function undoBatch(op: MigrationOperations, recreate: BatchRecreateMode): Promise<void> {
  await op.batchAlterTable('batched', { recreate }, (batch) => {
    batch.dropColumn('y');
    batch.dropConstraint('ck_batched_x', { type: 'check' });
    batch.alterColumn('x', { nullable: true, existingType: integer() });
  });
}

async function runBatchRoundTrip(suite: SuiteDatabase, recreate: BatchRecreateMode): Promise<void> {
  const { dialect } = suite.harness;
  const project = suite.project([
    {
      revision: 'tables',
      downRevision: null,
      upgrade: async (op) => {
        await createOwner(op);
        await op.invoke(createTableOperation({ table: BATCHED }));
        await op.bulkInsert(BATCHED, ROWS);
      },
      downgrade: async (op) => {
        await op.dropTable('batched');
        await op.dropTable('batch_owner');
      },
    },
    {
      revision: 'batch',
      downRevision: 'tables',
      upgrade: (op) => op.invoke(batchOperation(recreate)),
      downgrade: (op) => undoBatch(op, recreate),
    },
  ]);
  const connection = await suite.connect();
  const settings = suite.url === undefined ? {} : { url: suite.url };
  await project.upgrade(connection, 'tables', settings);
  const before = await snapshotSchema(dialect, connection);

  await project.upgrade(connection, 'batch', settings);
  const batched = tableOf(await snapshotSchema(dialect, connection), 'batched');
  expect(columnNames(batched)).toEqual(['id', 'owner_id', 'data', 'x', 'y']);
  expect(columnOf(batched, 'x').nullable).toBe(false);
  expect(constraintNames(batched, 'checkConstraint')).toContain('ck_batched_x');
  expect(constraintNames(batched, 'foreignKeyConstraint')).toContain('fk_batched_owner');
  expect(indexNames(batched)).toContain('ix_batched_x');
  await expectRows(
    connection,
    'SELECT id, owner_id, data, x, y FROM batched ORDER BY id',
    ROWS.map((row) => ({ ...row, y: null })),
  );

  await project.downgrade(connection, 'tables', settings);
  expect(await snapshotSchema(dialect, connection)).toEqual(before);
  await expectRows(connection, 'SELECT id, owner_id, data, x FROM batched ORDER BY id', ROWS);
}

/**
 * Batch mode: on dialects that need it (`requiresBatchRecreate`), a batch rebuilds the table
 * (move and copy) keeping its rows, indexes and foreign keys; elsewhere it runs as plain ALTER
 * statements. `recreate: 'always'` rebuilds on every dialect.
 */
export function defineBatchModeSuite(harness: ConformanceHarness): void {
  describe('batch mode', () => {
    const suite = useSuiteDatabase(harness, 'batch_mode');
    const { capabilities } = harness.dialect;
    const timeout = liveTestTimeout(harness);
    const compile = (operation: BatchAlterTableOperation): string[] =>
      harness.dialect.createDdlCompiler().compile(operation);

    itWhen(
      capabilities,
      { requiresBatchRecreate: true },
      "recreate 'auto' rebuilds the table: CREATE the copy, INSERT ... SELECT, DROP, RENAME",
      async () => {
        const statements = compile(batchOperation('auto', BATCHED));
        expect(statements.some((statement) => /CREATE TABLE\s+\S*_alembic_tmp_batched/i.test(statement))).toBe(true);
        expect(statements.some((statement) => /INSERT INTO\s+\S*_alembic_tmp_batched.*SELECT/is.test(statement))).toBe(
          true,
        );
      },
      timeout,
    );

    itWhen(
      capabilities,
      { requiresBatchRecreate: false },
      "recreate 'auto' runs the batch as the ALTER statements of its operations",
      async () => {
        const operation = batchOperation('auto', BATCHED);
        const compiler = harness.dialect.createDdlCompiler();
        const expected = operation.operations.flatMap((inner) => compiler.compile(inner));
        expect(compile(operation)).toEqual(expected);
        expect(expected.join('\n')).not.toMatch(/_alembic_tmp_/);
      },
      timeout,
    );

    itWhen(
      capabilities,
      {},
      "recreate 'auto' keeps rows, indexes and foreign keys, and undoes cleanly",
      () => runBatchRoundTrip(suite, 'auto'),
      timeout,
    );

    itWhen(
      capabilities,
      {},
      "recreate 'always' rebuilds on any dialect, keeping rows, and undoes cleanly",
      () => runBatchRoundTrip(suite, 'always'),
      timeout,
    );

    itWhen(
      capabilities,
      {},
      "recreate 'always' puts a column where insertAfter says",
      async () => {
        const project = suite.project([
          {
            revision: 'tables',
            downRevision: null,
            upgrade: createOwner,
            downgrade: (op) => op.dropTable('batch_owner'),
          },
          {
            revision: 'placed',
            downRevision: 'tables',
            upgrade: (op) =>
              op.batchAlterTable('batch_owner', { recreate: 'always' }, (batch) =>
                batch.addColumn(column('code', string(5)), { insertAfter: 'id' }),
              ),
            downgrade: (op) => op.batchAlterTable('batch_owner', (batch) => batch.dropColumn('code')),
          },
        ]);
        const connection = await suite.connect();
        await project.upgrade(connection, 'heads', suite.url === undefined ? {} : { url: suite.url });
        expect(columnNames(tableOf(await snapshotSchema(harness.dialect, connection), 'batch_owner'))).toEqual([
          'id',
          'code',
          'name',
        ]);
        await expectRows(connection, 'SELECT id, code, name FROM batch_owner', [{ id: 1, code: null, name: 'owner' }]);
      },
      timeout,
    );
  });
}

import { expect } from '@jest/globals';
import {
  checkConstraint,
  column,
  createTableOperation,
  foreignKeyConstraint,
  index,
  integer,
  string,
  table,
  text,
  uniqueConstraint,
} from '@alembic/core';
import { columnNames, columnOf, constraintNames, hasUniqueNamed, indexNames } from '../../support/model-queries.js';
import { tableOf } from '../../support/schema-snapshot.js';
import { CHILD, PARENT, expectRows, type RoundTripCases } from './round-trip-fixture.js';

const ITEM = table('item', [
  column('id', integer(), { primaryKey: true }),
  column('parent_id', integer(), { nullable: false }),
  column('code', string(20), { nullable: false }),
  column('quantity', integer(), { nullable: false, serverDefault: '1' }),
  uniqueConstraint(['code'], { name: 'uq_item_code' }),
  foreignKeyConstraint(['parent_id'], 'parent', ['id'], { name: 'fk_item_parent', onDelete: 'CASCADE' }),
  checkConstraint('quantity > 0', { name: 'ck_item_quantity' }),
  index('ix_item_parent_id', ['parent_id']),
]);

const NOTED = table(
  'noted',
  [column('id', integer(), { primaryKey: true }), column('body', text(), { comment: 'the body' })],
  {
    comment: 'a table with comments',
  },
);

/** Round trips of the operations that shape tables and columns, data and batches. */
export const TABLE_ROUND_TRIPS: Pick<
  RoundTripCases,
  | 'createTable'
  | 'dropTable'
  | 'renameTable'
  | 'addColumn'
  | 'dropColumn'
  | 'alterColumn'
  | 'createTableComment'
  | 'dropTableComment'
  | 'bulkInsert'
  | 'execute'
  | 'batchAlterTable'
> = {
  createTable: [
    {
      title: 'a table with a server default, unique, foreign key and check constraints and an index',
      upgrade: (op) => op.invoke(createTableOperation({ table: ITEM })),
      downgrade: (op) => op.dropTable('item', { existingTable: ITEM }),
      expectUpgraded: ({ snapshot }) => {
        const item = tableOf(snapshot, 'item');
        expect(columnNames(item)).toEqual(['id', 'parent_id', 'code', 'quantity']);
        expect(item.primaryKey?.columns).toEqual(['id']);
        expect(columnOf(item, 'code').nullable).toBe(false);
        expect(columnOf(item, 'quantity').serverDefault).toBeDefined();
        expect(hasUniqueNamed(item, 'uq_item_code')).toBe(true);
        expect(constraintNames(item, 'foreignKeyConstraint')).toContain('fk_item_parent');
        expect(constraintNames(item, 'checkConstraint')).toContain('ck_item_quantity');
        expect(indexNames(item)).toContain('ix_item_parent_id');
      },
    },
    {
      title: 'a table and a column with comments',
      requires: { supportsComments: true },
      upgrade: (op) => op.invoke(createTableOperation({ table: NOTED })),
      downgrade: (op) => op.dropTable('noted', { existingTable: NOTED }),
      expectUpgraded: ({ snapshot }) => {
        const noted = tableOf(snapshot, 'noted');
        expect(noted.comment).toBe('a table with comments');
        expect(columnOf(noted, 'body').comment).toBe('the body');
      },
    },
  ],
  dropTable: [
    {
      title: 'a table with a foreign key and indexes, re-created by the downgrade',
      upgrade: (op) => op.dropTable('child', { existingTable: CHILD }),
      downgrade: (op) => op.invoke(createTableOperation({ table: CHILD })),
      expectUpgraded: ({ snapshot }) => expect(Object.keys(snapshot)).not.toContain('child'),
    },
  ],
  renameTable: [
    {
      title: 'a table holding a foreign key, renamed and back',
      upgrade: (op) => op.renameTable('child', 'kid'),
      downgrade: (op) => op.renameTable('kid', 'child'),
      expectUpgraded: async ({ snapshot, connection }) => {
        expect(Object.keys(snapshot)).toEqual(expect.arrayContaining(['kid']));
        expect(Object.keys(snapshot)).not.toContain('child');
        await expectRows(connection, 'SELECT id, label FROM kid ORDER BY id', [
          { id: 1, label: 'a' },
          { id: 2, label: 'b' },
        ]);
      },
    },
  ],
  addColumn: [
    {
      title: 'a nullable column',
      upgrade: (op) => op.addColumn('parent', column('extra', string(100))),
      downgrade: (op) => op.dropColumn('parent', 'extra'),
      expectUpgraded: ({ snapshot }) => {
        expect(columnNames(tableOf(snapshot, 'parent'))).toEqual(['id', 'name', 'note', 'extra']);
        expect(columnOf(tableOf(snapshot, 'parent'), 'extra').nullable).toBe(true);
      },
    },
    {
      title: 'a NOT NULL column with a server default, filled in on existing rows',
      upgrade: (op) => op.addColumn('parent', column('status', string(20), { nullable: false, serverDefault: 'new' })),
      downgrade: (op) => op.dropColumn('parent', 'status'),
      expectUpgraded: async ({ snapshot, connection }) => {
        const status = columnOf(tableOf(snapshot, 'parent'), 'status');
        expect(status.nullable).toBe(false);
        expect(status.serverDefault).toBeDefined();
        await expectRows(connection, 'SELECT status FROM parent ORDER BY id', [{ status: 'new' }, { status: 'new' }]);
      },
    },
  ],
  dropColumn: [
    {
      title: "a table's last column, re-added by the downgrade",
      upgrade: (op) => op.dropColumn('parent', 'note', { existingColumn: columnOf(PARENT, 'note') }),
      downgrade: (op) => op.addColumn('parent', columnOf(PARENT, 'note')),
      expectUpgraded: ({ snapshot }) => expect(columnNames(tableOf(snapshot, 'parent'))).toEqual(['id', 'name']),
      // The dropped values are gone; the column comes back empty.
      expectDowngraded: async ({ connection }) =>
        expectRows(connection, 'SELECT note FROM parent ORDER BY id', [{ note: null }, { note: null }]),
    },
  ],
  alterColumn: [
    {
      title: 'a column renamed and back (more in the alter-column round trips)',
      upgrade: (op) => op.alterColumn('child', 'label', { newColumnName: 'caption', existingType: string(30) }),
      downgrade: (op) => op.alterColumn('child', 'caption', { newColumnName: 'label', existingType: string(30) }),
      expectUpgraded: ({ snapshot }) =>
        expect(columnNames(tableOf(snapshot, 'child'))).toEqual(['id', 'parent_id', 'caption']),
    },
  ],
  createTableComment: [
    {
      title: 'a comment on a table without one',
      requires: { supportsComments: true },
      upgrade: (op) => op.createTableComment('parent', "parents' table", { existingComment: null }),
      downgrade: (op) => op.dropTableComment('parent', { existingComment: "parents' table" }),
      expectUpgraded: ({ snapshot }) => expect(tableOf(snapshot, 'parent').comment).toBe("parents' table"),
    },
  ],
  dropTableComment: [
    {
      title: "a table's comment removed and restored",
      requires: { supportsComments: true },
      prepare: (op) => op.createTableComment('parent', 'to be removed'),
      unprepare: (op) => op.dropTableComment('parent', { existingComment: 'to be removed' }),
      upgrade: (op) => op.dropTableComment('parent', { existingComment: 'to be removed' }),
      downgrade: (op) => op.createTableComment('parent', 'to be removed', { existingComment: null }),
      expectUpgraded: ({ snapshot }) => expect(tableOf(snapshot, 'parent').comment).toBeUndefined(),
    },
  ],
  bulkInsert: [
    {
      title: 'rows with quotes, NULL and non-ASCII text, deleted by the downgrade',
      upgrade: (op) =>
        op.bulkInsert(PARENT, [
          { id: 100, name: "O'Brien", note: null },
          { id: 101, name: 'Zoë', note: 'line\nbreak' },
        ]),
      downgrade: (op) => op.execute('DELETE FROM parent WHERE id >= 100'),
      expectUpgraded: async ({ connection }) =>
        expectRows(connection, 'SELECT id, name, note FROM parent WHERE id >= 100 ORDER BY id', [
          { id: 100, name: "O'Brien", note: null },
          { id: 101, name: 'Zoë', note: 'line\nbreak' },
        ]),
      expectDowngraded: async ({ connection }) => expectRows(connection, 'SELECT id FROM parent WHERE id >= 100', []),
    },
  ],
  execute: [
    {
      title: 'SQL with bound :name parameters, undone by the downgrade',
      upgrade: (op) =>
        op.execute('INSERT INTO parent (id, name, note) VALUES (:id, :name, :note)', {
          id: 200,
          name: "it's",
          note: null,
        }),
      downgrade: (op) => op.execute('DELETE FROM parent WHERE id = :id', { id: 200 }),
      expectUpgraded: async ({ connection }) =>
        expectRows(connection, 'SELECT id, name, note FROM parent WHERE id = 200', [
          { id: 200, name: "it's", note: null },
        ]),
      expectDowngraded: async ({ connection }) => expectRows(connection, 'SELECT id FROM parent WHERE id = 200', []),
    },
    {
      title: 'plain SQL',
      upgrade: (op) => op.execute("UPDATE parent SET note = 'filled' WHERE note IS NULL"),
      downgrade: (op) => op.execute("UPDATE parent SET note = NULL WHERE note = 'filled'"),
      expectUpgraded: async ({ connection }) =>
        expectRows(connection, 'SELECT note FROM parent ORDER BY id', [{ note: 'filled' }, { note: 'second' }]),
    },
  ],
  batchAlterTable: [
    {
      title: 'a batch adding a column and an index, undone by a batch dropping them',
      upgrade: (op) =>
        op.batchAlterTable('child', (batch) => {
          batch.addColumn(column('flag', integer()));
          batch.createIndex('ix_child_flag', ['flag']);
        }),
      downgrade: (op) =>
        op.batchAlterTable('child', (batch) => {
          batch.dropIndex('ix_child_flag');
          batch.dropColumn('flag');
        }),
      expectUpgraded: async ({ snapshot, connection }) => {
        const child = tableOf(snapshot, 'child');
        expect(columnNames(child)).toEqual(['id', 'parent_id', 'label', 'flag']);
        expect(indexNames(child)).toContain('ix_child_flag');
        expect(constraintNames(child, 'foreignKeyConstraint')).toContain('fk_child_parent');
        await expectRows(connection, 'SELECT id, label FROM child ORDER BY id', [
          { id: 1, label: 'a' },
          { id: 2, label: 'b' },
        ]);
      },
    },
  ],
};

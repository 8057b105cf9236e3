import { column } from '../schema/column.js';
import { integer } from '../schema/column-types.js';
import { foreignKeyConstraint } from '../schema/constraints.js';
import { convertedName } from '../schema/converted-name.js';
import { table } from '../schema/table.js';
import type { TableModel } from '../schema/table.js';
import { outline } from './compare-test-support.js';
import type { ExistingTableChanges } from './order-operations.js';
import { orderOperations } from './order-operations.js';
import { plannedOperation } from './operation-data-loss.js';
import { addColumnOperation } from '../operations/add-column-operation.js';
import { dropColumnOperation } from '../operations/drop-column-operation.js';
import { dropConstraintOperation } from '../operations/drop-constraint-operation.js';
import { createForeignKeyOperation } from '../operations/create-foreign-key-operation.js';
import { dropIndexOperation } from '../operations/drop-index-operation.js';
import { renameTableOperation } from '../operations/rename-table-operation.js';

function linked(name: string, references: readonly string[]): TableModel {
  return table(name, [
    column('id', integer(), { primaryKey: true }),
    ...references.map((target) => column(`${target}_id`, integer())),
    ...references.map((target) =>
      foreignKeyConstraint([`${target}_id`], target, ['id'], { name: convertedName(`fk_${name}_${target}`) }),
    ),
  ]);
}

function changes(tableName: string, parts: Partial<ExistingTableChanges> = {}): ExistingTableChanges {
  return {
    tableName,
    droppedForeignKeys: [],
    droppedObjects: [],
    addedColumns: [],
    alteredColumns: [],
    createdObjects: [],
    commentChanges: [],
    createdForeignKeys: [],
    droppedColumns: [],
    ...parts,
  };
}

const none = { renamedTables: [], createdTables: [], changedTables: [], droppedTables: [], alterForeignKeys: true };

describe('orderOperations', () => {
  it('creates tables after the tables they refer to, ties by name', () => {
    const upgrade = orderOperations({
      ...none,
      createdTables: [
        { table: linked('c_item', ['b_order']) },
        { table: linked('b_order', ['a_account']) },
        { table: linked('a_account', []) },
        { table: linked('z_free', []) },
      ],
    });
    expect(outline({ upgrade })).toEqual([
      'createTable a_account',
      'createTable b_order',
      'createTable c_item',
      'createTable z_free',
    ]);
  });

  it('adds the foreign keys of a cycle after all tables exist, keeping self references inline', () => {
    const upgrade = orderOperations({
      ...none,
      createdTables: [
        { table: linked('author', ['book', 'author']) },
        { table: linked('book', ['author']) },
        { table: linked('shelf', ['book']) },
      ],
    });
    expect(outline({ upgrade })).toEqual([
      'createTable author',
      'createTable book',
      'createTable shelf',
      'createForeignKey author(book_id)->book',
      'createForeignKey book(author_id)->author',
    ]);
    const author = upgrade[0]?.operation;
    expect(
      author?.kind === 'createTable' &&
        author.table.constraints.map(
          (constraint) => constraint.kind === 'foreignKeyConstraint' && constraint.referredTable,
        ),
    ).toEqual(['author']);
    const shelf = upgrade[2]?.operation;
    expect(shelf?.kind === 'createTable' && shelf.table.constraints).toHaveLength(1);
  });

  it('breaks a cycle at a named foreign key, keeping an unnamed one in its createTable', () => {
    const author = table('author', [
      column('id', integer(), { primaryKey: true }),
      column('book_id', integer()),
      foreignKeyConstraint(['book_id'], 'book', ['id']),
    ]);
    const upgrade = orderOperations({
      ...none,
      createdTables: [{ table: author }, { table: linked('book', ['author']) }],
    });
    expect(outline({ upgrade })).toEqual([
      'createTable book',
      'createTable author',
      'createForeignKey book(author_id)->author',
    ]);
    const created = upgrade[1]?.operation;
    expect(created?.kind === 'createTable' && created.table.constraints).toHaveLength(1);
    const bothUnnamed = orderOperations({
      ...none,
      createdTables: [
        { table: author },
        {
          table: table('book', [
            column('id', integer(), { primaryKey: true }),
            column('author_id', integer()),
            foreignKeyConstraint(['author_id'], 'author', ['id']),
          ]),
        },
      ],
    });
    expect(outline({ upgrade: bothUnnamed })).toEqual([
      'createTable author',
      'createTable book',
      'createForeignKey author(book_id)->book',
    ]);
  });

  it('keeps cyclic foreign keys inline where the dialect cannot add them later (SQLite)', () => {
    const upgrade = orderOperations({
      ...none,
      alterForeignKeys: false,
      createdTables: [{ table: linked('author', ['book']) }, { table: linked('book', ['author']) }],
    });
    expect(outline({ upgrade })).toEqual(['createTable author', 'createTable book']);
  });

  it('drops tables before the tables they refer to, breaking cycles among them first', () => {
    const upgrade = orderOperations({
      ...none,
      droppedTables: [
        linked('a_account', []),
        linked('b_order', ['a_account', 'c_invoice']),
        linked('c_invoice', ['b_order']),
      ],
    });
    expect(outline({ upgrade })).toEqual([
      'dropConstraint c_invoice.fk_c_invoice_b_order',
      'dropConstraint b_order.fk_b_order_c_invoice',
      'dropTable c_invoice',
      'dropTable b_order',
      'dropTable a_account',
    ]);
    const dropOrder = upgrade[3]?.operation;
    // The reflected table travels without the foreign key dropped on its own, so the downgrade creates it once.
    expect(
      dropOrder?.kind === 'dropTable' && dropOrder.existingTable?.constraints.map((constraint) => constraint.name),
    ).toEqual([convertedName('fk_b_order_a_account')]);
    expect(upgrade[4]?.dataLoss).toBe('drops table a_account and its data');
  });

  it("drops a kept table's foreign key to a dropped table first, and the dropped table last", () => {
    const fk = foreignKeyConstraint(['legacy_id'], 'legacy', ['id'], { name: convertedName('fk_account_legacy') });
    const upgrade = orderOperations({
      ...none,
      droppedTables: [linked('legacy', [])],
      changedTables: [
        changes('account', {
          droppedForeignKeys: [
            plannedOperation(
              dropConstraintOperation({ constraintName: fk.name, tableName: 'account', existingConstraint: fk }),
            ),
          ],
          droppedColumns: [
            plannedOperation(
              dropColumnOperation({
                tableName: 'account',
                columnName: 'legacy_id',
                existingColumn: column('legacy_id', integer()),
              }),
            ),
          ],
        }),
      ],
    });
    expect(outline({ upgrade })).toEqual([
      'dropConstraint account.fk_account_legacy',
      'dropColumn account.legacy_id',
      'dropTable legacy',
    ]);
  });

  it('puts every step in its place across tables', () => {
    const upgrade = orderOperations({
      ...none,
      renamedTables: [plannedOperation(renameTableOperation({ oldTableName: 'old_name', newTableName: 'renamed' }))],
      createdTables: [{ table: linked('fresh', []) }],
      droppedTables: [linked('gone', [])],
      changedTables: [
        changes('zeta', {
          addedColumns: [
            plannedOperation(addColumnOperation({ tableName: 'zeta', column: column('added', integer()) })),
          ],
          droppedObjects: [plannedOperation(dropIndexOperation({ indexName: 'ix_zeta_old', tableName: 'zeta' }))],
        }),
        changes('alpha', {
          createdForeignKeys: [
            plannedOperation(
              createForeignKeyOperation({
                sourceTable: 'alpha',
                referentTable: 'fresh',
                localColumns: ['fresh_id'],
                remoteColumns: ['id'],
              }),
            ),
          ],
          addedColumns: [
            plannedOperation(addColumnOperation({ tableName: 'alpha', column: column('fresh_id', integer()) })),
          ],
          droppedColumns: [plannedOperation(dropColumnOperation({ tableName: 'alpha', columnName: 'old' }))],
        }),
      ],
    });
    expect(outline({ upgrade })).toEqual([
      'dropIndex zeta.ix_zeta_old',
      'renameTable old_name->renamed',
      'addColumn alpha.fresh_id',
      'addColumn zeta.added',
      'createTable fresh',
      'createForeignKey alpha(fresh_id)->fresh',
      'dropColumn alpha.old',
      'dropTable gone',
    ]);
  });
});

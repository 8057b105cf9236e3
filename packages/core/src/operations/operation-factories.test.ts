import { InvalidOperationError } from '../errors/invalid-operation-error.js';
import { column } from '../schema/column.js';
import { integer, string } from '../schema/column-types.js';
import { uniqueConstraint } from '../schema/constraints.js';
import { addColumnOperation } from './add-column-operation.js';
import { alterColumnOperation } from './alter-column-operation.js';
import { batchAlterTableOperation } from './batch-alter-table-operation.js';
import { bulkInsertOperation } from './bulk-insert-operation.js';
import { createTableOperation } from './create-table-operation.js';
import { dropConstraintOperation } from './drop-constraint-operation.js';
import { dropIndexOperation } from './drop-index-operation.js';
import { executeOperation } from './execute-operation.js';
import { renameTableOperation } from './rename-table-operation.js';
import { sql } from '../schema/sql-expression.js';
import { table } from '../schema/table.js';

describe('operation factories', () => {
  it('build deeply frozen objects without unset fields', () => {
    const operation = alterColumnOperation({ tableName: 't', columnName: 'c', nullable: false, type: undefined });
    expect(operation).toEqual({ kind: 'alterColumn', tableName: 't', columnName: 'c', nullable: false });
    expect(Object.keys(operation)).not.toContain('type');
    expect(Object.isFrozen(operation)).toBe(true);
    const rows = bulkInsertOperation({ table: { name: 't' }, rows: [{ payload: { a: 1 } }] });
    expect(Object.isFrozen(rows.rows[0])).toBe(true);
    expect(rows.multiinsert).toBe(true);
  });

  it('keep null apart from undefined where null means "remove"', () => {
    expect(alterColumnOperation({ tableName: 't', columnName: 'c', serverDefault: null, comment: null })).toEqual({
      kind: 'alterColumn',
      tableName: 't',
      columnName: 'c',
      serverDefault: null,
      comment: null,
    });
  });

  it('copy what they are given', () => {
    const rows = [{ id: 1 }];
    const operation = bulkInsertOperation({ table: { name: 't' }, rows });
    rows[0]!.id = 2;
    rows.push({ id: 3 });
    expect(operation.rows).toEqual([{ id: 1 }]);
  });

  it('mark the generated columns of a table model in a bulkInsert', () => {
    const account = table('account', [
      column('id', integer(), { primaryKey: true }),
      column('serial', integer(), { identity: { always: false } }),
      column('name', string(50)),
    ]);
    expect(bulkInsertOperation({ table: account, rows: [] }).table.columns).toEqual([
      { name: 'id', type: integer(), generated: true },
      { name: 'serial', type: integer(), generated: true },
      { name: 'name', type: string(50) },
    ]);
    expect(
      bulkInsertOperation({ table: { name: 't', columns: [{ name: 'id', generated: true }, { name: 'a' }] }, rows: [] })
        .table.columns,
    ).toEqual([{ name: 'id', generated: true }, { name: 'a' }]);
  });

  it('check names and kinds', () => {
    expect(() => renameTableOperation({ oldTableName: '', newTableName: 'b' })).toThrow(
      "renameTable: 'oldTableName' must be a non-empty string",
    );
    expect(() => createTableOperation({ table: { name: 't' } as never })).toThrow(/table model/);
    expect(() => addColumnOperation({ tableName: 't', column: { name: 'c' } as never })).toThrow(/column\(\)/);
    expect(() =>
      addColumnOperation({ tableName: 't', column: column('c', integer()), insertBefore: 'a', insertAfter: 'b' }),
    ).toThrow(/not both/);
    expect(() => alterColumnOperation({ tableName: 't', columnName: 'c', nullable: 'yes' as never })).toThrow(
      /true or false/,
    );
    expect(() => executeOperation({ sql: '' })).toThrow(InvalidOperationError);
  });

  it('accept sql() for execute', () => {
    expect(executeOperation({ sql: sql('SELECT 1') }).sql).toBe('SELECT 1');
  });

  it('derive and check the dropConstraint type from the existing constraint', () => {
    expect(
      dropConstraintOperation({ tableName: 't', existingConstraint: uniqueConstraint(['a'], { name: 'uq' }) }).type,
    ).toBe('unique');
    expect(() =>
      dropConstraintOperation({
        tableName: 't',
        type: 'check',
        existingConstraint: uniqueConstraint(['a'], { name: 'uq' }),
      }),
    ).toThrow(/does not match/);
    expect(() => dropConstraintOperation({ tableName: 't' })).toThrow(/constraint name/);
    expect(() => dropIndexOperation({ tableName: 't' })).toThrow(/index name/);
  });

  it('check that batch operations belong to the batch table', () => {
    const elsewhere = addColumnOperation({ tableName: 'other', column: column('c', integer()) });
    expect(() => batchAlterTableOperation({ tableName: 'foo', operations: [elsewhere] })).toThrow(/on table 'other'/);
    expect(() =>
      batchAlterTableOperation({
        tableName: 'foo',
        operations: [renameTableOperation({ oldTableName: 'a', newTableName: 'b' }) as never],
      }),
    ).toThrow(/'renameTable' cannot be part of a batch/);
    expect(() =>
      batchAlterTableOperation({ tableName: 'foo', operations: [], recreate: 'sometimes' as never }),
    ).toThrow(/recreate must be/);
  });
});

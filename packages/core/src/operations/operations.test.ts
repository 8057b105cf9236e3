import { InvalidOperationError } from '../errors/invalid-operation-error.js';
import { column } from '../schema/column.js';
import { integer, string } from '../schema/column-types.js';
import { uniqueConstraint } from '../schema/constraints.js';
import { sql } from '../schema/sql-expression.js';
import { table } from '../schema/table.js';
import type { AlterColumnOptions } from './alter-column-operation.js';
import type { CreateForeignKeyOptions } from './create-foreign-key-operation.js';
import type { Operation } from './operation.js';
import type { OperationInvoker } from './operation-invoker.js';
import { Operations } from './operations.js';
import { renameTableOperation } from './rename-table-operation.js';

interface FakeContext {
  readonly name: string;
}

function recordingOperations(): { op: Operations<FakeContext, string>; recorded: Operation[] } {
  const recorded: Operation[] = [];
  const invoker: OperationInvoker<FakeContext, string> = {
    invoke: async (operation) => {
      recorded.push(operation);
    },
    getBind: () => 'connection',
    getContext: () => ({ name: 'context' }),
  };
  return { op: new Operations(invoker), recorded };
}

describe('Operations', () => {
  it('hands each directive to the invoker as an operation object', async () => {
    const { op, recorded } = recordingOperations();
    await op.addColumn('account', column('last_login', integer()), { schema: 'app' });
    await op.dropColumn('account', 'last_login');
    await op.alterColumn('account', 'name', { type: string(100), existingType: string(50) });
    await op.renameTable('address', 'addresses');
    await op.dropTable('addresses', { ifExists: true });
    await op.createIndex(null, 'account', ['name'], { where: sql('name IS NOT NULL') });
    await op.dropIndex('ix', 'account');
    await op.createUniqueConstraint(null, 'account', ['name']);
    await op.createForeignKey('fk', 'address', 'account', ['account_id'], ['id'], { onDelete: 'CASCADE' });
    await op.createCheckConstraint('ck', 'account', sql('id > 0'));
    await op.createPrimaryKey('pk', 'account', ['id']);
    await op.dropConstraint('uq', 'account', { type: 'unique' });
    await op.createTableComment('account', 'Accounts');
    await op.dropTableComment('account', { existingComment: 'Accounts' });
    await op.bulkInsert('account', [{ id: 1 }], { multiinsert: false });
    await op.execute('UPDATE account SET name = :name', { name: 'x' });
    await op.invoke(renameTableOperation({ oldTableName: 'a', newTableName: 'b' }));
    expect(recorded.map((operation) => operation.kind)).toEqual([
      'addColumn',
      'dropColumn',
      'alterColumn',
      'renameTable',
      'dropTable',
      'createIndex',
      'dropIndex',
      'createUniqueConstraint',
      'createForeignKey',
      'createCheckConstraint',
      'createPrimaryKey',
      'dropConstraint',
      'createTableComment',
      'dropTableComment',
      'bulkInsert',
      'execute',
      'renameTable',
    ]);
    expect(recorded[0]).toEqual({
      kind: 'addColumn',
      tableName: 'account',
      schema: 'app',
      column: column('last_login', integer()),
    });
    expect(recorded[5]).toEqual({
      kind: 'createIndex',
      tableName: 'account',
      columns: ['name'],
      unique: false,
      where: 'name IS NOT NULL',
    });
    expect(recorded[7]).toEqual({ kind: 'createUniqueConstraint', tableName: 'account', columns: ['name'] });
    expect(recorded[9]).toMatchObject({ condition: 'id > 0' });
    expect(recorded[14]).toEqual({
      kind: 'bulkInsert',
      table: { name: 'account' },
      rows: [{ id: 1 }],
      multiinsert: false,
    });
  });

  it('creates a table from its elements and returns the model', async () => {
    const { op, recorded } = recordingOperations();
    const model = await op.createTable(
      'account',
      [column('id', integer(), { primaryKey: true }), column('email', string(50)), uniqueConstraint(['email'])],
      {
        schema: 'app',
        comment: 'Accounts',
      },
    );
    expect(model).toEqual(
      table(
        'account',
        [column('id', integer(), { primaryKey: true }), column('email', string(50)), uniqueConstraint(['email'])],
        {
          schema: 'app',
          comment: 'Accounts',
        },
      ),
    );
    expect(recorded).toEqual([{ kind: 'createTable', table: model }]);
  });

  it('records a batch and invokes it once, after the callback', async () => {
    const { op, recorded } = recordingOperations();
    await op.batchAlterTable('foo', { recreate: 'always', schema: 's' }, async (batchOperations) => {
      batchOperations.alterColumn('data', { type: integer() });
      batchOperations.addColumn(column('x', integer()), { insertAfter: 'id' });
      batchOperations.createIndex('ix_data', ['data'], { unique: true });
      batchOperations.dropIndex('ix_old');
      batchOperations.createUniqueConstraint('uq', ['x']);
      batchOperations.createForeignKey('fk', 'bar', ['x'], ['id']);
      batchOperations.createCheckConstraint('ck', 'x > 0');
      batchOperations.createPrimaryKey('pk', ['id']);
      batchOperations.dropConstraint('old', { type: 'check' });
      batchOperations.dropColumn('legacy');
      batchOperations.createTableComment('c');
      batchOperations.dropTableComment();
      batchOperations.execute('UPDATE foo SET x = 1');
      expect(recorded).toEqual([]);
    });
    expect(recorded).toHaveLength(1);
    const [batch] = recorded;
    expect(batch).toMatchObject({ kind: 'batchAlterTable', tableName: 'foo', schema: 's', recreate: 'always' });
    if (batch?.kind !== 'batchAlterTable') {
      throw new Error('expected a batch');
    }
    expect(batch.operations.map((operation) => operation.kind)).toEqual([
      'alterColumn',
      'addColumn',
      'createIndex',
      'dropIndex',
      'createUniqueConstraint',
      'createForeignKey',
      'createCheckConstraint',
      'createPrimaryKey',
      'dropConstraint',
      'dropColumn',
      'createTableComment',
      'dropTableComment',
      'execute',
    ]);
    expect(batch.operations[1]).toMatchObject({ tableName: 'foo', schema: 's', insertAfter: 'id' });
    expect(batch.operations[5]).toMatchObject({ sourceTable: 'foo', sourceSchema: 's', referentTable: 'bar' });
  });

  it("keeps the batch's table and schema when an options object also carries them", async () => {
    const { op, recorded } = recordingOperations();
    const alter: AlterColumnOptions = { schema: 'other', nullable: false };
    const foreignKey: CreateForeignKeyOptions = { sourceSchema: 'other', onDelete: 'CASCADE' };
    await op.batchAlterTable('foo', { schema: 's' }, (batchOperations) => {
      batchOperations.alterColumn('name', alter);
      batchOperations.createForeignKey('fk', 'bar', ['bar_id'], ['id'], foreignKey);
      batchOperations.dropColumn('x', { tableName: 'elsewhere' } as never);
    });
    const batch = recorded[0];
    if (batch?.kind !== 'batchAlterTable') throw new Error('expected a batch');
    expect(batch.operations).toMatchObject([
      { kind: 'alterColumn', tableName: 'foo', schema: 's', nullable: false },
      { kind: 'createForeignKey', sourceTable: 'foo', sourceSchema: 's', onDelete: 'CASCADE' },
      { kind: 'dropColumn', tableName: 'foo', schema: 's' },
    ]);
  });

  it("accepts a batch without options and defaults recreate to 'auto'", async () => {
    const { op, recorded } = recordingOperations();
    await op.batchAlterTable('foo', (batchOperations) => batchOperations.dropColumn('x'));
    expect(recorded[0]).toMatchObject({ kind: 'batchAlterTable', recreate: 'auto' });
  });

  it('invokes nothing when the batch callback fails', async () => {
    const { op, recorded } = recordingOperations();
    await expect(
      op.batchAlterTable('foo', {}, () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(recorded).toEqual([]);
  });

  it('refuses a batch without a callback', async () => {
    const { op } = recordingOperations();
    await expect(op.batchAlterTable('foo', {} as never)).rejects.toThrow(InvalidOperationError);
  });

  it('exposes the bind and context of the invoker, f() and inlineLiteral()', () => {
    const { op } = recordingOperations();
    expect(op.getBind()).toBe('connection');
    expect(op.getContext()).toEqual({ name: 'context' });
    expect(op.f('ix_user_email')).toEqual({ kind: 'convertedName', name: 'ix_user_email' });
    expect(op.inlineLiteral('a', integer())).toEqual({ kind: 'inlineLiteral', value: 'a', type: { kind: 'integer' } });
  });

  it('rejects invalid arguments before invoking anything', async () => {
    const { op, recorded } = recordingOperations();
    await expect(op.dropConstraint('x', 't', { type: 'index' as never })).rejects.toThrow(
      "'type' can be one of 'check', 'foreignkey', 'primary', 'unique'",
    );
    await expect(op.bulkInsert('t', { id: 1 } as never)).rejects.toThrow(/list of objects/);
    await expect(op.bulkInsert('t', [[1]] as never)).rejects.toThrow(/plain objects/);
    await expect(op.createForeignKey('fk', 'a', 'b', ['x', 'y'], ['id'])).rejects.toThrow(
      /2 local column\(s\) but 1 remote/,
    );
    await expect(op.createIndex('ix', 't', [])).rejects.toThrow(InvalidOperationError);
    expect(recorded).toEqual([]);
  });
});

import { InvalidOperationError } from '../../errors/invalid-operation-error.js';
import { column } from '../../schema/column.js';
import { bigInteger, boolean, integer, string, text } from '../../schema/column-types.js';
import { checkConstraint, foreignKeyConstraint, uniqueConstraint } from '../../schema/constraints.js';
import { index } from '../../schema/index-model.js';
import { table } from '../../schema/table.js';
import { addColumnOperation } from '../add-column-operation.js';
import { alterColumnOperation } from '../alter-column-operation.js';
import { createCheckConstraintOperation } from '../create-check-constraint-operation.js';
import { createForeignKeyOperation } from '../create-foreign-key-operation.js';
import { createIndexOperation } from '../create-index-operation.js';
import { createPrimaryKeyOperation } from '../create-primary-key-operation.js';
import { createTableCommentOperation } from '../create-table-comment-operation.js';
import { dropColumnOperation } from '../drop-column-operation.js';
import { dropConstraintOperation } from '../drop-constraint-operation.js';
import { dropIndexOperation } from '../drop-index-operation.js';
import { dropTableCommentOperation } from '../drop-table-comment-operation.js';
import { executeOperation } from '../execute-operation.js';
import { planBatchRecreate } from './plan-batch-recreate.js';

const foo = table(
  'foo',
  [
    column('id', integer(), { primaryKey: true }),
    column('data', string(50)),
    column('x', integer()),
    column('y', boolean(), { index: true }),
    uniqueConstraint(['x'], { name: 'uq_x' }),
    index('ix_data', ['data']),
  ],
  { comment: 'old comment' },
);

describe('planBatchRecreate', () => {
  it('plans reference case 46: a type change copied with a CAST', () => {
    const plan = planBatchRecreate(foo, [
      alterColumnOperation({ tableName: 'foo', columnName: 'data', type: integer() }),
    ]);
    expect(plan.temporaryTableName).toBe('_alembic_tmp_foo');
    expect(plan.originalTable).toBe(foo);
    expect(plan.columnTransfers).toEqual([
      { targetColumn: 'id', sourceColumn: 'id' },
      { targetColumn: 'data', sourceColumn: 'data', castTo: integer() },
      { targetColumn: 'x', sourceColumn: 'x' },
      { targetColumn: 'y', sourceColumn: 'y' },
    ]);
    expect(plan.newTable.columns.map((entry) => [entry.name, entry.type.kind])).toEqual([
      ['id', 'integer'],
      ['data', 'integer'],
      ['x', 'integer'],
      ['y', 'boolean'],
    ]);
    expect(plan.newTable.constraints).toEqual(foo.constraints);
    expect(plan.newTable.indexes).toEqual(foo.indexes);
  });

  it('renames, drops and adds columns, keeping constraints and indexes consistent', () => {
    const plan = planBatchRecreate(foo, [
      alterColumnOperation({ tableName: 'foo', columnName: 'data', newColumnName: 'd2', nullable: false }),
      dropColumnOperation({ tableName: 'foo', columnName: 'x' }),
      addColumnOperation({ tableName: 'foo', column: column('z', text(), { serverDefault: 'q' }), insertBefore: 'd2' }),
      alterColumnOperation({ tableName: 'foo', columnName: 'id', type: bigInteger() }),
    ]);
    expect(plan.newTable.columns.map((entry) => entry.name)).toEqual(['id', 'z', 'd2', 'y']);
    expect(plan.newTable.columns[2]).toMatchObject({ name: 'd2', nullable: false });
    expect(plan.columnTransfers).toEqual([
      { targetColumn: 'id', sourceColumn: 'id' },
      { targetColumn: 'd2', sourceColumn: 'data' },
      { targetColumn: 'y', sourceColumn: 'y' },
    ]);
    expect(plan.newTable.constraints).toEqual([]);
    expect(plan.newTable.indexes).toEqual([index('ix_data', ['d2'])]);
  });

  it('adds and drops constraints and indexes by name', () => {
    const plan = planBatchRecreate(foo, [
      dropConstraintOperation({ constraintName: 'uq_x', tableName: 'foo', type: 'unique' }),
      createForeignKeyOperation({
        constraintName: 'fk_x',
        sourceTable: 'foo',
        referentTable: 'bar',
        localColumns: ['x'],
        remoteColumns: ['id'],
      }),
      createCheckConstraintOperation({ constraintName: 'ck_x', tableName: 'foo', condition: 'x > 5' }),
      dropIndexOperation({ indexName: 'ix_data', tableName: 'foo' }),
      dropIndexOperation({ indexName: 'ix_foo_y', tableName: 'foo' }),
      createIndexOperation({ indexName: 'ix_x', tableName: 'foo', columns: ['x'], unique: true }),
    ]);
    expect(plan.newTable.constraints).toEqual([
      foreignKeyConstraint(['x'], 'bar', ['id'], { name: 'fk_x' }),
      checkConstraint('x > 5', { name: 'ck_x' }),
    ]);
    expect(plan.newTable.indexes).toEqual([index('ix_x', ['x'], { unique: true })]);
    expect(plan.newTable.columns.find((entry) => entry.name === 'y')?.index).toBe(false);
  });

  it('replaces the primary key and changes the table comment', () => {
    const plan = planBatchRecreate(foo, [
      createPrimaryKeyOperation({ constraintName: 'pk_foo', tableName: 'foo', columns: ['id', 'x'] }),
      createTableCommentOperation({ tableName: 'foo', comment: 'new comment' }),
    ]);
    expect(plan.newTable.primaryKey).toEqual({ kind: 'primaryKeyConstraint', name: 'pk_foo', columns: ['id', 'x'] });
    expect(plan.newTable.columns.find((entry) => entry.name === 'x')).toMatchObject({
      primaryKey: true,
      nullable: false,
    });
    expect(plan.newTable.comment).toBe('new comment');
    expect(planBatchRecreate(foo, [dropTableCommentOperation({ tableName: 'foo' })]).newTable.comment).toBeUndefined();
  });

  it('drops constraints declared by column flags through the naming convention', () => {
    const flagged = table('t', [
      column('id', integer(), { primaryKey: true }),
      column('a', integer(), { unique: true, references: 'r.id' }),
    ]);
    const plan = planBatchRecreate(
      flagged,
      [
        dropConstraintOperation({ constraintName: 'uq_t_a', tableName: 't' }),
        dropConstraintOperation({ constraintName: 'fk_t_a_r', tableName: 't' }),
        dropConstraintOperation({ tableName: 't', type: 'primary', constraintName: 'pk_t' }),
      ],
      {
        namingConvention: {
          uq: 'uq_%(table_name)s_%(column_0_name)s',
          fk: 'fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s',
          pk: 'pk_%(table_name)s',
        },
      },
    );
    expect(plan.newTable.columns[1]).toMatchObject({ name: 'a', unique: false });
    expect(plan.newTable.columns[1]?.references).toBeUndefined();
    expect(plan.newTable.primaryKey).toBeUndefined();
  });

  it('drops unnamed constraints by the signature of the existing constraint', () => {
    const reflected = table('t', [
      column('id', integer(), { primaryKey: true }),
      column('a', integer()),
      column('b', integer()),
      column('c', integer(), { references: { table: 'r', column: 'id', onDelete: 'SET NULL' } }),
      uniqueConstraint(['a', 'b']),
      uniqueConstraint(['a']),
      foreignKeyConstraint(['b'], 'r', ['id'], { onDelete: 'CASCADE' }),
      foreignKeyConstraint(['b'], 'r', ['id']),
    ]);
    const plan = planBatchRecreate(reflected, [
      dropConstraintOperation({ tableName: 't', existingConstraint: uniqueConstraint(['a']) }),
      dropConstraintOperation({
        tableName: 't',
        existingConstraint: foreignKeyConstraint(['b'], 'r', ['id'], { onDelete: 'no action' }),
      }),
      dropConstraintOperation({
        tableName: 't',
        existingConstraint: foreignKeyConstraint(['c'], 'r', ['id'], { onDelete: 'set null' }),
      }),
    ]);
    expect(plan.newTable.constraints).toEqual([
      uniqueConstraint(['a', 'b']),
      foreignKeyConstraint(['b'], 'r', ['id'], { onDelete: 'CASCADE' }),
    ]);
    expect(plan.newTable.columns[3]?.references).toBeUndefined();
    expect(() =>
      planBatchRecreate(reflected, [
        dropConstraintOperation({ tableName: 't', existingConstraint: uniqueConstraint(['b']) }),
      ]),
    ).toThrow("No such constraint in table 't': an unnamed uniqueConstraint on (b)");
  });

  it('splits execute operations around the rebuild', () => {
    const before = executeOperation({ sql: 'UPDATE foo SET x = 0 WHERE x IS NULL' });
    const after = executeOperation({ sql: 'UPDATE foo SET x = 1' });
    const plan = planBatchRecreate(foo, [
      before,
      alterColumnOperation({ tableName: 'foo', columnName: 'x', nullable: false }),
      after,
    ]);
    expect(plan.executeBefore).toEqual([before]);
    expect(plan.executeAfter).toEqual([after]);
  });

  it('applies a partial reordering', () => {
    const plan = planBatchRecreate(foo, [], { partialReordering: [['y', 'id']] });
    expect(plan.newTable.columns.map((entry) => entry.name)).toEqual(['data', 'x', 'y', 'id']);
    expect(plan.columnTransfers.map((transfer) => transfer.targetColumn)).toEqual(['data', 'x', 'y', 'id']);
  });

  it('truncates the temporary table name to 50 characters', () => {
    const long = table('a'.repeat(60), [column('id', integer())]);
    expect(planBatchRecreate(long, []).temporaryTableName).toBe(`_alembic_tmp_${'a'.repeat(37)}`);
  });

  it('names what it cannot find', () => {
    expect(() => planBatchRecreate(foo, [dropColumnOperation({ tableName: 'foo', columnName: 'nope' })])).toThrow(
      "No such column: 'nope'",
    );
    expect(() => planBatchRecreate(foo, [dropIndexOperation({ indexName: 'ix_nope', tableName: 'foo' })])).toThrow(
      "No such index: 'ix_nope'",
    );
    expect(() =>
      planBatchRecreate(foo, [dropConstraintOperation({ constraintName: 'nope', tableName: 'foo' })]),
    ).toThrow("No such constraint: 'nope'");
    expect(() =>
      planBatchRecreate(foo, [addColumnOperation({ tableName: 'foo', column: column('x', integer()) })]),
    ).toThrow(InvalidOperationError);
  });

  it('does not change the table it was given', () => {
    planBatchRecreate(foo, [dropColumnOperation({ tableName: 'foo', columnName: 'x' })]);
    expect(foo.columns.map((entry) => entry.name)).toEqual(['id', 'data', 'x', 'y']);
  });
});

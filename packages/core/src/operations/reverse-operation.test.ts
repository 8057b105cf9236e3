import { IrreversibleOperationError } from '../errors/irreversible-operation-error.js';
import { column } from '../schema/column.js';
import { boolean, integer, string } from '../schema/column-types.js';
import { foreignKeyConstraint, uniqueConstraint } from '../schema/constraints.js';
import { index } from '../schema/index-model.js';
import { sql } from '../schema/sql-expression.js';
import { table } from '../schema/table.js';
import { addColumnOperation } from './add-column-operation.js';
import { alterColumnOperation } from './alter-column-operation.js';
import { batchAlterTableOperation } from './batch-alter-table-operation.js';
import { bulkInsertOperation } from './bulk-insert-operation.js';
import { createCheckConstraintOperation } from './create-check-constraint-operation.js';
import { createForeignKeyOperation } from './create-foreign-key-operation.js';
import { createIndexOperation } from './create-index-operation.js';
import { createPrimaryKeyOperation } from './create-primary-key-operation.js';
import { createTableCommentOperation } from './create-table-comment-operation.js';
import { createTableOperation } from './create-table-operation.js';
import { createUniqueConstraintOperation } from './create-unique-constraint-operation.js';
import { dropColumnOperation } from './drop-column-operation.js';
import { dropConstraintOperation } from './drop-constraint-operation.js';
import { dropIndexOperation } from './drop-index-operation.js';
import { dropTableCommentOperation } from './drop-table-comment-operation.js';
import { dropTableOperation } from './drop-table-operation.js';
import { executeOperation } from './execute-operation.js';
import type { Operation, OperationKind } from './operation.js';
import { OPERATION_KINDS } from './operation.js';
import { renameTableOperation } from './rename-table-operation.js';
import { reverseOperation } from './reverse-operation.js';

const account = table(
  'account',
  [column('id', integer(), { primaryKey: true }), column('name', string(50), { nullable: false })],
  {
    schema: 'app',
  },
);
const lastLogin = column('last_login', integer(), { index: true });

interface ReverseCases {
  /** Operations with the reverse they must produce; reversing that reverse gives the operation back. */
  readonly reversible: readonly { readonly operation: Operation; readonly reversed: Operation }[];
  /** Operations that lack what a reverse needs, with the field the error must name. */
  readonly irreversible: readonly { readonly operation: Operation; readonly missing?: string }[];
}

/** Typed over every kind: a new operation kind does not compile until its reverse is tested. */
const CASES: Record<OperationKind, ReverseCases> = {
  createTable: {
    reversible: [
      {
        operation: createTableOperation({ table: account, ifNotExists: true }),
        reversed: dropTableOperation({ tableName: 'account', schema: 'app', ifExists: true, existingTable: account }),
      },
    ],
    irreversible: [],
  },
  dropTable: {
    reversible: [
      {
        operation: dropTableOperation({ tableName: 'account', schema: 'app', existingTable: account }),
        reversed: createTableOperation({ table: account }),
      },
    ],
    irreversible: [{ operation: dropTableOperation({ tableName: 'account' }), missing: 'existingTable' }],
  },
  renameTable: {
    reversible: [
      {
        operation: renameTableOperation({ oldTableName: 'address', newTableName: 'addresses', schema: 's' }),
        reversed: renameTableOperation({ oldTableName: 'addresses', newTableName: 'address', schema: 's' }),
      },
    ],
    irreversible: [],
  },
  addColumn: {
    reversible: [
      {
        operation: addColumnOperation({ tableName: 'account', column: lastLogin, schema: 'app' }),
        reversed: dropColumnOperation({
          tableName: 'account',
          columnName: 'last_login',
          schema: 'app',
          existingColumn: lastLogin,
        }),
      },
    ],
    irreversible: [],
  },
  dropColumn: {
    reversible: [
      {
        operation: dropColumnOperation({
          tableName: 'account',
          columnName: 'last_login',
          ifExists: true,
          existingColumn: lastLogin,
        }),
        reversed: addColumnOperation({ tableName: 'account', column: lastLogin, ifNotExists: true }),
      },
    ],
    irreversible: [
      { operation: dropColumnOperation({ tableName: 'account', columnName: 'last_login' }), missing: 'existingColumn' },
    ],
  },
  alterColumn: {
    reversible: [
      {
        operation: alterColumnOperation({
          tableName: 'account',
          columnName: 'name',
          newColumnName: 'full_name',
          nullable: true,
          existingNullable: false,
          type: string(100),
          existingType: string(50),
          serverDefault: 'none',
          existingServerDefault: null,
          comment: null,
          existingComment: 'old',
          autoincrement: false,
          existingAutoincrement: true,
        }),
        reversed: alterColumnOperation({
          tableName: 'account',
          columnName: 'full_name',
          newColumnName: 'name',
          nullable: false,
          existingNullable: true,
          type: string(50),
          existingType: string(100),
          serverDefault: null,
          existingServerDefault: 'none',
          comment: 'old',
          existingComment: null,
          autoincrement: true,
          existingAutoincrement: false,
        }),
      },
      {
        operation: alterColumnOperation({
          tableName: 't',
          columnName: 'id',
          identity: { always: true, start: 10 },
          existingIdentity: null,
        }),
        reversed: alterColumnOperation({
          tableName: 't',
          columnName: 'id',
          identity: null,
          existingIdentity: { always: true, start: 10 },
        }),
      },
      {
        operation: alterColumnOperation({
          tableName: 't',
          columnName: 'c',
          serverDefault: sql('now()'),
          existingServerDefault: '1',
          existingType: integer(),
        }),
        reversed: alterColumnOperation({
          tableName: 't',
          columnName: 'c',
          serverDefault: '1',
          existingServerDefault: sql('now()'),
          existingType: integer(),
        }),
      },
    ],
    irreversible: [
      {
        operation: alterColumnOperation({ tableName: 't', columnName: 'c', type: integer() }),
        missing: 'existingType',
      },
      {
        operation: alterColumnOperation({ tableName: 't', columnName: 'c', nullable: false }),
        missing: 'existingNullable',
      },
      {
        operation: alterColumnOperation({ tableName: 't', columnName: 'c', serverDefault: null }),
        missing: 'existingServerDefault',
      },
      {
        operation: alterColumnOperation({ tableName: 't', columnName: 'c', comment: 'x' }),
        missing: 'existingComment',
      },
      {
        operation: alterColumnOperation({ tableName: 't', columnName: 'c', autoincrement: true }),
        missing: 'existingAutoincrement',
      },
    ],
  },
  createIndex: {
    reversible: [
      {
        operation: createIndexOperation({
          indexName: 'ix_a',
          tableName: 't',
          columns: ['a', sql('lower(b)')],
          unique: true,
          where: 'a > 0',
          ifNotExists: true,
          dialectOptions: { postgresql: { concurrently: true } },
        }),
        reversed: dropIndexOperation({
          indexName: 'ix_a',
          tableName: 't',
          ifExists: true,
          dialectOptions: { postgresql: { concurrently: true } },
          existingIndex: index('ix_a', ['a', sql('lower(b)')], {
            unique: true,
            where: 'a > 0',
            dialectOptions: { postgresql: { concurrently: true } },
          }),
        }),
      },
    ],
    irreversible: [],
  },
  dropIndex: {
    reversible: [
      {
        operation: dropIndexOperation({
          indexName: 'ix_a',
          tableName: 't',
          schema: 's',
          existingIndex: index('ix_a', ['a']),
        }),
        reversed: createIndexOperation({ indexName: 'ix_a', tableName: 't', schema: 's', columns: ['a'] }),
      },
    ],
    irreversible: [
      { operation: dropIndexOperation({ indexName: 'ix_a', tableName: 't' }), missing: 'existingIndex' },
      {
        operation: dropIndexOperation({ indexName: 'ix_a', existingIndex: index('ix_a', ['a']) }),
        missing: 'tableName',
      },
    ],
  },
  createUniqueConstraint: {
    reversible: [
      {
        operation: createUniqueConstraintOperation({
          constraintName: 'uq',
          tableName: 't',
          columns: ['a'],
          deferrable: true,
        }),
        reversed: dropConstraintOperation({
          constraintName: 'uq',
          tableName: 't',
          type: 'unique',
          existingConstraint: uniqueConstraint(['a'], { name: 'uq', deferrable: true }),
        }),
      },
    ],
    irreversible: [],
  },
  createForeignKey: {
    reversible: [
      {
        operation: createForeignKeyOperation({
          constraintName: 'fk',
          sourceTable: 'address',
          sourceSchema: 'app',
          referentTable: 'account',
          referentSchema: 'app',
          localColumns: ['account_id'],
          remoteColumns: ['id'],
          onDelete: 'CASCADE',
        }),
        reversed: dropConstraintOperation({
          constraintName: 'fk',
          tableName: 'address',
          schema: 'app',
          type: 'foreignkey',
          existingConstraint: foreignKeyConstraint(['account_id'], 'account', ['id'], {
            name: 'fk',
            referredSchema: 'app',
            onDelete: 'CASCADE',
          }),
        }),
      },
    ],
    irreversible: [],
  },
  createCheckConstraint: {
    reversible: [
      {
        operation: createCheckConstraintOperation({ tableName: 't', condition: 'a > 0' }),
        reversed: dropConstraintOperation({
          tableName: 't',
          type: 'check',
          existingConstraint: { kind: 'checkConstraint', condition: 'a > 0' },
        }),
      },
    ],
    irreversible: [],
  },
  createPrimaryKey: {
    reversible: [
      {
        operation: createPrimaryKeyOperation({ constraintName: 'pk', tableName: 't', columns: ['a', 'b'] }),
        reversed: dropConstraintOperation({
          constraintName: 'pk',
          tableName: 't',
          type: 'primary',
          existingConstraint: { kind: 'primaryKeyConstraint', name: 'pk', columns: ['a', 'b'] },
        }),
      },
    ],
    irreversible: [],
  },
  dropConstraint: {
    reversible: [
      {
        operation: dropConstraintOperation({
          constraintName: 'uq',
          tableName: 't',
          existingConstraint: uniqueConstraint(['a']),
        }),
        reversed: createUniqueConstraintOperation({ constraintName: 'uq', tableName: 't', columns: ['a'] }),
      },
    ],
    irreversible: [
      {
        operation: dropConstraintOperation({ constraintName: 'uq', tableName: 't', type: 'unique' }),
        missing: 'existingConstraint',
      },
    ],
  },
  createTableComment: {
    reversible: [
      {
        operation: createTableCommentOperation({ tableName: 't', comment: 'new' }),
        reversed: dropTableCommentOperation({ tableName: 't', existingComment: 'new' }),
      },
      {
        operation: createTableCommentOperation({ tableName: 't', comment: 'new', existingComment: 'old' }),
        reversed: createTableCommentOperation({ tableName: 't', comment: 'old', existingComment: 'new' }),
      },
    ],
    irreversible: [],
  },
  dropTableComment: {
    reversible: [
      {
        operation: dropTableCommentOperation({ tableName: 't', existingComment: 'old', schema: 's' }),
        reversed: createTableCommentOperation({ tableName: 't', comment: 'old', schema: 's' }),
      },
    ],
    irreversible: [{ operation: dropTableCommentOperation({ tableName: 't' }), missing: 'existingComment' }],
  },
  bulkInsert: {
    reversible: [],
    irreversible: [{ operation: bulkInsertOperation({ table: { name: 'account' }, rows: [{ id: 1 }] }) }],
  },
  execute: {
    reversible: [],
    irreversible: [{ operation: executeOperation({ sql: 'UPDATE account SET name = 1' }) }],
  },
  batchAlterTable: {
    reversible: [
      {
        operation: batchAlterTableOperation({
          tableName: 'foo',
          recreate: 'always',
          operations: [
            addColumnOperation({ tableName: 'foo', column: column('flag', boolean()) }),
            alterColumnOperation({ tableName: 'foo', columnName: 'data', nullable: false, existingNullable: true }),
          ],
        }),
        reversed: batchAlterTableOperation({
          tableName: 'foo',
          recreate: 'always',
          operations: [
            alterColumnOperation({ tableName: 'foo', columnName: 'data', nullable: true, existingNullable: false }),
            dropColumnOperation({ tableName: 'foo', columnName: 'flag', existingColumn: column('flag', boolean()) }),
          ],
        }),
      },
    ],
    irreversible: [
      {
        operation: batchAlterTableOperation({
          tableName: 'foo',
          operations: [dropColumnOperation({ tableName: 'foo', columnName: 'x' })],
        }),
        missing: 'existingColumn',
      },
    ],
  },
};

describe('reverseOperation', () => {
  it('has cases for every kind', () => {
    expect(Object.keys(CASES).sort()).toEqual([...OPERATION_KINDS].sort());
    for (const kind of OPERATION_KINDS) {
      expect(CASES[kind].reversible.length + CASES[kind].irreversible.length).toBeGreaterThan(0);
    }
  });

  for (const kind of OPERATION_KINDS) {
    describe(kind, () => {
      CASES[kind].reversible.forEach(({ operation, reversed }, position) => {
        it(`reverses case ${position + 1}`, () => {
          expect(reverseOperation(operation)).toEqual(reversed);
        });

        it(`round-trips case ${position + 1}: reverse(reverse(op)) equals op`, () => {
          expect(reverseOperation(reverseOperation(operation))).toEqual(operation);
        });
      });

      CASES[kind].irreversible.forEach(({ operation, missing }, position) => {
        it(`refuses irreversible case ${position + 1}${missing ? ` (missing ${missing})` : ''}`, () => {
          let thrown: unknown;
          try {
            reverseOperation(operation);
          } catch (error) {
            thrown = error;
          }
          expect(IrreversibleOperationError.isInstance(thrown)).toBe(true);
          const error = thrown as IrreversibleOperationError;
          expect(error.code).toBe('ALEMBIC_IRREVERSIBLE_OPERATION');
          expect(error.missing).toBe(missing);
          if (missing !== undefined) {
            expect(error.message).toContain(missing);
          }
        });
      });
    });
  }

  it('returns frozen operations', () => {
    const reversed = reverseOperation(renameTableOperation({ oldTableName: 'a', newTableName: 'b' }));
    expect(Object.isFrozen(reversed)).toBe(true);
  });
});

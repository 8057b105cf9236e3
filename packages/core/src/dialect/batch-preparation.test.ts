import { batchAlterTableOperation } from '../operations/batch-alter-table-operation.js';
import type { BatchRecreatePlan } from '../operations/batch/plan-batch-recreate.js';
import { dropColumnOperation } from '../operations/drop-column-operation.js';
import { executeOperation } from '../operations/execute-operation.js';
import { column } from '../schema/column.js';
import { integer, string } from '../schema/column-types.js';
import { checkConstraint, primaryKeyConstraint, uniqueConstraint } from '../schema/constraints.js';
import { table } from '../schema/table.js';
import { DefaultDdlCompiler } from './default-ddl-compiler.js';

/** A database whose constraint names are unique beyond their table, as PostgreSQL's index names are. */
class SchemaWideNamesCompiler extends DefaultDdlCompiler {
  protected override compileBatchPreparation(plan: BatchRecreatePlan): string[] {
    return this.dropConstraintsNamedAsInCopy(plan);
  }
}

/** A database that frees only its check constraint names, by kind. */
class CheckNamesCompiler extends DefaultDdlCompiler {
  protected override compileBatchPreparation(plan: BatchRecreatePlan): string[] {
    return this.constraintsNamedAsInCopy(plan)
      .filter(({ constraint }) => constraint.kind === 'checkConstraint')
      .map(({ name }) => `-- free ${name}`);
  }
}

const account = table('account', [
  column('id', integer()),
  column('code', string(10)),
  column('note', string(10)),
  primaryKeyConstraint(['id'], { name: 'pk_account' }),
  uniqueConstraint(['code'], { name: 'uq_account_code' }),
  uniqueConstraint(['note'], { name: 'uq_account_note' }),
  checkConstraint('id > 0', { name: 'ck_account_id' }),
]);

const dropNote = batchAlterTableOperation({
  tableName: 'account',
  recreate: 'always',
  copyFrom: account,
  operations: [
    executeOperation({ sql: 'SELECT 1' }),
    dropColumnOperation({ tableName: 'account', columnName: 'note' }),
  ],
});

describe('batch rebuild preparation', () => {
  it('does nothing to the original table by default', () => {
    const statements = new DefaultDdlCompiler().compile(dropNote);
    expect(statements.slice(0, 2)).toEqual([
      'SELECT 1',
      'CREATE TABLE _alembic_tmp_account (id INTEGER NOT NULL, code VARCHAR(10), CONSTRAINT pk_account PRIMARY KEY (id), CONSTRAINT uq_account_code UNIQUE (code), CONSTRAINT ck_account_id CHECK (id > 0))',
    ]);
  });

  it("drops the constraints whose names the copy takes, primary key last, after the batch's leading statements", () => {
    const statements = new SchemaWideNamesCompiler().compile(dropNote);
    expect(statements.slice(0, 5)).toEqual([
      'SELECT 1',
      'ALTER TABLE account DROP CONSTRAINT uq_account_code',
      'ALTER TABLE account DROP CONSTRAINT ck_account_id',
      'ALTER TABLE account DROP CONSTRAINT pk_account',
      expect.stringMatching(/^CREATE TABLE _alembic_tmp_account /),
    ]);
    expect(statements.join('\n')).not.toContain('DROP CONSTRAINT uq_account_note');
  });

  it('hands a dialect each constraint with its name to choose from', () => {
    expect(new CheckNamesCompiler().compile(dropNote).slice(0, 3)).toEqual([
      'SELECT 1',
      '-- free ck_account_id',
      expect.stringMatching(/^CREATE TABLE _alembic_tmp_account /),
    ]);
  });
});

import { bulkInsertOperation } from '../operations/bulk-insert-operation.js';
import { executeOperation } from '../operations/execute-operation.js';
import { column } from '../schema/column.js';
import { integer, string } from '../schema/column-types.js';
import { checkConstraint, foreignKeyConstraint, uniqueConstraint } from '../schema/constraints.js';
import { convertedName } from '../schema/converted-name.js';
import { index } from '../schema/index-model.js';
import { sql } from '../schema/sql-expression.js';
import { table } from '../schema/table.js';
import { comparePlan } from './compare-test-support.js';
import { describePlanDifferences, formatDifferenceList } from './describe-plan-differences.js';
import { plannedOperation } from './operation-data-loss.js';

const id = () => column('id', integer(), { primaryKey: true });

describe('describePlanDifferences', () => {
  it('lists every change as an Alembic diff tuple and log line', async () => {
    const model = [
      table('parent', [id()]),
      table(
        'account',
        [
          id(),
          column('name', string(100), { nullable: false, serverDefault: sql('now()') }),
          column('email', string(50)),
          column('parent_id', integer()),
          foreignKeyConstraint(['parent_id'], 'parent', ['id']),
          uniqueConstraint(['email'], { name: 'uq_email' }),
          checkConstraint('id > 0', { name: 'ck_positive' }),
          index('ix_email', ['email']),
        ],
        { comment: "Owner's accounts" },
      ),
      table('fresh', [id(), column('kind', string(10)), index('ix_fresh_kind', ['kind'])], { schema: 'billing' }),
    ];
    const database = [
      table('parent', [id()]),
      table('account', [
        id(),
        column('name', string(50)),
        column('parent_id', integer()),
        column('old', integer()),
        foreignKeyConstraint(['parent_id'], 'parent', ['id'], { name: convertedName('fk_old'), onDelete: 'CASCADE' }),
        index(convertedName('ix_old'), ['old']),
        checkConstraint('id > 1', { name: convertedName('ck_old') }),
      ]),
      table('gone', [id()]),
    ];
    const { plan } = await comparePlan(model, database, { includeSchemas: ['billing'] });
    const differences = describePlanDifferences(plan.upgrade);
    expect(differences.map((difference) => difference.tuple)).toEqual([
      "('remove_fk', None, 'account', ('parent_id',), 'parent', ('id',))",
      "('remove_index', 'ix_old')",
      "('remove_check', None, 'account', 'ck_old')",
      "('add_column', None, 'account', 'email')",
      "('modify_nullable', None, 'account', 'name', True -> False)",
      "('modify_type', None, 'account', 'name', VARCHAR(50) -> VARCHAR(100))",
      "('modify_default', None, 'account', 'name', None -> now())",
      "('add_index', 'ix_email')",
      "('add_unique', None, 'account', ('email',))",
      "('add_check', None, 'account', 'ck_positive')",
      "('add_table_comment', None, 'account', 'Owner\\'s accounts')",
      "('add_table', 'billing.fresh')",
      "('add_index', 'ix_fresh_kind')",
      "('add_fk', None, 'account', ('parent_id',), 'parent', ('id',))",
      "('remove_column', None, 'account', 'old')",
      "('remove_table', 'gone')",
    ]);
    expect(differences.map((difference) => difference.message)).toEqual([
      'Detected removed foreign key (parent_id)(parent.id) on table account',
      "Detected removed index 'ix_old' on 'account'",
      "Detected removed check constraint 'ck_old' on 'account'",
      "Detected added column 'account.email'",
      "Detected NOT NULL on column 'account.name'",
      "Detected type change from VARCHAR(50) to VARCHAR(100) on 'account.name'",
      "Detected server default on column 'account.name'",
      "Detected added index 'ix_email' on 'email'",
      "Detected added unique constraint 'uq_email' on 'email'",
      "Detected added check constraint 'ck_positive' on 'account'",
      "Detected table comment on 'account'",
      "Detected added table 'billing.fresh'",
      "Detected added index 'ix_fresh_kind' on 'kind'",
      'Detected added foreign key (parent_id)(parent.id) on table account',
      "Detected removed column 'account.old'",
      "Detected removed table 'gone'",
    ]);
    expect(formatDifferenceList(differences.slice(0, 2))).toBe(
      "[('remove_fk', None, 'account', ('parent_id',), 'parent', ('id',)), ('remove_index', 'ix_old')]",
    );
  });

  it('describes renames, removed defaults and comments, and an empty plan as an empty list', async () => {
    const { plan } = await comparePlan(
      [table('t', [id(), column('full_name', string(50))])],
      [table('t', [id(), column('name', string(50), { serverDefault: 'x', comment: 'old' })])],
      { renames: [{ table: 't', from: 'name', to: 'full_name' }] },
    );
    expect(describePlanDifferences(plan.upgrade)).toEqual([
      {
        tuple: "('rename_column', None, 't', 'name', 'full_name')",
        message: "Detected renamed column 't.name' to 'full_name'",
      },
      {
        tuple: "('modify_default', None, 't', 'name', 'x' -> None)",
        message: "Detected removed server default on column 't.name'",
      },
      { tuple: "('modify_comment', None, 't', 'name', 'old' -> None)", message: "Detected removed comment 't.name'" },
    ]);
    expect(formatDifferenceList([])).toBe('[]');
  });

  it('names what an execute or bulkInsert added by a hook does', () => {
    const planned = [
      plannedOperation(executeOperation({ sql: 'CREATE EXTENSION IF NOT EXISTS "uuid-ossp"' })),
      plannedOperation(bulkInsertOperation({ table: { name: 'plan', schema: 'billing' }, rows: [{ id: 1 }] })),
    ];
    expect(describePlanDifferences(planned)).toEqual([
      {
        tuple: `('execute', 'CREATE EXTENSION IF NOT EXISTS "uuid-ossp"')`,
        message: 'Detected SQL to execute: CREATE EXTENSION IF NOT EXISTS "uuid-ossp"',
      },
      { tuple: "('bulk_insert', 'billing.plan')", message: "Detected rows to insert into 'billing.plan'" },
    ]);
  });

  it('keeps a multi-line statement on one line, escaped as Python prints it', () => {
    const planned = [plannedOperation(executeOperation({ sql: "UPDATE t\n   SET note = 'it''s'\tWHERE id = 1" }))];
    expect(describePlanDifferences(planned)).toEqual([
      {
        tuple: "('execute', 'UPDATE t\\n   SET note = \\'it\\'\\'s\\'\\tWHERE id = 1')",
        message: "Detected SQL to execute: UPDATE t SET note = 'it''s' WHERE id = 1",
      },
    ]);
  });
});

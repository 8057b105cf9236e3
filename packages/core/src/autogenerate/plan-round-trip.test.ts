import { constraintOfOperation, indexOfOperation } from '../operations/constraint-operations.js';
import type { Operation } from '../operations/operation.js';
import { column } from '../schema/column.js';
import type { ColumnModel } from '../schema/column.js';
import { bigInteger, integer, numeric, string, text } from '../schema/column-types.js';
import { checkConstraint, foreignKeyConstraint, uniqueConstraint } from '../schema/constraints.js';
import { constraintNameText, convertedName } from '../schema/converted-name.js';
import { index } from '../schema/index-model.js';
import type { NamingConvention } from '../schema/naming-convention.js';
import { sql } from '../schema/sql-expression.js';
import { table } from '../schema/table.js';
import type { TableModel } from '../schema/table.js';
import { comparePlan } from './compare-test-support.js';
import type { PlannedOperation } from './migration-plan.js';
import { stableText } from './structural-equality.js';

/**
 * Carries out operations on tables held in memory, as a database would: enough to check that
 * an upgrade reaches the model and that its downgrade gives back the database it started from.
 */
function applyOperations(start: readonly TableModel[], operations: readonly PlannedOperation[]): TableModel[] {
  let tables = [...start];
  const update = (name: string, change: (model: TableModel) => TableModel): void => {
    const position = tables.findIndex((candidate) => candidate.name === name);
    if (position < 0) throw new Error(`no table ${name}`);
    tables[position] = change(tables[position] as TableModel);
  };
  const apply = (operation: Operation): void => {
    switch (operation.kind) {
      case 'createTable':
        if (tables.some((candidate) => candidate.name === operation.table.name))
          throw new Error(`table ${operation.table.name} exists`);
        tables.push(operation.table);
        return;
      case 'dropTable':
        tables = tables.filter((candidate) => candidate.name !== operation.tableName);
        return;
      case 'renameTable':
        return update(operation.oldTableName, (model) => ({ ...model, name: operation.newTableName }));
      case 'addColumn':
        return update(operation.tableName, (model) => ({ ...model, columns: [...model.columns, operation.column] }));
      case 'dropColumn':
        return update(operation.tableName, (model) => ({
          ...model,
          columns: model.columns.filter((candidate) => candidate.name !== operation.columnName),
        }));
      case 'alterColumn':
        return update(operation.tableName, (model) => ({
          ...model,
          columns: model.columns.map((candidate): ColumnModel => {
            if (candidate.name !== operation.columnName) return candidate;
            const { serverDefault: _default, comment: _comment, ...rest } = candidate;
            const serverDefault =
              operation.serverDefault === undefined ? candidate.serverDefault : (operation.serverDefault ?? undefined);
            const comment = operation.comment === undefined ? candidate.comment : (operation.comment ?? undefined);
            return {
              ...rest,
              name: operation.newColumnName ?? candidate.name,
              type: operation.type ?? candidate.type,
              nullable: operation.nullable ?? candidate.nullable,
              ...(serverDefault === undefined ? {} : { serverDefault }),
              ...(comment === undefined ? {} : { comment }),
            };
          }),
        }));
      case 'createIndex':
        return update(operation.tableName, (model) => ({
          ...model,
          indexes: [...model.indexes, indexOfOperation(operation)],
        }));
      case 'dropIndex':
        return update(operation.tableName ?? '', (model) => ({
          ...model,
          indexes: model.indexes.filter((candidate) => nameText(candidate.name) !== nameText(operation.indexName)),
        }));
      case 'createUniqueConstraint':
      case 'createCheckConstraint':
        return update(operation.tableName, (model) => ({
          ...model,
          constraints: [...model.constraints, constraintOfOperation(operation)],
        }));
      case 'createForeignKey':
        return update(operation.sourceTable, (model) => ({
          ...model,
          constraints: [...model.constraints, constraintOfOperation(operation)],
        }));
      case 'dropConstraint':
        return update(operation.tableName, (model) => ({
          ...model,
          constraints: model.constraints.filter(
            (candidate) => nameText(candidate.name) !== nameText(operation.constraintName),
          ),
        }));
      case 'createTableComment':
        return update(operation.tableName, (model) => ({ ...model, comment: operation.comment }));
      case 'dropTableComment':
        return update(operation.tableName, ({ comment: _comment, ...model }) => model);
      default:
        throw new Error(`not simulated: ${operation.kind}`);
    }
  };
  operations.forEach(({ operation }) => apply(operation));
  return tables;
}

function nameText(name: Parameters<typeof constraintNameText>[0] | undefined): string | undefined {
  return name === undefined ? undefined : constraintNameText(name);
}

/** Tables as comparable text: names as text, parts in a fixed order. */
function canonical(tables: readonly TableModel[]): string[] {
  const plain = (value: unknown): unknown =>
    JSON.parse(
      JSON.stringify(value, (_key, entry: unknown) =>
        typeof entry === 'object' && entry !== null && (entry as { kind?: unknown }).kind === 'convertedName'
          ? (entry as { name: string }).name
          : entry,
      ),
    );
  return tables
    .map((model) => {
      const data = plain(model) as Record<string, unknown[]>;
      return stableText({
        ...data,
        columns: (data.columns ?? []).map((entry) => stableText(entry)).sort(),
        constraints: (data.constraints ?? []).map((entry) => stableText(entry)).sort(),
        indexes: (data.indexes ?? []).map((entry) => stableText(entry)).sort(),
      });
    })
    .sort();
}

const convention: NamingConvention = {
  ix: 'ix_%(column_0_label)s',
  uq: 'uq_%(table_name)s_%(column_0_name)s',
  ck: 'ck_%(table_name)s_%(constraint_name)s',
  fk: 'fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s',
};
const id = () => column('id', integer(), { primaryKey: true });

describe('an upgrade reaches the model, and its downgrade restores the database', () => {
  const database = [
    table(
      'account',
      [
        id(),
        column('name', string(50), { serverDefault: 'anon', comment: 'display name' }),
        column('legacy', text()),
        column('balance', numeric(10, 2)),
        uniqueConstraint(['name'], { name: convertedName('account_name_key') }),
        index(convertedName('ix_account_legacy'), ['legacy']),
        checkConstraint('balance >= 0', { name: convertedName('ck_account_balance') }),
      ],
      { comment: 'Accounts' },
    ),
    table('legacy_log', [
      id(),
      column('account_id', integer()),
      foreignKeyConstraint(['account_id'], 'account', ['id'], { name: convertedName('fk_log_account') }),
    ]),
    table('customer', [id(), column('code', string(10))]),
    table('ring_a', [
      id(),
      column('b_id', integer()),
      foreignKeyConstraint(['b_id'], 'ring_b', ['id'], { name: convertedName('fk_a_b') }),
    ]),
    table('ring_b', [
      id(),
      column('a_id', integer()),
      foreignKeyConstraint(['a_id'], 'ring_a', ['id'], { name: convertedName('fk_b_a') }),
    ]),
  ];
  const model = [
    table('account', [
      id(),
      column('full_name', string(100), { nullable: false, comment: 'full name' }),
      column('balance', numeric(12, 2), { serverDefault: sql('0') }),
      column('email', string(200), { unique: true, index: true }),
      checkConstraint('balance > -1', { name: 'balance' }),
    ]),
    table('client', [
      id(),
      column('code', string(20)),
      column('account_id', bigInteger(), { references: 'account.id' }),
    ]),
    table('node_a', [id(), column('b_id', integer(), { references: 'node_b.id' })]),
    table('node_b', [id(), column('a_id', integer(), { references: 'node_a.id' })]),
  ];
  const renames = [
    { from: 'customer', to: 'client' },
    { table: 'account', from: 'name', to: 'full_name' },
  ];

  it('on a dialect that alters constraints', async () => {
    const { plan } = await comparePlan(model, database, { namingConvention: convention, renames });
    expect(plan.irreversible).toEqual([]);
    const upgraded = applyOperations(database, plan.upgrade);
    const again = await comparePlan(model, upgraded, { namingConvention: convention });
    expect(again.plan.upgrade).toEqual([]);
    expect(canonical(applyOperations(upgraded, plan.downgrade))).toEqual(canonical(database));
  });

  it('on a dialect that keeps foreign keys in their tables (SQLite)', async () => {
    const capabilities = { supportsAlterConstraints: false };
    const { plan } = await comparePlan(model, database, { namingConvention: convention, renames, capabilities });
    expect(
      plan.upgrade.some(
        ({ operation }) => operation.kind === 'createForeignKey' && operation.sourceTable.startsWith('node'),
      ),
    ).toBe(false);
    const upgraded = applyOperations(database, plan.upgrade);
    expect((await comparePlan(model, upgraded, { namingConvention: convention, capabilities })).plan.upgrade).toEqual(
      [],
    );
    expect(canonical(applyOperations(upgraded, plan.downgrade))).toEqual(canonical(database));
  });

  it('every drop carries what it drops', async () => {
    const { plan } = await comparePlan(model, database, { namingConvention: convention, renames });
    for (const { operation } of plan.upgrade) {
      if (operation.kind === 'dropTable') expect(operation.existingTable).toBeDefined();
      if (operation.kind === 'dropColumn') expect(operation.existingColumn).toBeDefined();
      if (operation.kind === 'dropIndex') expect(operation.existingIndex).toBeDefined();
      if (operation.kind === 'dropConstraint') expect(operation.existingConstraint).toBeDefined();
    }
    expect(plan.upgrade.filter((planned) => planned.dataLoss !== undefined).map((planned) => planned.dataLoss)).toEqual(
      [
        'drops column account.legacy and its data',
        'drops table ring_b and its data',
        'drops table ring_a and its data',
        'drops table legacy_log and its data',
      ],
    );
  });
});

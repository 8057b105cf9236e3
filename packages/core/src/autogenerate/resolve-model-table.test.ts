import { defineCapabilities } from '../dialect/dialect-capabilities.js';
import { DefaultDdlCompiler } from '../dialect/default-ddl-compiler.js';
import { createTableOperation } from '../operations/create-table-operation.js';
import { addColumnOperation } from '../operations/add-column-operation.js';
import { column } from '../schema/column.js';
import { boolean, enumType, integer, string } from '../schema/column-types.js';
import { checkConstraint, foreignKeyConstraint, uniqueConstraint } from '../schema/constraints.js';
import { convertedName } from '../schema/converted-name.js';
import { index } from '../schema/index-model.js';
import type { NamingConvention } from '../schema/naming-convention.js';
import { table } from '../schema/table.js';
import { resolveModelTable } from './resolve-model-table.js';

const convention: NamingConvention = {
  ix: 'ix_%(column_0_label)s',
  uq: 'uq_%(table_name)s_%(column_0_name)s',
  ck: 'ck_%(table_name)s_%(constraint_name)s',
  fk: 'fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s',
  pk: 'pk_%(table_name)s',
};
const nonNative = { nativeBoolean: false, nativeEnum: false };

const account = table('account', [
  column('id', integer(), { primaryKey: true }),
  column('email', string(100), { unique: true }),
  column('handle', string(40), { unique: true, index: true }),
  column('team_id', integer(), { references: { table: 'team', column: 'id', onDelete: 'CASCADE' }, index: true }),
  column('active', boolean({ createConstraint: true, name: 'active' })),
  column('status', enumType(['a', 'b'], { createConstraint: true, name: 'status' })),
  uniqueConstraint(['email', 'handle']),
  foreignKeyConstraint(['team_id'], 'team', ['id'], { name: 'explicit_fk' }),
  checkConstraint('id > 0', { name: 'positive' }),
  index(null, ['email', 'team_id']),
  index('ix_named', ['handle'], { unique: true }),
]);

describe('resolveModelTable', () => {
  it('turns column flags into named constraints and indexes, and clears the flags', () => {
    const { table: resolved } = resolveModelTable(account, { namingConvention: convention, capabilities: nonNative });
    expect(resolved.columns.every((model) => !model.unique && !model.index && model.references === undefined)).toBe(
      true,
    );
    expect(resolved.primaryKey).toEqual({
      kind: 'primaryKeyConstraint',
      name: convertedName('pk_account'),
      columns: ['id'],
    });
    expect(resolved.constraints).toEqual([
      { kind: 'uniqueConstraint', name: convertedName('uq_account_email'), columns: ['email', 'handle'] },
      {
        kind: 'foreignKeyConstraint',
        name: convertedName('explicit_fk'),
        columns: ['team_id'],
        referredTable: 'team',
        referredColumns: ['id'],
      },
      { kind: 'checkConstraint', name: convertedName('ck_account_positive'), condition: 'id > 0' },
      { kind: 'uniqueConstraint', name: convertedName('uq_account_email'), columns: ['email'] },
      {
        kind: 'foreignKeyConstraint',
        name: convertedName('fk_account_team_id_team'),
        columns: ['team_id'],
        referredTable: 'team',
        referredColumns: ['id'],
        onDelete: 'CASCADE',
      },
    ]);
    expect(resolved.indexes).toEqual([
      { kind: 'index', name: convertedName('ix_account_email'), columns: ['email', 'team_id'], unique: false },
      { kind: 'index', name: convertedName('ix_named'), columns: ['handle'], unique: true },
      { kind: 'index', name: convertedName('ix_account_handle'), columns: ['handle'], unique: true },
      { kind: 'index', name: convertedName('ix_account_team_id'), columns: ['team_id'], unique: false },
    ]);
  });

  it('lists the named CHECKs of boolean and enum types on dialects without the native type', () => {
    const { typeChecks } = resolveModelTable(account, { namingConvention: convention, capabilities: nonNative });
    expect([...typeChecks.entries()]).toEqual([
      ['active', { kind: 'checkConstraint', name: convertedName('ck_account_active'), condition: 'active IN (0, 1)' }],
      [
        'status',
        { kind: 'checkConstraint', name: convertedName('ck_account_status'), condition: "status IN ('a', 'b')" },
      ],
    ]);
    const native = resolveModelTable(account, {
      namingConvention: convention,
      capabilities: { nativeBoolean: true, nativeEnum: true },
    });
    expect(native.typeChecks.size).toBe(0);
  });

  it('leaves unnamed what nothing names (default convention: only indexes)', () => {
    const { table: resolved, typeChecks } = resolveModelTable(account, {
      namingConvention: {},
      capabilities: nonNative,
    });
    const unique = resolved.constraints.find(
      (constraint) => constraint.kind === 'uniqueConstraint' && constraint.columns.length === 1,
    );
    expect(unique).toEqual({ kind: 'uniqueConstraint', columns: ['email'] });
    expect(resolved.indexes[0]?.name).toEqual(convertedName('ix_account_email'));
    expect(typeChecks.get('active')?.name).toEqual(convertedName('active'));
  });

  it('creates the same database objects as createTable and addColumn of the original table', () => {
    const capabilities = defineCapabilities(nonNative);
    const compiler = new DefaultDdlCompiler({ namingConvention: convention, capabilities });
    const { table: resolved } = resolveModelTable(account, { namingConvention: convention, capabilities });
    expect(compiler.compile(createTableOperation({ table: resolved }))).toEqual(
      compiler.compile(createTableOperation({ table: account })),
    );
    // A flagged column added to an existing table: the flags' objects come from their own operations.
    const added = resolved.columns.find((model) => model.name === 'active');
    expect(
      compiler.compile(addColumnOperation({ tableName: 'account', column: added ?? account.columns[0]! })),
    ).toEqual([
      'ALTER TABLE account ADD COLUMN active BOOLEAN',
      'ALTER TABLE account ADD CONSTRAINT ck_account_active CHECK (active IN (0, 1))',
    ]);
  });
});

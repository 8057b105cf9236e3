import { CommandError } from '../errors/command-error.js';
import { reverseOperation } from '../operations/reverse-operation.js';
import { column } from '../schema/column.js';
import { bigInteger, boolean, integer, numeric, smallInteger, string, text } from '../schema/column-types.js';
import { checkConstraint, foreignKeyConstraint, uniqueConstraint } from '../schema/constraints.js';
import { convertedName } from '../schema/converted-name.js';
import { index } from '../schema/index-model.js';
import { metadata } from '../schema/metadata.js';
import type { NamingConvention } from '../schema/naming-convention.js';
import { sql } from '../schema/sql-expression.js';
import { table } from '../schema/table.js';
import type { TableModel } from '../schema/table.js';
import type { SchemaIntrospector } from '../dialect/schema-introspector.js';
import type { TargetMetadata } from './autogenerate-options.js';
import { comparePlan, genericDialect, outline } from './compare-test-support.js';
import { produceMigrationPlan } from './produce-migration-plan.js';
import { DefaultSchemaNormalizer } from './schema-normalizer.js';
import type { SchemaSide } from './schema-normalizer.js';
import { snapshotIntrospector } from './snapshot-introspector.js';
import type { IndexModel } from '../schema/index-model.js';
import type { TableConstraintModel } from '../schema/table.js';

const convention: NamingConvention = {
  ix: 'ix_%(column_0_label)s',
  uq: 'uq_%(table_name)s_%(column_0_name)s',
  ck: 'ck_%(table_name)s_%(constraint_name)s',
  fk: 'fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s',
};

const id = () => column('id', integer(), { primaryKey: true });

function operationsOf(result: { plan: { upgrade: readonly { operation: unknown }[] } }): unknown[] {
  return result.plan.upgrade.map((planned) => planned.operation);
}

describe('produceMigrationPlan: equal schemas', () => {
  it('finds nothing when the database is what the model creates (flags, conventions, type CHECKs)', async () => {
    const model = [
      table('team', [id(), column('name', string(50), { nullable: false, serverDefault: 'x', comment: 'Team name' })], {
        comment: 'Teams',
      }),
      table('member', [
        id(),
        column('email', string(100), { unique: true }),
        column('team_id', integer(), { references: 'team.id', index: true }),
        column('active', boolean({ createConstraint: true, name: 'active' }), { serverDefault: sql('1') }),
        checkConstraint('id > 0', { name: 'positive' }),
      ]),
    ];
    const database = [
      table('team', [id(), column('name', string(50), { nullable: false, serverDefault: 'x', comment: 'Team name' })], {
        comment: 'Teams',
      }),
      table('member', [
        id(),
        column('email', string(100)),
        column('team_id', integer()),
        column('active', boolean(), { serverDefault: sql('(1)') }),
        uniqueConstraint(['email'], { name: convertedName('uq_member_email') }),
        foreignKeyConstraint(['team_id'], 'team', ['id'], {
          name: convertedName('some_database_name'),
          onDelete: 'NO ACTION',
        }),
        checkConstraint('active IN (0, 1)', { name: convertedName('ck_member_active') }),
        checkConstraint('id > 0', { name: convertedName('ck_member_positive') }),
        checkConstraint("email <> ''"),
        index(convertedName('ix_member_team_id'), ['team_id']),
      ]),
    ];
    const result = await comparePlan(model, database, { namingConvention: convention });
    expect(outline(result.plan)).toEqual([]);
    expect(result.plan.downgrade).toEqual([]);
    expect(result.plan.irreversible).toEqual([]);
    expect(result.renameCandidates).toEqual([]);
  });

  it('never compares the version table', async () => {
    const versionTable = table('alembic_version', [column('version_num', string(32), { primaryKey: true })]);
    expect(outline((await comparePlan([], [versionTable])).plan)).toEqual([]);
    expect(outline((await comparePlan([versionTable], [])).plan)).toEqual([]);
  });
});

describe('produceMigrationPlan: tables', () => {
  it('creates a missing table from the resolved model, with its indexes, and drops a removed one carrying it', async () => {
    const reflectedOld = table('old_stuff', [
      id(),
      column('note', text()),
      index(convertedName('ix_old_note'), ['note']),
    ]);
    const result = await comparePlan(
      [table('account', [id(), column('email', string(100), { index: true, unique: true })])],
      [reflectedOld],
    );
    expect(outline(result.plan)).toEqual(['createTable account', 'dropTable old_stuff']);
    const [create, drop] = operationsOf(result) as [
      { table: TableModel },
      { kind: 'dropTable'; existingTable: TableModel },
    ];
    expect(create.table.indexes).toEqual([
      { kind: 'index', name: convertedName('ix_account_email'), columns: ['email'], unique: true },
    ]);
    expect(create.table.columns[1]).toMatchObject({ unique: false, index: false });
    expect(drop.existingTable).toBe(reflectedOld);
    expect(result.plan.upgrade[1]?.dataLoss).toBe('drops table old_stuff and its data');
    expect(outline(result.plan, 'downgrade')).toEqual(['createTable old_stuff', 'dropTable account']);
    const restore = result.plan.downgrade[0]?.operation;
    expect(restore?.kind === 'createTable' && restore.table).toBe(reflectedOld);
  });

  it('suggests each dropped table as a rename of each added one, and renames when asked', async () => {
    const model = [table('client', [id(), column('name', string(50))])];
    const database = [table('customer', [id(), column('name', string(40))])];
    const guessed = await comparePlan(model, database);
    expect(outline(guessed.plan)).toEqual(['createTable client', 'dropTable customer']);
    expect(guessed.renameCandidates).toEqual([{ from: 'customer', to: 'client' }]);
    expect(guessed.plan.upgrade[0]?.comments).toEqual([
      'Is this a rename of customer? Run with --rename-table customer=client to write a rename instead.',
    ]);

    const renamed = await comparePlan(model, database, { renames: [{ from: 'customer', to: 'client' }] });
    expect(outline(renamed.plan)).toEqual(['renameTable customer->client', 'alterColumn client.name']);
    expect(renamed.renameCandidates).toEqual([]);
    expect(outline(renamed.plan, 'downgrade')).toEqual(['alterColumn client.name', 'renameTable client->customer']);
  });

  it('keeps foreign keys that point at a renamed table', async () => {
    const model = [
      table('client', [id()]),
      table('invoice', [id(), column('client_id', integer()), foreignKeyConstraint(['client_id'], 'client', ['id'])]),
    ];
    const database = [
      table('customer', [id()]),
      table('invoice', [
        id(),
        column('client_id', integer()),
        foreignKeyConstraint(['client_id'], 'customer', ['id'], { name: convertedName('fk_x') }),
      ]),
    ];
    const result = await comparePlan(model, database, { renames: [{ from: 'customer', to: 'client' }] });
    expect(outline(result.plan)).toEqual(['renameTable customer->client']);
  });

  it('changes existing tables before creating new ones, whose foreign keys may point at what is added', async () => {
    const model = [
      table('account', [
        id(),
        column('code', string(10), { nullable: false }),
        uniqueConstraint(['code'], { name: 'uq_account_code' }),
      ]),
      table('badge', [
        id(),
        column('account_code', string(10)),
        foreignKeyConstraint(['account_code'], 'account', ['code'], { name: 'fk_badge_account' }),
      ]),
    ];
    const database = [table('account', [id()])];
    const result = await comparePlan(model, database);
    const steps = outline(result.plan);
    expect(steps.indexOf('addColumn account.code')).toBeLessThan(steps.indexOf('createTable badge'));
    expect(steps.findIndex((step) => step.startsWith('createUniqueConstraint'))).toBeLessThan(
      steps.indexOf('createTable badge'),
    );
  });

  it("drops a dropped table's foreign key to a column that goes away before the column", async () => {
    const model = [table('account', [id()])];
    const database = [
      table('account', [
        id(),
        column('code', string(10)),
        uniqueConstraint(['code'], { name: convertedName('uq_account_code') }),
      ]),
      table('legacy', [
        id(),
        column('account_code', string(10)),
        foreignKeyConstraint(['account_code'], 'account', ['code'], { name: convertedName('fk_legacy_account') }),
      ]),
    ];
    const result = await comparePlan(model, database);
    const steps = outline(result.plan);
    const foreignKeyDrop = steps.findIndex(
      (step) => step.startsWith('dropConstraint') && step.includes('fk_legacy_account'),
    );
    expect(foreignKeyDrop).toBeGreaterThanOrEqual(0);
    expect(foreignKeyDrop).toBeLessThan(steps.findIndex((step) => step.includes('uq_account_code')));
    expect(foreignKeyDrop).toBeLessThan(steps.indexOf('dropColumn account.code'));
    expect(steps.at(-1)).toBe('dropTable legacy');
    // The downgrade recreates the table, then the column and its unique constraint, then the key.
    const downgrade = outline(result.plan, 'downgrade');
    expect(downgrade.findIndex((step) => step.startsWith('createForeignKey legacy'))).toBe(downgrade.length - 1);
  });

  it('refuses two renames of one column, or two columns renamed to one name', async () => {
    const model = [table('account', [id(), column('full_name', string(50))])];
    const database = [table('account', [id(), column('name', string(50)), column('bio', string(50))])];
    const attempt = comparePlan(model, database, {
      renames: [
        { table: 'account', from: 'name', to: 'full_name' },
        { table: 'account', from: 'bio', to: 'full_name' },
      ],
    });
    await expect(attempt).rejects.toMatchObject({ code: 'ALEMBIC_AUTOGENERATE_RENAME' });
  });

  it('compares the schemas model tables name, even when includeSchemas does not list them', async () => {
    const result = await comparePlan(
      [
        table('account', [id(), column('name', string(50))], { schema: 'app' }),
        table('audit', [id()], { schema: 'app' }),
      ],
      [table('account', [id()], { schema: 'app' })],
    );
    expect(outline(result.plan)).toEqual(['addColumn account.name', 'createTable audit']);
  });

  it('refuses a rename that names no dropped and added pair', async () => {
    const attempt = comparePlan([table('client', [id()])], [table('client', [id()])], {
      renames: [{ from: 'customer', to: 'client' }],
    });
    await expect(attempt).rejects.toThrow(CommandError);
    await expect(attempt).rejects.toMatchObject({ code: 'ALEMBIC_AUTOGENERATE_RENAME' });
  });

  it('adds and drops table comments, with the existing comment', async () => {
    const added = await comparePlan([table('t', [id()], { comment: 'New' })], [table('t', [id()], { comment: 'Old' })]);
    expect(operationsOf(added)).toEqual([
      { kind: 'createTableComment', tableName: 't', comment: 'New', existingComment: 'Old' },
    ]);
    const dropped = await comparePlan([table('t', [id()])], [table('t', [id()], { comment: 'Old' })]);
    expect(operationsOf(dropped)).toEqual([{ kind: 'dropTableComment', tableName: 't', existingComment: 'Old' }]);
    expect(outline(dropped.plan, 'downgrade')).toEqual(['createTableComment t']);
    const noComments = await comparePlan([table('t', [id()], { comment: 'New' })], [table('t', [id()])], {
      capabilities: { supportsComments: false },
    });
    expect(outline(noComments.plan)).toEqual([]);
  });
});

describe('produceMigrationPlan: columns', () => {
  it('adds and drops columns, the drop carrying the reflected column', async () => {
    const legacy = column('legacy', string(20), { serverDefault: 'n/a' });
    const result = await comparePlan(
      [table('account', [id(), column('email', string(100), { nullable: false })])],
      [table('account', [id(), legacy])],
    );
    expect(outline(result.plan)).toEqual(['addColumn account.email', 'dropColumn account.legacy']);
    expect(result.plan.upgrade[1]?.dataLoss).toBe('drops column account.legacy and its data');
    expect(result.plan.upgrade[1]?.operation).toMatchObject({ existingColumn: legacy });
    expect(outline(result.plan, 'downgrade')).toEqual(['addColumn account.legacy', 'dropColumn account.email']);
    expect(result.renameCandidates).toEqual([{ table: 'account', from: 'legacy', to: 'email' }]);
    expect(result.plan.upgrade[0]?.comments).toEqual([
      'Is this a rename of legacy? Run with --rename account.legacy=email to write a rename instead.',
    ]);
  });

  it('does not suggest renames between unrelated types', async () => {
    const result = await comparePlan(
      [table('t', [id(), column('born', integer())])],
      [table('t', [id(), column('note', text())])],
    );
    expect(result.renameCandidates).toEqual([]);
    expect(result.plan.upgrade[0]?.comments).toEqual([]);
  });

  it('renames a column when asked, with its type change in the same alterColumn', async () => {
    const result = await comparePlan(
      [table('account', [id(), column('full_name', string(100)), index(null, ['full_name'])])],
      [table('account', [id(), column('name', string(50)), index(convertedName('ix_account_name'), ['name'])])],
      { renames: [{ table: 'account', from: 'name', to: 'full_name' }] },
    );
    expect(outline(result.plan)).toEqual([
      'dropIndex account.ix_account_name',
      'alterColumn account.name',
      'createIndex account.ix_account_full_name',
    ]);
    expect(result.plan.upgrade[1]?.operation).toEqual({
      kind: 'alterColumn',
      tableName: 'account',
      columnName: 'name',
      newColumnName: 'full_name',
      type: string(100),
      existingType: string(50),
      existingNullable: true,
    });
    expect(outline(result.plan, 'downgrade')).toEqual([
      'dropIndex account.ix_account_full_name',
      'alterColumn account.full_name',
      'createIndex account.ix_account_name',
    ]);
  });

  it('writes one alterColumn per column, with the existing value of every aspect', async () => {
    const result = await comparePlan(
      [table('t', [id(), column('name', string(100), { nullable: false, serverDefault: 'b', comment: 'new' })])],
      [table('t', [id(), column('name', string(50), { serverDefault: 'a', comment: 'old' })])],
    );
    expect(operationsOf(result)).toEqual([
      {
        kind: 'alterColumn',
        tableName: 't',
        columnName: 'name',
        nullable: false,
        type: string(100),
        serverDefault: 'b',
        comment: 'new',
        existingType: string(50),
        existingNullable: true,
        existingServerDefault: 'a',
        existingComment: 'old',
      },
    ]);
    expect(result.plan.upgrade[0]?.dataLoss).toBeUndefined();
    expect(result.plan.downgrade[0]?.operation).toEqual(reverseOperation(result.plan.upgrade[0]!.operation));
    expect(result.plan.downgrade[0]?.operation).toMatchObject({
      type: string(50),
      nullable: true,
      serverDefault: 'a',
      comment: 'old',
    });
    expect(result.plan.downgrade[0]?.dataLoss).toMatch(/^narrows t\.name from VARCHAR\(100\) to VARCHAR\(50\)/);
  });

  it('removes a server default and a comment with null, giving what there was', async () => {
    const result = await comparePlan(
      [table('t', [id(), column('name', string(50))])],
      [table('t', [id(), column('name', string(50), { serverDefault: sql('now()'), comment: 'old' })])],
    );
    expect(result.plan.upgrade[0]?.operation).toMatchObject({
      serverDefault: null,
      existingServerDefault: sql('now()'),
      comment: null,
      existingComment: 'old',
    });
  });

  it('compares types by the properties the model sets', async () => {
    const same = await comparePlan(
      [table('t', [id(), column('a', string()), column('b', numeric())])],
      [table('t', [id(), column('a', string(30)), column('b', numeric(10, 2))])],
    );
    expect(outline(same.plan)).toEqual([]);
    const changed = await comparePlan(
      [table('t', [id(), column('a', bigInteger())])],
      [table('t', [id(), column('a', integer())])],
    );
    expect(outline(changed.plan)).toEqual(['alterColumn t.a']);
    expect(changed.plan.upgrade[0]?.dataLoss).toBeUndefined();
  });

  it('marks narrowing type changes as data loss', async () => {
    const cases: [ReturnType<typeof column>, ReturnType<typeof column>][] = [
      [column('a', string(10)), column('a', string(20))],
      [column('a', string(10)), column('a', text())],
      [column('a', integer()), column('a', bigInteger())],
      [column('a', smallInteger()), column('a', integer())],
      [column('a', numeric(8, 2)), column('a', numeric(10, 2))],
      [column('a', numeric(10, 1)), column('a', numeric(10, 2))],
      [column('a', integer()), column('a', numeric(10, 2))],
      [column('a', integer()), column('a', text())],
    ];
    for (const [model, database] of cases) {
      const result = await comparePlan([table('t', [id(), model])], [table('t', [id(), database])]);
      expect(result.plan.upgrade).toHaveLength(1);
      expect(result.plan.upgrade[0]?.dataLoss).toMatch(/^(narrows|converts) t\.a from /);
    }
  });

  it('honours compareType: false, and a callable before the default rule', async () => {
    const model = [table('t', [id(), column('a', string(100)), column('b', string(10))])];
    const database = [table('t', [id(), column('a', string(50)), column('b', string(10))])];
    expect(outline((await comparePlan(model, database, { compareType: false })).plan)).toEqual([]);
    const asked: string[] = [];
    const result = await comparePlan(model, database, {
      compareType: (_context, inspected, metadataColumn, inspectedType, metadataType) => {
        asked.push(
          `${inspected.name}:${JSON.stringify(inspectedType)}:${metadataColumn.name}:${JSON.stringify(metadataType)}`,
        );
        return inspected.name === 'b' ? true : undefined;
      },
    });
    expect(asked).toEqual([
      'id:{"kind":"integer"}:id:{"kind":"integer"}',
      'a:{"kind":"string","length":50}:a:{"kind":"string","length":100}',
      'b:{"kind":"string","length":10}:b:{"kind":"string","length":10}',
    ]);
    expect(outline(result.plan)).toEqual(['alterColumn t.a', 'alterColumn t.b']);
  });

  it('compares server defaults by default, never on autoincrement or identity columns, and honours compareServerDefault', async () => {
    const model = [
      table('t', [
        id(),
        column('n', integer(), { serverDefault: sql('0') }),
        column('m', integer(), { identity: { always: true } }),
      ]),
    ];
    const database = [
      table('t', [
        column('id', integer(), { primaryKey: true, serverDefault: sql("nextval('t_id_seq')") }),
        column('n', integer(), { serverDefault: sql('1') }),
        column('m', integer(), { identity: { always: true }, serverDefault: sql('5') }),
      ]),
    ];
    const result = await comparePlan(model, database);
    expect(outline(result.plan)).toEqual(['alterColumn t.n']);
    expect(result.plan.upgrade[0]?.operation).toMatchObject({
      serverDefault: sql('0'),
      existingServerDefault: sql('1'),
    });
    expect(outline((await comparePlan(model, database, { compareServerDefault: false })).plan)).toEqual([]);
    const rendered: (string | undefined)[] = [];
    const custom = await comparePlan(model, database, {
      compareServerDefault: (_context, _inspected, _metadata, _inspectedDefault, _metadataDefault, renderedDefault) => {
        rendered.push(renderedDefault);
        return false;
      },
    });
    expect(outline(custom.plan)).toEqual([]);
    expect(rendered).toEqual(['0']);
  });

  it('leaves nullable alone on identity columns, and changes identity options where the dialect has them', async () => {
    const model = [table('t', [id(), column('n', integer(), { identity: { always: true, start: 10 } })])];
    const database = [table('t', [id(), column('n', integer(), { identity: { always: false }, nullable: false })])];
    expect(outline((await comparePlan(model, database)).plan)).toEqual([]);
    const result = await comparePlan(model, database, { capabilities: { supportsIdentityColumns: true } });
    expect(result.plan.upgrade[0]?.operation).toMatchObject({
      kind: 'alterColumn',
      identity: { always: true, start: 10 },
      existingIdentity: { always: false },
    });
    expect(result.plan.upgrade[0]?.operation).not.toHaveProperty('nullable');
    const dropped = await comparePlan(
      [table('t', [id(), column('n', integer())])],
      [table('t', [id(), column('n', integer(), { identity: { always: true } })])],
      {
        capabilities: { supportsIdentityColumns: true },
      },
    );
    expect(dropped.plan.upgrade[0]?.operation).toMatchObject({ identity: null, existingIdentity: { always: true } });
  });
});

describe('produceMigrationPlan: identity options', () => {
  it('writes out an option one side leaves at its default, so that the change and its reverse both apply', async () => {
    const model = [table('t', [id(), column('n', integer(), { identity: { always: false, increment: 5 } })])];
    const database = [table('t', [id(), column('n', integer(), { identity: { always: false } })])];
    const result = await comparePlan(model, database, { capabilities: { supportsIdentityColumns: true } });
    expect(result.plan.upgrade[0]?.operation).toMatchObject({
      identity: { always: false, increment: 5 },
      existingIdentity: { always: false, increment: 1 },
    });
    expect(result.plan.downgrade[0]?.operation).toEqual(
      expect.objectContaining({
        identity: { always: false, increment: 1 },
        existingIdentity: { always: false, increment: 5 },
      }),
    );
  });
});

describe('produceMigrationPlan: indexes and constraints', () => {
  it('adds, drops and changes indexes by name (a change is drop + create)', async () => {
    const model = [
      table('t', [
        id(),
        column('a', integer()),
        column('b', integer()),
        index('ix_a', ['a'], { unique: true }),
        index('ix_new', ['b']),
      ]),
    ];
    const database = [
      table('t', [
        id(),
        column('a', integer()),
        column('b', integer()),
        index(convertedName('ix_a'), ['a']),
        index(convertedName('ix_gone'), ['b']),
      ]),
    ];
    const result = await comparePlan(model, database);
    expect(outline(result.plan)).toEqual([
      'dropIndex t.ix_a',
      'dropIndex t.ix_gone',
      'createIndex t.ix_a',
      'createIndex t.ix_new',
    ]);
    expect(outline(result.plan, 'downgrade')).toEqual([
      'dropIndex t.ix_new',
      'dropIndex t.ix_a',
      'createIndex t.ix_gone',
      'createIndex t.ix_a',
    ]);
    expect(result.plan.downgrade[3]?.operation).toMatchObject({ unique: false, columns: ['a'] });
  });

  it('matches unique constraints by name when both are named, else by columns', async () => {
    const model = [
      table('t', [
        id(),
        column('a', integer()),
        column('b', integer()),
        column('c', integer()),
        uniqueConstraint(['a']),
        uniqueConstraint(['b'], { name: 'uq_b' }),
        uniqueConstraint(['c'], { name: 'uq_c' }),
      ]),
    ];
    const database = [
      table('t', [
        id(),
        column('a', integer()),
        column('b', integer()),
        column('c', integer()),
        uniqueConstraint(['a'], { name: convertedName('t_a_key') }),
        uniqueConstraint(['b'], { name: convertedName('uq_b') }),
        uniqueConstraint(['c'], { name: convertedName('c_other') }),
      ]),
    ];
    const result = await comparePlan(model, database);
    expect(outline(result.plan)).toEqual(['dropConstraint t.c_other', 'createUniqueConstraint t(c)']);
  });

  it('matches foreign keys by signature, never by name; a changed one is dropped and created', async () => {
    const base = [id(), column('parent_id', integer())];
    const model = [
      table('parent', [id()]),
      table('t', [...base, foreignKeyConstraint(['parent_id'], 'parent', ['id'], { onDelete: 'CASCADE' })]),
    ];
    const sameDifferentName = [
      table('parent', [id()]),
      table('t', [
        ...base,
        foreignKeyConstraint(['parent_id'], 'parent', ['id'], { name: convertedName('whatever'), onDelete: 'cascade' }),
      ]),
    ];
    expect(outline((await comparePlan(model, sameDifferentName)).plan)).toEqual([]);
    const changed = [
      table('parent', [id()]),
      table('t', [...base, foreignKeyConstraint(['parent_id'], 'parent', ['id'], { name: convertedName('fk_old') })]),
    ];
    const result = await comparePlan(model, changed);
    expect(outline(result.plan)).toEqual(['dropConstraint t.fk_old', 'createForeignKey t(parent_id)->parent']);
    // The new foreign key has no name: its reverse cannot drop it.
    expect(result.plan.irreversible).toHaveLength(1);
    expect(result.plan.irreversible[0]?.reason).toMatch(/has no name.*'fk' naming convention/);
    expect(outline(result.plan, 'downgrade')).toEqual(['createForeignKey t(parent_id)->parent']);
    const named = await comparePlan(model, changed, { namingConvention: convention });
    expect(named.plan.irreversible).toEqual([]);
    expect(outline(named.plan, 'downgrade')).toEqual([
      'dropConstraint t.fk_t_parent_id_parent',
      'createForeignKey t(parent_id)->parent',
    ]);
  });

  it('compares named check constraints by name only, ignoring unnamed ones', async () => {
    const model = [
      table('t', [
        id(),
        checkConstraint('id > 1', { name: 'ck_kept' }),
        checkConstraint('id < 9', { name: 'ck_new' }),
        checkConstraint('id <> 5'),
      ]),
    ];
    const database = [
      table('t', [
        id(),
        checkConstraint('id > 0', { name: convertedName('ck_kept') }),
        checkConstraint('id <> 3', { name: convertedName('ck_gone') }),
        checkConstraint('id <> 4'),
      ]),
    ];
    const result = await comparePlan(model, database);
    expect(outline(result.plan)).toEqual(['dropConstraint t.ck_gone', 'createCheckConstraint t.ck_new']);
  });

  it('creates the named CHECK of a boolean type on an existing column, but lets addColumn create its own', async () => {
    const model = [
      table('t', [
        id(),
        column('flag', boolean({ createConstraint: true, name: 'ck_flag' })),
        column('other', boolean({ createConstraint: true, name: 'ck_other' })),
      ]),
    ];
    const database = [table('t', [id(), column('flag', boolean())])];
    const result = await comparePlan(model, database);
    expect(outline(result.plan)).toEqual(['addColumn t.other', 'createCheckConstraint t.ck_flag']);
    const native = await comparePlan(model, database, { capabilities: { nativeBoolean: true } });
    expect(outline(native.plan)).toEqual(['addColumn t.other']);
  });

  it('drops a foreign key to a dropped column first and the column last', async () => {
    const model = [table('parent', [id()]), table('child', [id()])];
    const database = [
      table('parent', [
        id(),
        column('code', integer()),
        uniqueConstraint(['code'], { name: convertedName('uq_code') }),
      ]),
      table('child', [
        id(),
        column('parent_code', integer()),
        foreignKeyConstraint(['parent_code'], 'parent', ['code'], { name: convertedName('fk_code') }),
      ]),
    ];
    const result = await comparePlan(model, database);
    expect(outline(result.plan)).toEqual([
      'dropConstraint child.fk_code',
      'dropConstraint parent.uq_code',
      'dropColumn child.parent_code',
      'dropColumn parent.code',
    ]);
    expect(outline(result.plan, 'downgrade')).toEqual([
      'addColumn parent.code',
      'addColumn child.parent_code',
      'createUniqueConstraint parent(code)',
      'createForeignKey child(parent_code)->parent',
    ]);
  });

  it('leaves an unnamed constraint on added columns out of the downgrade: dropping the columns drops it', async () => {
    const model = [
      table('parent', [id()]),
      table('t', [
        id(),
        column('slug', string(40), { unique: true }),
        column('parent_id', integer(), { references: 'parent.id' }),
        column('kept', integer(), { unique: true }),
      ]),
    ];
    const database = [table('parent', [id()]), table('t', [id(), column('kept', integer())])];
    const result = await comparePlan(model, database, {
      capabilities: { dropColumnDropsConstraints: ['uniqueConstraint', 'foreignKeyConstraint'] },
    });
    expect(outline(result.plan)).toEqual([
      'addColumn t.slug',
      'addColumn t.parent_id',
      'createUniqueConstraint t(slug)',
      'createUniqueConstraint t(kept)',
      'createForeignKey t(parent_id)->parent',
    ]);
    // Only the unique constraint on the column that already existed cannot be undone.
    expect(result.plan.irreversible.map((entry) => entry.operation)).toEqual([result.plan.upgrade[3]?.operation]);
    expect(outline(result.plan, 'downgrade')).toEqual(['dropColumn t.parent_id', 'dropColumn t.slug']);
    // Where a foreign key blocks DROP COLUMN (MySQL), the unnamed one stays irreversible.
    const mysqlLike = await comparePlan(model, database, {
      capabilities: { dropColumnDropsConstraints: ['uniqueConstraint'] },
    });
    expect(mysqlLike.plan.irreversible.map((entry) => entry.operation.kind)).toEqual([
      'createForeignKey',
      'createUniqueConstraint',
    ]);
    // By default (a dialect that says nothing) every unnamed one is irreversible.
    expect((await comparePlan(model, database)).plan.irreversible).toHaveLength(3);
  });

  it('applies the naming convention before matching', async () => {
    const model = [table('t', [id(), column('email', string(50), { unique: true })])];
    const matching = [
      table('t', [
        id(),
        column('email', string(50)),
        uniqueConstraint(['email'], { name: convertedName('uq_t_email') }),
      ]),
    ];
    expect(outline((await comparePlan(model, matching, { namingConvention: convention })).plan)).toEqual([]);
    const otherName = [
      table('t', [
        id(),
        column('email', string(50)),
        uniqueConstraint(['email'], { name: convertedName('email_unique') }),
      ]),
    ];
    const result = await comparePlan(model, otherName, { namingConvention: convention });
    expect(outline(result.plan)).toEqual(['dropConstraint t.email_unique', 'createUniqueConstraint t(email)']);
    expect(result.plan.upgrade[1]?.operation).toMatchObject({ constraintName: convertedName('uq_t_email') });
  });
});

describe('produceMigrationPlan: filters and schemas', () => {
  function countingIntrospector(tables: readonly TableModel[]): { introspector: SchemaIntrospector; calls: string[] } {
    const inner = snapshotIntrospector(tables);
    const calls: string[] = [];
    return {
      calls,
      introspector: {
        ...inner,
        getTables: async (request = {}) => {
          calls.push(`${request.schema ?? '(default)'}:${(request.tableNames ?? ['*']).join(',')}`);
          return inner.getTables(request);
        },
      },
    };
  }

  it('reads each compared schema with one getTables call naming the tables includeName lets through', async () => {
    const database = [
      table('a', [id()]),
      table('skipped', [id()]),
      table('alembic_version', [column('version_num', string(32), { primaryKey: true })]),
      table('b', [id()], { schema: 'billing' }),
      table('c', [id()], { schema: 'other' }),
    ];
    const { introspector, calls } = countingIntrospector(database);
    const seen: string[] = [];
    const result = await produceMigrationPlan({
      dialect: genericDialect(),
      introspector,
      normalizer: new DefaultSchemaNormalizer(),
      versionTable: { name: 'alembic_version' },
      options: {
        targetMetadata: metadata([
          table('a', [id()]),
          table('skipped', [id(), column('x', integer())]),
          table('z', [id()], { schema: 'unseen' }),
        ]),
        includeSchemas: true,
        includeName: (name, type, parents) => {
          seen.push(`${type}:${name ?? 'None'}:${parents.schemaQualifiedTableName ?? ''}`);
          return name !== 'skipped' && name !== 'other';
        },
      },
    });
    expect(calls).toEqual(['(default):a', 'billing:b']);
    // 'unseen' is compared because a model table names it; it has no tables yet.
    expect(outline(result.plan)).toEqual(['createTable z', 'dropTable b']);
    expect(seen).toEqual(
      expect.arrayContaining(['schema:None:', 'schema:billing:', 'schema:other:', 'table:a:a', 'table:b:billing.b']),
    );
    expect(seen).not.toContain('table:alembic_version:alembic_version');
  });

  it('compares the default schema, the listed ones and those model tables name', async () => {
    const database = [table('b', [id()], { schema: 'billing' }), table('c', [id()], { schema: 'other' })];
    const result = await comparePlan([table('n', [id()], { schema: 'billing' })], database, {
      includeSchemas: ['billing'],
    });
    expect(outline(result.plan)).toEqual(['createTable n', 'dropTable b']);
    const namedByModel = await comparePlan([table('n', [id()], { schema: 'billing' })], database);
    expect(outline(namedByModel.plan)).toEqual(['createTable n', 'dropTable b']);
    const defaultOnly = await comparePlan([table('n', [id()])], database);
    expect(outline(defaultOnly.plan)).toEqual(['createTable n']);
  });

  it('treats the default schema by name as the default schema', async () => {
    const result = await comparePlan([table('a', [id()], { schema: 'public' })], [table('a', [id()])], {
      defaultSchemaName: 'public',
    });
    expect(outline(result.plan)).toEqual([]);
  });

  it('asks includeObject about every object on either side', async () => {
    const asked: string[] = [];
    const model = [table('t', [id(), column('a', integer()), index('ix_a', ['a'])]), table('fresh', [id()])];
    const database = [
      table('t', [id(), column('b', integer()), uniqueConstraint(['b'], { name: convertedName('uq_b') })]),
      table('gone', [id()]),
    ];
    const result = await comparePlan(model, database, {
      includeObject: (_object, name, type, reflected, compareTo) => {
        asked.push(
          `${type}:${name ?? '-'}:${reflected ? 'reflected' : 'model'}:${compareTo === undefined ? 'alone' : 'paired'}`,
        );
        return type !== 'index' && name !== 'gone' && name !== 'b';
      },
    });
    expect(asked).toEqual(
      expect.arrayContaining([
        'table:t:model:paired',
        'table:fresh:model:alone',
        'table:gone:reflected:alone',
        'column:id:model:paired',
        'column:a:model:alone',
        'column:b:reflected:alone',
        'index:ix_a:model:alone',
        'unique_constraint:uq_b:reflected:alone',
      ]),
    );
    expect(outline(result.plan)).toEqual(['dropConstraint t.uq_b', 'addColumn t.a', 'createTable fresh']);
  });

  it('refuses a missing target metadata', async () => {
    const attempt = produceMigrationPlan({
      dialect: genericDialect(),
      introspector: snapshotIntrospector([]),
      normalizer: new DefaultSchemaNormalizer(),
      versionTable: { name: 'alembic_version' },
      options: {},
    });
    await expect(attempt).rejects.toMatchObject({ code: 'ALEMBIC_AUTOGENERATE_NO_METADATA' });
  });

  /** Compares with the models `targetMetadata` gives, on the generic dialect. */
  function planWithTarget(introspector: SchemaIntrospector, targetMetadata: TargetMetadata) {
    const normalizer = new DefaultSchemaNormalizer();
    const versionTable = { name: 'alembic_version' };
    return produceMigrationPlan({
      dialect: genericDialect(),
      introspector,
      normalizer,
      versionTable,
      options: { targetMetadata },
    });
  }

  it('calls a targetMetadata function once the default schema is being read, and compares what it gives', async () => {
    const { introspector, calls } = countingIntrospector([
      table('a', [id()]),
      table('b', [id()], { schema: 'billing' }),
    ]);
    const result = await planWithTarget(introspector, async () => {
      calls.push('targetMetadata');
      return [metadata([table('a', [id()])]), metadata([table('n', [id()], { schema: 'billing' })])];
    });
    // The default schema is read before the models exist; 'billing' only because a model names it.
    expect(calls).toEqual(['(default):a', 'targetMetadata', 'billing:b']);
    expect(outline(result.plan)).toEqual(['createTable n', 'dropTable b']);
  });

  it('refuses a targetMetadata function that gives no metadata, and passes its error on', async () => {
    const introspector = snapshotIntrospector([table('a', [id()])]);
    await expect(planWithTarget(introspector, () => [])).rejects.toMatchObject({
      code: 'ALEMBIC_AUTOGENERATE_NO_METADATA',
    });
    await expect(
      planWithTarget(introspector, async () => Promise.reject(new Error('entity Foo is broken'))),
    ).rejects.toThrow('entity Foo is broken');
  });

  it('passes on the error of a targetMetadata function when reading the database fails too', async () => {
    const failing: SchemaIntrospector = {
      ...snapshotIntrospector([table('a', [id()])]),
      getTables: async () => {
        throw new Error('catalog unreadable');
      },
    };
    const attempt = planWithTarget(failing, async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      throw new Error('entity Foo is broken');
    });
    await expect(attempt).rejects.toThrow('entity Foo is broken');
  });

  it('takes the tables of several metadata objects', async () => {
    const result = await produceMigrationPlan({
      dialect: genericDialect(),
      introspector: snapshotIntrospector([]),
      normalizer: new DefaultSchemaNormalizer(),
      versionTable: { name: 'alembic_version' },
      options: { targetMetadata: [metadata([table('a', [id()])]), metadata([table('b', [id()])])] },
    });
    expect(outline(result.plan)).toEqual(['createTable a', 'createTable b']);
  });
});

/**
 * A normalizer that re-kinds objects as MySQL's does: a plain unique index becomes a unique
 * constraint (rebuilt, so the origin mark is lost), and the index behind a foreign key is removed.
 */
class RekindingNormalizer extends DefaultSchemaNormalizer {
  protected override normalizeConstraints(model: TableModel, _side: SchemaSide): readonly TableConstraintModel[] {
    const uniques = model.indexes
      .filter((candidate) => candidate.unique)
      .map(
        (candidate): TableConstraintModel => ({
          kind: 'uniqueConstraint',
          name: candidate.name,
          columns: candidate.columns as string[],
        }),
      );
    return [...model.constraints, ...uniques];
  }

  protected override normalizeIndexes(model: TableModel, _side: SchemaSide): readonly IndexModel[] {
    const foreignKeyColumns = new Set(
      model.constraints.flatMap((constraint) =>
        constraint.kind === 'foreignKeyConstraint' ? [constraint.columns.join(',')] : [],
      ),
    );
    return model.indexes.filter(
      (candidate) => !candidate.unique && !foreignKeyColumns.has(candidate.columns.join(',')),
    );
  }
}

describe('produceMigrationPlan: normalizers that re-kind objects', () => {
  it('builds operations from the original objects', async () => {
    const model = [
      table('parent', [id()]),
      table('t', [id(), column('code', integer()), column('parent_id', integer(), { references: 'parent.id' })]),
    ];
    const database = [
      table('parent', [id()]),
      table('t', [
        id(),
        column('code', integer()),
        column('parent_id', integer()),
        foreignKeyConstraint(['parent_id'], 'parent', ['id'], { name: convertedName('t_ibfk_1') }),
        index(convertedName('t_ibfk_1'), ['parent_id']),
        index(convertedName('code_unique'), ['code'], { unique: true }),
      ]),
    ];
    const result = await comparePlan(model, database, { normalizer: new RekindingNormalizer() });
    expect(outline(result.plan)).toEqual(['dropIndex t.code_unique']);
    expect(result.plan.upgrade[0]?.operation).toMatchObject({ existingIndex: { unique: true, columns: ['code'] } });
  });

  it('drops the index MySQL leaves behind a dropped foreign key, and the downgrade recreates it before the key', async () => {
    const parent = table('parent', [id()]);
    const model = [parent, table('t', [id(), column('parent_id', integer())])];
    const database = [
      parent,
      table('t', [
        id(),
        column('parent_id', integer()),
        foreignKeyConstraint(['parent_id'], 'parent', ['id'], { name: convertedName('fk_t_parent') }),
        index(convertedName('fk_t_parent'), ['parent_id']),
      ]),
    ];
    const options = { normalizer: new RekindingNormalizer(), capabilities: { foreignKeysCreateIndex: true } };
    const result = await comparePlan(model, database, options);
    expect(outline(result.plan)).toEqual(['dropConstraint t.fk_t_parent', 'dropIndex t.fk_t_parent']);
    expect(outline(result.plan, 'downgrade')).toEqual([
      'createIndex t.fk_t_parent',
      'createForeignKey t(parent_id)->parent',
    ]);
    // Without the capability (PostgreSQL, SQLite) the index is not the key's to drop.
    expect(outline((await comparePlan(model, database, { normalizer: new RekindingNormalizer() })).plan)).toEqual([
      'dropConstraint t.fk_t_parent',
    ]);
    // A foreign key changed on the same columns keeps using the index.
    const changed = [
      parent,
      table('t', [
        id(),
        column('parent_id', integer()),
        foreignKeyConstraint(['parent_id'], 'parent', ['id'], { name: 'fk_t_parent', onDelete: 'CASCADE' }),
      ]),
    ];
    expect(outline((await comparePlan(changed, database, options)).plan)).toEqual([
      'dropConstraint t.fk_t_parent',
      'createForeignKey t(parent_id)->parent',
    ]);
  });

  it('drops, in the downgrade of an added named foreign key, the index MySQL creates for it unless one leads with its columns', async () => {
    const parent = table('parent', [id()]);
    const database = [
      parent,
      table('t', [
        id(),
        column('parent_id', integer()),
        column('other_id', integer()),
        index(convertedName('ix_other'), ['other_id', 'parent_id']),
      ]),
    ];
    const model = [
      parent,
      table('t', [
        id(),
        column('parent_id', integer()),
        column('other_id', integer()),
        index('ix_other', ['other_id', 'parent_id']),
        foreignKeyConstraint(['parent_id'], 'parent', ['id'], { name: 'fk_t_parent' }),
        foreignKeyConstraint(['other_id'], 'parent', ['id'], { name: 'fk_t_other' }),
      ]),
    ];
    const result = await comparePlan(model, database, {
      normalizer: new RekindingNormalizer(),
      capabilities: { foreignKeysCreateIndex: true },
    });
    expect(outline(result.plan)).toEqual([
      'createForeignKey t(parent_id)->parent',
      'createForeignKey t(other_id)->parent',
    ]);
    expect(outline(result.plan, 'downgrade')).toEqual([
      'dropConstraint t.fk_t_other',
      'dropConstraint t.fk_t_parent',
      'dropIndex t.fk_t_parent',
    ]);
    expect(result.plan.downgrade[2]?.operation).toMatchObject({
      existingIndex: { columns: ['parent_id'], unique: false },
    });
  });
});

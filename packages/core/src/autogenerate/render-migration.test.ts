import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import * as core from '../index.js';
import {
  addColumnOperation,
  alterColumnOperation,
  bigInteger,
  boolean,
  bulkInsertOperation,
  checkConstraint,
  column,
  convertedName,
  createCheckConstraintOperation,
  createForeignKeyOperation,
  createIndexOperation,
  createPrimaryKeyOperation,
  createTableCommentOperation,
  createTableOperation,
  createUniqueConstraintOperation,
  dateTime,
  dropColumnOperation,
  dropConstraintOperation,
  dropIndexOperation,
  dropTableCommentOperation,
  dropTableOperation,
  enumType,
  executeOperation,
  foreignKeyConstraint,
  index,
  integer,
  numeric,
  primaryKeyConstraint,
  rawType,
  renameTableOperation,
  sql,
  string,
  table,
  text,
  uniqueConstraint,
  uuid,
  type Operation,
} from '../index.js';
import { Operations } from '../operations/operations.js';
import { reverseOperation } from '../operations/reverse-operation.js';
import { renderScriptTemplate } from '../script/script-template.js';
import { typeCheckSources } from '../test-support/type-check-sources.js';
import type { PlannedOperation } from './migration-plan.js';
import { renderMigration, type RenderMigrationInput, type RenderMigrationOptions } from './render-migration.js';

const TEMPLATE_PATH = join(__dirname, '..', '..', 'templates', 'generic', 'script.ts.tmpl');

const planned = (operation: Operation, extra: Partial<PlannedOperation> = {}): PlannedOperation => ({
  operation,
  comments: [],
  ...extra,
});

/** A plan whose downgrade is every upgrade operation reversed, in reverse order. */
function reversiblePlan(operations: readonly Operation[]): RenderMigrationInput {
  return {
    upgrade: operations.map((operation) => planned(operation)),
    downgrade: [...operations].reverse().map((operation) => planned(reverseOperation(operation))),
  };
}

/** The whole revision file, through the generic template. */
function scriptSource(input: RenderMigrationInput, options: RenderMigrationOptions = {}): string {
  const rendered = renderMigration(input, options);
  return renderScriptTemplate(
    readFileSync(TEMPLATE_PATH, 'utf8'),
    {
      message: 'generated',
      upRevision: 'abc123',
      downRevision: null,
      branchLabels: null,
      dependsOn: null,
      createDate: '2026-01-01 00:00:00.000000',
      ...rendered,
    },
    TEMPLATE_PATH,
  );
}

/** Compiles a revision file with esbuild and runs one of its functions against a recording `op`. */
async function runScript(
  source: string,
  name: 'upgrade' | 'downgrade',
  extraModules: Record<string, unknown> = {},
): Promise<Operation[]> {
  const recorded: Operation[] = [];
  const op = new Operations({
    invoke: async (operation) => {
      recorded.push(operation);
    },
    getBind: () => undefined,
    getContext: () => undefined,
  });
  const { code } = transformSync(source, { loader: 'ts', format: 'cjs', target: 'es2022' });
  const module = { exports: {} as Record<string, unknown> };
  const load = (id: string): unknown => {
    if (id === '@alembic/core') return { ...core, op };
    if (id in extraModules) return extraModules[id];
    throw new Error(`unexpected import ${id}`);
  };
  new Function('require', 'module', 'exports', code)(load, module, module.exports);
  await (module.exports[name] as () => Promise<void>)();
  return recorded;
}

const account = table(
  'account',
  [
    column('id', integer(), { primaryKey: true }),
    column('name', string(50), { nullable: false, comment: "the holder's name" }),
    column('balance', numeric(10, 2), { serverDefault: '0' }),
    column('created', dateTime({ timezone: true }), { serverDefault: sql('now()') }),
    column('status', enumType(['open', 'closed'], { name: 'account_status' })),
    uniqueConstraint(['name'], { name: convertedName('uq_account_name') }),
    checkConstraint('balance >= 0', { name: 'ck_account_balance' }),
    index(convertedName('ix_account_created'), ['created']),
  ],
  { comment: 'Customer accounts' },
);

const orderLine = table('order_line', [
  column('order_id', integer()),
  column('line', integer()),
  column('account_id', bigInteger(), { nullable: false }),
  column('code', uuid()),
  column('notes', text({ collation: 'C' })),
  column('flag', boolean({ createConstraint: true, name: 'ck_flag' })),
  column('shape', rawType('GEOGRAPHY(POINT)')),
  primaryKeyConstraint(['line', 'order_id'], { name: 'pk_order_line' }),
  foreignKeyConstraint(['account_id'], 'account', ['id'], { name: 'fk_line_account', onDelete: 'CASCADE' }),
  index(null, [sql('lower(notes)'), 'line'], { unique: true, where: "notes <> ''" }),
]);

const legacy = table('legacy', [
  column('id', integer(), { primaryKey: true, autoincrement: false }),
  column('parent_id', integer(), { references: 'legacy.id' }),
  column('owner_id', integer(), { references: { table: 'account', column: 'id', onDelete: 'SET NULL' } }),
  column('label', string(), { unique: true, index: true }),
]);

/** One operation of every kind autogenerate produces, plus execute and bulkInsert. */
const EVERY_KIND: readonly Operation[] = [
  createTableOperation({ table: account }),
  createTableOperation({ table: orderLine }),
  dropTableOperation({ tableName: 'legacy', existingTable: legacy }),
  renameTableOperation({ oldTableName: 'address', newTableName: 'addresses', schema: 'billing' }),
  addColumnOperation({
    tableName: 'account',
    column: column('email', string(100), { index: true, references: 'person.email' }),
  }),
  dropColumnOperation({ tableName: 'account', columnName: 'fax', existingColumn: column('fax', string(20)) }),
  alterColumnOperation({
    tableName: 'account',
    columnName: 'name',
    type: string(100),
    existingType: string(50),
    nullable: true,
    existingNullable: false,
    serverDefault: null,
    existingServerDefault: sql("'x'::text"),
    comment: 'new',
    existingComment: null,
  }),
  alterColumnOperation({
    tableName: 'account',
    columnName: 'name',
    newColumnName: 'full_name',
    existingType: string(100),
  }),
  createIndexOperation({
    indexName: convertedName('ix_account_email'),
    tableName: 'account',
    columns: ['email'],
    unique: true,
  }),
  dropIndexOperation({
    indexName: convertedName('ix_old'),
    tableName: 'account',
    existingIndex: index(convertedName('ix_old'), ['name'], { where: 'name IS NOT NULL' }),
  }),
  createUniqueConstraintOperation({ constraintName: 'uq_account_email', tableName: 'account', columns: ['email'] }),
  createForeignKeyOperation({
    constraintName: convertedName('fk_account_person'),
    sourceTable: 'account',
    referentTable: 'person',
    localColumns: ['email'],
    remoteColumns: ['email'],
    onUpdate: 'CASCADE',
    referentSchema: 'people',
  }),
  createCheckConstraintOperation({ constraintName: 'ck_email', tableName: 'account', condition: "email LIKE '%@%'" }),
  createPrimaryKeyOperation({ constraintName: 'pk_tag', tableName: 'tag', columns: ['a', 'b'] }),
  dropConstraintOperation({
    constraintName: convertedName('fk_old'),
    tableName: 'account',
    existingConstraint: foreignKeyConstraint(['old_id'], 'old', ['id'], { name: convertedName('fk_old') }),
  }),
  dropConstraintOperation({
    constraintName: convertedName('uq_old'),
    tableName: 'account',
    existingConstraint: uniqueConstraint(['old_id'], { name: convertedName('uq_old') }),
  }),
  createTableCommentOperation({ tableName: 'account', comment: 'Accounts', existingComment: 'Customer accounts' }),
  dropTableCommentOperation({ tableName: 'tag', existingComment: 'Tags' }),
];

describe('renderMigration', () => {
  it('renders an empty plan as the markers alone, with no imports', () => {
    const rendered = renderMigration({ upgrade: [], downgrade: [] });
    const markers =
      '  // ### commands auto generated by Alembic - please adjust! ###\n  // ### end Alembic commands ###\n';
    expect(rendered).toEqual({ imports: '', upgrades: markers, downgrades: markers });
  });

  it('writes readable code with the helpers it uses imported', () => {
    const rendered = renderMigration(
      reversiblePlan([
        createTableOperation({
          table: table('account', [
            column('id', integer(), { primaryKey: true }),
            column('name', string(50), { nullable: false }),
            column('created', dateTime(), { serverDefault: sql('now()') }),
          ]),
        }),
      ]),
    );
    expect(rendered.imports).toBe("import { column, dateTime, integer, sql, string, table } from '@alembic/core';\n");
    expect(rendered.upgrades).toBe(
      [
        '  // ### commands auto generated by Alembic - please adjust! ###',
        "  await op.createTable('account', [",
        "    column('id', integer(), { primaryKey: true }),",
        "    column('name', string(50), { nullable: false }),",
        "    column('created', dateTime(), { serverDefault: sql('now()') }),",
        '  ]);',
        '  // ### end Alembic commands ###',
        '',
      ].join('\n'),
    );
    expect(rendered.downgrades).toContain("await op.dropTable('account', {\n    existingTable: table('account', [\n");
  });

  it('imports only what one added column needs', () => {
    const rendered = renderMigration(
      reversiblePlan([addColumnOperation({ tableName: 'account', column: column('age', integer()) })]),
    );
    expect(rendered.imports).toBe("import { column, integer } from '@alembic/core';\n");
    expect(rendered.upgrades).toContain("  await op.addColumn('account', column('age', integer()));\n");
    expect(rendered.downgrades).toContain(
      "  await op.dropColumn('account', 'age', { existingColumn: column('age', integer()) });\n",
    );
  });

  it('renders every operation kind so that running the file gives back the same operations', async () => {
    const input: RenderMigrationInput = {
      upgrade: [
        ...EVERY_KIND.map((operation) => planned(operation)),
        planned(
          bulkInsertOperation({
            table: { name: 'tag', columns: [{ name: 'a', type: integer() }] },
            rows: [{ a: 1, b: "it's" }],
            multiinsert: false,
          }),
        ),
        planned(executeOperation({ sql: 'UPDATE account SET name = :name', parameters: { name: 'x' } })),
      ],
      downgrade: [...EVERY_KIND].reverse().map((operation) => planned(reverseOperation(operation))),
    };
    const source = scriptSource(input);
    expect(await runScript(source, 'upgrade')).toEqual(input.upgrade.map((entry) => entry.operation));
    expect(await runScript(source, 'downgrade')).toEqual(input.downgrade.map((entry) => entry.operation));
  });

  it('writes comments above an operation and a warning for one that loses data', () => {
    const rendered = renderMigration({
      upgrade: [
        planned(addColumnOperation({ tableName: 'account', column: column('full_name', string(50)) }), {
          comments: [
            'Is column account.name renamed to account.full_name? Ask for it with:',
            '  alembic revision --autogenerate --rename account.name=full_name',
          ],
        }),
        planned(
          dropColumnOperation({ tableName: 'account', columnName: 'name', existingColumn: column('name', string(50)) }),
          {
            dataLoss: 'drops column account.name and its data',
          },
        ),
      ],
      downgrade: [],
    });
    expect(rendered.upgrades).toContain(
      [
        '  // Is column account.name renamed to account.full_name? Ask for it with:',
        '  //   alembic revision --autogenerate --rename account.name=full_name',
        "  await op.addColumn('account', column('full_name', string(50)));",
        '  // WARNING: data loss: drops column account.name and its data',
        "  await op.dropColumn('account', 'name', { existingColumn: column('name', string(50)) });",
      ].join('\n'),
    );
  });

  it('throws in the downgrade where an irreversible operation would have been undone', async () => {
    const first = addColumnOperation({ tableName: 'account', column: column('a', integer()) });
    const irreversible = executeOperation({ sql: 'UPDATE account SET a = 1' });
    const last = addColumnOperation({ tableName: 'account', column: column('b', integer()) });
    const input: RenderMigrationInput = {
      upgrade: [first, irreversible, last].map((operation) => planned(operation)),
      downgrade: [planned(reverseOperation(last)), planned(reverseOperation(first))],
      irreversible: [{ operation: irreversible, reason: "Cannot reverse execute of 'UPDATE account SET a = 1'" }],
    };
    const rendered = renderMigration(input);
    expect(rendered.downgrades).toMatch(
      /dropColumn\('account', 'b'.*\n {2}throw new Error\("Cannot reverse execute of 'UPDATE account SET a = 1'"\);\n.*dropColumn\('account', 'a'/,
    );
    const source = scriptSource(input);
    await expect(runScript(source, 'downgrade')).rejects.toThrow(
      "Cannot reverse execute of 'UPDATE account SET a = 1'",
    );
  });

  it('renders changes to existing tables as batch blocks with renderAsBatch', async () => {
    const operations: Operation[] = [
      createTableOperation({ table: table('tag', [column('id', integer(), { primaryKey: true })]) }),
      addColumnOperation({ tableName: 'account', column: column('email', string(100)) }),
      alterColumnOperation({
        tableName: 'account',
        columnName: 'name',
        nullable: false,
        existingNullable: true,
        existingType: string(50),
      }),
      createIndexOperation({ indexName: convertedName('ix_account_email'), tableName: 'account', columns: ['email'] }),
      dropColumnOperation({ tableName: 'person', columnName: 'age', existingColumn: column('age', integer()) }),
    ];
    const input = reversiblePlan(operations);
    const rendered = renderMigration(input, { renderAsBatch: true });
    expect(rendered.upgrades).toContain(
      [
        "  await op.batchAlterTable('account', (batch) => {",
        "    batch.addColumn(column('email', string(100)));",
        "    batch.alterColumn('name', { nullable: false, existingType: string(50), existingNullable: true });",
        "    batch.createIndex(op.f('ix_account_email'), ['email']);",
        '  });',
        "  await op.batchAlterTable('person', (batch) => {",
        "    batch.dropColumn('age', { existingColumn: column('age', integer()) });",
        '  });',
      ].join('\n'),
    );
    const recorded = await runScript(scriptSource(input, { renderAsBatch: true }), 'upgrade');
    expect(recorded.map((operation) => operation.kind)).toEqual(['createTable', 'batchAlterTable', 'batchAlterTable']);
    expect(recorded[1]).toMatchObject({ tableName: 'account', operations: operations.slice(1, 4) });
    expect(recorded[2]).toMatchObject({ tableName: 'person', operations: operations.slice(4) });
    const downgrade = await runScript(scriptSource(input, { renderAsBatch: true }), 'downgrade');
    expect(downgrade.map((operation) => operation.kind)).toEqual(['batchAlterTable', 'batchAlterTable', 'dropTable']);
  });

  it('drops an unnamed constraint in a batch by its signature, and refuses outside a batch', async () => {
    const operations: Operation[] = [
      dropConstraintOperation({ tableName: 'account', existingConstraint: uniqueConstraint(['code']) }),
      dropConstraintOperation({
        tableName: 'account',
        existingConstraint: foreignKeyConstraint(['owner_id'], 'person', ['id'], { onDelete: 'CASCADE' }),
      }),
    ];
    const input = reversiblePlan(operations);
    const rendered = renderMigration(input, { renderAsBatch: true });
    expect(rendered.upgrades).toContain(
      "    batch.dropConstraint(null, { type: 'unique', existingConstraint: uniqueConstraint(['code']) });",
    );
    const recorded = await runScript(scriptSource(input, { renderAsBatch: true }), 'upgrade');
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ kind: 'batchAlterTable', tableName: 'account', operations });
    const downgrade = await runScript(scriptSource(input, { renderAsBatch: true }), 'downgrade');
    expect(downgrade[0]).toMatchObject({
      kind: 'batchAlterTable',
      operations: [...operations].reverse().map((operation) => reverseOperation(operation)),
    });
    expect(() => renderMigration(input)).toThrow(
      "Cannot render dropConstraint on 'account': it has no name to drop it by",
    );
  });

  it('lets renderItem replace a type and add its own import', async () => {
    const citext = rawType('CITEXT');
    const input = reversiblePlan([addColumnOperation({ tableName: 'account', column: column('email', citext) })]);
    const options: RenderMigrationOptions = {
      renderItem: (type, object, context) => {
        if (type === 'type' && (object as { kind?: string }).kind === 'raw') {
          context.imports.add("import { citext } from './my-types';");
          return 'citext()';
        }
        return false;
      },
    };
    const rendered = renderMigration(input, options);
    expect(rendered.imports).toBe("import { column } from '@alembic/core';\nimport { citext } from './my-types';\n");
    expect(rendered.upgrades).toContain("await op.addColumn('account', column('email', citext()));");
    const recorded = await runScript(scriptSource(input, options), 'upgrade', {
      './my-types': { citext: () => citext },
    });
    expect(recorded).toEqual([input.upgrade[0]?.operation]);
  });

  it('writes files that type-check against @alembic/core', () => {
    const sources = {
      'every-kind.ts': scriptSource({
        ...reversiblePlan(EVERY_KIND),
        upgrade: [
          ...EVERY_KIND.map((operation) => planned(operation)),
          planned(bulkInsertOperation({ table: { name: 'tag' }, rows: [{ a: 1, at: new Date(0) }] })),
          planned(executeOperation({ sql: 'SELECT 1', executionOptions: { autocommit: true } })),
        ],
        irreversible: [],
      }),
      'batch.ts': scriptSource(reversiblePlan(EVERY_KIND.slice(4)), { renderAsBatch: true }),
      'empty.ts': scriptSource({ upgrade: [], downgrade: [] }),
    };
    const directory = join(__dirname, '..', '..', '.render-check');
    const files = new Map(Object.entries(sources).map(([name, source]) => [join(directory, name), source]));
    const errors = typeCheckSources(files, { paths: { '@alembic/core': [join(__dirname, '..', 'index.ts')] } });
    expect(errors.map(({ fileName, line, message }) => `${fileName}:${line || ''} ${message}`)).toEqual([]);
  });
});

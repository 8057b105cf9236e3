/**
 * Every operation kind for real on the live server, each checked through the introspector.
 * The compiler comes from `mysqlDialect.createDdlCompiler({ connection })`, as the runtime makes it, so
 * it writes for the flavour detected on the server.
 */
import {
  addColumnOperation,
  alterColumnOperation,
  batchAlterTableOperation,
  bigInteger,
  boolean,
  bulkInsertOperation,
  checkConstraint,
  column,
  constraintNameText,
  convertedName,
  createCheckConstraintOperation,
  createForeignKeyOperation,
  createIndexOperation,
  createPrimaryKeyOperation,
  createTableCommentOperation,
  createTableOperation,
  createUniqueConstraintOperation,
  date,
  dateTime,
  dropColumnOperation,
  dropConstraintOperation,
  dropIndexOperation,
  dropTableCommentOperation,
  dropTableOperation,
  enumType,
  executeOperation,
  findColumn,
  float,
  foreignKeyConstraint,
  index,
  integer,
  json,
  largeBinary,
  numeric,
  rawType,
  renameTableOperation,
  smallInteger,
  sql,
  string,
  table,
  text,
  time,
  uniqueConstraint,
  uuid,
} from '@alembic/core/dialect';
import type { DdlCompiler, Operation, TableModel } from '@alembic/core/dialect';
import type { MysqlConnection } from '../src/mysql-connection.js';
import { mysql } from '../src/mysql-dialect.js';
import type { MysqlIntrospector } from '../src/mysql-introspector.js';
import { MysqlSchemaNormalizer } from '../src/mysql-schema-normalizer.js';
import { createTestDatabase, describeLive } from './support/mysql-test-server.js';
import type { TestDatabase } from './support/mysql-test-server.js';

describeLive('MySQL operations (live)', () => {
  const dialect = mysql();
  let database: TestDatabase;
  let connection: MysqlConnection;
  let compiler: DdlCompiler;
  let introspector: MysqlIntrospector;

  async function run(...operations: Operation[]): Promise<void> {
    for (const operation of operations) {
      for (const statement of compiler.compile(operation)) {
        await connection.execute(statement);
      }
    }
  }

  async function reflect(tableName: string): Promise<TableModel> {
    const found = await introspector.getTable(tableName);
    if (found === undefined) {
      throw new Error(`table ${tableName} not found`);
    }
    return found;
  }

  async function columnOf(tableName: string, columnName: string) {
    return findColumn(await reflect(tableName), columnName);
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    connection = (await dialect.connect(database.url)) as MysqlConnection;
    compiler = dialect.createDdlCompiler({ connection });
    introspector = dialect.createIntrospector(connection) as MysqlIntrospector;
  });

  afterAll(async () => {
    await connection?.close();
    await database?.drop();
  });

  it('writes for the flavour of the server', () => {
    expect((compiler as unknown as { flavour: string }).flavour).toBe(connection.flavour);
  });

  it('createTable: every neutral type, keys, constraints, indexes and comments read back', async () => {
    await run(
      createTableOperation({
        table: table('parent', [
          column('id', integer(), { primaryKey: true }),
          column('code', string(10), { nullable: false, unique: true }),
        ]),
      }),
      createTableOperation({
        table: table(
          'account',
          [
            column('id', integer(), { primaryKey: true }),
            column('parent_id', integer()),
            column('big', bigInteger()),
            column('small', smallInteger()),
            column('name', string(50), { nullable: false, serverDefault: "it's", comment: 'the name' }),
            column('body', text()),
            column('active', boolean(), { serverDefault: sql('1') }),
            column('born_on', date()),
            column('created', dateTime(), { serverDefault: sql('CURRENT_TIMESTAMP') }),
            column('opens_at', time()),
            column('amount', numeric(10, 2), { serverDefault: '0.00' }),
            column('ratio', float()),
            column('payload', json()),
            column('blob_data', largeBinary()),
            column('bytes', largeBinary(16)),
            column('status', enumType(['draft', "it's"])),
            column('token', uuid()),
            column('binary_name', string(20, { collation: 'utf8mb4_bin' })),
            column('unsigned_count', rawType('INT UNSIGNED')),
            foreignKeyConstraint(['parent_id'], 'parent', ['id'], {
              name: 'fk_account_parent',
              onDelete: 'CASCADE',
              onUpdate: 'SET NULL',
            }),
            uniqueConstraint(['name', 'big'], { name: 'uq_account_name_big' }),
            checkConstraint('small > 0', { name: 'ck_account_small' }),
            index('ix_account_created', ['created', 'born_on']),
          ],
          { comment: "accounts' table" },
        ),
      }),
    );
    const account = await reflect('account');
    expect(account.comment).toBe("accounts' table");
    expect(account.primaryKey?.columns).toEqual(['id']);
    const types = Object.fromEntries(account.columns.map((model) => [model.name, model.type]));
    expect(types).toEqual({
      id: integer(),
      parent_id: integer(),
      big: bigInteger(),
      small: smallInteger(),
      name: string(50),
      body: text(),
      active: boolean(),
      born_on: date(),
      created: dateTime(),
      opens_at: time(),
      amount: numeric(10, 2),
      ratio: float(),
      payload: json(),
      blob_data: largeBinary(),
      bytes: largeBinary(16),
      status: enumType(['draft', "it's"]),
      token: connection.flavour === 'mariadb' ? uuid() : rawType('CHAR(36)'),
      binary_name: string(20, { collation: 'utf8mb4_bin' }),
      unsigned_count: rawType(connection.flavour === 'mariadb' ? 'INT(10) UNSIGNED' : 'INT UNSIGNED'),
    });
    expect(findColumn(account, 'id')).toMatchObject({ nullable: false, autoincrement: true, primaryKey: true });
    expect(findColumn(account, 'name')).toMatchObject({ nullable: false, serverDefault: "it's", comment: 'the name' });
    expect(findColumn(account, 'amount')?.serverDefault).toBe('0.00');
    expect(findColumn(account, 'active')?.serverDefault).toBe('1');
    expect(findColumn(account, 'created')?.serverDefault).toEqual(
      sql(connection.flavour === 'mariadb' ? 'current_timestamp()' : 'CURRENT_TIMESTAMP'),
    );
    expect(findColumn(account, 'body')).toMatchObject({ nullable: true, autoincrement: false });
    expect(findColumn(account, 'body')?.serverDefault).toBeUndefined();
    expect(account.constraints).toEqual([
      uniqueConstraint(['name', 'big'], { name: convertedName('uq_account_name_big') }),
      foreignKeyConstraint(['parent_id'], 'parent', ['id'], {
        name: convertedName('fk_account_parent'),
        onDelete: 'CASCADE',
        onUpdate: 'SET NULL',
      }),
      checkConstraint('`small` > 0', { name: convertedName('ck_account_small') }),
    ]);
    // The index MySQL made for the foreign key is reflected (it outlives the key); the normalizer leaves it out.
    expect(account.indexes).toEqual([
      index(convertedName('fk_account_parent'), ['parent_id']),
      index(convertedName('ix_account_created'), ['created', 'born_on']),
    ]);
    const normalizer = new MysqlSchemaNormalizer({ flavour: connection.flavour });
    expect(normalizer.normalizeTable(account, 'database').indexes).toEqual([
      index(convertedName('ix_account_created'), ['created', 'born_on']),
    ]);
    const parent = await reflect('parent');
    expect(parent.constraints).toEqual([uniqueConstraint(['code'], { name: convertedName('code') })]);
  });

  it('getTableNames and a missing table', async () => {
    expect(await introspector.getTableNames()).toEqual(['account', 'parent']);
    expect(await introspector.getTable('nope')).toBeUndefined();
    expect(await introspector.getTable('ACCOUNT')).toBeUndefined();
    const inSchema = await introspector.getTable('parent', { schema: database.name });
    expect(inSchema?.schema).toBe(database.name);
  });

  it('addColumn and dropColumn', async () => {
    await run(
      addColumnOperation({
        tableName: 'account',
        column: column('last_login', dateTime(), { comment: 'when', serverDefault: sql('CURRENT_TIMESTAMP') }),
      }),
      addColumnOperation({
        tableName: 'account',
        column: column('rank', integer(), { nullable: false, serverDefault: '7', index: true }),
      }),
      addColumnOperation({ tableName: 'account', column: column('email', string(100), { unique: true }) }),
      addColumnOperation({
        tableName: 'account',
        column: column('other_parent_id', integer(), { references: 'parent.id' }),
      }),
    );
    let account = await reflect('account');
    expect(findColumn(account, 'last_login')).toMatchObject({ type: dateTime(), comment: 'when' });
    expect(findColumn(account, 'rank')).toMatchObject({ nullable: false, serverDefault: '7' });
    expect(account.indexes.map((model) => model.name && constraintNameText(model.name))).toContain('ix_account_rank');
    expect(account.constraints).toContainEqual(uniqueConstraint(['email'], { name: convertedName('email') }));
    expect(
      account.constraints.some(
        (constraint) => constraint.kind === 'foreignKeyConstraint' && constraint.columns[0] === 'other_parent_id',
      ),
    ).toBe(true);
    expect(account.indexes.some((model) => model.columns[0] === 'other_parent_id')).toBe(true);
    const normalized = new MysqlSchemaNormalizer({ flavour: connection.flavour }).normalizeTable(account, 'database');
    expect(normalized.indexes.some((model) => model.columns[0] === 'other_parent_id')).toBe(false);

    await run(dropColumnOperation({ tableName: 'account', columnName: 'last_login' }));
    account = await reflect('account');
    expect(findColumn(account, 'last_login')).toBeUndefined();
  });

  it('alterColumn: MODIFY, CHANGE, SET / DROP DEFAULT, comment, autoincrement', async () => {
    await run(
      alterColumnOperation({ tableName: 'account', columnName: 'body', type: string(200), existingNullable: true }),
    );
    expect((await columnOf('account', 'body'))?.type).toEqual(string(200));

    await run(
      alterColumnOperation({ tableName: 'account', columnName: 'body', nullable: false, existingType: string(200) }),
    );
    expect(await columnOf('account', 'body')).toMatchObject({ nullable: false, type: string(200) });

    await run(alterColumnOperation({ tableName: 'account', columnName: 'body', serverDefault: 'none' }));
    expect((await columnOf('account', 'body'))?.serverDefault).toBe('none');

    await run(
      alterColumnOperation({
        tableName: 'account',
        columnName: 'body',
        comment: 'the body',
        existingType: string(200),
        existingNullable: false,
        existingServerDefault: 'none',
      }),
    );
    expect(await columnOf('account', 'body')).toMatchObject({
      comment: 'the body',
      serverDefault: 'none',
      nullable: false,
    });

    await run(alterColumnOperation({ tableName: 'account', columnName: 'body', serverDefault: null }));
    expect((await columnOf('account', 'body'))?.serverDefault).toBeUndefined();

    await run(
      alterColumnOperation({
        tableName: 'account',
        columnName: 'body',
        newColumnName: 'content',
        existingType: string(200),
        existingNullable: false,
        existingComment: 'the body',
      }),
    );
    const account = await reflect('account');
    expect(findColumn(account, 'body')).toBeUndefined();
    expect(findColumn(account, 'content')).toMatchObject({ type: string(200), nullable: false, comment: 'the body' });

    await run(
      alterColumnOperation({
        tableName: 'account',
        columnName: 'born_on',
        serverDefault: sql('CURRENT_TIMESTAMP'),
        existingType: dateTime(),
        type: dateTime(),
      }),
    );
    expect((await columnOf('account', 'born_on'))?.type).toEqual(dateTime());
    expect((await columnOf('account', 'born_on'))?.serverDefault).toBeDefined();

    await run(
      createTableOperation({
        table: table('counter', [
          column('n', integer(), { nullable: false, autoincrement: false }),
          uniqueConstraint(['n'], { name: 'uq_n' }),
        ]),
      }),
    );
    await run(
      alterColumnOperation({
        tableName: 'counter',
        columnName: 'n',
        autoincrement: true,
        existingType: integer(),
        existingNullable: false,
      }),
    );
    expect((await columnOf('counter', 'n'))?.autoincrement).toBe(true);
  });

  it('createIndex and dropIndex', async () => {
    await run(
      createIndexOperation({
        indexName: 'ix_content_prefix',
        tableName: 'account',
        columns: ['content'],
        dialectOptions: { mysql: { length: 10 } },
      }),
      createIndexOperation({ indexName: 'ux_small', tableName: 'account', columns: ['small'], unique: true }),
      createIndexOperation({
        indexName: 'ix_ft',
        tableName: 'account',
        columns: ['content'],
        dialectOptions: { mysql: { prefix: 'FULLTEXT' } },
      }),
    );
    let account = await reflect('account');
    expect(account.indexes).toContainEqual(
      index(convertedName('ix_content_prefix'), ['content'], {
        dialectOptions: { mysql: { length: { content: 10 } } },
      }),
    );
    expect(account.indexes).toContainEqual(
      index(convertedName('ix_ft'), ['content'], { dialectOptions: { mysql: { prefix: 'FULLTEXT' } } }),
    );
    expect(account.constraints).toContainEqual(uniqueConstraint(['small'], { name: convertedName('ux_small') }));

    await run(
      dropIndexOperation({ indexName: 'ix_content_prefix', tableName: 'account' }),
      dropIndexOperation({ indexName: 'ix_ft', tableName: 'account' }),
      dropIndexOperation({ indexName: 'ux_small', tableName: 'account' }),
    );
    account = await reflect('account');
    expect(account.indexes.map((model) => model.name && constraintNameText(model.name))).not.toEqual(
      expect.arrayContaining(['ix_content_prefix']),
    );
    expect(account.indexes.map((model) => model.name && constraintNameText(model.name))).not.toContain('ix_ft');
    expect(
      account.constraints.map((constraint) => constraint.name && constraintNameText(constraint.name)),
    ).not.toContain('ux_small');
  });

  it('constraints: create and drop each kind', async () => {
    await run(
      createTableOperation({
        table: table('line', [
          column('order_id', integer(), { nullable: false }),
          column('line_no', integer(), { nullable: false }),
          column('qty', integer()),
        ]),
      }),
      createPrimaryKeyOperation({ constraintName: 'pk_line', tableName: 'line', columns: ['order_id', 'line_no'] }),
      createUniqueConstraintOperation({
        constraintName: 'uq_line_qty',
        tableName: 'line',
        columns: ['qty', 'line_no'],
      }),
      createForeignKeyOperation({
        constraintName: 'fk_line_parent',
        sourceTable: 'line',
        referentTable: 'parent',
        localColumns: ['order_id'],
        remoteColumns: ['id'],
        onDelete: 'CASCADE',
      }),
      createCheckConstraintOperation({ constraintName: 'ck_line_qty', tableName: 'line', condition: 'qty >= 0' }),
    );
    let line = await reflect('line');
    expect(line.primaryKey?.columns).toEqual(['order_id', 'line_no']);
    expect(line.constraints).toEqual([
      uniqueConstraint(['qty', 'line_no'], { name: convertedName('uq_line_qty') }),
      foreignKeyConstraint(['order_id'], 'parent', ['id'], {
        name: convertedName('fk_line_parent'),
        onDelete: 'CASCADE',
      }),
      checkConstraint('`qty` >= 0', { name: convertedName('ck_line_qty') }),
    ]);
    await expect(connection.execute('INSERT INTO line (order_id, line_no, qty) VALUES (1, 1, -1)')).rejects.toThrow();

    await run(
      dropConstraintOperation({ constraintName: 'ck_line_qty', tableName: 'line', type: 'check' }),
      dropConstraintOperation({ constraintName: 'fk_line_parent', tableName: 'line', type: 'foreignkey' }),
      dropConstraintOperation({ constraintName: 'uq_line_qty', tableName: 'line', type: 'unique' }),
      dropConstraintOperation({ constraintName: 'pk_line', tableName: 'line', type: 'primary' }),
    );
    line = await reflect('line');
    expect(line.primaryKey).toBeUndefined();
    expect(line.constraints).toEqual([]);
  });

  it('table comments', async () => {
    await run(createTableCommentOperation({ tableName: 'line', comment: "line's items" }));
    expect((await reflect('line')).comment).toBe("line's items");
    await run(dropTableCommentOperation({ tableName: 'line' }));
    expect((await reflect('line')).comment).toBeUndefined();
  });

  it('bulkInsert and execute (inline and with bound parameters)', async () => {
    await run(
      createTableOperation({
        table: table('note', [
          column('id', integer(), { primaryKey: true }),
          column('body', string(50)),
          column('flag', boolean()),
          column('at', dateTime()),
        ]),
      }),
      bulkInsertOperation({
        table: {
          name: 'note',
          columns: [
            { name: 'id' },
            { name: 'body', type: string(50) },
            { name: 'flag', type: boolean() },
            { name: 'at', type: dateTime() },
          ],
        },
        rows: [
          { id: 1, body: "O'Brien \\ back", flag: true, at: new Date(Date.UTC(2024, 0, 31, 13, 45, 7)) },
          { id: 2, body: null, flag: false, at: null },
        ],
      }),
      executeOperation({ sql: 'UPDATE note SET body = :body WHERE id = :id', parameters: { body: 'two', id: 2 } }),
    );
    const parameterized = compiler.compileParameterized(
      executeOperation({ sql: 'UPDATE note SET flag = :flag WHERE id = :id', parameters: { flag: 1, id: 2 } }),
    );
    expect(parameterized.sql).toBe('UPDATE note SET flag = ? WHERE id = ?');
    expect((await connection.query(parameterized.sql, parameterized.parameters)).rowCount).toBe(1);
    const { rows } = await connection.query<{ id: number; body: string; flag: number; at: string | null }>(
      "SELECT id, body, flag, DATE_FORMAT(at, '%Y-%m-%d %H:%i:%s') AS at FROM note ORDER BY id",
    );
    expect(rows).toEqual([
      { id: 1, body: "O'Brien \\ back", flag: 1, at: '2024-01-31 13:45:07' },
      { id: 2, body: 'two', flag: 1, at: null },
    ]);
  });

  it('renameTable and dropTable', async () => {
    await run(renameTableOperation({ oldTableName: 'note', newTableName: 'notes' }));
    expect(await introspector.getTable('note')).toBeUndefined();
    expect((await reflect('notes')).columns.map((model) => model.name)).toEqual(['id', 'body', 'flag', 'at']);
    await run(renameTableOperation({ oldTableName: 'notes', newTableName: 'notes2', schema: database.name }));
    expect(await introspector.getTable('notes2')).toBeDefined();
    await run(dropTableOperation({ tableName: 'notes2' }), dropTableOperation({ tableName: 'notes2', ifExists: true }));
    expect(await introspector.getTable('notes2')).toBeUndefined();
  });

  it('batchAlterTable: ALTERs in place, or a rebuild from the reflected table', async () => {
    await run(
      batchAlterTableOperation({
        tableName: 'counter',
        operations: [
          addColumnOperation({ tableName: 'counter', column: column('label', string(20)) }),
          alterColumnOperation({
            tableName: 'counter',
            columnName: 'label',
            nullable: false,
            existingType: string(20),
          }),
        ],
      }),
    );
    expect(await columnOf('counter', 'label')).toMatchObject({ nullable: false });
    await connection.execute("INSERT INTO counter (label) VALUES ('a'), ('b')");

    const copyFrom = await reflect('counter');
    await run(
      batchAlterTableOperation({
        tableName: 'counter',
        recreate: 'always',
        copyFrom,
        operations: [
          addColumnOperation({ tableName: 'counter', column: column('extra', integer(), { serverDefault: '5' }) }),
        ],
      }),
    );
    const rebuilt = await reflect('counter');
    expect(rebuilt.columns.map((model) => model.name)).toEqual(['n', 'label', 'extra']);
    expect(findColumn(rebuilt, 'n')?.autoincrement).toBe(true);
    expect(rebuilt.constraints).toEqual([uniqueConstraint(['n'], { name: convertedName('uq_n') })]);
    const { rows } = await connection.query<{ n: number; label: string; extra: string }>(
      'SELECT n, label, extra FROM counter ORDER BY n',
    );
    expect(rows).toEqual([
      { n: 1, label: 'a', extra: 5 },
      { n: 2, label: 'b', extra: 5 },
    ]);
  });

  it('IF [NOT] EXISTS where the server has it', async () => {
    const operations: Operation[] = [
      addColumnOperation({ tableName: 'counter', column: column('maybe', integer()), ifNotExists: true }),
      addColumnOperation({ tableName: 'counter', column: column('maybe', integer()), ifNotExists: true }),
      createIndexOperation({ indexName: 'ix_maybe', tableName: 'counter', columns: ['maybe'], ifNotExists: true }),
      createIndexOperation({ indexName: 'ix_maybe', tableName: 'counter', columns: ['maybe'], ifNotExists: true }),
      dropIndexOperation({ indexName: 'ix_maybe', tableName: 'counter', ifExists: true }),
      dropIndexOperation({ indexName: 'ix_maybe', tableName: 'counter', ifExists: true }),
      dropConstraintOperation({ constraintName: 'ck_nothing', tableName: 'counter', type: 'check', ifExists: true }),
      dropColumnOperation({ tableName: 'counter', columnName: 'maybe', ifExists: true }),
      dropColumnOperation({ tableName: 'counter', columnName: 'maybe', ifExists: true }),
    ];
    if (connection.flavour === 'mysql') {
      expect(() => compiler.compile(operations[0] as Operation)).toThrow(/MySQL has no IF NOT EXISTS/);
      return;
    }
    await run(...operations);
    expect(await columnOf('counter', 'maybe')).toBeUndefined();
  });
});

/**
 * `MysqlIntrospector.getTables` on the live server, over a generated schema of 30 tables with
 * every feature (see support/bulk-schema.ts): the same tables as `getTable` one by one; a fixed
 * number of catalog queries whatever the table count (counted on the real connection); and a
 * round trip: the tables created with our DDL, reflected, and both sides normalized, compare
 * equal the way autogenerate compares them.
 */
import { createTableOperation, enumType, string } from '@alembic/core/dialect';
import type { DdlCompiler, TableModel } from '@alembic/core/dialect';
import type { MysqlConnection } from '../src/mysql-connection.js';
import { mysql } from '../src/mysql-dialect.js';
import { MysqlIntrospector } from '../src/mysql-introspector.js';
import { MysqlSchemaNormalizer } from '../src/mysql-schema-normalizer.js';
import { bulkTableName, bulkTables } from './support/bulk-schema.js';
import { createTestDatabase, describeLive } from './support/mysql-test-server.js';
import type { TestDatabase } from './support/mysql-test-server.js';
import { tableSignatures } from './support/normalized-signatures.js';

const TABLE_COUNT = 30;

describeLive('MySQL bulk introspection (live)', () => {
  const dialect = mysql();
  const models = bulkTables(TABLE_COUNT);
  let database: TestDatabase;
  let connection: MysqlConnection;
  let compiler: DdlCompiler;
  /** Statements sent through `connection.query` while counting. */
  let counted: string[] | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
    connection = await database.connect();
    compiler = dialect.createDdlCompiler({ connection });
    for (const model of models) {
      for (const statement of compiler.compile(createTableOperation({ table: model }))) {
        await connection.execute(statement);
      }
    }
    // Instrumentation, not a mock: every call still goes to the server.
    const query = connection.query.bind(connection);
    connection.query = ((text: string, parameters?: readonly unknown[]) => {
      counted?.push(text);
      return query(text, parameters);
    }) as MysqlConnection['query'];
  }, 60_000);

  afterAll(async () => {
    await connection?.close();
    await database?.drop();
  });

  async function countQueries<T>(work: () => Promise<T>): Promise<{ result: T; queries: number }> {
    counted = [];
    try {
      const result = await work();
      return { result, queries: counted.length };
    } finally {
      counted = undefined;
    }
  }

  it('getTables() reads every table of the schema, sorted, each as getTable reads it', async () => {
    const introspector = new MysqlIntrospector(connection);
    const tables = await introspector.getTables();
    expect(tables.map((model) => model.name)).toEqual(models.map((model) => model.name));
    for (const reflected of tables) {
      expect(reflected).toEqual(await introspector.getTable(reflected.name));
    }
  });

  it('getTables({ tableNames }) reads only those, leaving out names that do not exist', async () => {
    const introspector = new MysqlIntrospector(connection);
    const tables = await introspector.getTables({
      tableNames: [bulkTableName(7), 'no_such_table', bulkTableName(2), bulkTableName(7)],
    });
    expect(tables.map((model) => model.name)).toEqual([bulkTableName(2), bulkTableName(7)]);
    expect(tables[1]).toEqual(await introspector.getTable(bulkTableName(7)));
    expect(await introspector.getTables({ tableNames: [] })).toEqual([]);
    expect(await introspector.getTables({ tableNames: [bulkTableName(1).toUpperCase()] })).toEqual([]);
  });

  it('getTables({ schema }) reads another database by name and marks the tables with it', async () => {
    const tables = await new MysqlIntrospector(connection).getTables({
      schema: database.name,
      tableNames: [bulkTableName(3)],
    });
    expect(tables.map((model) => [model.schema, model.name])).toEqual([[database.name, bulkTableName(3)]]);
  });

  it('issues the same number of catalog queries for 3 tables, 30 tables and the whole schema', async () => {
    const introspector = new MysqlIntrospector(connection);
    const three = await countQueries(() =>
      introspector.getTables({ tableNames: models.slice(0, 3).map((model) => model.name) }),
    );
    const thirty = await countQueries(() => introspector.getTables({ tableNames: models.map((model) => model.name) }));
    const all = await countQueries(() => introspector.getTables());
    const one = await countQueries(() => introspector.getTable(bulkTableName(4)));
    expect(three.result).toHaveLength(3);
    expect(thirty.result).toHaveLength(TABLE_COUNT);
    expect(all.result).toHaveLength(TABLE_COUNT);
    expect(three.queries).toBe(5);
    expect(thirty.queries).toBe(three.queries);
    expect(all.queries).toBe(three.queries);
    expect(one.queries).toBe(three.queries);
  });

  it('getSchemaNames() lists the test database without the system ones; getDefaultSchemaName() is DATABASE()', async () => {
    const introspector = new MysqlIntrospector(connection);
    const names = await introspector.getSchemaNames();
    expect(names).toContain(database.name);
    for (const system of ['mysql', 'information_schema', 'performance_schema', 'sys']) {
      expect(names).not.toContain(system);
    }
    expect(await introspector.getDefaultSchemaName()).toBe(database.name);
  });

  it('round trip: each model table and its reflection normalize to the same columns, keys, checks and indexes', async () => {
    const normalizer = dialect.createSchemaNormalizer?.(connection);
    expect(normalizer).toBeInstanceOf(MysqlSchemaNormalizer);
    expect((normalizer as MysqlSchemaNormalizer).flavour).toBe(connection.flavour);
    const reflected = new Map(
      (await new MysqlIntrospector(connection).getTables()).map((model) => [model.name, model]),
    );
    for (const model of models) {
      const modelSide = normalizer?.normalizeTable(model, 'model') as TableModel;
      const databaseSide = normalizer?.normalizeTable(
        reflected.get(model.name) as TableModel,
        'database',
      ) as TableModel;
      expect({ table: model.name, ...tableSignatures(databaseSide, modelSide) }).toEqual({
        table: model.name,
        ...tableSignatures(modelSide, modelSide),
      });
    }
  });

  it('round trip: a changed length, enum value list or default is seen', async () => {
    const normalizer = new MysqlSchemaNormalizer({ flavour: connection.flavour });
    const original = models[5] as TableModel;
    const changed: TableModel = {
      ...original,
      columns: original.columns.map((model) => {
        switch (model.name) {
          case 'code':
            return { ...model, type: string(99) };
          case 'status':
            return { ...model, type: enumType(['draft', 'live']) };
          case 'amount':
            return { ...model, serverDefault: '1' };
          default:
            return model;
        }
      }),
    };
    const reflected = (await new MysqlIntrospector(connection).getTable(original.name)) as TableModel;
    const modelSide = normalizer.normalizeTable(changed, 'model');
    const databaseSide = normalizer.normalizeTable(reflected, 'database');
    const differing = tableSignatures(modelSide, modelSide).columns.filter(
      (signature) => !tableSignatures(databaseSide, modelSide).columns.includes(signature),
    );
    expect(differing.map((signature) => signature.split(' | ')[0])).toEqual(['code', 'amount', 'status']);
  });

  it('round trip: what the server added (FK indexes, json_valid checks, generated names) is gone only after normalizing', async () => {
    const reflected = await new MysqlIntrospector(connection).getTable(bulkTableName(2));
    const raw = reflected as TableModel;
    // getTable keeps the FK index MySQL created (it outlives the key), which the normalizer leaves out...
    expect(raw.indexes.map((model) => model.columns.join(','))).toContain('root_id');
    const normalizer = new MysqlSchemaNormalizer({ flavour: connection.flavour });
    expect(normalizer.normalizeTable(raw, 'database').indexes.map((model) => model.columns.join(','))).not.toContain(
      'root_id',
    );
    // ...and keeps the server-named unique key and checks, which the normalizer unnames.
    const rawNames = raw.constraints.map((constraint) =>
      'name' in constraint && constraint.name !== undefined ? JSON.stringify(constraint.name) : '-',
    );
    const normalized = normalizer.normalizeTable(raw, 'database');
    const normalizedChecks = normalized.constraints.filter((constraint) => constraint.kind === 'checkConstraint');
    expect(rawNames.some((name) => /CONSTRAINT_\d|_chk_\d/.test(name))).toBe(true);
    expect(normalizedChecks.filter((constraint) => constraint.name === undefined)).toHaveLength(1);
  });
});

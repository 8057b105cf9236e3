import { column, createTableOperation, integer, string, table } from '@alembic/core/dialect';
import type { TableModel } from '@alembic/core/dialect';
import { connectSqlite } from '../src/sqlite-connect.js';
import type { SqliteConnection } from '../src/sqlite-connection.js';
import { SqliteDdlCompiler } from '../src/sqlite-ddl-compiler.js';
import { sqliteDialect } from '../src/sqlite-dialect.js';
import { SqliteIntrospector } from '../src/sqlite-introspector.js';
import { SqliteSchemaNormalizer } from '../src/sqlite-schema-normalizer.js';
import { bulkSchema, bulkTableName, comparedParts, withTypeChecks } from './support/sqlite-bulk-schema.js';

/** Counts the statements that read rows (`Database#all`), the way every catalog query goes. */
function countQueries(connection: SqliteConnection): { count: () => number; restore: () => void } {
  const client = connection.client as unknown as { all: (...parameters: unknown[]) => unknown };
  const original = client.all;
  let count = 0;
  client.all = function counted(this: unknown, ...parameters: unknown[]) {
    count += 1;
    return original.apply(this, parameters);
  };
  return {
    count: () => count,
    restore: () => {
      client.all = original;
    },
  };
}

async function create(connection: SqliteConnection, models: readonly TableModel[]): Promise<void> {
  const compiler = new SqliteDdlCompiler();
  for (const model of models) {
    for (const statement of compiler.compile(createTableOperation({ table: model }))) {
      await connection.execute(statement);
    }
  }
}

describe('SqliteIntrospector.getTables on thirty tables', () => {
  const models = bulkSchema(30);
  let connection: SqliteConnection;
  let introspector: SqliteIntrospector;
  beforeAll(async () => {
    connection = await connectSqlite('sqlite://');
    await create(connection, models);
    introspector = new SqliteIntrospector(connection);
  });
  afterAll(async () => {
    await connection.close();
  });

  it('reads every table, sorted by name', async () => {
    const tables = await introspector.getTables();
    expect(tables.map((model) => model.name)).toEqual(models.map((model) => model.name));
  });

  it('gives for each table what getTable gives', async () => {
    const tables = await introspector.getTables();
    for (const reflected of tables) {
      expect(await introspector.getTable(reflected.name)).toEqual(reflected);
    }
  });

  it('reads only the tables asked for, whatever their case, and leaves unknown names out', async () => {
    const tables = await introspector.getTables({ tableNames: ['BULK_05', 'bulk_01', 'no_such_table'] });
    expect(tables.map((model) => model.name)).toEqual(['bulk_01', 'bulk_05']);
    expect(await introspector.getTables({ tableNames: [] })).toEqual([]);
  });

  it('runs the same number of queries for 3 tables as for 30', async () => {
    const counter = countQueries(connection);
    try {
      await introspector.getTables({ tableNames: models.slice(0, 3).map((model) => model.name) });
      const forThree = counter.count();
      await introspector.getTables();
      const forThirty = counter.count() - forThree;
      await introspector.getTable(bulkTableName(7));
      const forOne = counter.count() - forThree - forThirty;
      expect(forThree).toBe(4);
      expect(forThirty).toBe(forThree);
      expect(forOne).toBe(forThree);
    } finally {
      counter.restore();
    }
  });

  it('round trip: each model table and its reflection normalize to the same columns, constraints and indexes', async () => {
    const normalizer = new SqliteSchemaNormalizer();
    const reflected = await introspector.getTables();
    expect(reflected).toHaveLength(models.length);
    models.forEach((model, position) => {
      const database = reflected[position] as TableModel;
      expect(comparedParts(normalizer.normalizeTable(database, 'database'))).toEqual(
        comparedParts(normalizer.normalizeTable(withTypeChecks(model), 'model')),
      );
    });
  });

  it('the dialect hands out the SQLite normalizer', () => {
    expect(sqliteDialect.createSchemaNormalizer?.()).toBeInstanceOf(SqliteSchemaNormalizer);
  });
});

describe('SqliteIntrospector schemas (attached databases)', () => {
  let connection: SqliteConnection;
  beforeEach(async () => {
    connection = await connectSqlite('sqlite://');
  });
  afterEach(async () => {
    await connection.close();
  });

  it("reads an attached database's tables, with the schema set; main stays without one", async () => {
    await connection.execute("ATTACH DATABASE ':memory:' AS archive");
    await connection.execute('CREATE TABLE archive.old_account (id INTEGER PRIMARY KEY, name VARCHAR(20) NOT NULL)');
    await connection.execute('CREATE TABLE account (id INTEGER PRIMARY KEY)');
    const introspector = new SqliteIntrospector(connection);
    expect(await introspector.getSchemaNames()).toEqual(['main', 'archive']);
    expect(await introspector.getDefaultSchemaName()).toBe('main');
    expect(await introspector.getTableNames({ schema: 'archive' })).toEqual(['old_account']);
    expect(await introspector.getTables({ schema: 'archive' })).toEqual([
      table(
        'old_account',
        [
          column('id', integer(), { primaryKey: true, nullable: true }),
          column('name', string(20), { nullable: false }),
        ],
        { schema: 'archive' },
      ),
    ]);
    expect((await introspector.getTables()).map((model) => [model.name, model.schema])).toEqual([
      ['account', undefined],
    ]);
    expect(await introspector.getTables({ schema: 'main' })).toEqual(await introspector.getTables());
  });

  it('returns nothing and runs one query for an empty database', async () => {
    const counter = countQueries(connection);
    try {
      expect(await new SqliteIntrospector(connection).getTables()).toEqual([]);
      expect(counter.count()).toBe(1);
    } finally {
      counter.restore();
    }
  });
});

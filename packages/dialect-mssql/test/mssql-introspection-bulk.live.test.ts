import {
  checkConstraint,
  column,
  convertedName,
  createTableOperation,
  dateTime,
  foreignKeyConstraint,
  index,
  integer,
  numeric,
  sql,
  string,
  table,
  uniqueConstraint,
} from '@alembic/core/dialect';
import type { TableModel } from '@alembic/core/dialect';
import type { MssqlConnection } from '../src/mssql-connection.js';
import { mssqlDialect } from '../src/mssql-dialect.js';
import { MssqlIntrospector } from '../src/mssql-introspector.js';
import { MssqlSchemaNormalizer } from '../src/mssql-schema-normalizer.js';
import { nvarchar } from '../src/mssql-types.js';
import type { TestDatabase } from './support/mssql-test-server.js';
import { createTestDatabase, describeLive } from './support/mssql-test-server.js';

/** Bulk model tables `bk_00`...: each refers to the one before it. */
function bulkModels(count: number): TableModel[] {
  return Array.from({ length: count }, (_, position) => {
    const name = `bk_${String(position).padStart(2, '0')}`;
    return table(name, [
      column('id', integer(), { primaryKey: true }),
      column('code', string(20), { nullable: false, serverDefault: 'none' }),
      column('label', nvarchar(40)),
      column('amount', numeric(10, 2), { serverDefault: sql('0') }),
      column('created', dateTime(), { serverDefault: sql('CURRENT_TIMESTAMP') }),
      column('previous_id', integer()),
      uniqueConstraint(['code'], position % 2 === 0 ? { name: convertedName(`uq_${name}_code`) } : {}),
      checkConstraint('amount >= 0', { name: convertedName(`ck_${name}_amount`) }),
      ...(position === 0
        ? []
        : [
            foreignKeyConstraint(
              ['previous_id'],
              `bk_${String(position - 1).padStart(2, '0')}`,
              ['id'],
              position % 2 === 0 ? { onDelete: 'SET NULL' } : {},
            ),
          ]),
      index(convertedName(`ix_${name}_label`), ['label'], { where: 'label IS NOT NULL' }),
    ]);
  });
}

describeLive('SQL Server bulk introspection, live', () => {
  let database: TestDatabase;
  let connection: MssqlConnection;
  const models = bulkModels(12);

  beforeAll(async () => {
    database = await createTestDatabase();
    connection = await database.connect();
    const compiler = mssqlDialect.createDdlCompiler({ connection });
    for (const model of models) {
      for (const statement of compiler.compile(createTableOperation({ table: model }))) {
        await connection.query(statement);
      }
    }
  });

  afterAll(async () => {
    await connection?.close();
    await database?.drop();
  });

  it('getTables reads every table with five queries, the same as getTable per table', async () => {
    const introspector = new MssqlIntrospector(connection);
    const original = connection.query.bind(connection);
    let queries = 0;
    connection.query = ((...parameters: Parameters<MssqlConnection['query']>) => {
      queries += 1;
      return original(...parameters);
    }) as MssqlConnection['query'];
    try {
      const three = await introspector.getTables({ tableNames: models.slice(0, 3).map((model) => model.name) });
      expect(three.map((model) => model.name)).toEqual(['bk_00', 'bk_01', 'bk_02']);
      expect(queries).toBe(5);
      const all = await introspector.getTables();
      expect(queries).toBe(10);
      expect(all.map((model) => model.name)).toEqual(models.map((model) => model.name));
      for (const reflected of all) {
        expect(await introspector.getTable(reflected.name)).toEqual(reflected);
      }
    } finally {
      connection.query = original;
    }
  });

  it('round trip: model and reflected tables normalize to the same columns, constraints and indexes', async () => {
    const normalizer = new MssqlSchemaNormalizer();
    const reflected = await new MssqlIntrospector(connection).getTables();
    models.forEach((model, position) => {
      const database = normalizer.normalizeTable(reflected[position] as TableModel, 'database');
      const expected = normalizer.normalizeTable(model, 'model');
      expect(database.columns).toEqual(expected.columns);
      expect(database.primaryKey?.columns).toEqual(expected.primaryKey?.columns);
      expect(database.constraints).toEqual(expect.arrayContaining([...expected.constraints]));
      expect(database.constraints).toHaveLength(expected.constraints.length);
      expect(database.indexes).toEqual(expected.indexes);
    });
  });

  it('lists schemas and the default schema', async () => {
    const introspector = new MssqlIntrospector(connection);
    expect(await introspector.getSchemaNames()).toContain('dbo');
    expect(await introspector.getDefaultSchemaName()).toBe('dbo');
  });
});

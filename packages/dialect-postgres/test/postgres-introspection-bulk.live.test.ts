/**
 * `PostgresIntrospector.getTables` on the live server: the same tables as `getTable` one by
 * one, with a number of catalog queries that does not depend on the table count, and a round
 * trip through our DDL compiler and `PostgresSchemaNormalizer` that finds nothing to change.
 */
import { DefaultSchemaNormalizer, createTableOperation } from '@alembic/core/dialect';
import type { DatabaseConnection, TableModel } from '@alembic/core/dialect';
import { PostgresDdlCompiler } from '../src/postgres-ddl-compiler.js';
import { PostgresIntrospector } from '../src/postgres-introspector.js';
import { PostgresSchemaNormalizer } from '../src/postgres-schema-normalizer.js';
import { bulkSchemaStatements, bulkTableNames } from './support/bulk-schema.js';
import { countingConnection } from './support/counting-connection.js';
import { describeLive, openSchemaConnection } from './support/live-postgres.js';
import {
  checkSignatures,
  columnSignatures,
  foreignKeySignatures,
  indexSignatures,
  uniqueSignatures,
} from './support/normalized-signatures.js';
import { ROUND_TRIP_TABLES } from './support/round-trip-tables.js';

const TABLE_COUNT = 30;

describeLive('PostgresIntrospector.getTables, live', () => {
  let connection: DatabaseConnection;
  let schema: string;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ connection, schema, dispose } = await openSchemaConnection('bulk'));
    for (const statement of bulkSchemaStatements(TABLE_COUNT)) {
      await connection.execute(statement);
    }
  });

  afterAll(async () => {
    await dispose?.();
  });

  it('reads every table of the schema, sorted by name', async () => {
    const tables = await new PostgresIntrospector(connection).getTables({ schema });
    expect(tables.map((model) => model.name)).toEqual(bulkTableNames(TABLE_COUNT));
  });

  it('returns what getTable returns for each table', async () => {
    const introspector = new PostgresIntrospector(connection);
    const tables = await introspector.getTables({ schema });
    for (const model of tables) {
      expect(model).toEqual(await introspector.getTable(model.name, { schema }));
    }
    // The default schema (the connection's search_path) when none is given.
    expect(await introspector.getTables()).toEqual(tables.map(({ schema: _schema, ...rest }) => rest));
  });

  it('hasTable finds what getTable finds, in one catalog query', async () => {
    const counted = countingConnection(connection);
    const introspector = new PostgresIntrospector(counted);
    await connection.execute(`CREATE VIEW "${schema}".bulk_view AS SELECT 1 AS one`);
    await connection.execute(`CREATE TABLE "${schema}".bulk_parted (id integer) PARTITION BY RANGE (id)`);
    await connection.execute(`CREATE TABLE "${schema}"."Bulk_Mixed" (id integer)`);
    try {
      for (const name of ['bulk_01', 'bulk_parted', 'Bulk_Mixed', 'bulk_mixed', 'bulk_view', 'no_such_table']) {
        const found = (await introspector.getTable(name, { schema })) !== undefined;
        counted.reset();
        expect({ name, exists: await introspector.hasTable(name, { schema }) }).toEqual({ name, exists: found });
        expect(counted.queries).toHaveLength(1);
      }
      expect(await introspector.hasTable('bulk_01', { schema: `${schema}_missing` })).toBe(false);
      // The default schema (the connection's search_path) when none is given.
      expect(await introspector.hasTable('bulk_01')).toBe(true);
    } finally {
      await connection.execute(`DROP VIEW "${schema}".bulk_view`);
      await connection.execute(`DROP TABLE "${schema}".bulk_parted, "${schema}"."Bulk_Mixed"`);
    }
  });

  it('reads every feature of a table', async () => {
    const [second] = await new PostgresIntrospector(connection).getTables({ schema, tableNames: ['bulk_02'] });
    expect(second?.comment).toBe('table 2');
    const byName = new Map(second?.columns.map((column) => [column.name, column]));
    expect(byName.get('id')).toMatchObject({ autoincrement: true, primaryKey: true, nullable: false });
    expect(byName.get('code')).toMatchObject({ identity: { always: true, start: 10, increment: 5 } });
    expect(byName.get('mood')?.type).toEqual({
      kind: 'enum',
      values: ['sad', 'ok', 'happy'],
      name: 'bulk_mood',
      nativeEnum: true,
      createConstraint: false,
    });
    expect(byName.get('name')).toMatchObject({ comment: 'the name', serverDefault: 'n', nullable: false });
    expect(byName.get('label')?.type).toEqual({ kind: 'text', collation: 'C' });
    expect(second?.constraints.map((constraint) => constraint.kind).sort()).toEqual([
      'checkConstraint',
      'checkConstraint',
      'foreignKeyConstraint',
      'foreignKeyConstraint',
      'uniqueConstraint',
    ]);
    expect(
      second?.constraints.find(
        (constraint) =>
          constraint.kind === 'foreignKeyConstraint' &&
          constraint.referredTable === 'bulk_01' &&
          constraint.columns[0] === 'parent_id',
      ),
    ).toMatchObject({
      onDelete: 'CASCADE',
      onUpdate: 'SET NULL',
    });
    expect(second?.indexes.map((model) => model.name)).toEqual([
      { kind: 'convertedName', name: 'bulk_02_data' },
      { kind: 'convertedName', name: 'bulk_02_lower_name' },
      { kind: 'convertedName', name: 'bulk_02_ref' },
    ]);
  });

  it('leaves out names that do not exist, and reads nothing for an empty list', async () => {
    const counted = countingConnection(connection);
    const introspector = new PostgresIntrospector(counted);
    expect(
      (await introspector.getTables({ schema, tableNames: ['bulk_03', 'no_such_table'] })).map((model) => model.name),
    ).toEqual(['bulk_03']);
    counted.reset();
    expect(await introspector.getTables({ schema, tableNames: [] })).toEqual([]);
    expect(counted.queries).toHaveLength(0);
  });

  it('issues the same number of queries for 3 tables and for 30', async () => {
    const counted = countingConnection(connection);
    const introspector = new PostgresIntrospector(counted);
    const three = await introspector.getTables({ schema, tableNames: bulkTableNames(3) });
    const forThree = counted.queries.length;
    counted.reset();
    const thirty = await introspector.getTables({ schema });
    const forThirty = counted.queries.length;
    expect(three).toHaveLength(3);
    expect(thirty).toHaveLength(TABLE_COUNT);
    expect(forThirty).toBe(forThree);
    expect(forThirty).toBe(1);
  });

  it('lists the schemas without the system ones, and the default schema', async () => {
    const introspector = new PostgresIntrospector(connection);
    const names = await introspector.getSchemaNames();
    expect(names).toContain(schema);
    expect(names).toContain('public');
    expect(names.filter((name) => name.startsWith('pg_') || name === 'information_schema')).toEqual([]);
    expect(await introspector.getDefaultSchemaName()).toBe(schema);
  });
});

describeLive('PostgreSQL round trip: our DDL, reflected and normalized, equals the model', () => {
  let connection: DatabaseConnection;
  let schema: string;
  let dispose: () => Promise<void>;
  let reflected: readonly TableModel[];
  const normalizer = new PostgresSchemaNormalizer();

  beforeAll(async () => {
    ({ connection, schema, dispose } = await openSchemaConnection('roundtrip'));
    const compiler = new PostgresDdlCompiler();
    for (const model of ROUND_TRIP_TABLES) {
      for (const statement of compiler.compile(createTableOperation({ table: model }))) {
        await connection.execute(statement);
      }
    }
    reflected = await new PostgresIntrospector(connection).getTables({ schema });
  });

  afterAll(async () => {
    await dispose?.();
  });

  it('reflects every model table', () => {
    expect(reflected.map((model) => model.name)).toEqual(ROUND_TRIP_TABLES.map((model) => model.name).sort());
  });

  it("finds differences without PostgreSQL's normalizer (the comparison has teeth)", () => {
    const generic = new DefaultSchemaNormalizer();
    const differing = ROUND_TRIP_TABLES.flatMap((model) => {
      const found = reflected.find((candidate) => candidate.name === model.name) as TableModel;
      const left = generic.normalizeTable(model, 'model');
      const database = generic.normalizeTable(found, 'database');
      const columns = columnSignatures(left, database) as { name: string; type: unknown; serverDefault: unknown }[];
      return [
        ...columns
          .filter((column) => column.type !== true || column.serverDefault !== true)
          .map((column) => `${model.name}.${column.name}`),
        ...(JSON.stringify(uniqueSignatures(left)) === JSON.stringify(uniqueSignatures(database))
          ? []
          : [`${model.name} uniques`]),
        ...(JSON.stringify(checkSignatures(left)) === JSON.stringify(checkSignatures(database))
          ? []
          : [`${model.name} checks`]),
      ];
    });
    expect(differing).toEqual(
      expect.arrayContaining([
        'rt_account.score',
        'rt_account uniques',
        'rt_account checks',
        'rt_post.body',
        'rt_types.tz',
      ]),
    );
  });

  describe.each(ROUND_TRIP_TABLES.map((model) => [model.name, model] as const))('%s', (name, model) => {
    const pair = (): { model: TableModel; database: TableModel } => {
      const found = reflected.find((candidate) => candidate.name === name);
      if (found === undefined) throw new Error(`${name} was not reflected`);
      return {
        model: normalizer.normalizeTable(model, 'model'),
        database: normalizer.normalizeTable(found, 'database'),
      };
    };

    it('has the same columns: type, server default, nullable, comment, identity', () => {
      const { model: left, database } = pair();
      const signatures = columnSignatures(left, database);
      expect(signatures).toEqual(
        left.columns.map((column) => ({
          name: column.name,
          found: true,
          type: true,
          nullable: true,
          serverDefault: true,
          comment: true,
          identity: true,
        })),
      );
      expect(database.columns.map((column) => column.name)).toEqual(left.columns.map((column) => column.name));
    });

    it('has the same unique constraints, foreign keys, named checks and indexes', () => {
      const { model: left, database } = pair();
      expect(uniqueSignatures(database)).toEqual(uniqueSignatures(left));
      expect(foreignKeySignatures(database)).toEqual(foreignKeySignatures(left));
      expect(checkSignatures(database)).toEqual(checkSignatures(left));
      expect(indexSignatures(database)).toEqual(indexSignatures(left));
      expect(database.comment).toEqual(left.comment);
      expect(database.primaryKey?.columns).toEqual(left.primaryKey?.columns);
    });
  });
});

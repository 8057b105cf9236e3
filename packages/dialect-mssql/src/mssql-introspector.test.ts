import { column, convertedName, integer, primaryKeyConstraint, table } from '@alembic/core/dialect';
import type { DatabaseConnection, QueryResult } from '@alembic/core/dialect';
import {
  MSSQL_INTROSPECTION_QUERIES,
  MSSQL_MAX_NAME_PARAMETERS,
  mssqlIntrospectionQueries,
} from './mssql-introspection-queries.js';
import { MssqlIntrospector } from './mssql-introspector.js';

/** A connection answering each catalog query with canned rows, recording the parameters. */
function cannedConnection(
  answers: ReadonlyMap<string, readonly Record<string, unknown>[]>,
  calls: unknown[][],
): DatabaseConnection {
  return {
    query: async <Row>(sql: string, parameters: readonly unknown[] = []): Promise<QueryResult<Row>> => {
      calls.push([sql, ...parameters]);
      const rows = (answers.get(sql) ?? []) as Row[];
      return { rows, rowCount: rows.length };
    },
    execute: async () => undefined,
    begin: async () => undefined,
    commit: async () => undefined,
    rollback: async () => undefined,
    close: async () => undefined,
  };
}

describe('MssqlIntrospector', () => {
  it('lists the tables of the default schema, or of the one asked for', async () => {
    const calls: unknown[][] = [];
    const connection = cannedConnection(
      new Map([[MSSQL_INTROSPECTION_QUERIES.tableNames, [{ table_name: 'a' }, { table_name: 'b' }]]]),
      calls,
    );
    const introspector = new MssqlIntrospector(connection);
    expect(await introspector.getTableNames()).toEqual(['a', 'b']);
    await introspector.getTableNames({ schema: 'app' });
    expect(calls.map((call) => call.slice(1))).toEqual([[null], ['app']]);
  });

  const bulk = mssqlIntrospectionQueries(1);

  function idColumn(objectId: number): Record<string, unknown> {
    return {
      object_id: objectId,
      column_name: 'id',
      type_name: 'int',
      max_length: 4,
      precision: 10,
      scale: 0,
      collation_name: null,
      is_nullable: false,
      is_identity: true,
      identity_seed: '1',
      identity_increment: '1',
      default_definition: null,
      column_comment: null,
    };
  }

  function tableRow(objectId: number, name: string): Record<string, unknown> {
    return { object_id: objectId, schema_name: 'dbo', table_name: name, table_comment: null, database_collation: null };
  }

  it('reads one table through the bulk queries, preferring the exact spelling', async () => {
    const calls: unknown[][] = [];
    const answers = new Map<string, readonly Record<string, unknown>[]>([
      [bulk.tables, [tableRow(7, 'Account'), tableRow(8, 'account')]],
      [bulk.columns, [idColumn(7), idColumn(8)]],
      [
        bulk.indexes,
        [
          {
            object_id: 8,
            index_name: 'pk_account',
            is_primary_key: true,
            is_unique: true,
            is_unique_constraint: false,
            type_desc: 'CLUSTERED',
            filter_definition: null,
            is_included_column: false,
            column_name: 'id',
          },
        ],
      ],
    ]);
    const introspector = new MssqlIntrospector(cannedConnection(answers, calls));
    expect(await introspector.getTable('account')).toEqual(
      table('account', [
        column('id', integer(), { primaryKey: true, autoincrement: true }),
        primaryKeyConstraint(['id'], { name: convertedName('pk_account') }),
      ]),
    );
    expect(calls.map((call) => call.slice(1))).toEqual([
      [null, 'account'],
      [null, 'account'],
      [null, 'account'],
      [null, 'account'],
      [null, 'account'],
    ]);
  });

  it('reads many tables with five queries whatever their number, sorted by name', async () => {
    const count = async (tableCount: number): Promise<{ names: string[]; calls: unknown[][] }> => {
      const calls: unknown[][] = [];
      const queries = mssqlIntrospectionQueries(0);
      const ids = Array.from({ length: tableCount }, (_, position) => position + 1);
      const answers = new Map<string, readonly Record<string, unknown>[]>([
        [queries.tables, ids.map((id) => tableRow(id, `t${String(tableCount - id).padStart(2, '0')}`))],
        [queries.columns, ids.map(idColumn)],
      ]);
      const tables = await new MssqlIntrospector(cannedConnection(answers, calls)).getTables({ schema: 'sales' });
      expect(tables.every((model) => model.columns.length === 1 && model.schema === 'sales')).toBe(true);
      return { names: tables.map((model) => model.name), calls };
    };
    const three = await count(3);
    const thirty = await count(30);
    expect(three.names).toEqual(['t00', 't01', 't02']);
    expect(thirty.names).toHaveLength(30);
    expect(three.calls).toHaveLength(5);
    expect(thirty.calls).toHaveLength(5);
    expect(thirty.calls.every((call) => call[1] === 'sales' && call.length === 2)).toBe(true);
  });

  it('beyond the parameter limit, reads the schema and picks the names out', async () => {
    const calls: unknown[][] = [];
    const queries = mssqlIntrospectionQueries(0);
    const answers = new Map<string, readonly Record<string, unknown>[]>([
      [queries.tables, [tableRow(1, 'a'), tableRow(2, 'b')]],
      [queries.columns, [idColumn(1), idColumn(2)]],
    ]);
    const names = ['B', ...Array.from({ length: MSSQL_MAX_NAME_PARAMETERS }, (_, position) => `missing_${position}`)];
    const tables = await new MssqlIntrospector(cannedConnection(answers, calls)).getTables({ tableNames: names });
    expect(tables.map((model) => model.name)).toEqual(['b']);
    expect(calls.every((call) => call.length === 2 && call[1] === null)).toBe(true);
  });

  it('names the tables as parameters after the schema', () => {
    expect(mssqlIntrospectionQueries(3).columns).toContain('AND t.name IN (@p2, @p3, @p4)');
    expect(mssqlIntrospectionQueries(0).columns).not.toContain('t.name IN');
  });

  it('lists schemas and the default schema', async () => {
    const answers = new Map<string, readonly Record<string, unknown>[]>([
      [MSSQL_INTROSPECTION_QUERIES.schemaNames, [{ schema_name: 'dbo' }, { schema_name: 'sales' }]],
      [MSSQL_INTROSPECTION_QUERIES.defaultSchemaName, [{ schema_name: 'dbo' }]],
    ]);
    const introspector = new MssqlIntrospector(cannedConnection(answers, []));
    expect(await introspector.getSchemaNames()).toEqual(['dbo', 'sales']);
    expect(await introspector.getDefaultSchemaName()).toBe('dbo');
  });

  it('returns undefined for a missing table, after one query', async () => {
    const calls: unknown[][] = [];
    const introspector = new MssqlIntrospector(cannedConnection(new Map(), calls));
    expect(await introspector.getTable('nope', { schema: 'app' })).toBeUndefined();
    expect(calls).toHaveLength(1);
  });
});

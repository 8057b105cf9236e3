import { column, integer, primaryKeyConstraint, table } from '@alembic/core';
import type { DatabaseConnection, QueryResult } from '@alembic/core';
import { MSSQL_INTROSPECTION_QUERIES } from './mssql-introspection-queries.js';
import { MssqlIntrospector } from './mssql-introspector.js';

/** A connection answering each catalog query with canned rows, recording the parameters. */
function cannedConnection(answers: ReadonlyMap<string, readonly Record<string, unknown>[]>, calls: unknown[][]): DatabaseConnection {
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
    const connection = cannedConnection(new Map([[MSSQL_INTROSPECTION_QUERIES.tableNames, [{ table_name: 'a' }, { table_name: 'b' }]]]), calls);
    const introspector = new MssqlIntrospector(connection);
    expect(await introspector.getTableNames()).toEqual(['a', 'b']);
    await introspector.getTableNames({ schema: 'app' });
    expect(calls.map((call) => call.slice(1))).toEqual([[null], ['app']]);
  });

  it('reads one table by object_id, preferring the exact spelling', async () => {
    const calls: unknown[][] = [];
    const answers = new Map<string, readonly Record<string, unknown>[]>([
      [
        MSSQL_INTROSPECTION_QUERIES.table,
        [
          { object_id: 7, schema_name: 'dbo', table_name: 'Account', table_comment: null, database_collation: null },
          { object_id: 8, schema_name: 'dbo', table_name: 'account', table_comment: null, database_collation: null },
        ],
      ],
      [
        MSSQL_INTROSPECTION_QUERIES.columns,
        [
          {
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
          },
        ],
      ],
      [
        MSSQL_INTROSPECTION_QUERIES.indexes,
        [
          {
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
      table('account', [column('id', integer(), { primaryKey: true, autoincrement: true }), primaryKeyConstraint(['id'], { name: 'pk_account' })]),
    );
    expect(calls.map((call) => call.slice(1))).toEqual([[null, 'account'], [8], [8], [8], [8]]);
  });

  it('returns undefined for a missing table', async () => {
    const introspector = new MssqlIntrospector(cannedConnection(new Map(), []));
    expect(await introspector.getTable('nope', { schema: 'app' })).toBeUndefined();
  });
});

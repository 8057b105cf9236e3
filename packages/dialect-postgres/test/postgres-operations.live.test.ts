/**
 * Every operation kind applied for real on the test server and checked through the
 * introspector. The cases (in `support/live-*-cases.ts`) are typed over `OperationKind`, so a
 * new kind must be stated there. Runs in a fresh schema (the connection's `search_path`),
 * dropped at the end.
 */
import { OPERATION_KINDS, createTableOperation } from '@alembic/core/dialect';
import type {
  DatabaseConnection,
  Operation,
  OperationKind,
  SchemaIntrospector,
  TableModel,
} from '@alembic/core/dialect';
import { PostgresDdlCompiler } from '../src/postgres-ddl-compiler.js';
import { PostgresIntrospector } from '../src/postgres-introspector.js';
import { constraintCases } from './support/live-constraint-cases.js';
import type { LiveCases, LiveHarness } from './support/live-harness.js';
import { tableCases } from './support/live-table-cases.js';
import { describeLive, openSchemaConnection } from './support/live-postgres.js';

let connection: DatabaseConnection;
let schema: string;
let dispose: () => Promise<void>;
let introspector: SchemaIntrospector;

async function apply(operation: Operation): Promise<void> {
  const compiler = new PostgresDdlCompiler();
  if (operation.kind === 'execute' && operation.parameters !== undefined) {
    const compiled = compiler.compileParameterized(operation);
    await connection.query(compiled.sql, compiled.parameters);
    return;
  }
  for (const statement of compiler.compile(operation)) {
    await connection.query(statement);
  }
}

async function reflect(tableName: string, tableSchema?: string): Promise<TableModel> {
  const found = await introspector.getTable(tableName, tableSchema === undefined ? {} : { schema: tableSchema });
  if (found === undefined) {
    throw new Error(`table ${tableName} not found`);
  }
  return found;
}

async function scalar<T>(query: string, parameters: unknown[] = []): Promise<T> {
  const { rows } = await connection.query<Record<string, T>>(query, parameters);
  return Object.values(rows[0] ?? {})[0] as T;
}

const live: LiveHarness = {
  get connection() {
    return connection;
  },
  get schema() {
    return schema;
  },
  get introspector() {
    return introspector;
  },
  apply,
  reflect,
  scalar,
};

const LIVE: LiveCases = { ...tableCases(live), ...constraintCases(live) };

describeLive('PostgreSQL operations, live', () => {
  beforeAll(async () => {
    ({ connection, schema, dispose } = await openSchemaConnection('operations'));
    introspector = new PostgresIntrospector(connection);
  });

  afterAll(async () => {
    await dispose?.();
  });

  it('covers every operation kind', () => {
    expect(Object.keys(LIVE).sort()).toEqual([...OPERATION_KINDS].sort());
  });

  const cases = (Object.keys(LIVE) as OperationKind[]).flatMap((kind) =>
    LIVE[kind].map((entry) => [kind, entry.title, entry] as const),
  );

  it.each(cases)('%s: %s', async (_kind, _title, entry) => {
    await entry.run();
  });

  it('lists the tables of a schema', async () => {
    const names = await introspector.getTableNames();
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(expect.arrayContaining(['kitchen_sink', 'parent', 'pet']));
    expect(await introspector.getTableNames({ schema })).toEqual(names);
    expect(await introspector.getTableNames({ schema: 'no_such_schema' })).toEqual([]);
  });

  it('re-creates a reflected table identically', async () => {
    const original = await reflect('kitchen_sink');
    const { name: _name, ...definition } = original;
    const copy: TableModel = {
      ...definition,
      name: 'kitchen_sink_copy',
      ...(original.primaryKey === undefined
        ? {}
        : { primaryKey: { kind: 'primaryKeyConstraint', columns: original.primaryKey.columns } }),
      indexes: original.indexes.map((model) => ({
        ...model,
        name: `${String((model.name as { name: string }).name)}_copy`,
      })),
      constraints: [],
    };
    const compiler = new PostgresDdlCompiler({ manageEnumTypes: false });
    for (const statement of compiler.compile(createTableOperation({ table: copy }))) {
      await connection.query(statement);
    }
    const reflected = await reflect('kitchen_sink_copy');
    expect(
      reflected.columns.map(({ name, type, nullable, serverDefault, autoincrement, comment }) => ({
        name,
        type,
        nullable,
        serverDefault,
        autoincrement,
        comment,
      })),
    ).toEqual(
      original.columns.map(({ name, type, nullable, serverDefault, autoincrement, comment }) => ({
        name,
        type,
        nullable,
        serverDefault,
        autoincrement,
        comment,
      })),
    );
    expect(
      reflected.indexes.map(({ columns, unique, where, dialectOptions }) => ({
        columns,
        unique,
        where,
        dialectOptions,
      })),
    ).toEqual(
      original.indexes.map(({ columns, unique, where, dialectOptions }) => ({
        columns,
        unique,
        where,
        dialectOptions,
      })),
    );
    expect(reflected.comment).toBe(original.comment);
  });
});

/**
 * What the live operation cases share: the connection (its `search_path` a fresh schema), the
 * introspector, and helpers that apply an operation and read a table back. The cases are split
 * by concern over two files and joined, typed over every `OperationKind`, in
 * `postgres-operations.live.test.ts`.
 */
import { column, integer, string, table } from '@alembic/core/dialect';
import type {
  ColumnModel,
  DatabaseConnection,
  Operation,
  OperationKind,
  SchemaIntrospector,
  TableModel,
} from '@alembic/core/dialect';

/** The live test file's state, read when a case runs. */
export interface LiveHarness {
  readonly connection: DatabaseConnection;
  /** The fresh schema, also the connection's `search_path`. */
  readonly schema: string;
  readonly introspector: SchemaIntrospector;
  /** Compiles with a fresh PostgreSQL compiler and runs every statement. */
  apply(operation: Operation): Promise<void>;
  /** The table as the introspector reads it; fails when it does not exist. */
  reflect(tableName: string, tableSchema?: string): Promise<TableModel>;
  /** The first value of the first row. */
  scalar<T>(query: string, parameters?: unknown[]): Promise<T>;
}

/** One live check. */
export interface LiveCase {
  readonly title: string;
  readonly run: () => Promise<void>;
}

/** Live checks for every operation kind. */
export type LiveCases = { readonly [Kind in OperationKind]: readonly LiveCase[] };

/** The column named `name` of `model`; fails when there is none. */
export function columnOf(model: TableModel, name: string): ColumnModel {
  const found = model.columns.find((candidate) => candidate.name === name);
  if (found === undefined) {
    throw new Error(`column ${name} not found in ${model.name}`);
  }
  return found;
}

/** `name(id INTEGER PRIMARY KEY, a INTEGER, b VARCHAR(20))`. */
export function simpleTable(name: string): TableModel {
  return table(name, [column('id', integer(), { primaryKey: true }), column('a', integer()), column('b', string(20))]);
}

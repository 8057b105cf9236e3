import * as core from '@alembic/core/dialect';
import type {
  ColumnModel,
  DatabaseConnection,
  GetTablesOptions,
  IndexModel,
  SchemaIntrospector,
  ServerDefault,
  TableElement,
  TableModel,
} from '@alembic/core/dialect';
import { parsePgwireType } from './pgwire-type-parser.js';

/** `$1` schema (the current one when null), `$2` names (`text[]`, every table when null). */
const TABLES_QUERY = `
SELECT c.oid::text AS oid, c.relname AS name, obj_description(c.oid, 'pg_class') AS comment
FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = COALESCE($1, current_schema()) AND c.relkind IN ('r', 'p')
  AND ($2::text[] IS NULL OR c.relname = ANY($2::text[]))
ORDER BY c.relname`;

const TABLE_NAMES_QUERY = `
SELECT c.relname AS name
FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = COALESCE($1, current_schema()) AND c.relkind IN ('r', 'p')
ORDER BY c.relname`;

const COLUMNS_QUERY = `
SELECT a.attrelid::text AS table_oid, a.attname AS name, pg_catalog.format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
       pg_catalog.pg_get_expr(d.adbin, d.adrelid) AS default_expression,
       pg_catalog.col_description(a.attrelid, a.attnum) AS comment,
       pg_catalog.pg_get_serial_sequence(a.attrelid::regclass::text, a.attname) IS NOT NULL AS owns_sequence
FROM pg_catalog.pg_attribute a
LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE a.attrelid = ANY($1::oid[]) AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attrelid, a.attnum`;

const CONSTRAINTS_QUERY = `
SELECT con.conrelid::text AS table_oid, con.conname AS name, con.contype AS type,
       ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, position)
             JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.position) AS columns,
       referred.relname AS referred_table,
       ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, position)
             JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.position) AS referred_columns,
       con.confdeltype AS on_delete, con.confupdtype AS on_update,
       pg_catalog.pg_get_constraintdef(con.oid, true) AS definition
FROM pg_catalog.pg_constraint con
LEFT JOIN pg_catalog.pg_class referred ON referred.oid = con.confrelid
WHERE con.conrelid = ANY($1::oid[]) AND con.contype IN ('p', 'u', 'f', 'c')
ORDER BY con.conrelid, con.conname`;

/** Indexes that back no constraint. */
const INDEXES_QUERY = `
SELECT ix.indrelid::text AS table_oid, ic.relname AS name, ix.indisunique AS is_unique, pg_catalog.pg_get_expr(ix.indpred, ix.indrelid) AS predicate,
       ARRAY(SELECT COALESCE(a.attname::text, pg_catalog.pg_get_indexdef(ix.indexrelid, k + 1, true))
             FROM generate_series(0, ix.indnkeyatts - 1) AS k
             LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = ix.indkey[k] AND ix.indkey[k] <> 0
             ORDER BY k) AS elements,
       ARRAY(SELECT ix.indkey[k] = 0 FROM generate_series(0, ix.indnkeyatts - 1) AS k ORDER BY k) AS is_expression
FROM pg_catalog.pg_index ix JOIN pg_catalog.pg_class ic ON ic.oid = ix.indexrelid
WHERE ix.indrelid = ANY($1::oid[]) AND NOT ix.indisprimary
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con WHERE con.conindid = ix.indexrelid AND con.contype IN ('p', 'u'))
ORDER BY ix.indrelid, ic.relname`;

interface ColumnRow {
  readonly table_oid: string;
  readonly name: string;
  readonly type: string;
  readonly not_null: boolean;
  readonly default_expression: string | null;
  readonly comment: string | null;
  readonly owns_sequence: boolean;
}

interface ConstraintRow {
  readonly table_oid: string;
  readonly name: string;
  readonly type: 'p' | 'u' | 'f' | 'c';
  readonly columns: string[];
  readonly referred_table: string | null;
  readonly referred_columns: string[];
  readonly on_delete: string;
  readonly on_update: string;
  readonly definition: string;
}

interface IndexRow {
  readonly table_oid: string;
  readonly name: string;
  readonly is_unique: boolean;
  readonly predicate: string | null;
  readonly elements: string[];
  readonly is_expression: boolean[];
}

const ACTIONS: Readonly<Record<string, 'RESTRICT' | 'CASCADE' | 'SET NULL' | 'SET DEFAULT'>> = {
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};

/** `'text'::character varying` is the value `text`; a bare number is its text; the rest is SQL. */
function serverDefaultOf(expression: string): ServerDefault {
  const quoted = /^'((?:[^']|'')*)'(?:::[\w\s]+)?$/.exec(expression);
  if (quoted !== null) return (quoted[1] ?? '').replaceAll("''", "'");
  if (/^-?\d+(\.\d+)?$/.test(expression)) return expression;
  return core.sql(expression);
}

function columnOf(row: ColumnRow, keyColumns: ReadonlySet<string>): ColumnModel {
  const serial = row.owns_sequence && row.default_expression?.startsWith('nextval(') === true;
  return core.column(row.name, parsePgwireType(row.type), {
    nullable: !row.not_null,
    primaryKey: keyColumns.has(row.name),
    autoincrement: serial,
    ...(serial || row.default_expression === null ? {} : { serverDefault: serverDefaultOf(row.default_expression) }),
    ...(row.comment === null ? {} : { comment: row.comment }),
  });
}

function constraintOf(row: ConstraintRow): TableElement | undefined {
  const name = core.convertedName(row.name);
  switch (row.type) {
    case 'u':
      return core.uniqueConstraint(row.columns, { name });
    case 'c':
      return core.checkConstraint(/^CHECK \((.*)\)$/s.exec(row.definition)?.[1] ?? row.definition, { name });
    case 'f': {
      const onDelete = ACTIONS[row.on_delete];
      const onUpdate = ACTIONS[row.on_update];
      return core.foreignKeyConstraint(row.columns, row.referred_table ?? '', row.referred_columns, {
        name,
        ...(onDelete === undefined ? {} : { onDelete }),
        ...(onUpdate === undefined ? {} : { onUpdate }),
      });
    }
    default:
      return undefined;
  }
}

function indexOf(row: IndexRow): IndexModel {
  const elements = row.elements.map((element, position) =>
    row.is_expression[position] === true ? core.sql(element) : element,
  );
  return core.index(core.convertedName(row.name), elements, {
    unique: row.is_unique,
    ...(row.predicate === null ? {} : { where: row.predicate }),
  });
}

/**
 * Reads tables from the catalog (`pg_catalog`, which this database serves as PostgreSQL does)
 * into core's schema model: columns (types through `parsePgwireType`, `BIGSERIAL` keys as
 * `autoincrement`), the primary key, unique, foreign key and check constraints, indexes that back
 * no constraint, and comments. Names read here are `convertedName`s, used verbatim. `getTables`
 * reads many tables with the same four queries as one (filtering rows per table in memory).
 */
export class PgwireIntrospector implements SchemaIntrospector {
  readonly #connection: DatabaseConnection;

  constructor(connection: DatabaseConnection) {
    this.#connection = connection;
  }

  async getTableNames(options: { readonly schema?: string } = {}): Promise<readonly string[]> {
    const { rows } = await this.#connection.query<{ name: string }>(TABLE_NAMES_QUERY, [options.schema ?? null]);
    return rows.map((row) => row.name);
  }

  async getTable(tableName: string, options: { readonly schema?: string } = {}): Promise<TableModel | undefined> {
    return (await this.getTables({ ...options, tableNames: [tableName] }))[0];
  }

  /** Every table asked for in four queries: the tables, then their columns, constraints and indexes at once. */
  async getTables(options: GetTablesOptions = {}): Promise<readonly TableModel[]> {
    if (options.tableNames?.length === 0) return [];
    const tables = (
      await this.#connection.query<{ oid: string; name: string; comment: string | null }>(TABLES_QUERY, [
        options.schema ?? null,
        options.tableNames ?? null,
      ])
    ).rows;
    if (tables.length === 0) return [];
    const oids = tables.map((found) => found.oid);
    const columns = (await this.#connection.query<ColumnRow>(COLUMNS_QUERY, [oids])).rows;
    const constraints = (await this.#connection.query<ConstraintRow>(CONSTRAINTS_QUERY, [oids])).rows;
    const indexes = (await this.#connection.query<IndexRow>(INDEXES_QUERY, [oids])).rows;
    return tables.map((found) => {
      const own = <Row extends { readonly table_oid: string }>(rows: readonly Row[]): Row[] =>
        rows.filter((row) => row.table_oid === found.oid);
      const tableConstraints = own(constraints);
      const primaryKey = tableConstraints.find((row) => row.type === 'p');
      const elements: TableElement[] = own(columns).map((row) => columnOf(row, new Set(primaryKey?.columns ?? [])));
      if (primaryKey !== undefined)
        elements.push(core.primaryKeyConstraint(primaryKey.columns, { name: core.convertedName(primaryKey.name) }));
      for (const row of tableConstraints) {
        const constraint = constraintOf(row);
        if (constraint !== undefined) elements.push(constraint);
      }
      elements.push(...own(indexes).map(indexOf));
      return core.table(found.name, elements, {
        ...(options.schema === undefined ? {} : { schema: options.schema }),
        ...(found.comment === null ? {} : { comment: found.comment }),
      });
    });
  }
}

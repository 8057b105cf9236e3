/** A table of `sqlite_master`: its name and `CREATE TABLE` text. */
export interface SqliteTableRow {
  readonly table_name: string;
  readonly sql: string | null;
}

/** One column of one table (`pragma_table_xinfo`). */
export interface SqliteColumnRow {
  readonly table_name: string;
  readonly cid: number;
  readonly name: string;
  readonly type: string;
  readonly notnull: number;
  readonly dflt_value: string | null;
  readonly pk: number;
  /** 0 for an ordinary column; 1 hidden (virtual tables), 2 and 3 generated. */
  readonly hidden: number;
}

/** One key column of one index of one table (`pragma_index_list` x `pragma_index_info`). */
export interface SqliteIndexRow {
  readonly table_name: string;
  /** Position in `pragma_index_list` (the most recent index first). */
  readonly seq: number;
  readonly index_name: string;
  readonly unique: number;
  /** `c` (CREATE INDEX), `u` (a UNIQUE constraint), `pk` (a PRIMARY KEY). */
  readonly origin: string;
  readonly partial: number;
  readonly seqno: number;
  /** The column; null for an expression. */
  readonly column_name: string | null;
  /** The `CREATE INDEX` text; null for the indexes behind constraints. */
  readonly sql: string | null;
}

/** One column pair of one foreign key of one table (`pragma_foreign_key_list`). */
export interface SqliteForeignKeyRow {
  readonly table_name: string;
  readonly id: number;
  readonly seq: number;
  readonly referred_table: string;
  readonly from: string;
  /** Null for `REFERENCES parent` without columns (the parent's primary key). */
  readonly to: string | null;
  readonly on_update: string;
  readonly on_delete: string;
  readonly match: string;
  /** With `to` null: the parent's primary key column at this position, when the parent exists. */
  readonly referred_key_column: string | null;
  /** With `to` null: how many columns the parent's primary key has. */
  readonly referred_key_count: number | null;
}

/** The four catalog queries of one `getTables` call, with their parameters. */
export interface SqliteIntrospectionQueries {
  readonly tables: string;
  readonly columns: string;
  readonly indexes: string;
  readonly foreignKeys: string;
  readonly parameters: readonly string[];
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * The catalog queries that read every table of `schema` (an attached database; `main` by
 * default) at once, or only `tableNames` (matched without regard to case, as SQLite names
 * are): the tables of `sqlite_master` joined to the table-valued pragma functions, so the number
 * of queries stays four whatever the number of tables.
 *
 * ```ts
 * const queries = sqliteIntrospectionQueries('main', ['account']);
 * await connection.query(queries.columns, queries.parameters);
 * ```
 */
export function sqliteIntrospectionQueries(schema: string, tableNames?: readonly string[]): SqliteIntrospectionQueries {
  const master = `${quoteIdentifier(schema)}.sqlite_master`;
  const schemaLiteral = quoteLiteral(schema);
  const names =
    tableNames === undefined ? '' : ` AND m.name COLLATE NOCASE IN (${tableNames.map(() => '?').join(', ')})`;
  const from = `${master} m`;
  const where = `WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'${names}`;
  return {
    tables: `SELECT m.name AS table_name, m.sql FROM ${from} ${where} ORDER BY m.name`,
    columns:
      `SELECT m.name AS table_name, c.cid, c.name, c.type, c."notnull", c.dflt_value, c.pk, c.hidden ` +
      `FROM ${from} JOIN pragma_table_xinfo(m.name, ${schemaLiteral}) c ${where} ORDER BY m.name, c.cid`,
    indexes:
      `SELECT m.name AS table_name, l.seq, l.name AS index_name, l."unique", l.origin, l.partial, i.seqno, i.name AS column_name, x.sql ` +
      `FROM ${from} JOIN pragma_index_list(m.name, ${schemaLiteral}) l JOIN pragma_index_info(l.name, ${schemaLiteral}) i ` +
      `LEFT JOIN ${master} x ON x.type = 'index' AND x.name = l.name ` +
      `${where} ORDER BY m.name, l.seq DESC, i.seqno`,
    foreignKeys:
      `SELECT m.name AS table_name, f.id, f.seq, f."table" AS referred_table, f."from", f."to", f.on_update, f.on_delete, f."match", ` +
      `p.name AS referred_key_column, ` +
      `CASE WHEN f."to" IS NULL THEN (SELECT count(*) FROM pragma_table_info(f."table", ${schemaLiteral}) k WHERE k.pk > 0) END AS referred_key_count ` +
      `FROM ${from} JOIN pragma_foreign_key_list(m.name, ${schemaLiteral}) f ` +
      `LEFT JOIN pragma_table_info(f."table", ${schemaLiteral}) p ON f."to" IS NULL AND p.pk = f.seq + 1 ` +
      `${where} ORDER BY m.name, f.id DESC, f.seq`,
    parameters: tableNames ?? [],
  };
}

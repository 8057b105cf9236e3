/**
 * The tables of one schema: `$1` schema (the current schema when null), `$2` table names
 * (`text[]`; every table that is not a partition when null). `table_id` is the oid the other
 * parts join on.
 */
const FOUND_TABLES = `
SELECT c.oid AS table_id, c.oid::text AS oid, c.relname AS name, n.nspname AS schema_name,
       obj_description(c.oid, 'pg_class') AS comment, current_schema() AS default_schema
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = COALESCE($1, current_schema()) AND c.relkind IN ('r', 'p')
  AND CASE WHEN $2::text[] IS NULL THEN NOT c.relispartition ELSE c.relname = ANY($2::text[]) END`;

/** The tables' columns, enum labels included (`position` orders them). */
const COLUMNS = `
SELECT a.attrelid::text AS table_oid,
       a.attnum AS position,
       a.attname AS name,
       pg_catalog.format_type(a.atttypid, a.atttypmod) AS formatted_type,
       t.typname AS type_name,
       t.typtype AS type_type,
       CASE WHEN t.typtype = 'e' THEN ARRAY(
         SELECT e.enumlabel::text FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder
       ) END AS enum_values,
       CASE WHEN a.attcollation <> t.typcollation THEN co.collname END AS collation,
       a.attnotnull AS not_null,
       pg_catalog.pg_get_expr(d.adbin, d.adrelid) AS default_expression,
       a.attidentity AS identity_kind,
       a.attgenerated AS generated_kind,
       pg_catalog.col_description(a.attrelid, a.attnum) AS comment,
       owned.start_value::text AS sequence_start,
       owned.increment::text AS sequence_increment,
       owned.sequence_name IS NOT NULL AS owns_sequence
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
LEFT JOIN LATERAL (
  SELECT s.seqstart AS start_value, s.seqincrement AS increment, sc.relname AS sequence_name
  FROM pg_catalog.pg_depend dep
  JOIN pg_catalog.pg_class sc ON sc.oid = dep.objid AND sc.relkind = 'S'
  JOIN pg_catalog.pg_sequence s ON s.seqrelid = sc.oid
  WHERE dep.refclassid = 'pg_catalog.pg_class'::regclass AND dep.refobjid = a.attrelid
    AND dep.classid = 'pg_catalog.pg_class'::regclass
    AND dep.refobjsubid = a.attnum AND dep.deptype IN ('a', 'i')
    -- Only a serial (a default) or identity column owns a sequence: the others skip the lookup.
    AND (a.attidentity <> '' OR d.adbin IS NOT NULL)
  LIMIT 1
) owned ON true
WHERE a.attrelid IN (SELECT table_id FROM found) AND a.attnum > 0 AND NOT a.attisdropped`;

/** The names of the columns of `relation` that the attribute numbers in `keys` list, in their order. */
function keyColumnNames(keys: string, relation: string): string {
  return `ARRAY(
         SELECT a.attname::text FROM unnest(${keys}) WITH ORDINALITY AS k(attnum, position)
         JOIN pg_catalog.pg_attribute a ON a.attrelid = ${relation} AND a.attnum = k.attnum ORDER BY k.position
       )`;
}

/** The tables' primary key, unique, foreign key and check constraints. */
const CONSTRAINTS = `
SELECT con.conrelid::text AS table_oid,
       con.conname AS name,
       con.contype AS type,
       con.condeferrable AS deferrable,
       con.condeferred AS deferred,
       con.convalidated AS validated,
       ${keyColumnNames('con.conkey', 'con.conrelid')} AS columns,
       referred_namespace.nspname AS referred_schema,
       referred.relname AS referred_table,
       ${keyColumnNames('con.confkey', 'con.confrelid')} AS referred_columns,
       con.confupdtype AS on_update,
       con.confdeltype AS on_delete,
       con.confmatchtype AS match_type,
       CASE WHEN con.contype = 'c' THEN pg_catalog.pg_get_constraintdef(con.oid, true) END AS definition
FROM pg_catalog.pg_constraint con
LEFT JOIN pg_catalog.pg_class referred ON referred.oid = con.confrelid
LEFT JOIN pg_catalog.pg_namespace referred_namespace ON referred_namespace.oid = referred.relnamespace
WHERE con.conrelid IN (SELECT table_id FROM found) AND con.contype IN ('p', 'u', 'f', 'c')`;

/** The tables' indexes that back no primary key, unique or exclude constraint. */
const INDEXES = `
SELECT ix.indrelid::text AS table_oid,
       ic.relname AS name,
       ix.indisunique AS is_unique,
       am.amname AS method,
       ix.indnkeyatts AS key_count,
       pg_catalog.pg_get_expr(ix.indpred, ix.indrelid) AS predicate,
       (to_jsonb(ix) ->> 'indnullsnotdistinct')::boolean AS nulls_not_distinct,
       ARRAY(
         SELECT pg_catalog.pg_get_indexdef(ix.indexrelid, k, true) FROM generate_series(1, ix.indnatts) AS k ORDER BY k
       ) AS elements,
       ARRAY(
         SELECT CASE WHEN pg_catalog.pg_get_indexdef(ix.indexrelid, k, true) = quote_ident(a.attname) THEN a.attname::text END
         FROM generate_series(1, ix.indnatts) AS k
         LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = ix.indkey[k - 1] AND ix.indkey[k - 1] <> 0
         ORDER BY k
       ) AS plain_columns
FROM pg_catalog.pg_index ix
JOIN pg_catalog.pg_class ic ON ic.oid = ix.indexrelid
JOIN pg_catalog.pg_am am ON am.oid = ic.relam
WHERE ix.indrelid IN (SELECT table_id FROM found) AND NOT ix.indisprimary
  AND NOT EXISTS (
    SELECT 1 FROM pg_catalog.pg_constraint con
    WHERE con.conindid = ix.indexrelid AND con.conrelid = ix.indrelid AND con.contype IN ('p', 'u', 'x')
  )`;

/**
 * The `pg_catalog` queries of `PostgresIntrospector`. `tables` reads the tables of one schema
 * (all of them, or the names asked for) with their columns, constraints and indexes in one
 * statement: one round trip, whatever the number of tables. Each part comes back as a JSON
 * array of rows (JSON is also quicker for the driver to read than thousands of rows); arrays
 * are cast to `text[]` so they arrive as JSON arrays of strings.
 *
 * @internal
 */
export const INTROSPECTION_QUERIES = {
  /**
   * `$1` schema (the current schema when null), `$2` table names (`text[]`; every table that is
   * not a partition when null). One row: `tables` (sorted by name), `columns` (in column order),
   * `constraints` and `indexes` (by name), JSON arrays of {@link TableRow}, {@link ColumnRow},
   * {@link ConstraintRow} and {@link IndexRow}.
   */
  tables: `
WITH found AS MATERIALIZED (${FOUND_TABLES})
SELECT (SELECT COALESCE(json_agg(t ORDER BY t.name), '[]')
        FROM (SELECT oid, name, schema_name, comment, default_schema FROM found) t) AS tables,
       (SELECT COALESCE(json_agg(x ORDER BY x.table_oid, x.position), '[]') FROM (${COLUMNS}) x) AS columns,
       (SELECT COALESCE(json_agg(x ORDER BY x.table_oid, x.name), '[]') FROM (${CONSTRAINTS}) x) AS constraints,
       (SELECT COALESCE(json_agg(x ORDER BY x.table_oid, x.name), '[]') FROM (${INDEXES}) x) AS indexes`,

  /** `$1` schema (the current schema when null). */
  tableNames: `
SELECT c.relname AS name
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = COALESCE($1, current_schema()) AND c.relkind IN ('r', 'p') AND NOT c.relispartition
ORDER BY c.relname`,

  /** `$1` schema (the current schema when null), `$2` a table name: one row when it exists. */
  tableExists: `
SELECT c.relname AS name
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = COALESCE($1, current_schema()) AND c.relkind IN ('r', 'p') AND c.relname = $2`,

  /** The schemas of the database, without PostgreSQL's own. */
  schemaNames: `
SELECT n.nspname AS name
FROM pg_catalog.pg_namespace n
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%'
ORDER BY n.nspname`,

  defaultSchemaName: `SELECT current_schema() AS name`,
} as const;

/** A table of `INTROSPECTION_QUERIES.tables`. @internal */
export interface TableRow {
  readonly oid: string;
  readonly name: string;
  readonly schema_name: string;
  readonly comment: string | null;
  readonly default_schema: string | null;
}

/** A column of `INTROSPECTION_QUERIES.tables`. @internal */
export interface ColumnRow {
  /** The oid of the table the row belongs to. */
  readonly table_oid: string;
  /** `attnum`: the column's place in its table. */
  readonly position: number;
  readonly name: string;
  readonly formatted_type: string;
  readonly type_name: string;
  readonly type_type: string;
  readonly enum_values: string[] | null;
  readonly collation: string | null;
  readonly not_null: boolean;
  readonly default_expression: string | null;
  readonly identity_kind: string;
  readonly generated_kind: string;
  readonly comment: string | null;
  readonly sequence_start: string | null;
  readonly sequence_increment: string | null;
  readonly owns_sequence: boolean;
}

/** A constraint of `INTROSPECTION_QUERIES.tables`. @internal */
export interface ConstraintRow {
  /** The oid of the table the row belongs to. */
  readonly table_oid: string;
  readonly name: string;
  readonly type: 'p' | 'u' | 'f' | 'c';
  readonly deferrable: boolean;
  readonly deferred: boolean;
  readonly validated: boolean;
  readonly columns: string[];
  readonly referred_schema: string | null;
  readonly referred_table: string | null;
  readonly referred_columns: string[];
  readonly on_update: string;
  readonly on_delete: string;
  readonly match_type: string;
  /** `pg_get_constraintdef()` of a check constraint; null for the others. */
  readonly definition: string | null;
}

/** An index of `INTROSPECTION_QUERIES.tables`. @internal */
export interface IndexRow {
  /** The oid of the table the row belongs to. */
  readonly table_oid: string;
  readonly name: string;
  readonly is_unique: boolean;
  readonly method: string;
  readonly key_count: number;
  readonly predicate: string | null;
  readonly nulls_not_distinct: boolean | null;
  readonly elements: string[];
  readonly plain_columns: (string | null)[];
}

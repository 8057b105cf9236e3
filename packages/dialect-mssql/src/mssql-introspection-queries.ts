/**
 * The most table names sent as parameters (SQL Server takes 2,100 per request); beyond it the
 * queries read the whole schema and the names are picked out afterwards.
 */
export const MSSQL_MAX_NAME_PARAMETERS = 2000;

/** The tables a query reads: `@p1` is the schema (`NULL` = `SCHEMA_NAME()`), then the names. */
function tableFilter(nameCount: number): string {
  const names =
    nameCount === 0
      ? ''
      : ` AND t.name IN (${Array.from({ length: nameCount }, (_, position) => `@p${position + 2}`).join(', ')})`;
  return `t.schema_id = SCHEMA_ID(COALESCE(@p1, SCHEMA_NAME())) AND t.is_ms_shipped = 0${names}`;
}

/** The catalog queries of one `getTables` call, all taking the same parameters. */
export interface MssqlIntrospectionQueries {
  readonly tables: string;
  readonly columns: string;
  readonly indexes: string;
  readonly foreignKeys: string;
  readonly checks: string;
}

/**
 * The five bulk catalog (`sys.*`) queries that read every table of a schema, or the `nameCount`
 * tables named by `@p2`... (`@p1` is the schema, `NULL` for the session's default schema):
 * tables with their comments, columns (with `sys.types`, identity, `sys.default_constraints`,
 * comments), index columns, foreign key columns, check constraints. Every row carries its
 * table's `object_id`; comments are `MS_Description` extended properties.
 *
 * ```ts
 * const queries = mssqlIntrospectionQueries(1);
 * await connection.query(queries.columns, ['dbo', 'account']);
 * ```
 */
export function mssqlIntrospectionQueries(nameCount = 0): MssqlIntrospectionQueries {
  const where = tableFilter(nameCount);
  return {
    tables: `SELECT t.object_id AS object_id, s.name AS schema_name, t.name AS table_name,
CAST(ep.value AS nvarchar(max)) AS table_comment,
CAST(DATABASEPROPERTYEX(DB_NAME(), 'Collation') AS nvarchar(128)) AS database_collation
FROM sys.tables t
JOIN sys.schemas s ON s.schema_id = t.schema_id
LEFT JOIN sys.extended_properties ep
  ON ep.class = 1 AND ep.major_id = t.object_id AND ep.minor_id = 0 AND ep.name = 'MS_Description'
WHERE ${where}
ORDER BY t.name`,

    columns: `SELECT c.object_id AS object_id, c.name AS column_name,
CASE WHEN ty.is_user_defined = 1 AND ty.is_assembly_type = 0 THEN TYPE_NAME(c.system_type_id) ELSE ty.name END AS type_name,
c.max_length AS max_length, c.[precision] AS [precision], c.scale AS scale, c.is_nullable AS is_nullable,
c.is_identity AS is_identity, c.collation_name AS collation_name,
CAST(ic.seed_value AS bigint) AS identity_seed, CAST(ic.increment_value AS bigint) AS identity_increment,
dc.definition AS default_definition, CAST(ep.value AS nvarchar(max)) AS column_comment
FROM sys.tables t
JOIN sys.columns c ON c.object_id = t.object_id
JOIN sys.types ty ON ty.user_type_id = c.user_type_id
LEFT JOIN sys.identity_columns ic ON ic.object_id = c.object_id AND ic.column_id = c.column_id
LEFT JOIN sys.default_constraints dc ON dc.parent_object_id = c.object_id AND dc.parent_column_id = c.column_id
LEFT JOIN sys.extended_properties ep
  ON ep.class = 1 AND ep.major_id = c.object_id AND ep.minor_id = c.column_id AND ep.name = 'MS_Description'
WHERE ${where}
ORDER BY c.object_id, c.column_id`,

    indexes: `SELECT i.object_id AS object_id, i.name AS index_name, i.is_primary_key AS is_primary_key, i.is_unique AS is_unique,
i.is_unique_constraint AS is_unique_constraint, i.type_desc AS type_desc, i.filter_definition AS filter_definition,
ic.is_included_column AS is_included_column, c.name AS column_name
FROM sys.tables t
JOIN sys.indexes i ON i.object_id = t.object_id
JOIN sys.index_columns ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id
JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
WHERE ${where} AND i.name IS NOT NULL AND i.is_hypothetical = 0
ORDER BY i.object_id, i.name, ic.is_included_column, ic.key_ordinal, ic.index_column_id`,

    foreignKeys: `SELECT fk.parent_object_id AS object_id, fk.name AS constraint_name, pc.name AS column_name, rs.name AS referred_schema,
rt.name AS referred_table, rc.name AS referred_column,
fk.delete_referential_action_desc AS delete_rule, fk.update_referential_action_desc AS update_rule,
SCHEMA_NAME(t.schema_id) AS table_schema
FROM sys.tables t
JOIN sys.foreign_keys fk ON fk.parent_object_id = t.object_id
JOIN sys.foreign_key_columns fkc ON fkc.constraint_object_id = fk.object_id
JOIN sys.columns pc ON pc.object_id = fkc.parent_object_id AND pc.column_id = fkc.parent_column_id
JOIN sys.tables rt ON rt.object_id = fkc.referenced_object_id
JOIN sys.schemas rs ON rs.schema_id = rt.schema_id
JOIN sys.columns rc ON rc.object_id = fkc.referenced_object_id AND rc.column_id = fkc.referenced_column_id
WHERE ${where}
ORDER BY fk.parent_object_id, fk.name, fkc.constraint_column_id`,

    checks: `SELECT cc.parent_object_id AS object_id, cc.name AS constraint_name, cc.definition AS definition
FROM sys.tables t
JOIN sys.check_constraints cc ON cc.parent_object_id = t.object_id
WHERE ${where}
ORDER BY cc.parent_object_id, cc.name`,
  };
}

/** The other catalog queries of the introspector. */
export const MSSQL_INTROSPECTION_QUERIES = {
  /** `@p1`: the schema, `NULL` for the session's default schema. */
  tableNames: `SELECT t.name AS table_name FROM sys.tables t
WHERE t.schema_id = SCHEMA_ID(COALESCE(@p1, SCHEMA_NAME())) AND t.is_ms_shipped = 0
ORDER BY t.name`,

  /** The schemas that hold user objects, without the system ones. */
  schemaNames: `SELECT s.name AS schema_name FROM sys.schemas s
WHERE s.name NOT IN ('sys', 'INFORMATION_SCHEMA', 'guest')
  AND s.name NOT LIKE 'db[_]%'
ORDER BY s.name`,

  defaultSchemaName: 'SELECT SCHEMA_NAME() AS schema_name',
} as const;

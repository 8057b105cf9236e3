/**
 * The catalog (`sys.*`) queries of the introspector. `tableNames` and `table` take `@p1`, the
 * schema (`NULL` for the session's default schema), and `table` also `@p2`, the table name;
 * the others take `@p1`, the table's `object_id`. Comments are `MS_Description` extended
 * properties.
 */
export const MSSQL_INTROSPECTION_QUERIES = {
  tableNames: `SELECT t.name AS table_name FROM sys.tables t
WHERE t.schema_id = SCHEMA_ID(COALESCE(@p1, SCHEMA_NAME())) AND t.is_ms_shipped = 0
ORDER BY t.name`,

  table: `SELECT t.object_id AS object_id, s.name AS schema_name, t.name AS table_name,
CAST(ep.value AS nvarchar(max)) AS table_comment,
CAST(DATABASEPROPERTYEX(DB_NAME(), 'Collation') AS nvarchar(128)) AS database_collation
FROM sys.tables t
JOIN sys.schemas s ON s.schema_id = t.schema_id
LEFT JOIN sys.extended_properties ep
  ON ep.class = 1 AND ep.major_id = t.object_id AND ep.minor_id = 0 AND ep.name = 'MS_Description'
WHERE s.name = COALESCE(@p1, SCHEMA_NAME()) AND t.name = @p2`,

  columns: `SELECT c.name AS column_name,
CASE WHEN ty.is_user_defined = 1 AND ty.is_assembly_type = 0 THEN TYPE_NAME(c.system_type_id) ELSE ty.name END AS type_name,
c.max_length AS max_length, c.[precision] AS [precision], c.scale AS scale, c.is_nullable AS is_nullable,
c.is_identity AS is_identity, c.collation_name AS collation_name,
CAST(ic.seed_value AS bigint) AS identity_seed, CAST(ic.increment_value AS bigint) AS identity_increment,
dc.definition AS default_definition, CAST(ep.value AS nvarchar(max)) AS column_comment
FROM sys.columns c
JOIN sys.types ty ON ty.user_type_id = c.user_type_id
LEFT JOIN sys.identity_columns ic ON ic.object_id = c.object_id AND ic.column_id = c.column_id
LEFT JOIN sys.default_constraints dc ON dc.parent_object_id = c.object_id AND dc.parent_column_id = c.column_id
LEFT JOIN sys.extended_properties ep
  ON ep.class = 1 AND ep.major_id = c.object_id AND ep.minor_id = c.column_id AND ep.name = 'MS_Description'
WHERE c.object_id = @p1
ORDER BY c.column_id`,

  indexes: `SELECT i.name AS index_name, i.is_primary_key AS is_primary_key, i.is_unique AS is_unique,
i.is_unique_constraint AS is_unique_constraint, i.type_desc AS type_desc, i.filter_definition AS filter_definition,
ic.is_included_column AS is_included_column, c.name AS column_name
FROM sys.indexes i
JOIN sys.index_columns ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id
JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
WHERE i.object_id = @p1 AND i.name IS NOT NULL AND i.is_hypothetical = 0
ORDER BY i.name, ic.is_included_column, ic.key_ordinal, ic.index_column_id`,

  foreignKeys: `SELECT fk.name AS constraint_name, pc.name AS column_name, rs.name AS referred_schema,
rt.name AS referred_table, rc.name AS referred_column,
fk.delete_referential_action_desc AS delete_rule, fk.update_referential_action_desc AS update_rule,
SCHEMA_NAME(OBJECTPROPERTY(fk.parent_object_id, 'SchemaId')) AS table_schema
FROM sys.foreign_keys fk
JOIN sys.foreign_key_columns fkc ON fkc.constraint_object_id = fk.object_id
JOIN sys.columns pc ON pc.object_id = fkc.parent_object_id AND pc.column_id = fkc.parent_column_id
JOIN sys.tables rt ON rt.object_id = fkc.referenced_object_id
JOIN sys.schemas rs ON rs.schema_id = rt.schema_id
JOIN sys.columns rc ON rc.object_id = fkc.referenced_object_id AND rc.column_id = fkc.referenced_column_id
WHERE fk.parent_object_id = @p1
ORDER BY fk.name, fkc.constraint_column_id`,

  checks: `SELECT cc.name AS constraint_name, cc.definition AS definition
FROM sys.check_constraints cc WHERE cc.parent_object_id = @p1 ORDER BY cc.name`,
} as const;

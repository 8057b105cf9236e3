import type { MysqlFlavour } from './mysql-flavour.js';

/**
 * The `information_schema` queries of the introspector. Each takes `?` parameters: the schema
 * (`NULL` for the current database) and, for one table, the table name. Names are compared
 * case-insensitively by `information_schema`; the introspector keeps exact matches.
 */
export const MYSQL_INTROSPECTION_QUERIES = {
  tableNames: `SELECT TABLE_NAME AS table_name FROM information_schema.TABLES
WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED') ORDER BY TABLE_NAME`,

  table: `SELECT TABLE_SCHEMA AS table_schema, TABLE_NAME AS table_name, TABLE_COMMENT AS table_comment,
TABLE_COLLATION AS table_collation, @@lower_case_table_names AS lower_case_table_names
FROM information_schema.TABLES WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ?
AND TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED')`,

  columns: `SELECT TABLE_NAME AS table_name, COLUMN_NAME AS column_name, COLUMN_TYPE AS column_type,
IS_NULLABLE AS is_nullable, COLUMN_DEFAULT AS column_default, EXTRA AS extra, COLUMN_COMMENT AS column_comment,
COLLATION_NAME AS collation_name
FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION`,

  foreignKeys: `SELECT k.TABLE_NAME AS table_name, k.CONSTRAINT_NAME AS constraint_name, k.COLUMN_NAME AS column_name,
k.REFERENCED_TABLE_SCHEMA AS referenced_schema, k.REFERENCED_TABLE_NAME AS referenced_table,
k.REFERENCED_COLUMN_NAME AS referenced_column, r.UPDATE_RULE AS update_rule, r.DELETE_RULE AS delete_rule
FROM information_schema.KEY_COLUMN_USAGE k
JOIN information_schema.REFERENTIAL_CONSTRAINTS r
  ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME
WHERE k.TABLE_SCHEMA = ? AND k.TABLE_NAME = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL
ORDER BY k.CONSTRAINT_NAME, k.ORDINAL_POSITION`,
} as const;

/** `information_schema.STATISTICS`; MySQL 8 also reports functional index parts (`EXPRESSION`). */
export function indexQuery(flavour: MysqlFlavour): string {
  const expression = flavour === 'mysql' ? 'EXPRESSION' : 'NULL';
  return `SELECT TABLE_NAME AS table_name, INDEX_NAME AS index_name, NON_UNIQUE AS non_unique, COLUMN_NAME AS column_name,
SUB_PART AS sub_part, INDEX_TYPE AS index_type, ${expression} AS expression
FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY INDEX_NAME, SEQ_IN_INDEX`;
}

/**
 * CHECK constraints: MariaDB's `CHECK_CONSTRAINTS` names the table (check names are per table)
 * and says whether a check was declared on a column (`LEVEL`); MySQL 8.0.16+ joins
 * `TABLE_CONSTRAINTS` for the table.
 */
export function checkQuery(flavour: MysqlFlavour): string {
  return flavour === 'mariadb'
    ? `SELECT TABLE_NAME AS table_name, CONSTRAINT_NAME AS constraint_name, CHECK_CLAUSE AS check_clause, LEVEL AS level
FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ? AND TABLE_NAME = ? ORDER BY CONSTRAINT_NAME`
    : `SELECT tc.TABLE_NAME AS table_name, cc.CONSTRAINT_NAME AS constraint_name, cc.CHECK_CLAUSE AS check_clause, 'Table' AS level
FROM information_schema.TABLE_CONSTRAINTS tc
JOIN information_schema.CHECK_CONSTRAINTS cc ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
WHERE tc.TABLE_SCHEMA = ? AND tc.TABLE_NAME = ? AND tc.CONSTRAINT_TYPE = 'CHECK' ORDER BY cc.CONSTRAINT_NAME`;
}

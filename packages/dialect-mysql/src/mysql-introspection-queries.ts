import type { MysqlFlavour } from './mysql-flavour.js';

/** Which tables a bulk introspection query reads: one schema, all its tables or some of them. */
export interface MysqlTableScope {
  /** The schema (database); the connection's current database when unset. */
  readonly schema?: string;
  /** Only these table names (compared as `information_schema` compares them); all when unset. */
  readonly tableNames?: readonly string[];
}

/** One catalog query: its SQL with `?` placeholders, and their values. */
export interface MysqlCatalogQuery {
  readonly sql: string;
  readonly parameters: readonly unknown[];
}

/** The queries that do not depend on a table scope. */
export const MYSQL_INTROSPECTION_QUERIES = {
  /** Names of the base tables of a schema (`?`: the schema, `NULL` for the current database). */
  tableNames: `SELECT TABLE_NAME AS table_name FROM information_schema.TABLES
WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED') ORDER BY TABLE_NAME`,

  /** The schemas (databases) of the server, without the system ones. */
  schemaNames: `SELECT SCHEMA_NAME AS schema_name FROM information_schema.SCHEMATA
WHERE SCHEMA_NAME NOT IN ('mysql', 'information_schema', 'performance_schema', 'sys') ORDER BY SCHEMA_NAME`,

  /** The connection's current database. */
  defaultSchemaName: 'SELECT DATABASE() AS schema_name',
} as const;

/**
 * `<schemaColumn> = COALESCE(?, DATABASE()) [AND <tableColumn> IN (?, ...)]` with its
 * parameters. The number of placeholders follows the names asked for; the number of queries
 * does not.
 */
function scopeFilter(scope: MysqlTableScope, schemaColumn: string, tableColumn: string): MysqlCatalogQuery {
  const names = scope.tableNames ?? [];
  const schemaFilter = `${schemaColumn} = COALESCE(?, DATABASE())`;
  return scope.tableNames === undefined
    ? { sql: schemaFilter, parameters: [scope.schema ?? null] }
    : {
        sql: `${schemaFilter} AND ${tableColumn} IN (${names.map(() => '?').join(', ')})`,
        parameters: [scope.schema ?? null, ...names],
      };
}

/** `information_schema.TABLES`: the base tables of the scope with their comment and collation. */
export function tablesQuery(scope: MysqlTableScope): MysqlCatalogQuery {
  const filter = scopeFilter(scope, 'TABLE_SCHEMA', 'TABLE_NAME');
  return {
    sql: `SELECT TABLE_SCHEMA AS table_schema, TABLE_NAME AS table_name, TABLE_COMMENT AS table_comment,
TABLE_COLLATION AS table_collation, @@lower_case_table_names AS lower_case_table_names
FROM information_schema.TABLES WHERE ${filter.sql} AND TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED')
ORDER BY TABLE_NAME`,
    parameters: filter.parameters,
  };
}

/** `information_schema.COLUMNS`: the columns of every table of the scope, in table order. */
export function columnsQuery(scope: MysqlTableScope): MysqlCatalogQuery {
  const filter = scopeFilter(scope, 'TABLE_SCHEMA', 'TABLE_NAME');
  return {
    sql: `SELECT TABLE_NAME AS table_name, COLUMN_NAME AS column_name, COLUMN_TYPE AS column_type,
IS_NULLABLE AS is_nullable, COLUMN_DEFAULT AS column_default, EXTRA AS extra, COLUMN_COMMENT AS column_comment,
COLLATION_NAME AS collation_name
FROM information_schema.COLUMNS WHERE ${filter.sql} ORDER BY TABLE_NAME, ORDINAL_POSITION`,
    parameters: filter.parameters,
  };
}

/** `KEY_COLUMN_USAGE` joined with `REFERENTIAL_CONSTRAINTS`: one row per foreign key column. */
export function foreignKeysQuery(scope: MysqlTableScope): MysqlCatalogQuery {
  const filter = scopeFilter(scope, 'k.TABLE_SCHEMA', 'k.TABLE_NAME');
  return {
    sql: `SELECT k.TABLE_NAME AS table_name, k.CONSTRAINT_NAME AS constraint_name, k.COLUMN_NAME AS column_name,
k.REFERENCED_TABLE_SCHEMA AS referenced_schema, k.REFERENCED_TABLE_NAME AS referenced_table,
k.REFERENCED_COLUMN_NAME AS referenced_column, r.UPDATE_RULE AS update_rule, r.DELETE_RULE AS delete_rule
FROM information_schema.KEY_COLUMN_USAGE k
JOIN information_schema.REFERENTIAL_CONSTRAINTS r
  ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME
WHERE ${filter.sql} AND k.REFERENCED_TABLE_NAME IS NOT NULL
ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION`,
    parameters: filter.parameters,
  };
}

/**
 * `information_schema.STATISTICS`: one row per index part; MySQL 8 also reports functional
 * index parts (`EXPRESSION`).
 */
export function indexesQuery(flavour: MysqlFlavour, scope: MysqlTableScope): MysqlCatalogQuery {
  const filter = scopeFilter(scope, 'TABLE_SCHEMA', 'TABLE_NAME');
  const expression = flavour === 'mysql' ? 'EXPRESSION' : 'NULL';
  return {
    sql: `SELECT TABLE_NAME AS table_name, INDEX_NAME AS index_name, NON_UNIQUE AS non_unique, COLUMN_NAME AS column_name,
SUB_PART AS sub_part, INDEX_TYPE AS index_type, ${expression} AS expression
FROM information_schema.STATISTICS WHERE ${filter.sql} ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`,
    parameters: filter.parameters,
  };
}

/**
 * CHECK constraints: MariaDB's `CHECK_CONSTRAINTS` names the table (check names are per table)
 * and says whether a check was declared on a column (`LEVEL`); MySQL 8.0.16+ joins
 * `TABLE_CONSTRAINTS` for the table.
 */
export function checksQuery(flavour: MysqlFlavour, scope: MysqlTableScope): MysqlCatalogQuery {
  if (flavour === 'mariadb') {
    const filter = scopeFilter(scope, 'CONSTRAINT_SCHEMA', 'TABLE_NAME');
    return {
      sql: `SELECT TABLE_NAME AS table_name, CONSTRAINT_NAME AS constraint_name, CHECK_CLAUSE AS check_clause, LEVEL AS level
FROM information_schema.CHECK_CONSTRAINTS WHERE ${filter.sql} ORDER BY TABLE_NAME, CONSTRAINT_NAME`,
      parameters: filter.parameters,
    };
  }
  const filter = scopeFilter(scope, 'tc.TABLE_SCHEMA', 'tc.TABLE_NAME');
  return {
    sql: `SELECT tc.TABLE_NAME AS table_name, cc.CONSTRAINT_NAME AS constraint_name, cc.CHECK_CLAUSE AS check_clause, 'Table' AS level
FROM information_schema.TABLE_CONSTRAINTS tc
JOIN information_schema.CHECK_CONSTRAINTS cc ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
WHERE ${filter.sql} AND tc.CONSTRAINT_TYPE = 'CHECK' ORDER BY tc.TABLE_NAME, cc.CONSTRAINT_NAME`,
    parameters: filter.parameters,
  };
}

/**
 * @alembic/dialect-mysql: MySQL 8 and MariaDB 10.11 for @alembic. DDL compiler, introspector,
 * migration lock (`GET_LOCK`) and error translation over the `mysql2` driver (a peer
 * dependency, loaded only when a connection opens).
 *
 * @packageDocumentation
 */

export { mariadbDialect, mysql, mysqlDialect } from './mysql-dialect.js';
export type { MysqlDialectOptions } from './mysql-dialect-options.js';
export { capabilitiesOfFlavour, mariadbCapabilities, mysqlCapabilities } from './mysql-capabilities.js';
export { detectMysqlFlavour, flavourOfUrl, type MysqlFlavour } from './mysql-flavour.js';
export { MysqlDdlCompiler, type MysqlDdlCompilerOptions } from './mysql-ddl-compiler.js';
export {
  planMysqlAlterColumn,
  type MysqlAlterColumnPlan,
  type MysqlColumnRestatement,
} from './mysql-alter-column-plan.js';
export { mysqlExistingTypeError } from './mysql-existing-type-error.js';
export {
  readMysqlIndexOptions,
  type MysqlIndexOptions,
  type ResolvedMysqlIndexOptions,
} from './mysql-index-options.js';
export { MYSQL_RESERVED_WORDS } from './mysql-reserved-words.js';
export { MysqlConnection, type MysqlConnectionOptions } from './mysql-connection.js';
export { connectMysql } from './mysql-connect.js';
export {
  isMysqlCallbackClient,
  isMysqlClient,
  isMysqlPool,
  type MysqlCallbackClient,
  type MysqlClient,
  type MysqlExistingClient,
  type MysqlPool,
  type MysqlPoolClient,
} from './mysql-client.js';
export { toQueryResult } from './mysql-query-result.js';
export { parseMysqlUrl, type MysqlUrl } from './mysql-url.js';
export { MysqlIntrospector } from './mysql-introspector.js';
export {
  MYSQL_INTROSPECTION_QUERIES,
  checksQuery,
  columnsQuery,
  foreignKeysQuery,
  indexesQuery,
  tablesQuery,
  type MysqlCatalogQuery,
  type MysqlTableScope,
} from './mysql-introspection-queries.js';
export { MysqlSchemaNormalizer, type MysqlSchemaNormalizerOptions } from './mysql-schema-normalizer.js';
export { canonicalMysqlColumnType, isMysqlNumericColumnType } from './mysql-column-type-text.js';
export { canonicalMysqlDefault, type MysqlDefaultTextOptions } from './mysql-default-text.js';
export { isMysqlGeneratedName } from './mysql-generated-names.js';
export {
  buildReflectedTable,
  type MysqlCheckRow,
  type MysqlColumnRow,
  type MysqlForeignKeyRow,
  type MysqlIndexRow,
  type MysqlTableRows,
} from './mysql-reflected-table.js';
export {
  parseMysqlColumnType,
  parseMysqlStringList,
  unescapeCharacter,
  type MysqlTypeDetails,
} from './mysql-type-parser.js';
export { parseMysqlDefault } from './mysql-default-parser.js';
export { acquireMysqlMigrationLock, mysqlLockName } from './mysql-migration-lock.js';
export { translateMysqlError } from './mysql-error-translator.js';
export {
  MysqlDatabaseError,
  type MysqlDatabaseErrorCode,
  type MysqlDatabaseErrorDetails,
} from './mysql-database-error.js';
export { scrubSecret } from './mysql-secret-scrubber.js';

/**
 * `@alembic/testing`'s conformance suite on the live MySQL / MariaDB server
 * (`ALEMBIC_TEST_MYSQL_URL`, default the MariaDB at 127.0.0.1:3306 database `test`): each
 * feature suite works in a fresh database (`alembic_test_<random>`), dropped afterwards; the
 * dialect is the one `mysql://` URLs get, which detects MariaDB when it connects. Unreachable
 * server: the live part is skipped with a notice, or fails with `ALEMBIC_TEST_REQUIRE_SERVERS=1`.
 */
import { defineDialectConformanceSuite, defineGoldenSqlSuite } from '@alembic/testing';
import { mariadbDialect, mysql } from '../src/mysql-dialect.js';
import { MARIADB_GOLDEN_SQL, MYSQL_GOLDEN_SQL } from './support/mysql-golden-sql.js';
import { createTestDatabase, mysqlUnavailableReason } from './support/mysql-test-server.js';

const dialect = mysql();

// The MariaDB flavour offline (the suite below states the MySQL one, `mysql()`'s offline default).
defineGoldenSqlSuite(mariadbDialect, MARIADB_GOLDEN_SQL);

defineDialectConformanceSuite({
  dialect,
  goldenSql: MYSQL_GOLDEN_SQL,
  ...(mysqlUnavailableReason === undefined ? {} : { unavailableReason: mysqlUnavailableReason }),
  createDatabase: async () => {
    const database = await createTestDatabase();
    return {
      url: database.url,
      connect: () => dialect.connect(database.url),
      dispose: () => database.drop(),
    };
  },
});

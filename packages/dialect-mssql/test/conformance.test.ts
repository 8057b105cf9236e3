/**
 * `@alembic/testing`'s conformance suite on a live SQL Server (`ALEMBIC_TEST_MSSQL_URL`): each
 * feature suite works in a database of its own (`alembic_test_<random>`), dropped afterwards.
 * As the package's other live tests (`describeLive`): without the variable the whole suite is
 * skipped with a notice, even under `ALEMBIC_TEST_REQUIRE_SERVERS=1` (this project's machines
 * and CI have no SQL Server); set but unreachable, it is skipped the same way, or, with
 * `ALEMBIC_TEST_REQUIRE_SERVERS=1`, fails.
 */
import { defineDialectConformanceSuite } from '@alembic/testing';
import { mssql } from '../src/mssql-dialect.js';
import { createTestDatabase, describeLive } from './support/mssql-test-server.js';

const dialect = mssql();

describeLive('SQL Server conformance', () => {
  defineDialectConformanceSuite({
    dialect,
    createDatabase: async () => {
      const database = await createTestDatabase();
      return {
        url: database.url,
        connect: () => dialect.connect(database.url),
        dispose: () => database.drop(),
      };
    },
  });
});

/**
 * `@alembic/testing`'s conformance suite on the live PostgreSQL server
 * (`ALEMBIC_TEST_POSTGRES_URL`, default 127.0.0.1:5432 database `test`): each feature suite works
 * in a fresh schema (its connections' `search_path`), dropped afterwards. Unreachable server:
 * the live part is skipped with a notice, or fails with `ALEMBIC_TEST_REQUIRE_SERVERS=1`.
 */
import { defineDialectConformanceSuite } from '@alembic/testing';
import { postgres } from '../src/postgres-dialect.js';
import { POSTGRES_GOLDEN_SQL } from './support/postgres-golden-sql.js';
import { POSTGRES_URL, postgresUnavailableReason, uniqueSchemaName } from './support/live-postgres.js';

const dialect = postgres();

defineDialectConformanceSuite({
  dialect,
  goldenSql: POSTGRES_GOLDEN_SQL,
  ...(postgresUnavailableReason === undefined ? {} : { unavailableReason: postgresUnavailableReason }),
  createDatabase: async (label) => {
    const schema = uniqueSchemaName(`conformance_${label}`);
    const admin = await dialect.connect(POSTGRES_URL);
    await admin.execute(`CREATE SCHEMA ${schema}`);
    return {
      url: POSTGRES_URL,
      connect: async () => {
        const connection = await dialect.connect(POSTGRES_URL);
        await connection.execute(`SET search_path TO ${schema}`);
        return connection;
      },
      dispose: async () => {
        try {
          await admin.execute(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        } finally {
          await admin.close();
        }
      },
    };
  },
});

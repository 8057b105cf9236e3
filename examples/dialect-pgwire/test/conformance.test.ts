/**
 * The third-party path: `@alembic/testing`'s conformance suite run on the example pgwire
 * dialect, live against the local PostgreSQL (a fresh schema per feature suite, reached through
 * `pgwire://...?schema=`). The suite reads the dialect's declared capabilities, so it checks
 * the non-transactional behaviour this dialect declares, its lock table and its types.
 */
import { defineDialectConformanceSuite } from '@alembic/testing';
import { pgwire } from '../src/pgwire-dialect.js';
import { PGWIRE_GOLDEN_SQL } from './support/pgwire-golden-sql.js';
import { PGWIRE_URL, pgwireUnavailableReason, uniqueSchemaName, urlWithSchema } from './support/live-server.js';

const dialect = pgwire();

defineDialectConformanceSuite({
  dialect,
  goldenSql: PGWIRE_GOLDEN_SQL,
  ...(pgwireUnavailableReason === undefined ? {} : { unavailableReason: pgwireUnavailableReason }),
  createDatabase: async (label) => {
    const schema = uniqueSchemaName(label);
    const admin = await dialect.connect(PGWIRE_URL);
    await admin.execute(`CREATE SCHEMA ${schema}`);
    const url = urlWithSchema(schema);
    return {
      url,
      connect: () => dialect.connect(url),
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

/**
 * `@alembic/testing`'s conformance suite on SQLite, live: each feature suite works in a fresh
 * database file in a temporary directory. SQLite is embedded, so this always runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineDialectConformanceSuite } from '@alembic/testing';
import { sqliteDialect } from '../src/sqlite-dialect.js';
import { SQLITE_GOLDEN_SQL } from './support/sqlite-golden-sql.js';
import { sqliteFileUrl } from './support/temporary-directory.js';

defineDialectConformanceSuite({
  dialect: sqliteDialect,
  goldenSql: SQLITE_GOLDEN_SQL,
  createDatabase: async (label) => {
    const directory = mkdtempSync(join(tmpdir(), `alembic-conformance-${label}-`));
    const url = sqliteFileUrl(directory, 'conformance.db');
    return {
      url,
      connect: () => sqliteDialect.connect(url),
      dispose: async () => rmSync(directory, { recursive: true, force: true }),
    };
  },
});

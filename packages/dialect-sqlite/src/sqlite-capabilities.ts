import { defineCapabilities } from '@alembic/core/dialect';
import type { DialectCapabilities } from '@alembic/core/dialect';

/**
 * What SQLite can do, stated as the differences from core's `defaultCapabilities`:
 *
 * - `transactionalDdl: true`: SQLite's DDL is transactional, so each run is wrapped in one
 *   transaction and a failed migration leaves nothing behind (Python Alembic cannot do this).
 * - `requiresBatchRecreate: true`: most column and constraint changes need the table rebuilt
 *   (move and copy), so `batchAlterTable` rebuilds by default.
 * - `supportsAlterColumnType: false`, `supportsAlterConstraints: false`: no `ALTER COLUMN`, no
 *   `ADD/DROP CONSTRAINT`; the compiler refuses them with a pointer to batch mode.
 * - `supportsComments: false`, `supportsSchemas: false`: SQLite has neither (attached databases
 *   are not schemas in the SQL sense).
 * - `supportsPartialIndexes: true`: `CREATE INDEX ... WHERE`.
 * - `dropColumnDropsConstraints`: a batch `dropColumn` rebuilds the table without the unique
 *   constraints and foreign keys on the column.
 *
 * Everything else is the default: `;` terminators, `IF [NOT] EXISTS` on tables and indexes,
 * `DEFERRABLE` foreign keys, no native boolean (`BOOLEAN` holding `0`/`1`), enum or UUID.
 */
export const sqliteCapabilities: DialectCapabilities = defineCapabilities({
  transactionalDdl: true,
  requiresBatchRecreate: true,
  supportsAlterColumnType: false,
  supportsAlterConstraints: false,
  supportsComments: false,
  supportsSchemas: false,
  supportsPartialIndexes: true,
  dropColumnDropsConstraints: ['uniqueConstraint', 'foreignKeyConstraint'],
});

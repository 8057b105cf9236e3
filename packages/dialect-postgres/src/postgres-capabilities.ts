import { defineCapabilities } from '@alembic/core/dialect';
import type { DialectCapabilities } from '@alembic/core/dialect';

/**
 * What PostgreSQL can do, stated as the differences from core's `defaultCapabilities`:
 *
 * - `transactionalDdl: true`: DDL runs inside transactions and rolls back with them, so a
 *   failed migration leaves nothing behind and the version table is unchanged.
 * - `supportsPartialIndexes: true`: `CREATE INDEX ... WHERE condition`.
 * - `nativeEnum: true`: named enum types (`CREATE TYPE ... AS ENUM`), created before the tables
 *   that use them.
 * - `nativeBoolean: true`, `nativeUuid: true`: `BOOLEAN` with `true`/`false` literals, `UUID`.
 * - `supportsIdentityColumns: true`: `GENERATED { ALWAYS | BY DEFAULT } AS IDENTITY (...)`.
 * - `dropColumnDropsConstraints`: unique constraints and foreign keys go with their columns.
 * - `supportsStatementTimeout: true`: `--statement-timeout` sets the session's `statement_timeout`.
 *
 * Everything else is the default: schemas (`schema.table`), ALTER of column types and of
 * constraints, table and column comments (`COMMENT ON`), `IF [NOT] EXISTS`, deferrable
 * constraints, `;` terminators and reliable row counts.
 */
export const postgresCapabilities: DialectCapabilities = defineCapabilities({
  transactionalDdl: true,
  supportsPartialIndexes: true,
  nativeEnum: true,
  nativeBoolean: true,
  nativeUuid: true,
  supportsIdentityColumns: true,
  dropColumnDropsConstraints: ['uniqueConstraint', 'foreignKeyConstraint'],
  supportsStatementTimeout: true,
});

import { defineCapabilities } from '@alembic/core/dialect';
import type { DialectCapabilities } from '@alembic/core/dialect';
import type { MysqlFlavour } from './mysql-flavour.js';

/**
 * What MySQL 8 can do, stated as the differences from core's `defaultCapabilities`:
 *
 * - `transactionalDdl: false` (the default, stated here because it matters most): every DDL
 *   statement commits implicitly, so a failed migration leaves its completed statements behind;
 *   the runtime runs one transaction per migration so the version table shows the last one that
 *   completed.
 * - `supportsDeferrable: false`: no `DEFERRABLE` constraints.
 * - `nativeEnum: true`: `ENUM('a','b')` inline in the column.
 * - `nativeBoolean: false`: `BOOL` is `TINYINT(1)`, holding `1`/`0`.
 * - `nativeUuid: false`: UUIDs are `CHAR(36)`.
 * - `foreignKeysCreateIndex: true`: a foreign key gets an index on its columns (named after the
 *   constraint) unless one leads with them, and the index stays when the key is dropped.
 * - `dropColumnDropsConstraints: ['uniqueConstraint']`: dropping a column drops a unique key on
 *   it, while a foreign key on it blocks the drop.
 * - `supportsStatementTimeout: true`: `max_execution_time`, which MySQL applies to read-only
 *   `SELECT` statements only (MariaDB's `max_statement_time` covers every statement).
 * - `supportsIfExists: true` for tables only; the compiler refuses `IF [NOT] EXISTS` on
 *   columns, indexes and constraints, which MySQL lacks.
 *
 * Schemas are MySQL databases (`shop.account`); partial indexes do not exist.
 */
export const mysqlCapabilities: DialectCapabilities = defineCapabilities({
  transactionalDdl: false,
  supportsDeferrable: false,
  supportsPartialIndexes: false,
  nativeEnum: true,
  nativeBoolean: false,
  nativeUuid: false,
  foreignKeysCreateIndex: true,
  dropColumnDropsConstraints: ['uniqueConstraint'],
  supportsStatementTimeout: true,
});

/**
 * What MariaDB 10.11 can do: {@link mysqlCapabilities} with a native `UUID` type (MariaDB
 * 10.7+); MariaDB also has `IF [NOT] EXISTS` on columns, indexes and constraints.
 */
export const mariadbCapabilities: DialectCapabilities = defineCapabilities({
  ...mysqlCapabilities,
  nativeUuid: true,
});

/** The capabilities of a flavour. */
export function capabilitiesOfFlavour(flavour: MysqlFlavour): DialectCapabilities {
  return flavour === 'mariadb' ? mariadbCapabilities : mysqlCapabilities;
}

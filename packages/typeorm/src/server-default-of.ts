import type { ServerDefault } from '@alembic/core';
import { sql } from '@alembic/core';
import type { TypeOrmTargetDialect } from './target-dialect.js';
import type { TypeOrmColumn, TypeOrmDriver } from './typeorm-shapes.js';

/**
 * The server default of a TypeORM column:
 * - `default: () => 'now()'` is SQL: `sql('now()')`;
 * - a string (an enum value too) is a value: the string, written as a quoted literal;
 * - a number, boolean, object or array is written as TypeORM's driver writes it (`true` on
 *   PostgreSQL, `1` on MySQL, `'{"a":1}'` for JSON): `sql(<that text>)`;
 * - `null` or no default: none;
 * - a generated `uuid` column gets the database's generator where TypeORM declares one:
 *   `uuid_generate_v4()` (or `gen_random_uuid()` with `uuidExtension: 'pgcrypto'`) on
 *   PostgreSQL, `newsequentialid()` on SQL Server; elsewhere TypeORM makes uuids in the client.
 */
export function serverDefaultOf(
  column: TypeOrmColumn,
  driver: TypeOrmDriver,
  dialect: TypeOrmTargetDialect,
): ServerDefault | undefined {
  if (column.isGenerated && column.generationStrategy === 'uuid') {
    if (dialect === 'postgres') return sql(driver.uuidGenerator ?? 'uuid_generate_v4()');
    if (dialect === 'mssql') return sql('newsequentialid()');
    return undefined;
  }
  const value = column.default;
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'function') return sql(String((value as () => unknown)()));
  if (typeof value === 'string') return value;
  const written = driver.normalizeDefault(column);
  return written === undefined ? undefined : sql(written);
}

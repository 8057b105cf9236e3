import { defineCapabilities } from '@alembic/core/dialect';
import type { DialectCapabilities } from '@alembic/core/dialect';

/**
 * What the pgwire database can do, stated as differences from core's `defaultCapabilities`
 * (the conformance suite reads these flags to decide what to test):
 *
 * - `transactionalDdl: false`: this database's schema changes commit on their own (as
 *   CockroachDB's do in practice), so the runtime runs one transaction per migration and the
 *   version table shows the last migration that completed after a failure.
 * - `supportsPartialIndexes: true`, `nativeBoolean: true`, `nativeUuid: true`.
 * - `nativeEnum: false`: enums are `VARCHAR(n)` (plus a CHECK when asked).
 */
export const pgwireCapabilities: DialectCapabilities = defineCapabilities({
  transactionalDdl: false,
  supportsPartialIndexes: true,
  nativeBoolean: true,
  nativeUuid: true,
  nativeEnum: false,
});

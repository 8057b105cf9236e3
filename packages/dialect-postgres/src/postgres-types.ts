import { rawType } from '@alembic/core/dialect';
import type { RawType } from '@alembic/core/dialect';

/**
 * `JSONB`: PostgreSQL's binary JSON, as a raw type of core's schema model (which has `json()`
 * for `JSON`). What the introspector returns for `jsonb` columns.
 *
 * ```ts
 * column('payload', jsonb(), { nullable: false, serverDefault: '{}' });
 * ```
 */
export function jsonb(): RawType {
  return rawType('JSONB');
}

import { InvalidSchemaError, rawType } from '@alembic/core/dialect';
import type { RawType } from '@alembic/core/dialect';

/**
 * `NVARCHAR(length)`: Unicode text (SQLAlchemy's `Unicode`), `NVARCHAR(max)` without a length.
 * Core's `string()` is `VARCHAR`, as SQLAlchemy's `String` is; the version table uses it too.
 *
 * ```ts
 * column('description', nvarchar(200)); // description NVARCHAR(200) NULL
 * ```
 */
export function nvarchar(length?: number | 'max'): RawType {
  if (length !== undefined && length !== 'max' && !(Number.isInteger(length) && length > 0 && length <= 4000)) {
    throw new InvalidSchemaError(`NVARCHAR length must be 1 to 4000 or 'max'; got ${String(length)}`);
  }
  return rawType(`NVARCHAR(${length ?? 'max'})`);
}

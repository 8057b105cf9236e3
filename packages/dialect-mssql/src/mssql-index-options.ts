import { InvalidOperationError } from '@alembic/core/dialect';

/** `dialectOptions.mssql` of an index, read and checked. */
export interface MssqlIndexOptions {
  /** `CREATE CLUSTERED INDEX` (true) or `CREATE NONCLUSTERED INDEX` (false); unset: neither said. */
  readonly clustered?: boolean;
  /** Non-key columns stored in the index: `INCLUDE (a, b)` (Alembic's `mssql_include`). */
  readonly include: readonly string[];
  /** A filter, `WHERE condition` (Alembic's `mssql_where`; the index's own `where` also works). */
  readonly where?: string;
}

/**
 * Reads an index's SQL Server options: `{ clustered: true, include: ['email'], where: 'a > 1' }`.
 * Anything else in `dialectOptions.mssql` is refused rather than ignored.
 *
 * ```ts
 * readMssqlIndexOptions({ include: ['email'] }); // { include: ['email'] }
 * ```
 */
export function readMssqlIndexOptions(options: Readonly<Record<string, unknown>>): MssqlIndexOptions {
  const { clustered, include, where, ...unknown } = options;
  const unknownKeys = Object.keys(unknown);
  if (unknownKeys.length > 0) {
    throw new InvalidOperationError(
      `Unknown SQL Server index option(s) ${unknownKeys.join(', ')}; known: clustered, include, where`,
    );
  }
  if (clustered !== undefined && typeof clustered !== 'boolean') {
    throw new InvalidOperationError('The SQL Server index option clustered must be true or false');
  }
  if (include !== undefined && !(Array.isArray(include) && include.every((name) => typeof name === 'string'))) {
    throw new InvalidOperationError('The SQL Server index option include must be a list of column names');
  }
  if (where !== undefined && typeof where !== 'string') {
    throw new InvalidOperationError('The SQL Server index option where must be an SQL condition (a string)');
  }
  return {
    include: (include as readonly string[] | undefined) ?? [],
    ...(clustered === undefined ? {} : { clustered }),
    ...(where === undefined ? {} : { where }),
  };
}

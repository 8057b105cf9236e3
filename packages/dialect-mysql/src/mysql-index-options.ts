import { InvalidOperationError } from '@alembic/core/dialect';

/** What `dialectOptions.mysql` of an index may hold (SQLAlchemy's `mysql_prefix`, `mysql_length`, `mysql_using`). */
export interface MysqlIndexOptions {
  /** `'FULLTEXT'` or `'SPATIAL'`: `CREATE FULLTEXT INDEX ...`. */
  readonly prefix?: 'FULLTEXT' | 'SPATIAL';
  /** Key prefix length: one number for every column, or one per column name. */
  readonly length?: number | Readonly<Record<string, number>>;
  /** `'BTREE'` or `'HASH'`: `... USING BTREE`. */
  readonly using?: 'BTREE' | 'HASH';
}

/** {@link MysqlIndexOptions}, checked, with the prefix length of each column resolved. */
export interface ResolvedMysqlIndexOptions {
  readonly prefix: 'FULLTEXT' | 'SPATIAL' | undefined;
  readonly using: 'BTREE' | 'HASH' | undefined;
  lengthOf(columnName: string): number | undefined;
}

const PREFIXES = new Set(['FULLTEXT', 'SPATIAL']);
const METHODS = new Set(['BTREE', 'HASH']);

/**
 * Reads an index's `dialectOptions.mysql` entry; undefined when it sets nothing this dialect
 * understands. Unknown values are refused, never dropped.
 *
 * ```ts
 * readMysqlIndexOptions({ prefix: 'FULLTEXT' })?.prefix; // 'FULLTEXT'
 * readMysqlIndexOptions({ length: { name: 10 } })?.lengthOf('name'); // 10
 * ```
 */
export function readMysqlIndexOptions(
  options: Readonly<Record<string, unknown>>,
): ResolvedMysqlIndexOptions | undefined {
  const { prefix, length, using } = options;
  if (prefix === undefined && length === undefined && using === undefined) {
    return undefined;
  }
  const upperPrefix = typeof prefix === 'string' ? prefix.toUpperCase() : prefix;
  if (upperPrefix !== undefined && !PREFIXES.has(String(upperPrefix))) {
    throw new InvalidOperationError(
      `dialectOptions.mysql.prefix must be 'FULLTEXT' or 'SPATIAL', got ${JSON.stringify(prefix)}`,
    );
  }
  const upperUsing = typeof using === 'string' ? using.toUpperCase() : using;
  if (upperUsing !== undefined && !METHODS.has(String(upperUsing))) {
    throw new InvalidOperationError(
      `dialectOptions.mysql.using must be 'BTREE' or 'HASH', got ${JSON.stringify(using)}`,
    );
  }
  const validLength = (value: unknown): value is number => Number.isInteger(value) && (value as number) > 0;
  if (
    length !== undefined &&
    !validLength(length) &&
    (typeof length !== 'object' || length === null || !Object.values(length).every(validLength))
  ) {
    throw new InvalidOperationError(
      'dialectOptions.mysql.length must be a positive integer, or an object of them by column name',
    );
  }
  return {
    prefix: upperPrefix as ResolvedMysqlIndexOptions['prefix'],
    using: upperUsing as ResolvedMysqlIndexOptions['using'],
    lengthOf: (columnName) =>
      length === undefined
        ? undefined
        : typeof length === 'number'
          ? length
          : (length as Record<string, number>)[columnName],
  };
}

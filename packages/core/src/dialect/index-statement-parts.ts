import type { IndexElement } from '../schema/index-model.js';

/**
 * What a dialect adds to the generic `CREATE [UNIQUE] INDEX [IF NOT EXISTS] ix ON t (elements)
 * [WHERE condition]` for one index, returned by the compiler's `indexStatementParts` hook.
 * Every part is optional; an empty string (or an absent part) writes nothing.
 *
 * ```ts
 * // CREATE INDEX CONCURRENTLY ix ON t USING gin (a) INCLUDE (b)
 * ({ afterIndex: 'CONCURRENTLY', beforeColumns: 'USING gin', afterColumns: ['INCLUDE (b)'] });
 * ```
 */
export interface IndexStatementParts {
  /** The words between CREATE and INDEX (`UNIQUE CLUSTERED`, `FULLTEXT`); default `UNIQUE` for a unique index. */
  readonly beforeIndex?: string;
  /** The words right after INDEX (PostgreSQL: `CONCURRENTLY`). */
  readonly afterIndex?: string;
  /** A clause between the table and the column list (PostgreSQL: `USING gin`). */
  readonly beforeColumns?: string;
  /** How one element of the column list is written; default: the quoted column, or the expression's text. */
  readonly formatElement?: (element: IndexElement) => string;
  /** Clauses after the column list, in order (`INCLUDE (a)`, `USING BTREE`, `NULLS NOT DISTINCT`). */
  readonly afterColumns?: readonly string[];
  /** A condition from the dialect's options, written as `WHERE` when the index has no `where` of its own. */
  readonly where?: string;
}

/**
 * The golden SQL table's types: statements expected per operation kind, typed over every
 * `OperationKind` so a new kind must be stated.
 */
import type { OperationKind, OperationMap } from '@alembic/core';

/** Statements expected, or the error expected instead. */
export type Expectation = readonly string[] | { readonly error: RegExp };

/** One golden case. */
export interface GoldenCase<Kind extends OperationKind> {
  readonly title: string;
  readonly operation: OperationMap[Kind];
  readonly expected: Expectation;
}

/** Golden cases for every operation kind. */
export type GoldenTable = { readonly [Kind in OperationKind]: readonly GoldenCase<Kind>[] };

/** The kinds that shape tables and columns (the rest: indexes, constraints, data, batches). */
export type TableOperationKind = 'createTable' | 'dropTable' | 'renameTable' | 'addColumn' | 'dropColumn' | 'alterColumn' | 'createTableComment' | 'dropTableComment';

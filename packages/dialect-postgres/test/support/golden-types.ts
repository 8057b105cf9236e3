/**
 * The golden SQL table's types, from `@alembic/testing` (shared by every dialect): statements
 * expected per operation kind, typed over every `OperationKind` so a new kind must be stated.
 */
import type { GoldenCases, GoldenExpectation } from '@alembic/testing';

export type { GoldenCase } from '@alembic/testing';

/** Statements expected, or the error expected instead. */
export type Expectation = GoldenExpectation;

/** Golden cases for every operation kind. */
export type GoldenTable = GoldenCases;

/** The kinds that shape tables and columns (the rest: indexes, constraints, data, batches). */
export type TableOperationKind =
  | 'createTable'
  | 'dropTable'
  | 'renameTable'
  | 'addColumn'
  | 'dropColumn'
  | 'alterColumn'
  | 'createTableComment'
  | 'dropTableComment';

/** The shape of the golden SQL tables: one list of cases per operation kind. */
import type { OperationKind, OperationMap } from '@alembic/core/dialect';

/** Statements expected, or the error expected instead. */
export type Expectation = readonly string[] | { readonly error: RegExp };

/** One operation and what the SQL Server compiler makes of it. */
export interface GoldenCase<Kind extends OperationKind> {
  readonly title: string;
  readonly operation: OperationMap[Kind];
  readonly expected: Expectation;
}

/** Cases for every operation kind: `tsc` lists a kind left out. */
export type GoldenTable = { readonly [Kind in OperationKind]: readonly GoldenCase<Kind>[] };

/** Cases for some operation kinds. */
export type GoldenCases<Kinds extends OperationKind> = { readonly [Kind in Kinds]: readonly GoldenCase<Kind>[] };

/** Alembic's T-SQL block dropping the default (or, with `source`, check) constraint of a column. */
export function dropDefaultBlock(tableSql: string, columnName: string, source = 'sys.default_constraints'): string {
  const quoted = tableSql.replaceAll("'", "''");
  return [
    'declare @const_name nvarchar(256)',
    `select @const_name = QUOTENAME([name]) from ${source}`,
    `where parent_object_id = object_id('${quoted}')`,
    `and col_name(parent_object_id, parent_column_id) = '${columnName}'`,
    `exec('alter table ${quoted} drop constraint ' + @const_name)`,
  ].join('\n');
}

/** The catalog test of a comment's existence, as the compiler writes it. */
export function commentExists(objectName: string, minorId: string): string {
  return `IF EXISTS (SELECT 1 FROM sys.extended_properties WHERE class = 1 AND name = N'MS_Description' AND major_id = OBJECT_ID(N'${objectName}') AND minor_id = ${minorId})`;
}

import { InvalidOperationError } from '@alembic/core/dialect';

/**
 * The error for an `alterColumn` MySQL can only carry out with `MODIFY` / `CHANGE`, which
 * restate the whole column, when neither a new type nor the existing type was given.
 *
 * ```ts
 * throw mysqlExistingTypeError('account', 'name');
 * // MySQL ALTER COLUMN needs the column's existing type: pass existingType (and existingNullable,
 * // existingServerDefault) to alterColumn('account', 'name')
 * ```
 */
export function mysqlExistingTypeError(tableName: string, columnName: string): InvalidOperationError {
  const quote = (text: string): string => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  return new InvalidOperationError(
    `MySQL ALTER COLUMN needs the column's existing type: pass existingType (and existingNullable, existingServerDefault) to alterColumn(${quote(tableName)}, ${quote(columnName)})`,
  );
}

import { bracketIdentifier, tsqlString } from './mssql-sql-text.js';

/** The table, or the column of a table, a comment belongs to. */
export interface MssqlCommentTarget {
  /** The schema: the table's, else the default schema (`dbo`). */
  readonly schema: string;
  readonly tableName: string;
  /** Unset for the table's own comment. */
  readonly columnName?: string;
}

/** What happens to the comment. */
export type MssqlCommentAction = 'add' | 'update' | 'drop';

/** The property SQL Server tools (and SQLAlchemy) read comments from. */
const PROPERTY = "'MS_Description'";

/** `'schema', N'dbo', 'table', N't'[, 'column', N'c']`: where the property lives. */
function levels(target: MssqlCommentTarget): string {
  const parts = [
    `'schema', ${tsqlString(target.schema, { national: true })}`,
    `'table', ${tsqlString(target.tableName, { national: true })}`,
  ];
  if (target.columnName !== undefined) {
    parts.push(`'column', ${tsqlString(target.columnName, { national: true })}`);
  }
  return parts.join(', ');
}

/**
 * `EXEC sp_addextendedproperty 'MS_Description', N'text', 'schema', N'dbo', 'table', N't', 'column', N'c'`
 * (`sp_updateextendedproperty` to change it, `sp_dropextendedproperty` without the text to
 * remove it): SQL Server keeps table and column comments as extended properties.
 *
 * ```ts
 * commentStatement('add', { schema: 'dbo', tableName: 'account' }, 'Customers');
 * // "EXEC sp_addextendedproperty 'MS_Description', N'Customers', 'schema', N'dbo', 'table', N'account'"
 * ```
 */
export function commentStatement(action: MssqlCommentAction, target: MssqlCommentTarget, comment?: string): string {
  if (action === 'drop') {
    return `EXEC sp_dropextendedproperty ${PROPERTY}, ${levels(target)}`;
  }
  const value = tsqlString(comment ?? '', { national: true });
  return `EXEC sp_${action === 'add' ? 'add' : 'update'}extendedproperty ${PROPERTY}, ${value}, ${levels(target)}`;
}

/** `EXISTS (...)`: whether the target has a comment now. */
function commentExists(target: MssqlCommentTarget): string {
  const objectName = tsqlString(`${bracketIdentifier(target.schema)}.${bracketIdentifier(target.tableName)}`, {
    national: true,
  });
  const minorId =
    target.columnName === undefined
      ? '0'
      : `COLUMNPROPERTY(OBJECT_ID(${objectName}), ${tsqlString(target.columnName, { national: true })}, 'ColumnId')`;
  return `EXISTS (SELECT 1 FROM sys.extended_properties WHERE class = 1 AND name = N'MS_Description' AND major_id = OBJECT_ID(${objectName}) AND minor_id = ${minorId})`;
}

/**
 * Sets (`comment` a string) or removes (`null`) a comment whose current state is unknown: the
 * statement asks the catalog whether one exists, then updates or adds it (or drops it if there).
 *
 * ```ts
 * setCommentStatement({ schema: 'dbo', tableName: 't', columnName: 'c' }, 'new');
 * // IF EXISTS (SELECT 1 FROM sys.extended_properties WHERE ...)
 * //     EXEC sp_updateextendedproperty ...
 * // ELSE
 * //     EXEC sp_addextendedproperty ...
 * ```
 */
export function setCommentStatement(target: MssqlCommentTarget, comment: string | null): string {
  if (comment === null) {
    return `IF ${commentExists(target)}\n    ${commentStatement('drop', target)}`;
  }
  return `IF ${commentExists(target)}\n    ${commentStatement('update', target, comment)}\nELSE\n    ${commentStatement('add', target, comment)}`;
}

import type { AlterColumnOperation, ColumnType, ServerDefault } from '@alembic/core/dialect';
import { mysqlExistingTypeError } from './mysql-existing-type-error.js';

/** The full column specification `MODIFY` and `CHANGE` restate. */
export interface MysqlColumnRestatement {
  readonly type: ColumnType;
  readonly nullable: boolean;
  readonly autoincrement: boolean;
  /** Undefined: no default. */
  readonly serverDefault: ServerDefault | undefined;
  /** Undefined: no comment. */
  readonly comment: string | undefined;
}

/**
 * How MySQL carries out one `alterColumn`:
 *
 * - `change`: `ALTER TABLE t CHANGE old new <spec>`, for a rename, or a new default on a
 *   `DATETIME` / `TIMESTAMP` column (a function default such as `CURRENT_TIMESTAMP` cannot go
 *   through `ALTER COLUMN ... SET DEFAULT` on older servers);
 * - `modify`: `ALTER TABLE t MODIFY c <spec>`, when nullability, type, autoincrement or
 *   comment change;
 * - `default`: `ALTER TABLE t ALTER COLUMN c SET DEFAULT x` / `DROP DEFAULT`, when only the
 *   default changes;
 * - `none`: nothing changes.
 */
export type MysqlAlterColumnPlan =
  | { readonly form: 'change'; readonly newColumnName: string; readonly column: MysqlColumnRestatement }
  | { readonly form: 'modify'; readonly column: MysqlColumnRestatement }
  | { readonly form: 'default'; readonly serverDefault: ServerDefault | null }
  | { readonly form: 'none' };

function isDateTimeType(type: ColumnType | undefined): boolean {
  if (type === undefined) {
    return false;
  }
  return type.kind === 'dateTime' || (type.kind === 'raw' && /^\s*(DATETIME|TIMESTAMP)\b/i.test(type.sql));
}

/**
 * Chooses the statement for an `alterColumn` (Alembic's `MySQLImpl.alter_column` rules) and
 * merges the changes over the `existing*` fields into the specification to restate: nullability
 * falls back to `existingNullable`, else `NULL`; default, comment and autoincrement to their
 * `existing*` values. `MODIFY` and `CHANGE` need a type (the new one or `existingType`); without
 * one, a clear `InvalidOperationError` says to pass `existingType`.
 *
 * ```ts
 * planMysqlAlterColumn(alterColumnOperation({ tableName: 't', columnName: 'c', serverDefault: '1' }));
 * // { form: 'default', serverDefault: '1' }
 * ```
 */
export function planMysqlAlterColumn(operation: AlterColumnOperation): MysqlAlterColumnPlan {
  const renamed = operation.newColumnName !== undefined && operation.newColumnName !== operation.columnName;
  const effectiveType = operation.type ?? operation.existingType;
  const functionalDefault =
    isDateTimeType(effectiveType) && operation.serverDefault !== undefined && operation.serverDefault !== null;
  const restates =
    operation.nullable !== undefined ||
    operation.type !== undefined ||
    operation.autoincrement !== undefined ||
    operation.comment !== undefined;
  if (!renamed && !functionalDefault && !restates) {
    return operation.serverDefault === undefined
      ? { form: 'none' }
      : { form: 'default', serverDefault: operation.serverDefault };
  }
  if (effectiveType === undefined) {
    throw mysqlExistingTypeError(operation.tableName, operation.columnName);
  }
  const serverDefault =
    operation.serverDefault !== undefined ? operation.serverDefault : operation.existingServerDefault;
  const comment = operation.comment !== undefined ? operation.comment : operation.existingComment;
  const column: MysqlColumnRestatement = {
    type: effectiveType,
    nullable: operation.nullable ?? operation.existingNullable ?? true,
    autoincrement: operation.autoincrement ?? operation.existingAutoincrement ?? false,
    serverDefault: serverDefault ?? undefined,
    comment: comment === null || comment === '' ? undefined : comment,
  };
  if (renamed || functionalDefault) {
    return { form: 'change', newColumnName: operation.newColumnName ?? operation.columnName, column };
  }
  return { form: 'modify', column };
}

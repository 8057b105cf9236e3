import { InvalidOperationError } from '@alembic/core/dialect';
import type { AlterColumnOperation, ColumnType, ServerDefault } from '@alembic/core/dialect';

/** What one `alterColumn` does on SQL Server, before any SQL is written. */
export interface MssqlAlterColumnPlan {
  /** Drop the column's default constraint (looked up by name) before anything else. */
  readonly dropDefault: boolean;
  /** `ALTER TABLE t ALTER COLUMN c <type> [NULL | NOT NULL]`, when the type or nullability changes. */
  readonly alterColumn?: { readonly type: ColumnType; readonly nullable?: boolean };
  /** `ALTER TABLE t ADD DEFAULT x FOR c` after the ALTER COLUMN: the new default, or the old one put back. */
  readonly addDefault?: ServerDefault;
  /** A warning to give (a type change that does not say the nullability). */
  readonly warning?: string;
}

/** A default that is known to exist (a value, not "none" or "unknown"). */
function isPresent(serverDefault: ServerDefault | null | undefined): serverDefault is ServerDefault {
  return serverDefault !== undefined && serverDefault !== null;
}

/** Alembic's message, then what to pass here. */
function existingTypeError(operation: AlterColumnOperation): InvalidOperationError {
  return new InvalidOperationError(
    `MS-SQL ALTER COLUMN operations with NULL or NOT NULL require the existing_type or a new type_ be passed. Pass existingType (or type) to alterColumn('${operation.tableName}', '${operation.columnName}').`,
  );
}

/**
 * Plans an `alterColumn` as Alembic's SQL Server implementation does, plus one fix:
 *
 * - T-SQL restates the type to change nullability: `ALTER COLUMN c <type> NULL|NOT NULL`, with
 *   the new type, else `existingType` (neither: Alembic's error). A type change with
 *   `existingNullable` keeps it; a type change with neither warns (the column becomes NULL).
 * - A default is a constraint: a new one is added with `ADD DEFAULT x FOR c`. The existing one is
 *   dropped first (by looking up its name) when `existingServerDefault` says there is one, or
 *   when the default is removed (`serverDefault: null`) and not known to be absent.
 * - Beyond Alembic (its issue 1744): a type change on a column with a known default
 *   (`existingServerDefault`) and no new default drops it, changes the type, and puts it back,
 *   since SQL Server refuses to change the type of a column a default is bound to.
 *
 * ```ts
 * planMssqlAlterColumn(alterColumnOperation({ tableName: 't', columnName: 'c', nullable: true, type: integer() }));
 * // { dropDefault: false, alterColumn: { type: { kind: 'integer' }, nullable: true } }
 * ```
 */
export function planMssqlAlterColumn(operation: AlterColumnOperation): MssqlAlterColumnPlan {
  let alterColumn: MssqlAlterColumnPlan['alterColumn'];
  let warning: string | undefined;
  if (operation.nullable !== undefined) {
    const type = operation.type ?? operation.existingType;
    if (type === undefined) {
      throw existingTypeError(operation);
    }
    alterColumn = { type, nullable: operation.nullable };
  } else if (operation.type !== undefined) {
    alterColumn =
      operation.existingNullable === undefined
        ? { type: operation.type }
        : { type: operation.type, nullable: operation.existingNullable };
    if (operation.existingNullable === undefined) {
      warning = `MS-SQL ALTER COLUMN of '${operation.tableName}.${operation.columnName}' with a new type should also say nullable or existingNullable; without it a NOT NULL column becomes NULL`;
    }
  }
  const { serverDefault, existingServerDefault } = operation;
  let dropDefault = false;
  let addDefault: ServerDefault | undefined;
  if (serverDefault === null) {
    dropDefault = existingServerDefault !== null;
  } else if (serverDefault !== undefined) {
    dropDefault = isPresent(existingServerDefault);
    addDefault = serverDefault;
  } else if (operation.type !== undefined && isPresent(existingServerDefault)) {
    dropDefault = true;
    addDefault = existingServerDefault;
  }
  return {
    dropDefault,
    ...(alterColumn === undefined ? {} : { alterColumn }),
    ...(addDefault === undefined ? {} : { addDefault }),
    ...(warning === undefined ? {} : { warning }),
  };
}

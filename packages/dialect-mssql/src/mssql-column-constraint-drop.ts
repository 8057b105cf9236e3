import { tsqlString } from './mssql-sql-text.js';

/** The kinds of constraint that can be dropped from a column by looking up their name. */
export type MssqlColumnConstraintKind = 'default' | 'check' | 'foreignKey';

/** The table and column whose constraint is dropped, as the compiler renders them. */
export interface MssqlColumnConstraintTarget {
  /** The table as written in `ALTER TABLE` (quoted where needed, schema-qualified): `s.[order]`. */
  readonly tableSql: string;
  /** The column's name, unquoted: it is compared with `col_name()`. */
  readonly columnName: string;
}

/** Where each kind of constraint is listed, and the columns that tie it to its column. */
const LOOKUPS: Readonly<
  Record<MssqlColumnConstraintKind, { readonly from: string; readonly object: string; readonly column: string }>
> = {
  default: {
    from: 'sys.default_constraints',
    object: 'parent_object_id',
    column: 'col_name(parent_object_id, parent_column_id)',
  },
  check: {
    from: 'sys.check_constraints',
    object: 'parent_object_id',
    column: 'col_name(parent_object_id, parent_column_id)',
  },
  foreignKey: {
    from: 'sys.foreign_keys fk join sys.foreign_key_columns fkc on fk.object_id = fkc.constraint_object_id',
    object: 'fkc.parent_object_id',
    column: 'col_name(fkc.parent_object_id, fkc.parent_column_id)',
  },
};

/**
 * A T-SQL block that drops the default (or check, or foreign key) constraint of one column
 * without knowing its name: SQL Server names default constraints itself
 * (`DF__account__email__2B0A656D`), and a column with one cannot be dropped or change type. The
 * name is looked up in the catalog into `@const_name`, then dropped with dynamic SQL; when
 * there is none, `exec(NULL)` does nothing. The block is one batch (offline, `GO` follows it).
 *
 * ```ts
 * dropColumnConstraintBlock('default', { tableSql: 't1', columnName: 'c1' });
 * // declare @const_name nvarchar(256)
 * // select @const_name = QUOTENAME([name]) from sys.default_constraints
 * // where parent_object_id = object_id('t1')
 * // and col_name(parent_object_id, parent_column_id) = 'c1'
 * // exec('alter table t1 drop constraint ' + @const_name)
 * ```
 */
export function dropColumnConstraintBlock(
  kind: MssqlColumnConstraintKind,
  target: MssqlColumnConstraintTarget,
): string {
  const lookup = LOOKUPS[kind];
  const nameColumn = kind === 'foreignKey' ? 'fk.name' : '[name]';
  return [
    'declare @const_name nvarchar(256)',
    `select @const_name = QUOTENAME(${nameColumn}) from ${lookup.from}`,
    `where ${lookup.object} = object_id(${tsqlString(target.tableSql)})`,
    `and ${lookup.column} = ${tsqlString(target.columnName)}`,
    `exec(${tsqlString(`alter table ${target.tableSql} drop constraint `)} + @const_name)`,
  ].join('\n');
}

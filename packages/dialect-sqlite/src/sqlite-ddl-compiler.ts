import { DefaultDdlCompiler, UnsupportedOperationError } from '@alembic/core/dialect';
import type {
  AlterColumnOperation,
  ColumnModel,
  ColumnRenderContext,
  ColumnType,
  ConstraintModel,
  DdlCompilerOptions,
  DropConstraintOperation,
  ServerDefault,
  TableModel,
  TableTarget,
  TypeSpellings,
} from '@alembic/core/dialect';
import { sqliteBatchModeError } from './sqlite-batch-mode-error.js';
import { sqliteCapabilities } from './sqlite-capabilities.js';
import { formatSqliteDate } from './sqlite-date-format.js';
import { sqliteDefaultExpression } from './sqlite-default-expression.js';
import { SQLITE_RESERVED_WORDS } from './sqlite-reserved-words.js';

/** The SQL of the column kinds SQLite spells one way, whatever the type's details (`FLOAT` without precision). */
const TYPE_SPELLINGS: TypeSpellings = {
  float: 'FLOAT',
};

const CONSTRAINT_DESCRIPTIONS: Readonly<Record<ConstraintModel['kind'], string>> = {
  primaryKeyConstraint: 'a primary key',
  uniqueConstraint: 'a unique constraint',
  foreignKeyConstraint: 'a foreign key',
  checkConstraint: 'a check constraint',
};

/**
 * SQLite's DDL: core's `DefaultDdlCompiler` with only SQLite's differences overridden.
 *
 * - Types as SQLAlchemy's SQLite dialect writes them (`FLOAT` without precision, collations
 *   as `COLLATE "NOCASE"` after the type); dates as SQLite stores them
 *   (`'2024-01-31 13:45:00.000000'`); booleans are `BOOLEAN` holding `1`/`0`.
 * - SQL-expression defaults in parentheses: `DEFAULT (CURRENT_TIMESTAMP)`.
 * - `ALTER TABLE t RENAME COLUMN a TO b`, `ALTER TABLE a RENAME TO b`, `DROP COLUMN`
 *   (SQLite 3.35+), indexes with `WHERE` and `IF NOT EXISTS`.
 * - A single integer primary key declared `autoincrement: true` becomes
 *   `id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT` (so batch rebuilds keep `AUTOINCREMENT`).
 * - What SQLite cannot ALTER (a column's type, nullability or default, any constraint) throws an
 *   `UnsupportedOperationError` naming the `op.batchAlterTable(...)` call that rebuilds the table.
 *
 * ```ts
 * const compiler = new SqliteDdlCompiler();
 * compiler.compile(addColumnOperation({ tableName: 't1', column: column('c1', integer()) }));
 * // ['ALTER TABLE t1 ADD COLUMN c1 INTEGER']
 * ```
 */
export class SqliteDdlCompiler extends DefaultDdlCompiler {
  /** Primary key clauses written inside a column's specification, while a CREATE TABLE renders. */
  readonly #inlinePrimaryKeys = new WeakMap<ColumnModel, string>();

  constructor(options: DdlCompilerOptions = {}) {
    super({ ...options, dialectName: 'sqlite', capabilities: sqliteCapabilities });
  }

  // ---- names, types, literals --------------------------------------------------------------

  protected override get reservedWords(): ReadonlySet<string> {
    return SQLITE_RESERVED_WORDS;
  }

  protected override get typeSpellings(): TypeSpellings {
    return TYPE_SPELLINGS;
  }

  /** The type, then `COLLATE name` for strings with a collation. */
  protected override renderColumnType(column: ColumnModel, context: ColumnRenderContext): string {
    const rendered = super.renderColumnType(column, context);
    const { type } = column;
    const collation = type.kind === 'string' || type.kind === 'text' ? type.collation : undefined;
    return collation === undefined ? rendered : `${rendered} COLLATE ${this.quoteIdentifier(collation)}`;
  }

  protected override renderServerDefault(serverDefault: ServerDefault): string {
    return typeof serverDefault === 'string'
      ? super.renderServerDefault(serverDefault)
      : sqliteDefaultExpression(serverDefault.text);
  }

  /** SQLite's storage formats (SQLAlchemy's): `'2024-01-31'`, `'13:45:00.000000'`, both joined by a space. */
  protected override renderDateLiteral(value: Date, type?: ColumnType): string {
    const part = type?.kind === 'date' ? 'date' : type?.kind === 'time' ? 'time' : 'dateTime';
    return this.renderStringLiteral(formatSqliteDate(value, part));
  }

  // ---- columns and tables ------------------------------------------------------------------

  protected override renderColumnSpec(column: ColumnModel, context: ColumnRenderContext): string {
    let spec = super.renderColumnSpec(column, context);
    const name = this.quoteIdentifier(column.name);
    if (this.renderColumnType(column, context) === '' && spec.startsWith(`${name} `)) {
      spec = name + spec.slice(name.length + 1);
    }
    const inlinePrimaryKey = this.#inlinePrimaryKeys.get(column);
    return inlinePrimaryKey === undefined ? spec : `${spec} ${inlinePrimaryKey}`;
  }

  /** CREATE TABLE, with the primary key written inline when it must carry `AUTOINCREMENT`. */
  protected override createTableStatement(
    table: TableModel,
    options: { ifNotExists?: boolean; namingTableName?: string } = {},
  ): string {
    const keyColumn = this.autoincrementKeyColumn(table);
    if (keyColumn === undefined || table.primaryKey === undefined) {
      return super.createTableStatement(table, options);
    }
    const { primaryKey, ...withoutPrimaryKey } = table;
    const prefix = this.renderConstraintNamePrefix(
      this.constraintName(options.namingTableName ?? table.name, primaryKey),
    );
    this.#inlinePrimaryKeys.set(keyColumn, `${prefix}PRIMARY KEY AUTOINCREMENT`);
    try {
      return super.createTableStatement(withoutPrimaryKey, options);
    } finally {
      this.#inlinePrimaryKeys.delete(keyColumn);
    }
  }

  /** The table's only primary key column when it is an `INTEGER` declared `autoincrement: true`. */
  protected autoincrementKeyColumn(table: TableModel): ColumnModel | undefined {
    const keyColumns = table.primaryKey?.columns ?? [];
    const column =
      keyColumns.length === 1 ? table.columns.find((candidate) => candidate.name === keyColumns[0]) : undefined;
    return column !== undefined && column.autoincrement === true && column.type.kind === 'integer' ? column : undefined;
  }

  /** `IF [NOT] EXISTS` exists for tables and indexes only, not for ADD / DROP COLUMN. */
  protected override renderExistenceClause(
    asked: boolean | undefined,
    clause: 'IF EXISTS' | 'IF NOT EXISTS',
    operationKind: string,
  ): string {
    if (asked && (operationKind === 'addColumn' || operationKind === 'dropColumn')) {
      const statement = operationKind === 'addColumn' ? 'ADD COLUMN' : 'DROP COLUMN';
      throw new UnsupportedOperationError(
        'sqlite',
        `SQLite has no ${statement} ${clause}; check the table first (op.getBind()) or leave ${clause === 'IF EXISTS' ? 'ifExists' : 'ifNotExists'} out`,
        {
          operationKind,
        },
      );
    }
    return super.renderExistenceClause(asked, clause, operationKind);
  }

  protected override renderRenameTableTarget(newTableName: string): string {
    return this.quoteIdentifier(newTableName);
  }

  // ---- ALTER COLUMN: only the rename exists --------------------------------------------------

  protected override alterColumnNullable(operation: AlterColumnOperation): string[] {
    throw sqliteBatchModeError("ALTER a column's nullability", operation.tableName, 'alterColumn');
  }

  protected override alterColumnServerDefault(operation: AlterColumnOperation): string[] {
    throw sqliteBatchModeError("ALTER a column's default", operation.tableName, 'alterColumn');
  }

  protected override alterColumnType(operation: AlterColumnOperation): string[] {
    throw sqliteBatchModeError("ALTER a column's type", operation.tableName, 'alterColumn');
  }

  /** `ALTER TABLE t RENAME COLUMN a TO b`. */
  protected override alterColumnRename(operation: AlterColumnOperation, newColumnName: string): string[] {
    return [
      `${this.alterTable(operation)} RENAME COLUMN ${this.quoteIdentifier(operation.columnName)} TO ${this.quoteIdentifier(newColumnName)}`,
    ];
  }

  // ---- constraints: none can be ALTERed --------------------------------------------------------

  protected override compileAddConstraint(target: TableTarget, constraint: ConstraintModel): string[] {
    throw sqliteBatchModeError(
      `ALTER a table to add ${CONSTRAINT_DESCRIPTIONS[constraint.kind]}`,
      target.tableName,
      `add ${constraint.kind}`,
    );
  }

  protected override compileDropConstraint(operation: DropConstraintOperation): string[] {
    throw sqliteBatchModeError('ALTER a table to drop a constraint', operation.tableName, 'dropConstraint');
  }
}

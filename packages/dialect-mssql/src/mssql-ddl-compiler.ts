import {
  DefaultDdlCompiler,
  InvalidOperationError,
  UnsupportedOperationError,
  isAutoincrementColumn,
  isSqlExpression,
} from '@alembic/core/dialect';
import type {
  AlterColumnOperation,
  BulkInsertOperation,
  ColumnModel,
  ColumnRenderContext,
  ColumnType,
  CreateTableCommentOperation,
  DdlCompilerOptions,
  DropColumnOperation,
  DropIndexOperation,
  DropTableCommentOperation,
  IdentityOptions,
  IndexModel,
  IndexStatementParts,
  RenameTableOperation,
  ServerDefault,
  TableModel,
  TableTarget,
  TypeSpellings,
} from '@alembic/core/dialect';
import { planMssqlAlterColumn } from './mssql-alter-column-plan.js';
import { defineMssqlCapabilities } from './mssql-capabilities.js';
import type { MssqlColumnConstraintKind } from './mssql-column-constraint-drop.js';
import { dropColumnConstraintBlock } from './mssql-column-constraint-drop.js';
import type { MssqlCommentTarget } from './mssql-extended-property.js';
import { commentStatement, setCommentStatement } from './mssql-extended-property.js';
import { readMssqlIndexOptions } from './mssql-index-options.js';
import { MSSQL_RESERVED_WORDS } from './mssql-reserved-words.js';
import { bracketIdentifier, tsqlString } from './mssql-sql-text.js';

/** Options of {@link MssqlDdlCompiler}. */
export interface MssqlDdlCompilerOptions extends DdlCompilerOptions {
  /** The line after each offline statement; `GO` unless told otherwise. */
  readonly batchSeparator?: string;
  /** The schema of tables named without one, for comments (extended properties); `dbo` unless told otherwise. */
  readonly defaultSchema?: string;
}

/** Operation kinds that have `IF EXISTS` on SQL Server 2016 and later. */
const IF_EXISTS_KINDS: ReadonlySet<string> = new Set(['dropTable', 'dropColumn', 'dropIndex', 'dropConstraint']);

/**
 * The SQL of the column kinds SQL Server spells one way, whatever the type's details, where it
 * differs from the default compiler's.
 */
const TYPE_SPELLINGS: TypeSpellings = {
  boolean: 'BIT',
  json: 'NVARCHAR(max)',
  uuid: 'UNIQUEIDENTIFIER',
};

/** `dialectOptions.mssql` of `dropColumn`: constraints on the column to drop first. */
const DROP_COLUMN_OPTIONS: Readonly<Record<string, MssqlColumnConstraintKind>> = {
  dropDefault: 'default',
  dropCheck: 'check',
  dropForeignKey: 'foreignKey',
};

/**
 * SQL Server's DDL: core's `DefaultDdlCompiler` with only its differences overridden (Alembic's
 * `MSSQLImpl` on SQLAlchemy's MSSQL dialect).
 *
 * - `[bracket]` quoting; T-SQL's reserved words; `0x0aff` binary literals; `now()` defaults as
 *   `CURRENT_TIMESTAMP`.
 * - Types: `VARCHAR(n)` / `VARCHAR(max)`, `BIT`, `DATETIME` / `DATETIMEOFFSET`, `VARBINARY(max)`,
 *   `UNIQUEIDENTIFIER`, `NVARCHAR(max)` for JSON; `nvarchar()` for Unicode strings.
 * - Columns as SQLAlchemy writes them: `c TYPE NULL|NOT NULL [IDENTITY] [DEFAULT x]`, the table's
 *   autoincrement key `INTEGER NOT NULL IDENTITY`; `ALTER TABLE t ADD c ...` (no COLUMN).
 * - `alterColumn` (see `planMssqlAlterColumn`): `ALTER COLUMN c <type> NULL|NOT NULL`, the
 *   default dropped by lookup and added with `ADD DEFAULT x FOR c`, `EXEC sp_rename 't.c', c2, 'COLUMN'`.
 * - `EXEC sp_rename 't', t2`; `DROP INDEX ix ON t`; clustered, `INCLUDE` and filtered indexes.
 * - `dropColumn` drops the column's default (and, when asked, check and foreign key) first.
 * - Comments as `MS_Description` extended properties.
 * - `SET IDENTITY_INSERT t ON` / `OFF` around a `bulkInsert` that gives identity values.
 *
 * ```ts
 * const compiler = new MssqlDdlCompiler();
 * compiler.compile(alterColumnOperation({ tableName: 't', columnName: 'c', serverDefault: '5' }));
 * // ["ALTER TABLE t ADD DEFAULT '5' FOR c"]
 * ```
 */
export class MssqlDdlCompiler extends DefaultDdlCompiler {
  /** The schema comments are filed under for tables named without one. */
  readonly defaultSchema: string;

  constructor(options: MssqlDdlCompilerOptions = {}) {
    super({
      ...options,
      dialectName: 'mssql',
      capabilities: defineMssqlCapabilities(
        options.batchSeparator === undefined ? {} : { batchSeparator: options.batchSeparator },
      ),
    });
    this.defaultSchema = options.defaultSchema ?? 'dbo';
  }

  // ---- names, types, literals --------------------------------------------------------------

  protected override get reservedWords(): ReadonlySet<string> {
    return MSSQL_RESERVED_WORDS;
  }

  protected override quoteAlways(name: string): string {
    return bracketIdentifier(name);
  }

  protected override get typeSpellings(): TypeSpellings {
    return TYPE_SPELLINGS;
  }

  override renderType(type: ColumnType): string {
    switch (type.kind) {
      case 'string':
        return this.withCollation(`VARCHAR(${type.length ?? 'max'})`, type.collation);
      case 'text':
        return this.withCollation('VARCHAR(max)', type.collation);
      case 'dateTime':
        return type.timezone ? 'DATETIMEOFFSET' : 'DATETIME';
      case 'largeBinary':
        return `VARBINARY(${type.length ?? 'max'})`;
      case 'enum':
        return `VARCHAR(${Math.max(1, ...type.values.map((value) => value.length))})`;
      default:
        return super.renderType(type);
    }
  }

  /** `TYPE COLLATE name`. */
  protected withCollation(rendered: string, collation: string | undefined): string {
    return collation === undefined ? rendered : `${rendered} COLLATE ${collation}`;
  }

  /** SQL Server has no native enums: always `VARCHAR` (plus the optional CHECK). */
  protected override isNativeEnum(_type: Extract<ColumnType, { kind: 'enum' }>): boolean {
    return false;
  }

  /** `0x0aff`. */
  protected override renderBinaryLiteral(value: Uint8Array): string {
    return `0x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`;
  }

  /** As the default, but `sql('now()')` (no such function in T-SQL) is `CURRENT_TIMESTAMP`, as SQLAlchemy's `func.now()`. */
  protected override renderServerDefault(serverDefault: ServerDefault): string {
    if (isSqlExpression(serverDefault) && /^\s*now\(\s*\)\s*$/i.test(serverDefault.text)) {
      return 'CURRENT_TIMESTAMP';
    }
    return super.renderServerDefault(serverDefault);
  }

  /** `@p1`, `@p2`, ... (the `mssql` driver's named inputs `p1`, `p2`). */
  protected override renderParameterPlaceholder(position: number): string {
    return `@p${position}`;
  }

  // ---- columns and tables ------------------------------------------------------------------

  /** `name TYPE NULL|NOT NULL [IDENTITY] [DEFAULT x]`, SQLAlchemy's order. */
  protected override renderColumnSpec(column: ColumnModel, context: ColumnRenderContext): string {
    const parts = [this.quoteIdentifier(column.name), this.renderColumnType(column, context)];
    const identity = this.identityClause(column, context);
    parts.push(!column.nullable || column.primaryKey || identity !== undefined ? 'NOT NULL' : 'NULL');
    if (identity !== undefined) {
      parts.push(identity);
    } else if (column.serverDefault !== undefined) {
      parts.push(`DEFAULT ${this.renderServerDefault(column.serverDefault)}`);
    }
    return parts.join(' ');
  }

  /** `IDENTITY` for the table's autoincrement key (alone, `autoincrement: true`); `IDENTITY(start,increment)` for an identity. */
  protected identityClause(column: ColumnModel, context: ColumnRenderContext): string | undefined {
    if (column.identity !== undefined) {
      return this.renderIdentity(column.identity);
    }
    const autoincrement =
      context.table === undefined ? column.autoincrement === true : isAutoincrementColumn(context.table, column);
    return autoincrement ? 'IDENTITY' : undefined;
  }

  /** `IDENTITY(start,increment)`; `always` has no meaning on SQL Server. */
  protected override renderIdentity(identity: IdentityOptions): string {
    return `IDENTITY(${identity.start ?? 1},${identity.increment ?? 1})`;
  }

  protected override renderAddColumnKeyword(): string {
    return 'ADD';
  }

  /** `IF EXISTS` on DROP TABLE / COLUMN / INDEX / CONSTRAINT only: T-SQL has no `IF NOT EXISTS`. */
  protected override renderExistenceClause(
    asked: boolean | undefined,
    clause: 'IF EXISTS' | 'IF NOT EXISTS',
    operationKind: string,
  ): string {
    if (asked && (clause === 'IF NOT EXISTS' || !IF_EXISTS_KINDS.has(operationKind))) {
      throw new UnsupportedOperationError(
        this.dialectName,
        `SQL Server has no ${clause} for ${operationKind}; leave ${clause === 'IF EXISTS' ? 'ifExists' : 'ifNotExists'} out`,
        { operationKind },
      );
    }
    return super.renderExistenceClause(asked, clause, operationKind);
  }

  /** `EXEC sp_rename 's.t1', t2`. */
  protected override compileRenameTable(operation: RenameTableOperation): string[] {
    const oldName = this.formatTableName(operation.oldTableName, operation.schema);
    return [`EXEC sp_rename ${tsqlString(oldName)}, ${this.quoteIdentifier(operation.newTableName)}`];
  }

  /**
   * `ALTER TABLE t DROP COLUMN c`, after dropping the constraints that would block it: the
   * column's default when `existingColumn` has one or `dialectOptions.mssql.dropDefault` asks,
   * its check (`dropCheck`) and foreign key (`dropForeignKey`) when asked.
   */
  protected override compileDropColumn(operation: DropColumnOperation): string[] {
    const mssqlOptions = this.ownDialectOptions(operation.dialectOptions);
    const kinds = new Set<MssqlColumnConstraintKind>();
    for (const [key, value] of Object.entries(mssqlOptions)) {
      const kind = DROP_COLUMN_OPTIONS[key];
      if (kind === undefined) {
        throw new InvalidOperationError(
          `Unknown SQL Server dropColumn option ${key}; known: ${Object.keys(DROP_COLUMN_OPTIONS).join(', ')}`,
        );
      }
      if (value === true) {
        kinds.add(kind);
      }
    }
    if (operation.existingColumn?.serverDefault !== undefined) {
      kinds.add('default');
    }
    const blocks = (['default', 'check', 'foreignKey'] as const)
      .filter((kind) => kinds.has(kind))
      .map((kind) => this.dropConstraintBlock(kind, operation, operation.columnName));
    return [...blocks, ...super.compileDropColumn(operation)];
  }

  /** The T-SQL block dropping a column's constraint of `kind` by looking up its name. */
  protected dropConstraintBlock(kind: MssqlColumnConstraintKind, target: TableTarget, columnName: string): string {
    return dropColumnConstraintBlock(kind, {
      tableSql: this.formatTableName(target.tableName, target.schema),
      columnName,
    });
  }

  // ---- ALTER COLUMN ------------------------------------------------------------------------

  /**
   * In order: the CHECK of an old boolean/enum type dropped, the default dropped by lookup,
   * `ALTER COLUMN c <type> NULL|NOT NULL`, `ADD DEFAULT x FOR c`, the new type's CHECK, the
   * comment, `sp_rename` last (see `planMssqlAlterColumn`).
   */
  protected override compileAlterColumn(operation: AlterColumnOperation): string[] {
    if (operation.autoincrement !== undefined || operation.existingAutoincrement !== undefined) {
      this.warn('autoincrement and existingAutoincrement only make sense for MySQL');
    }
    const plan = planMssqlAlterColumn(operation);
    if (plan.warning !== undefined) {
      this.warn(plan.warning);
    }
    const statements: string[] = [];
    if (operation.type !== undefined && operation.existingType !== undefined) {
      statements.push(...this.dropTypeBoundConstraint(operation));
    }
    if (plan.dropDefault) {
      statements.push(this.dropConstraintBlock('default', operation, operation.columnName));
    }
    if (plan.alterColumn !== undefined) {
      const nullability =
        plan.alterColumn.nullable === undefined ? '' : plan.alterColumn.nullable ? ' NULL' : ' NOT NULL';
      statements.push(`${this.alterColumnPrefix(operation)} ${this.renderType(plan.alterColumn.type)}${nullability}`);
    }
    if (plan.addDefault !== undefined) {
      statements.push(
        `${this.alterTable(operation)} ADD DEFAULT ${this.renderServerDefault(plan.addDefault)} FOR ${this.quoteIdentifier(operation.columnName)}`,
      );
    }
    if (operation.identity !== undefined) {
      statements.push(...this.alterColumnIdentity(operation, operation.identity));
    }
    if (operation.type !== undefined) {
      statements.push(...this.addTypeBoundConstraint(operation, operation.type));
    }
    if (operation.comment !== undefined) {
      statements.push(
        this.changeCommentStatement(
          this.commentTarget(operation, operation.columnName),
          operation.comment,
          operation.existingComment,
        ),
      );
    }
    if (operation.newColumnName !== undefined && operation.newColumnName !== operation.columnName) {
      statements.push(...this.alterColumnRename(operation, operation.newColumnName));
    }
    return statements;
  }

  /** `EXEC sp_rename 't.c', c2, 'COLUMN'`. */
  protected override alterColumnRename(operation: AlterColumnOperation, newColumnName: string): string[] {
    const oldName = `${this.formatTableName(operation.tableName, operation.schema)}.${this.quoteIdentifier(operation.columnName)}`;
    return [`EXEC sp_rename ${tsqlString(oldName)}, ${this.quoteIdentifier(newColumnName)}, 'COLUMN'`];
  }

  // ---- indexes -----------------------------------------------------------------------------

  /**
   * `CREATE [UNIQUE] [CLUSTERED | NONCLUSTERED] INDEX ix ON t (a) [INCLUDE (b)] [WHERE ...]`,
   * from `dialectOptions.mssql` (`clustered`, `include`, `where`).
   */
  protected override indexStatementParts(model: IndexModel): IndexStatementParts {
    const mssqlOptions = readMssqlIndexOptions(this.ownDialectOptions(model.dialectOptions));
    const clustered = mssqlOptions.clustered === undefined ? '' : mssqlOptions.clustered ? 'CLUSTERED' : 'NONCLUSTERED';
    return {
      beforeIndex: `${model.unique ? 'UNIQUE ' : ''}${clustered}`.trim(),
      afterColumns: mssqlOptions.include.length > 0 ? [`INCLUDE (${this.formatColumnList(mssqlOptions.include)})`] : [],
      where: mssqlOptions.where,
    };
  }

  /** `DROP INDEX [IF EXISTS] ix ON t`: SQL Server needs the table. */
  protected override compileDropIndex(operation: DropIndexOperation): string[] {
    return this.compileDropIndexOnTable(operation, 'SQL Server');
  }

  // ---- comments (extended properties) ------------------------------------------------------

  /** Where the comment of a table (or of its column) is filed. */
  protected commentTarget(target: TableTarget, columnName?: string): MssqlCommentTarget {
    return {
      schema: target.schema ?? this.defaultSchema,
      tableName: target.tableName,
      ...(columnName === undefined ? {} : { columnName }),
    };
  }

  /** Add (known absent), update (known present), or ask the catalog first (unknown). */
  protected changeCommentStatement(
    target: MssqlCommentTarget,
    comment: string | null,
    existing: string | null | undefined,
  ): string {
    if (comment === null) {
      return existing === undefined ? setCommentStatement(target, null) : commentStatement('drop', target);
    }
    if (existing === undefined) {
      return setCommentStatement(target, comment);
    }
    return commentStatement(existing === null ? 'add' : 'update', target, comment);
  }

  /** The comments of a new table and its columns: `sp_addextendedproperty` each. */
  protected override tableCommentStatements(table: TableModel): string[] {
    const target = { tableName: table.name, schema: table.schema };
    const statements =
      table.comment === undefined ? [] : [commentStatement('add', this.commentTarget(target), table.comment)];
    for (const column of table.columns) {
      if (column.comment !== undefined) {
        statements.push(...this.columnCommentStatements(target, column.name, column.comment));
      }
    }
    return statements;
  }

  /** The comment of a new column (`addColumn`): `sp_addextendedproperty`. */
  protected override columnCommentStatements(
    target: TableTarget,
    columnName: string,
    comment: string | null,
  ): string[] {
    const commentTarget = this.commentTarget(target, columnName);
    return [
      comment === null ? commentStatement('drop', commentTarget) : commentStatement('add', commentTarget, comment),
    ];
  }

  protected override setTableCommentStatement(target: TableTarget, comment: string | null): string {
    return setCommentStatement(this.commentTarget(target), comment);
  }

  protected override compileCreateTableComment(operation: CreateTableCommentOperation): string[] {
    return [this.changeCommentStatement(this.commentTarget(operation), operation.comment, operation.existingComment)];
  }

  protected override compileDropTableComment(operation: DropTableCommentOperation): string[] {
    return [this.changeCommentStatement(this.commentTarget(operation), null, operation.existingComment)];
  }

  // ---- data --------------------------------------------------------------------------------

  /**
   * The INSERTs, between `SET IDENTITY_INSERT t ON` and `OFF` when the rows give values for an
   * identity column: one the table model marks as generated (`SET` as is), or, when the
   * operation does not know the table's columns, one the catalog lists (`IF EXISTS (...) SET`).
   */
  protected override compileBulkInsert(operation: BulkInsertOperation): string[] {
    const inserts = super.compileBulkInsert(operation);
    if (inserts.length === 0) {
      return inserts;
    }
    const { table } = operation;
    const given = new Set(operation.rows.flatMap((row) => Object.keys(row)));
    const tableSql = this.formatTableName(table.name, table.schema);
    let guard = '';
    if (table.columns === undefined) {
      const names = [...given].map((name) => tsqlString(name, { national: true })).join(', ');
      guard = `IF EXISTS (SELECT 1 FROM sys.identity_columns WHERE object_id = OBJECT_ID(${tsqlString(tableSql, { national: true })}) AND name IN (${names})) `;
    } else if (!table.columns.some((column) => column.generated === true && given.has(column.name))) {
      return inserts;
    }
    return [`${guard}SET IDENTITY_INSERT ${tableSql} ON`, ...inserts, `${guard}SET IDENTITY_INSERT ${tableSql} OFF`];
  }
}

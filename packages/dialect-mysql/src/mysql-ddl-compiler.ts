import {
  DefaultDdlCompiler,
  InvalidOperationError,
  UnsupportedOperationError,
  isAutoincrementColumn,
} from '@alembic/core/dialect';
import type {
  AlterColumnOperation,
  BatchRecreatePlan,
  ColumnModel,
  ColumnRenderContext,
  ColumnType,
  DdlCompilerOptions,
  DropConstraintOperation,
  DropIndexOperation,
  IndexModel,
  IndexStatementParts,
  TableModel,
  TableTarget,
  TypeSpellings,
} from '@alembic/core/dialect';
import type { MysqlColumnRestatement } from './mysql-alter-column-plan.js';
import { planMysqlAlterColumn } from './mysql-alter-column-plan.js';
import { capabilitiesOfFlavour } from './mysql-capabilities.js';
import type { MysqlFlavour } from './mysql-flavour.js';
import { readMysqlIndexOptions } from './mysql-index-options.js';
import { MYSQL_RESERVED_WORDS } from './mysql-reserved-words.js';

/** Options of {@link MysqlDdlCompiler}. */
export interface MysqlDdlCompilerOptions extends DdlCompilerOptions {
  /** The server the SQL is for; `'mysql'` unless told otherwise. */
  readonly flavour?: MysqlFlavour;
}

/**
 * The SQL of the column kinds MySQL and MariaDB spell one way, whatever the type's details, where
 * it differs from the default compiler's.
 */
const TYPE_SPELLINGS: TypeSpellings = {
  boolean: 'BOOL',
};

/** Operation kinds whose `IF [NOT] EXISTS` MySQL 8 has; MariaDB has them all. */
const MYSQL_EXISTENCE_KINDS: ReadonlySet<string> = new Set(['createTable', 'dropTable']);

/**
 * MySQL's and MariaDB's DDL: core's `DefaultDdlCompiler` with only their differences overridden
 * (Alembic's `MySQLImpl` / `MariaDBImpl` on SQLAlchemy's MySQL dialect).
 *
 * - Backtick quoting; MySQL's and MariaDB's reserved words; `\` doubled in string literals.
 * - Types: `BOOL`, `DATETIME`, `ENUM('a','b')` inline, `JSON`, `BLOB` / `VARBINARY(n)`,
 *   `CHAR(36)` for UUIDs (native `UUID` on MariaDB), `COLLATE x` after string types; `VARCHAR`
 *   needs a length.
 * - Columns as SQLAlchemy writes them: `c INTEGER NOT NULL COMMENT 'x' DEFAULT '1'`, with
 *   `AUTO_INCREMENT` on the table's autoincrement key; comments inline (`COMMENT '...'`) and
 *   `CREATE TABLE ... COMMENT='...'` / `ALTER TABLE t COMMENT '...'` for tables.
 * - `alterColumn` as `MODIFY c <full spec>` / `CHANGE old new <full spec>` (both need the
 *   existing type) or `ALTER COLUMN c SET DEFAULT x` / `DROP DEFAULT`.
 * - `DROP FOREIGN KEY`, `DROP INDEX` (unique), `DROP PRIMARY KEY`, and `DROP CHECK` (MySQL) or
 *   `DROP CONSTRAINT` (MariaDB); a `dropConstraint` without a type is refused.
 * - `DROP INDEX ix ON t`.
 *
 * ```ts
 * const compiler = new MysqlDdlCompiler({ flavour: 'mariadb' });
 * compiler.compile(dropConstraintOperation({ constraintName: 'ck_amount', tableName: 'order', type: 'check' }));
 * // ['ALTER TABLE `order` DROP CONSTRAINT ck_amount']
 * ```
 */
export class MysqlDdlCompiler extends DefaultDdlCompiler {
  /** The server flavour the SQL is written for. */
  readonly flavour: MysqlFlavour;

  constructor(options: MysqlDdlCompilerOptions = {}) {
    const flavour = options.flavour ?? 'mysql';
    super({ ...options, dialectName: 'mysql', capabilities: capabilitiesOfFlavour(flavour) });
    this.flavour = flavour;
  }

  /** `MySQL` or `MariaDB`, for messages. */
  protected get serverName(): string {
    return this.flavour === 'mariadb' ? 'MariaDB' : 'MySQL';
  }

  /** `dialectOptions.mysql`, with `dialectOptions.mariadb` over it for MariaDB. */
  protected override ownDialectOptions(
    dialectOptions: Readonly<Record<string, Readonly<Record<string, unknown>>>> | undefined,
  ): Readonly<Record<string, unknown>> {
    const mysqlOptions = super.ownDialectOptions(dialectOptions);
    return this.flavour === 'mariadb' ? { ...mysqlOptions, ...dialectOptions?.mariadb } : mysqlOptions;
  }

  // ---- names, types, literals --------------------------------------------------------------

  protected override get reservedWords(): ReadonlySet<string> {
    return MYSQL_RESERVED_WORDS;
  }

  protected override quoteAlways(name: string): string {
    return `\`${name.replaceAll('`', '``')}\``;
  }

  protected override get typeSpellings(): TypeSpellings {
    return TYPE_SPELLINGS;
  }

  override renderType(type: ColumnType): string {
    switch (type.kind) {
      case 'string':
        if (type.length === undefined) {
          throw new InvalidOperationError(
            `${this.serverName} needs a length for VARCHAR: use string(255), or text() for long text`,
          );
        }
        return this.withCollation(`VARCHAR(${type.length})`, type.collation);
      case 'text':
        return this.withCollation('TEXT', type.collation);
      case 'largeBinary':
        return type.length === undefined ? 'BLOB' : `VARBINARY(${type.length})`;
      case 'enum':
        return this.isNativeEnum(type)
          ? `ENUM(${type.values.map((value) => this.renderStringLiteral(value)).join(',')})`
          : super.renderType(type);
      case 'uuid':
        return this.capabilities.nativeUuid ? 'UUID' : 'CHAR(36)';
      default:
        return super.renderType(type);
    }
  }

  /** `ENUM(...)` needs no type name on MySQL: every enum with `nativeEnum` is native. */
  protected override isNativeEnum(type: Extract<ColumnType, { kind: 'enum' }>): boolean {
    return type.nativeEnum;
  }

  /** `TYPE COLLATE name`. */
  protected withCollation(rendered: string, collation: string | undefined): string {
    return collation === undefined ? rendered : `${rendered} COLLATE ${this.quoteIdentifier(collation)}`;
  }

  /** `'text'` with quotes doubled and backslashes doubled (MySQL reads `\` as an escape). */
  protected override renderStringLiteral(text: string): string {
    return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
  }

  /** As the default, without a zone offset: `DATETIME` has no time zone. */
  protected override renderDateLiteral(value: Date, type?: ColumnType): string {
    return super.renderDateLiteral(value, type?.kind === 'dateTime' ? { kind: 'dateTime', timezone: false } : type);
  }

  // ---- columns and tables ------------------------------------------------------------------

  /** `name TYPE [NOT NULL] [COMMENT 'x'] [AUTO_INCREMENT | DEFAULT x]`, SQLAlchemy's order. */
  protected override renderColumnSpec(column: ColumnModel, context: ColumnRenderContext): string {
    const parts = [this.quoteIdentifier(column.name), this.renderColumnType(column, context)];
    if (!column.nullable) {
      parts.push('NOT NULL');
    }
    const comment = this.renderInlineColumnComment(column);
    if (comment !== '') {
      parts.push(comment);
    }
    if (this.isAutoincrement(column, context)) {
      parts.push('AUTO_INCREMENT');
    } else if (column.serverDefault !== undefined) {
      parts.push(`DEFAULT ${this.renderServerDefault(column.serverDefault)}`);
    }
    return parts.join(' ');
  }

  /** In a table: the table's autoincrement column; alone (ADD COLUMN): `autoincrement: true`. */
  protected isAutoincrement(column: ColumnModel, context: ColumnRenderContext): boolean {
    if (column.identity !== undefined) {
      return true;
    }
    return context.table === undefined ? column.autoincrement === true : isAutoincrementColumn(context.table, column);
  }

  protected override renderInlineColumnComment(column: ColumnModel): string {
    return column.comment === undefined || column.comment === ''
      ? ''
      : `COMMENT ${this.renderStringLiteral(column.comment)}`;
  }

  /** CREATE TABLE with the table comment as a table option: `CREATE TABLE t (...) COMMENT='x'`. */
  protected override createTableStatement(
    table: TableModel,
    options: { ifNotExists?: boolean; namingTableName?: string } = {},
  ): string {
    const statement = super.createTableStatement(table, options);
    return table.comment === undefined ? statement : `${statement} COMMENT=${this.renderStringLiteral(table.comment)}`;
  }

  /** Comments are written inline in CREATE TABLE, never as separate statements. */
  protected override tableCommentStatements(_table: TableModel): string[] {
    return [];
  }

  /** `ALTER TABLE t COMMENT 'x'` (removing it: `COMMENT ''`). */
  protected override setTableCommentStatement(target: TableTarget, comment: string | null): string {
    return `${this.alterTable(target)} COMMENT ${this.renderStringLiteral(comment ?? '')}`;
  }

  /** `IF [NOT] EXISTS`: tables only on MySQL; tables, columns, indexes and constraints on MariaDB. */
  protected override renderExistenceClause(
    asked: boolean | undefined,
    clause: 'IF EXISTS' | 'IF NOT EXISTS',
    operationKind: string,
  ): string {
    if (asked && this.flavour === 'mysql' && !MYSQL_EXISTENCE_KINDS.has(operationKind)) {
      throw new UnsupportedOperationError(
        this.dialectName,
        `MySQL has no ${clause} for ${operationKind} (MariaDB has); leave ${clause === 'IF EXISTS' ? 'ifExists' : 'ifNotExists'} out`,
        { operationKind },
      );
    }
    return super.renderExistenceClause(asked, clause, operationKind);
  }

  // ---- ALTER COLUMN: MODIFY, CHANGE, SET / DROP DEFAULT ----------------------------------------

  /**
   * One `MODIFY`, `CHANGE` or `ALTER COLUMN ... DEFAULT` statement (see `planMysqlAlterColumn`),
   * then the CHECK a new boolean or enum type asks for. The CHECK of the old type is left in
   * place, as Alembic does on MySQL.
   */
  protected override compileAlterColumn(operation: AlterColumnOperation): string[] {
    const plan = planMysqlAlterColumn(operation);
    const column = this.quoteIdentifier(operation.columnName);
    if (
      (plan.form === 'modify' || plan.form === 'change') &&
      operation.nullable === undefined &&
      operation.existingNullable === undefined
    ) {
      this.warn(
        `MySQL ${plan.form === 'modify' ? 'MODIFY' : 'CHANGE'} restates '${operation.tableName}.${operation.columnName}' as NULL: pass existingNullable (false keeps it NOT NULL)`,
      );
    }
    let statements: string[];
    switch (plan.form) {
      case 'none':
        statements = [];
        break;
      case 'default':
        statements = this.alterColumnServerDefault(operation, plan.serverDefault);
        break;
      case 'modify':
        statements = [`${this.alterTable(operation)} MODIFY ${column} ${this.renderRestatement(plan.column)}`];
        break;
      case 'change':
        statements = [
          `${this.alterTable(operation)} CHANGE ${column} ${this.quoteIdentifier(plan.newColumnName)} ${this.renderRestatement(plan.column)}`,
        ];
        break;
    }
    if (operation.type !== undefined) {
      statements.push(...this.addTypeBoundConstraint(operation, operation.type));
    }
    return statements;
  }

  /** `TYPE NULL|NOT NULL [AUTO_INCREMENT] [DEFAULT x] [COMMENT 'x']`. */
  protected renderRestatement(column: MysqlColumnRestatement): string {
    const parts = [this.renderType(column.type), column.nullable ? 'NULL' : 'NOT NULL'];
    if (column.autoincrement) {
      parts.push('AUTO_INCREMENT');
    }
    if (column.serverDefault !== undefined) {
      parts.push(`DEFAULT ${this.renderServerDefault(column.serverDefault)}`);
    }
    if (column.comment !== undefined) {
      parts.push(`COMMENT ${this.renderStringLiteral(column.comment)}`);
    }
    return parts.join(' ');
  }

  /** MySQL leaves the CHECK of a boolean or enum type alone when the type changes. */
  protected override dropTypeBoundConstraint(_operation: AlterColumnOperation): string[] {
    return [];
  }

  // ---- indexes -----------------------------------------------------------------------------

  /**
   * `CREATE [UNIQUE | FULLTEXT | SPATIAL] INDEX [IF NOT EXISTS] ix ON t (c(10), ...) [USING x]`,
   * reading `dialectOptions.mysql` (`prefix`, `length`, `using`).
   */
  protected override indexStatementParts(model: IndexModel): IndexStatementParts {
    const mysqlOptions = readMysqlIndexOptions(this.ownDialectOptions(model.dialectOptions));
    if (mysqlOptions === undefined) {
      return {};
    }
    return {
      beforeIndex: mysqlOptions.prefix,
      formatElement: (element) => {
        const rendered = this.formatIndexElement(element);
        const length = typeof element === 'string' ? mysqlOptions.lengthOf(element) : undefined;
        return length === undefined ? rendered : `${rendered}(${length})`;
      },
      afterColumns: mysqlOptions.using === undefined ? [] : [`USING ${mysqlOptions.using}`],
    };
  }

  /** `DROP INDEX [IF EXISTS] ix ON t`: MySQL needs the table. */
  protected override compileDropIndex(operation: DropIndexOperation): string[] {
    return this.compileDropIndexOnTable(operation, this.serverName);
  }

  // ---- batch rebuilds ------------------------------------------------------------------------

  /**
   * The original table's named foreign keys and checks that the copy keeps are dropped before it
   * is created (as Alembic's `prep_table_for_batch` does on PostgreSQL): InnoDB foreign key
   * names, and MySQL 8 check names, are unique per database, so the copy could not be created
   * under the same names while the original still holds them.
   */
  protected override compileBatchPreparation(plan: BatchRecreatePlan): string[] {
    const { originalTable } = plan;
    return this.constraintsNamedAsInCopy(plan).flatMap(({ name, constraint }) => {
      if (constraint.kind !== 'foreignKeyConstraint' && constraint.kind !== 'checkConstraint') return [];
      return this.compileDropConstraint({
        kind: 'dropConstraint',
        tableName: originalTable.name,
        ...(originalTable.schema === undefined ? {} : { schema: originalTable.schema }),
        constraintName: name,
        type: constraint.kind === 'foreignKeyConstraint' ? 'foreignkey' : 'check',
      });
    });
  }

  // ---- constraints -------------------------------------------------------------------------

  /**
   * `DROP FOREIGN KEY n`, `DROP INDEX n` (unique), `DROP PRIMARY KEY`, `DROP CHECK n` (MySQL) or
   * `DROP CONSTRAINT n` (MariaDB). MySQL has no generic DROP CONSTRAINT for an unknown type.
   */
  protected override compileDropConstraint(operation: DropConstraintOperation): string[] {
    const prefix = this.alterTable(operation);
    if (operation.type === undefined) {
      throw new UnsupportedOperationError(
        this.dialectName,
        "No generic 'DROP CONSTRAINT' in MySQL - please specify constraint type",
        { operationKind: 'dropConstraint' },
      );
    }
    if (operation.type === 'primary') {
      if (operation.ifExists) {
        throw new UnsupportedOperationError(this.dialectName, `${this.serverName} has no DROP PRIMARY KEY IF EXISTS`, {
          operationKind: 'dropConstraint',
        });
      }
      return [`${prefix} DROP PRIMARY KEY`];
    }
    const existence = this.renderExistenceClause(operation.ifExists, 'IF EXISTS', 'dropConstraint');
    const name = this.quoteIdentifier(this.dropConstraintName(operation));
    const keyword = {
      foreignkey: 'FOREIGN KEY',
      unique: 'INDEX',
      check: this.flavour === 'mariadb' ? 'CONSTRAINT' : 'CHECK',
    }[operation.type];
    return [`${prefix} DROP ${keyword} ${existence}${name}`];
  }
}

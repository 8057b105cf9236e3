import { InvalidOperationError } from '../errors/invalid-operation-error.js';
import { UnsupportedOperationError } from '../errors/unsupported-operation-error.js';
import type { AddColumnOperation } from '../operations/add-column-operation.js';
import { indexOfOperation } from '../operations/constraint-operations.js';
import type { CreateIndexOperation } from '../operations/create-index-operation.js';
import type { CreateTableCommentOperation } from '../operations/create-table-comment-operation.js';
import type { CreateTableOperation } from '../operations/create-table-operation.js';
import type { DropColumnOperation } from '../operations/drop-column-operation.js';
import type { DropConstraintOperation } from '../operations/drop-constraint-operation.js';
import type { DropIndexOperation } from '../operations/drop-index-operation.js';
import type { DropTableCommentOperation } from '../operations/drop-table-comment-operation.js';
import type { DropTableOperation } from '../operations/drop-table-operation.js';
import type { RenameTableOperation } from '../operations/rename-table-operation.js';
import type { ColumnModel } from '../schema/column.js';
import type { ConstraintModel } from '../schema/constraints.js';
import { constraintNameText } from '../schema/converted-name.js';
import type { IndexElement, IndexModel } from '../schema/index-model.js';
import { indexColumnNames } from '../schema/index-model.js';
import type { TableModel } from '../schema/table.js';
import type { DefaultDdlCompilerOptions } from './default-ddl-renderer.js';
import { DefaultDdlRenderer } from './default-ddl-renderer.js';
import type { IndexStatementParts } from './index-statement-parts.js';

/** The table an ALTER statement targets. */
export interface TableTarget {
  readonly tableName: string;
  readonly schema?: string | undefined;
}

/**
 * The statements of the generic SQL dialect for tables, columns, indexes, constraints and
 * comments, built from the fragments of {@link DefaultDdlRenderer}; every one is a `protected`
 * hook. {@link DefaultDdlCompiler} adds the dispatch per operation, ALTER COLUMN, data and
 * batch statements on top.
 */
export class DefaultDdlStatements extends DefaultDdlRenderer {
  constructor(options: DefaultDdlCompilerOptions = {}) {
    super(options);
  }

  // ---- helpers -----------------------------------------------------------------------------

  /** `IF EXISTS ` / `IF NOT EXISTS ` when asked for, after checking the dialect has it. */
  protected renderExistenceClause(
    asked: boolean | undefined,
    clause: 'IF EXISTS' | 'IF NOT EXISTS',
    operationKind: string,
  ): string {
    if (!asked) {
      return '';
    }
    if (!this.capabilities.supportsIfExists) {
      throw new UnsupportedOperationError(
        this.dialectName,
        `The ${this.dialectName} dialect has no ${clause} (${operationKind})`,
        { operationKind },
      );
    }
    return `${clause} `;
  }

  /** `ALTER TABLE <table>`. */
  protected alterTable(target: TableTarget): string {
    return `ALTER TABLE ${this.formatTableName(target.tableName, target.schema)}`;
  }

  /** Refuses constraint ALTERs on dialects without them, pointing to batch mode. */
  protected requireAlterConstraints(operationKind: string): void {
    if (!this.capabilities.supportsAlterConstraints) {
      throw new UnsupportedOperationError(
        this.dialectName,
        `No support for ALTER of constraints in ${this.dialectName} dialect. Please refer to the batch mode feature which allows for SQLite migrations using a copy-and-move strategy.`,
        { operationKind },
      );
    }
  }

  /** Refuses comment operations on dialects without comments. */
  protected requireComments(operationKind: string): void {
    if (!this.capabilities.supportsComments) {
      throw new UnsupportedOperationError(
        this.dialectName,
        `The ${this.dialectName} dialect has no table or column comments`,
        {
          operationKind,
        },
      );
    }
  }

  // ---- tables ------------------------------------------------------------------------------

  /** CREATE TABLE, then its indexes, then comments. */
  protected compileCreateTable(operation: CreateTableOperation): string[] {
    const { table } = operation;
    return [
      ...this.statementsBeforeCreateTable(table),
      this.createTableStatement(table, { ifNotExists: operation.ifNotExists }),
      ...this.tableIndexStatements(table),
      ...this.tableCommentStatements(table),
    ];
  }

  /** Statements a dialect needs before CREATE TABLE (PostgreSQL: `CREATE TYPE` for enums). */
  protected statementsBeforeCreateTable(_table: TableModel): string[] {
    return [];
  }

  /**
   * `CREATE TABLE t (columns, PRIMARY KEY, constraints...)`: explicit constraints first, then
   * those declared on columns (unique, foreign key, boolean/enum check), column by column.
   * `namingTableName` names constraints after another table (a batch's temporary copy).
   */
  protected createTableStatement(
    table: TableModel,
    options: { ifNotExists?: boolean; namingTableName?: string } = {},
  ): string {
    const namingTableName = options.namingTableName ?? table.name;
    const context = { tableName: table.name, table };
    const elements = table.columns.map((column) => this.renderColumnSpec(column, context));
    if (table.primaryKey !== undefined) {
      elements.push(this.renderConstraint(namingTableName, table.primaryKey));
    }
    const constraints: ConstraintModel[] = [
      ...table.constraints,
      ...table.columns.flatMap((column) => this.columnConstraints(namingTableName, column)),
    ];
    elements.push(...constraints.map((constraint) => this.renderConstraint(namingTableName, constraint)));
    const existence = this.renderExistenceClause(options.ifNotExists, 'IF NOT EXISTS', 'createTable');
    return `CREATE TABLE ${existence}${this.formatTableName(table.name, table.schema)} (${elements.join(', ')})`;
  }

  /** Constraints a column declares: `unique` (unless indexed), `references`, a type's CHECK. */
  protected columnConstraints(tableName: string, column: ColumnModel): ConstraintModel[] {
    const constraints: ConstraintModel[] = [];
    if (column.unique && !column.index) {
      constraints.push({ kind: 'uniqueConstraint', columns: [column.name] });
    }
    if (column.references !== undefined) {
      const { table: referredTable, column: referredColumn, schema: referredSchema, ...options } = column.references;
      constraints.push({
        kind: 'foreignKeyConstraint',
        columns: [column.name],
        referredTable,
        ...(referredSchema === undefined ? {} : { referredSchema }),
        referredColumns: [referredColumn],
        ...options,
      });
    }
    const check = this.schemaTypeConstraint(tableName, column);
    if (check !== undefined) {
      constraints.push(check);
    }
    return constraints;
  }

  /** Indexes of a table: explicit ones, then the columns flagged `index: true`. */
  protected tableIndexes(table: TableModel): IndexModel[] {
    const flagged: IndexModel[] = table.columns
      .filter((column) => column.index)
      .map((column) => ({ kind: 'index', columns: [column.name], unique: column.unique }));
    return [...table.indexes, ...flagged];
  }

  /** `CREATE INDEX` for each index of a table. */
  protected tableIndexStatements(table: TableModel): string[] {
    return this.tableIndexes(table).map((model) =>
      this.createIndexStatement({ tableName: table.name, schema: table.schema }, model, {}),
    );
  }

  /** `COMMENT ON TABLE` / `COMMENT ON COLUMN` for a new table, when the dialect has comments. */
  protected tableCommentStatements(table: TableModel): string[] {
    if (!this.capabilities.supportsComments) {
      return [];
    }
    const target = { tableName: table.name, schema: table.schema };
    const statements = table.comment === undefined ? [] : [this.setTableCommentStatement(target, table.comment)];
    for (const column of table.columns) {
      if (column.comment !== undefined) {
        statements.push(...this.columnCommentStatements(target, column.name, column.comment));
      }
    }
    return statements;
  }

  /** `DROP TABLE [IF EXISTS] t`. */
  protected compileDropTable(operation: DropTableOperation): string[] {
    const existence = this.renderExistenceClause(operation.ifExists, 'IF EXISTS', 'dropTable');
    return [`DROP TABLE ${existence}${this.formatTableName(operation.tableName, operation.schema)}`];
  }

  /** `ALTER TABLE s.t1 RENAME TO s.t2`. */
  protected compileRenameTable(operation: RenameTableOperation): string[] {
    return [
      `${this.alterTable({
        tableName: operation.oldTableName,
        schema: operation.schema,
      })} RENAME TO ${this.renderRenameTableTarget(operation.newTableName, operation.schema)}`,
    ];
  }

  /** The new name in `RENAME TO`: schema-qualified generically, bare on most real databases. */
  protected renderRenameTableTarget(newTableName: string, schema: string | undefined): string {
    return this.formatTableName(newTableName, schema);
  }

  // ---- columns -----------------------------------------------------------------------------

  /**
   * `ALTER TABLE t ADD COLUMN <spec>`, then the column's unique constraint, foreign key and
   * type CHECK as separate ALTERs, its index, and its comment.
   */
  protected compileAddColumn(operation: AddColumnOperation): string[] {
    const { column } = operation;
    const target = { tableName: operation.tableName, schema: operation.schema };
    const inlineReferences =
      column.references !== undefined &&
      (operation.inlineReferences === true || !this.capabilities.supportsAlterConstraints);
    let spec = this.renderColumnSpec(column, { tableName: operation.tableName });
    if (operation.inlinePrimaryKey) {
      spec += ' PRIMARY KEY';
    }
    if (inlineReferences && column.references !== undefined) {
      const { table: referredTable, column: referredColumn, schema: referredSchema, ...options } = column.references;
      spec += ` ${this.renderReferences({
        referredTable,
        referredSchema,
        referredColumns: [referredColumn],
        ...options,
      })}`;
    }
    const existence = this.renderExistenceClause(operation.ifNotExists, 'IF NOT EXISTS', 'addColumn');
    const statements = [`${this.alterTable(target)} ${this.renderAddColumnKeyword()} ${existence}${spec}`];
    for (const constraint of this.columnConstraints(operation.tableName, column)) {
      if (constraint.kind === 'foreignKeyConstraint' && inlineReferences) {
        continue;
      }
      if (constraint.kind === 'checkConstraint' && !this.capabilities.supportsAlterConstraints) {
        this.warn(
          `The ${this.dialectName} dialect cannot add the CHECK constraint of column '${column.name}' with ALTER; it is skipped (use batchAlterTable to get it)`,
        );
        continue;
      }
      statements.push(...this.compileAddConstraint(target, constraint));
    }
    if (column.index) {
      statements.push(
        this.createIndexStatement(target, { kind: 'index', columns: [column.name], unique: column.unique }, {}),
      );
    }
    if (
      column.comment !== undefined &&
      this.capabilities.supportsComments &&
      this.renderInlineColumnComment(column) === ''
    ) {
      statements.push(...this.columnCommentStatements(target, column.name, column.comment));
    }
    return statements;
  }

  /** `ADD COLUMN` (SQL Server and Oracle: `ADD`). */
  protected renderAddColumnKeyword(): string {
    return 'ADD COLUMN';
  }

  /** `ALTER TABLE t DROP COLUMN [IF EXISTS] c`. */
  protected compileDropColumn(operation: DropColumnOperation): string[] {
    const existence = this.renderExistenceClause(operation.ifExists, 'IF EXISTS', 'dropColumn');
    return [`${this.alterTable(operation)} DROP COLUMN ${existence}${this.quoteIdentifier(operation.columnName)}`];
  }

  /** `COMMENT ON COLUMN t.c IS '...'` (or `IS NULL`). */
  protected columnCommentStatements(target: TableTarget, columnName: string, comment: string | null): string[] {
    const rendered = comment === null ? 'NULL' : this.renderStringLiteral(comment);
    return [
      `COMMENT ON COLUMN ${this.formatTableName(target.tableName, target.schema)}.${this.quoteIdentifier(
        columnName,
      )} IS ${rendered}`,
    ];
  }

  // ---- indexes -----------------------------------------------------------------------------

  /**
   * `CREATE [UNIQUE] INDEX [IF NOT EXISTS] ix ON t (elements) [WHERE ...]`, with the words
   * {@link DefaultDdlStatements.indexStatementParts} adds for the dialect.
   */
  protected createIndexStatement(target: TableTarget, model: IndexModel, options: { ifNotExists?: boolean }): string {
    const parts = this.indexStatementParts(model);
    const name = this.indexName(target.tableName, model);
    const existence = this.renderExistenceClause(options.ifNotExists, 'IF NOT EXISTS', 'createIndex').trim();
    const where = model.where ?? parts.where;
    if (where !== undefined && !this.capabilities.supportsPartialIndexes) {
      throw new UnsupportedOperationError(
        this.dialectName,
        `The ${this.dialectName} dialect has no partial indexes (index '${name}')`,
        {
          operationKind: 'createIndex',
        },
      );
    }
    const formatElement = parts.formatElement ?? ((element: IndexElement) => this.formatIndexElement(element));
    const words = [
      'CREATE',
      parts.beforeIndex ?? (model.unique ? 'UNIQUE' : ''),
      'INDEX',
      parts.afterIndex ?? '',
      existence,
      this.quoteIdentifier(name),
      'ON',
      this.formatTableName(target.tableName, target.schema),
      parts.beforeColumns ?? '',
      `(${model.columns.map(formatElement).join(', ')})`,
      ...(parts.afterColumns ?? []),
      where === undefined ? '' : `WHERE ${where}`,
    ];
    return words.filter((word) => word !== '').join(' ');
  }

  /** What the dialect adds to `CREATE INDEX` for an index (see {@link IndexStatementParts}); nothing by default. */
  protected indexStatementParts(_model: IndexModel): IndexStatementParts {
    return {};
  }

  /** The final name of an index, or an error when neither a name nor the convention gives one. */
  protected indexName(tableName: string, model: Pick<IndexModel, 'name' | 'columns'>): string {
    const name = this.resolveName(model.name, 'ix', { tableName, columnNames: indexColumnNames(model) });
    if (name === undefined) {
      throw new InvalidOperationError(`An index on '${tableName}' needs a name (or an 'ix' naming convention)`);
    }
    return name;
  }

  /** `createIndex` as one statement. */
  protected compileCreateIndex(operation: CreateIndexOperation): string[] {
    return [this.createIndexStatement(operation, indexOfOperation(operation), { ifNotExists: operation.ifNotExists })];
  }

  /** `DROP INDEX [IF EXISTS] [schema.]ix`. */
  protected compileDropIndex(operation: DropIndexOperation): string[] {
    const existingIndex = operation.existingIndex;
    const nameSource = {
      name: operation.indexName ?? existingIndex?.name,
      columns: existingIndex?.columns ?? [],
    };
    if (nameSource.name === undefined && operation.tableName === undefined) {
      throw new InvalidOperationError('dropIndex needs the index name, or the table name for the naming convention');
    }
    const name = this.indexName(operation.tableName ?? '', nameSource);
    const existence = this.renderExistenceClause(operation.ifExists, 'IF EXISTS', 'dropIndex');
    return [`DROP INDEX ${existence}${this.formatTableName(name, operation.schema)}`];
  }

  /**
   * `DROP INDEX [IF EXISTS] ix ON t`, for databases whose index names belong to a table (MySQL,
   * SQL Server): their `compileDropIndex` returns this.
   *
   * @param databaseName named in the error when the operation lacks its table
   */
  protected compileDropIndexOnTable(operation: DropIndexOperation, databaseName: string): string[] {
    if (operation.tableName === undefined) {
      throw new InvalidOperationError(`${databaseName} DROP INDEX needs the table: pass tableName to dropIndex`);
    }
    const name = this.indexName(operation.tableName, {
      name: operation.indexName ?? operation.existingIndex?.name,
      columns: operation.existingIndex?.columns ?? [],
    });
    const existence = this.renderExistenceClause(operation.ifExists, 'IF EXISTS', 'dropIndex');
    return [
      `DROP INDEX ${existence}${this.quoteIdentifier(name)} ON ${this.formatTableName(operation.tableName, operation.schema)}`,
    ];
  }

  // ---- constraints -------------------------------------------------------------------------

  /** `ALTER TABLE t ADD <constraint>`. */
  protected compileAddConstraint(target: TableTarget, constraint: ConstraintModel): string[] {
    this.requireAlterConstraints(`add ${constraint.kind}`);
    return [`${this.alterTable(target)} ADD ${this.renderConstraint(target.tableName, constraint)}`];
  }

  /** `ALTER TABLE t DROP CONSTRAINT [IF EXISTS] name`. */
  protected compileDropConstraint(operation: DropConstraintOperation): string[] {
    this.requireAlterConstraints('dropConstraint');
    return [
      `${this.alterTable(operation)} DROP CONSTRAINT ${this.renderExistenceClause(
        operation.ifExists,
        'IF EXISTS',
        'dropConstraint',
      )}${this.quoteIdentifier(this.dropConstraintName(operation))}`,
    ];
  }

  /** The name of the constraint to drop, through the naming convention of its type. */
  protected dropConstraintName(operation: DropConstraintOperation): string {
    const { existingConstraint, constraintName, type, tableName } = operation;
    let name: string | undefined;
    if (existingConstraint !== undefined) {
      const named = constraintName === undefined ? existingConstraint : { ...existingConstraint, name: constraintName };
      name = this.constraintName(tableName, named);
    } else if (constraintName !== undefined) {
      name =
        type === undefined
          ? constraintNameText(constraintName)
          : this.resolveName(constraintName, DROP_TYPE_KEY[type], { tableName, columnNames: [] });
    }
    if (name === undefined) {
      throw new InvalidOperationError(`dropConstraint on '${tableName}' needs a constraint name`);
    }
    return name;
  }

  // ---- comments ----------------------------------------------------------------------------

  /** `COMMENT ON TABLE t IS '...'`. */
  protected setTableCommentStatement(target: TableTarget, comment: string | null): string {
    return `COMMENT ON TABLE ${this.formatTableName(target.tableName, target.schema)} IS ${
      comment === null ? 'NULL' : this.renderStringLiteral(comment)
    }`;
  }

  /** `createTableComment`. */
  protected compileCreateTableComment(operation: CreateTableCommentOperation): string[] {
    this.requireComments('createTableComment');
    return [this.setTableCommentStatement(operation, operation.comment)];
  }

  /** `COMMENT ON TABLE t IS NULL`. */
  protected compileDropTableComment(operation: DropTableCommentOperation): string[] {
    this.requireComments('dropTableComment');
    return [this.setTableCommentStatement(operation, null)];
  }
}

const DROP_TYPE_KEY = { foreignkey: 'fk', unique: 'uq', check: 'ck', primary: 'pk' } as const;

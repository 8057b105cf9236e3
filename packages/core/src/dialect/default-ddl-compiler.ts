import { InvalidOperationError } from '../errors/invalid-operation-error.js';
import { UnsupportedOperationError } from '../errors/unsupported-operation-error.js';
import type { AlterColumnOperation } from '../operations/alter-column-operation.js';
import type { BatchAlterTableOperation } from '../operations/batch-alter-table-operation.js';
import type { BatchRecreatePlan } from '../operations/batch/plan-batch-recreate.js';
import { planBatchRecreate } from '../operations/batch/plan-batch-recreate.js';
import { requiresRecreate } from '../operations/batch/requires-recreate.js';
import type { BulkInsertColumn, BulkInsertOperation } from '../operations/bulk-insert-operation.js';
import { constraintOfOperation } from '../operations/constraint-operations.js';
import type { ExecuteOperation } from '../operations/execute-operation.js';
import type { Operation, OperationHandlers } from '../operations/operation.js';
import { dispatchOperation } from '../operations/operation.js';
import type { ColumnModel, IdentityOptions } from '../schema/column.js';
import type { ConstraintModel } from '../schema/constraints.js';
import { isInlineLiteral } from '../schema/inline-literal.js';
import type { TableModel } from '../schema/table.js';
import type { CompiledStatement, DdlCompiler } from './ddl-compiler.js';
import type { DefaultDdlCompilerOptions } from './default-ddl-renderer.js';
import { DefaultDdlStatements } from './default-ddl-statements.js';
import { splitNamedParameters } from './named-parameters.js';

/**
 * The generic SQL compiler (Alembic's default dialect): operations in, statements out, no
 * terminators. Every statement is assembled from `protected` hooks, so a dialect subclass
 * overrides only what its database does differently.
 *
 * ```ts
 * class PostgresDdlCompiler extends DefaultDdlCompiler {
 *   protected override renderRenameTableTarget(newTableName: string): string {
 *     return this.quoteIdentifier(newTableName); // ALTER TABLE s.t1 RENAME TO t2
 *   }
 * }
 * ```
 */
export class DefaultDdlCompiler extends DefaultDdlStatements implements DdlCompiler {
  /** One compiler per operation kind; `tsc` reports a missing kind. */
  protected readonly operationCompilers: OperationHandlers<string[]> = {
    createTable: (operation) => this.compileCreateTable(operation),
    dropTable: (operation) => this.compileDropTable(operation),
    renameTable: (operation) => this.compileRenameTable(operation),
    addColumn: (operation) => this.compileAddColumn(operation),
    dropColumn: (operation) => this.compileDropColumn(operation),
    alterColumn: (operation) => this.compileAlterColumn(operation),
    createIndex: (operation) => this.compileCreateIndex(operation),
    dropIndex: (operation) => this.compileDropIndex(operation),
    createUniqueConstraint: (operation) => this.compileAddConstraint(operation, constraintOfOperation(operation)),
    createForeignKey: (operation) =>
      this.compileAddConstraint(
        { tableName: operation.sourceTable, schema: operation.sourceSchema },
        constraintOfOperation(operation),
      ),
    createCheckConstraint: (operation) => this.compileAddConstraint(operation, constraintOfOperation(operation)),
    createPrimaryKey: (operation) => this.compileAddConstraint(operation, constraintOfOperation(operation)),
    dropConstraint: (operation) => this.compileDropConstraint(operation),
    createTableComment: (operation) => this.compileCreateTableComment(operation),
    dropTableComment: (operation) => this.compileDropTableComment(operation),
    bulkInsert: (operation) => this.compileBulkInsert(operation),
    execute: (operation) => [this.compileExecute(operation)],
    batchAlterTable: (operation) => this.compileBatchAlterTable(operation),
  };

  constructor(options: DefaultDdlCompilerOptions = {}) {
    super(options);
  }

  /** The statements that carry out `operation`, values inlined. */
  compile(operation: Operation): string[] {
    return dispatchOperation(this.operationCompilers, operation);
  }

  /** An `execute` operation with driver placeholders in place of `:name` parameters. */
  compileParameterized(operation: ExecuteOperation): CompiledStatement {
    if (operation.parameters === undefined) {
      return { sql: operation.sql, parameters: [] };
    }
    const values: unknown[] = [];
    const sql = splitNamedParameters(operation.sql)
      .map((segment) => {
        if ('text' in segment) {
          return segment.text;
        }
        const value = this.parameterValue(operation, segment.parameterName);
        if (isInlineLiteral(value)) {
          return this.renderLiteral(value);
        }
        values.push(value);
        return this.renderParameterPlaceholder(values.length);
      })
      .join('');
    return { sql, parameters: values };
  }

  // ---- helpers -----------------------------------------------------------------------------

  /** The placeholder of the `position`-th parameter (1-based): `?` here, `$1` on PostgreSQL. */
  protected renderParameterPlaceholder(_position: number): string {
    return '?';
  }

  private parameterValue(operation: ExecuteOperation, name: string): unknown {
    const parameters = operation.parameters ?? {};
    if (!Object.hasOwn(parameters, name)) {
      throw new InvalidOperationError(
        `execute: no value given for parameter ':${name}' (write \\: for a literal colon)`,
      );
    }
    return parameters[name];
  }

  // ---- alter column ------------------------------------------------------------------------

  /**
   * The pieces of an `alterColumn`, in Alembic's order: a CHECK bound to the old type dropped,
   * nullability, default, identity, type, the new type's CHECK, comment, rename last.
   */
  protected compileAlterColumn(operation: AlterColumnOperation): string[] {
    if (operation.autoincrement !== undefined || operation.existingAutoincrement !== undefined) {
      this.warn('autoincrement and existingAutoincrement only make sense for MySQL');
    }
    const statements: string[] = [];
    if (operation.type !== undefined && operation.existingType !== undefined) {
      statements.push(...this.dropTypeBoundConstraint(operation));
    }
    if (operation.nullable !== undefined) {
      statements.push(...this.alterColumnNullable(operation, operation.nullable));
    }
    if (operation.serverDefault !== undefined) {
      statements.push(...this.alterColumnServerDefault(operation, operation.serverDefault));
    }
    if (operation.identity !== undefined) {
      statements.push(...this.alterColumnIdentity(operation, operation.identity));
    }
    if (operation.type !== undefined) {
      statements.push(...this.alterColumnType(operation, operation.type));
      statements.push(...this.addTypeBoundConstraint(operation, operation.type));
    }
    if (operation.comment !== undefined) {
      this.requireComments('alterColumn');
      statements.push(...this.columnCommentStatements(operation, operation.columnName, operation.comment));
    }
    if (operation.newColumnName !== undefined && operation.newColumnName !== operation.columnName) {
      statements.push(...this.alterColumnRename(operation, operation.newColumnName));
    }
    return statements;
  }

  /** `ALTER TABLE t ALTER COLUMN c`. */
  protected alterColumnPrefix(operation: AlterColumnOperation): string {
    return `${this.alterTable(operation)} ALTER COLUMN ${this.quoteIdentifier(operation.columnName)}`;
  }

  /** `... SET NOT NULL` / `... DROP NOT NULL`. */
  protected alterColumnNullable(operation: AlterColumnOperation, nullable: boolean): string[] {
    return [`${this.alterColumnPrefix(operation)} ${nullable ? 'DROP NOT NULL' : 'SET NOT NULL'}`];
  }

  /** `... SET DEFAULT x` / `... DROP DEFAULT` (for `null`). */
  protected alterColumnServerDefault(
    operation: AlterColumnOperation,
    serverDefault: NonNullable<AlterColumnOperation['serverDefault']> | null,
  ): string[] {
    return [
      serverDefault === null
        ? `${this.alterColumnPrefix(operation)} DROP DEFAULT`
        : `${this.alterColumnPrefix(operation)} SET DEFAULT ${this.renderServerDefault(serverDefault)}`,
    ];
  }

  /**
   * Adds (`identity` given, `existingIdentity` unset or null), changes (both given) or drops
   * (`identity` null) a column's `GENERATED ... AS IDENTITY`. The generic dialect cannot, as in
   * Alembic; PostgreSQL overrides this.
   */
  protected alterColumnIdentity(operation: AlterColumnOperation, _identity: IdentityOptions | null): string[] {
    throw new UnsupportedOperationError(
      this.dialectName,
      `Adding, removing or modifying an "identity" construct, e.g. GENERATED AS IDENTITY, to or from an existing column is not supported in the ${this.dialectName} dialect (column '${operation.tableName}.${operation.columnName}')`,
      { operationKind: 'alterColumn' },
    );
  }

  /** `... TYPE <type>`. */
  protected alterColumnType(
    operation: AlterColumnOperation,
    type: NonNullable<AlterColumnOperation['type']>,
  ): string[] {
    if (!this.capabilities.supportsAlterColumnType) {
      throw new UnsupportedOperationError(
        this.dialectName,
        `The ${this.dialectName} dialect cannot change the type of '${operation.tableName}.${operation.columnName}' with ALTER; use batchAlterTable`,
        { operationKind: 'alterColumn' },
      );
    }
    return [`${this.alterColumnPrefix(operation)} TYPE ${this.renderType(type)}`];
  }

  /** `ALTER TABLE t RENAME c TO x`. */
  protected alterColumnRename(operation: AlterColumnOperation, newColumnName: string): string[] {
    return [
      `${this.alterTable(operation)} RENAME ${this.quoteIdentifier(operation.columnName)} TO ${this.quoteIdentifier(
        newColumnName,
      )}`,
    ];
  }

  /** Drops the named CHECK a boolean/enum old type carried, before the type changes. */
  protected dropTypeBoundConstraint(operation: AlterColumnOperation): string[] {
    const column = this.typeProbeColumn(operation, operation.existingType);
    const check = column === undefined ? undefined : this.schemaTypeConstraint(operation.tableName, column);
    if (check?.name === undefined || !this.capabilities.supportsAlterConstraints) {
      return [];
    }
    return this.compileDropConstraint({
      kind: 'dropConstraint',
      tableName: operation.tableName,
      schema: operation.schema,
      constraintName: check.name,
      type: 'check',
    });
  }

  /** Adds the CHECK a boolean/enum new type asks for, after the type changed. */
  protected addTypeBoundConstraint(
    operation: AlterColumnOperation,
    type: NonNullable<AlterColumnOperation['type']>,
  ): string[] {
    const column = this.typeProbeColumn(operation, type);
    const check = column === undefined ? undefined : this.schemaTypeConstraint(operation.tableName, column);
    if (check === undefined || !this.capabilities.supportsAlterConstraints) {
      return [];
    }
    return this.compileAddConstraint(operation, check);
  }

  private typeProbeColumn(
    operation: AlterColumnOperation,
    type: AlterColumnOperation['type'],
  ): ColumnModel | undefined {
    return type === undefined
      ? undefined
      : {
          kind: 'column',
          name: operation.columnName,
          type,
          nullable: true,
          primaryKey: false,
          autoincrement: 'auto',
          unique: false,
          index: false,
        };
  }

  // ---- data --------------------------------------------------------------------------------

  /** One `INSERT INTO t (columns) VALUES (...)` per row, values inlined. */
  protected compileBulkInsert(operation: BulkInsertOperation): string[] {
    const { table } = operation;
    const knownColumns = table.columns;
    return operation.rows.map((row) => {
      const keys = Object.keys(row);
      let columns: readonly BulkInsertColumn[];
      if (knownColumns === undefined) {
        columns = keys.map((name) => ({ name }));
      } else {
        const unknown = keys.filter((key) => !knownColumns.some((column) => column.name === key));
        if (unknown.length > 0) {
          throw new InvalidOperationError(
            `bulkInsert into '${table.name}': unknown column(s) ${unknown.map((key) => `'${key}'`).join(', ')}`,
          );
        }
        columns = knownColumns.filter((column) => keys.includes(column.name));
      }
      const names = columns.map((column) => this.quoteIdentifier(column.name)).join(', ');
      const values = columns.map((column) => this.renderLiteral(row[column.name], column.type)).join(', ');
      return `INSERT INTO ${this.formatTableName(table.name, table.schema)} (${names}) VALUES (${values})`;
    });
  }

  /** The SQL of an `execute`, with `:name` parameters written as literals. */
  protected compileExecute(operation: ExecuteOperation): string {
    if (operation.parameters === undefined) {
      return operation.sql;
    }
    return splitNamedParameters(operation.sql)
      .map((segment) =>
        'text' in segment ? segment.text : this.renderLiteral(this.parameterValue(operation, segment.parameterName)),
      )
      .join('');
  }

  // ---- batch -------------------------------------------------------------------------------

  /**
   * A batch: its operations one by one, or, when the table must be rebuilt, the rebuild planned
   * from `copyFrom` (the runtime fills it in online by reflecting the table).
   */
  protected compileBatchAlterTable(operation: BatchAlterTableOperation): string[] {
    const recreate = requiresRecreate(operation.operations, this.capabilities, operation.recreate);
    if (!recreate) {
      if (operation.partialReordering !== undefined) {
        throw new InvalidOperationError("partialReordering needs the table rebuilt; please specify recreate: 'always'");
      }
      return operation.operations.flatMap((inner) => this.compile(inner));
    }
    if (operation.copyFrom === undefined) {
      throw new InvalidOperationError(
        `Batch mode on table '${operation.tableName}' with dialect ${this.dialectName} rebuilds the table and needs its definition: online runs reflect it; in --sql mode pass copyFrom to batchAlterTable`,
      );
    }
    const plan = planBatchRecreate(operation.copyFrom, operation.operations, {
      namingConvention: this.namingConvention,
      ...(operation.partialReordering === undefined ? {} : { partialReordering: operation.partialReordering }),
    });
    return this.compileBatchRecreatePlan(plan);
  }

  /**
   * The rebuild: the batch's leading `execute` statements, {@link compileBatchPreparation},
   * CREATE the copy, INSERT ... SELECT, DROP the old table, RENAME, CREATE INDEX, the trailing
   * `execute` statements.
   */
  protected compileBatchRecreatePlan(plan: BatchRecreatePlan): string[] {
    const { originalTable, newTable, temporaryTableName } = plan;
    const schema = originalTable.schema;
    const statements = plan.executeBefore.map((operation) => this.compileExecute(operation));
    statements.push(...this.compileBatchPreparation(plan));
    statements.push(
      this.createTableStatement({ ...newTable, name: temporaryTableName }, { namingTableName: newTable.name }),
    );
    if (plan.columnTransfers.length > 0) {
      const source = this.formatTableName(originalTable.name, schema);
      const targets = plan.columnTransfers.map((transfer) => this.quoteIdentifier(transfer.targetColumn)).join(', ');
      const selections = plan.columnTransfers
        .map((transfer) => {
          const sourceColumn = `${source}.${this.quoteIdentifier(transfer.sourceColumn)}`;
          return transfer.castTo === undefined
            ? sourceColumn
            : `CAST(${sourceColumn} AS ${this.renderType(transfer.castTo)}) AS ${this.quoteIdentifier(
                transfer.targetColumn,
              )}`;
        })
        .join(', ');
      statements.push(
        `INSERT INTO ${this.formatTableName(
          temporaryTableName,
          schema,
        )} (${targets}) SELECT ${selections} FROM ${source}`,
      );
    }
    statements.push(`DROP TABLE ${this.formatTableName(originalTable.name, schema)}`);
    statements.push(
      ...this.compileRenameTable({
        kind: 'renameTable',
        oldTableName: temporaryTableName,
        newTableName: originalTable.name,
        ...(schema === undefined ? {} : { schema }),
      }),
    );
    statements.push(...this.tableIndexStatements(newTable));
    statements.push(...plan.executeAfter.map((operation) => this.compileExecute(operation)));
    return statements;
  }

  /**
   * What a rebuild does to the original table before the copy is created (Alembic's
   * `prep_table_for_batch`): nothing by default. A database whose constraint names must be
   * unique beyond their table returns {@link dropConstraintsNamedAsInCopy} here, or drops a part
   * of {@link constraintsNamedAsInCopy}.
   */
  protected compileBatchPreparation(_plan: BatchRecreatePlan): string[] {
    return [];
  }

  /**
   * The original table's named constraints, its primary key last, whose names the copy gives
   * to constraints of its own: the copy cannot take them while the original holds them where a
   * name is unique beyond its table (PostgreSQL's primary key and unique constraint names are
   * index names; MySQL's foreign key and check names are unique per database).
   */
  protected constraintsNamedAsInCopy(
    plan: BatchRecreatePlan,
  ): { readonly name: string; readonly constraint: ConstraintModel }[] {
    const { originalTable, newTable } = plan;
    const constraintsOf = (table: TableModel): ConstraintModel[] => [
      ...table.constraints,
      ...(table.primaryKey === undefined ? [] : [table.primaryKey]),
    ];
    const namesInCopy = new Set(
      constraintsOf(newTable).map((constraint) => this.constraintName(newTable.name, constraint)),
    );
    return constraintsOf(originalTable).flatMap((constraint) => {
      const name = this.constraintName(originalTable.name, constraint);
      return name !== undefined && namesInCopy.has(name) ? [{ name, constraint }] : [];
    });
  }

  /** `ALTER TABLE t DROP CONSTRAINT name` for each of {@link constraintsNamedAsInCopy}. */
  protected dropConstraintsNamedAsInCopy(plan: BatchRecreatePlan): string[] {
    const target = { tableName: plan.originalTable.name, schema: plan.originalTable.schema };
    return this.constraintsNamedAsInCopy(plan).map(
      ({ name }) => `${this.alterTable(target)} DROP CONSTRAINT ${this.quoteIdentifier(name)}`,
    );
  }
}

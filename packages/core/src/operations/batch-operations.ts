import type { ColumnModel } from '../schema/column.js';
import type { ConstraintName } from '../schema/converted-name.js';
import type { IndexElement } from '../schema/index-model.js';
import type { SqlExpression } from '../schema/sql-expression.js';
import { isSqlExpression } from '../schema/sql-expression.js';
import type { BatchAddColumnOptions } from './add-column-operation.js';
import { addColumnOperation } from './add-column-operation.js';
import { type AlterColumnOptions, alterColumnOperation } from './alter-column-operation.js';
import type { BatchOperation } from './batch-alter-table-operation.js';
import { createCheckConstraintOperation } from './create-check-constraint-operation.js';
import { type CreateForeignKeyOptions, createForeignKeyOperation } from './create-foreign-key-operation.js';
import type { CreateIndexOptions } from './create-index-operation.js';
import { createIndexOperation } from './create-index-operation.js';
import { createPrimaryKeyOperation } from './create-primary-key-operation.js';
import type { CreateTableCommentOptions } from './create-table-comment-operation.js';
import { createTableCommentOperation } from './create-table-comment-operation.js';
import type { CreateUniqueConstraintOptions } from './create-unique-constraint-operation.js';
import { createUniqueConstraintOperation } from './create-unique-constraint-operation.js';
import type { DropColumnOptions } from './drop-column-operation.js';
import { dropColumnOperation } from './drop-column-operation.js';
import type { DropConstraintOptions } from './drop-constraint-operation.js';
import { dropConstraintOperation } from './drop-constraint-operation.js';
import type { DropIndexOptions } from './drop-index-operation.js';
import { dropIndexOperation } from './drop-index-operation.js';
import type { DropTableCommentOptions } from './drop-table-comment-operation.js';
import { dropTableCommentOperation } from './drop-table-comment-operation.js';
import type { ExecuteParameters } from './execute-operation.js';
import { executeOperation } from './execute-operation.js';

/**
 * The `batchOp` a `op.batchAlterTable()` callback receives: the table-changing directives
 * without the table name, recorded in order and carried out together when the callback returns.
 *
 * ```ts
 * await op.batchAlterTable('account', {}, (batchOp) => {
 *   batchOp.alterColumn('name', { nullable: false, existingType: string(50) });
 *   batchOp.dropColumn('legacy_code');
 * });
 * ```
 */
export class BatchOperations {
  readonly #tableName: string;
  readonly #schema: string | undefined;
  readonly #recorded: BatchOperation[] = [];

  constructor(tableName: string, schema?: string) {
    this.#tableName = tableName;
    this.#schema = schema;
  }

  /** The table this batch changes. */
  get tableName(): string {
    return this.#tableName;
  }

  /** The operations recorded so far, in order. */
  get operations(): readonly BatchOperation[] {
    return [...this.#recorded];
  }

  /** Adds a column; `insertBefore` / `insertAfter` place it (and force a rebuild). */
  addColumn(column: ColumnModel, options: BatchAddColumnOptions = {}): void {
    this.#record(addColumnOperation({ ...options, tableName: this.#tableName, schema: this.#schema, column }));
  }

  /** Drops a column; `existingColumn` makes the batch reversible. */
  dropColumn(columnName: string, options: Pick<DropColumnOptions, 'existingColumn' | 'dialectOptions'> = {}): void {
    this.#record(dropColumnOperation({ ...options, tableName: this.#tableName, schema: this.#schema, columnName }));
  }

  /** Alters a column; see {@link AlterColumnOptions}. */
  alterColumn(columnName: string, options: Omit<AlterColumnOptions, 'schema'>): void {
    this.#record(alterColumnOperation({ ...options, tableName: this.#tableName, schema: this.#schema, columnName }));
  }

  /** Creates an index on this table. */
  createIndex(
    indexName: ConstraintName | null,
    columns: readonly IndexElement[],
    options: Omit<CreateIndexOptions, 'schema'> = {},
  ): void {
    const { where, ...rest } = options;
    this.#record(
      createIndexOperation({
        ...rest,
        indexName: indexName ?? undefined,
        tableName: this.#tableName,
        schema: this.#schema,
        columns,
        where: isSqlExpression(where) ? where.text : where,
      }),
    );
  }

  /** Drops an index of this table. */
  dropIndex(indexName: ConstraintName, options: Pick<DropIndexOptions, 'existingIndex' | 'dialectOptions'> = {}): void {
    this.#record(dropIndexOperation({ ...options, indexName, tableName: this.#tableName, schema: this.#schema }));
  }

  /** Adds a unique constraint. */
  createUniqueConstraint(
    constraintName: ConstraintName | null,
    columns: readonly string[],
    options: Omit<CreateUniqueConstraintOptions, 'schema'> = {},
  ): void {
    this.#record(
      createUniqueConstraintOperation({
        ...options,
        constraintName: constraintName ?? undefined,
        tableName: this.#tableName,
        schema: this.#schema,
        columns,
      }),
    );
  }

  /** Adds a foreign key from this table to `referentTable`. */
  createForeignKey(
    constraintName: ConstraintName | null,
    referentTable: string,
    localColumns: readonly string[],
    remoteColumns: readonly string[],
    options: Omit<CreateForeignKeyOptions, 'sourceSchema'> = {},
  ): void {
    this.#record(
      createForeignKeyOperation({
        ...options,
        constraintName: constraintName ?? undefined,
        sourceTable: this.#tableName,
        sourceSchema: this.#schema,
        referentTable,
        localColumns,
        remoteColumns,
      }),
    );
  }

  /** Adds a check constraint (condition is SQL). */
  createCheckConstraint(constraintName: ConstraintName | null, condition: string | SqlExpression): void {
    this.#record(
      createCheckConstraintOperation({
        constraintName: constraintName ?? undefined,
        tableName: this.#tableName,
        schema: this.#schema,
        condition: isSqlExpression(condition) ? condition.text : condition,
      }),
    );
  }

  /** Adds a primary key. */
  createPrimaryKey(constraintName: ConstraintName | null, columns: readonly string[]): void {
    this.#record(
      createPrimaryKeyOperation({
        constraintName: constraintName ?? undefined,
        tableName: this.#tableName,
        schema: this.#schema,
        columns,
      }),
    );
  }

  /**
   * Drops a constraint; batch rebuilds look it up by name. An unnamed constraint (`null` as
   * the name) is found by the signature of `existingConstraint` (its columns, and for a foreign
   * key what it refers to and its actions), as the table is rebuilt without it:
   * `batch.dropConstraint(null, { existingConstraint: uniqueConstraint(['code']) })`.
   */
  dropConstraint(
    constraintName: ConstraintName | null,
    options: Pick<DropConstraintOptions, 'type' | 'existingConstraint'> = {},
  ): void {
    this.#record(
      dropConstraintOperation({
        ...options,
        constraintName: constraintName ?? undefined,
        tableName: this.#tableName,
        schema: this.#schema,
      }),
    );
  }

  /** Sets the table comment. */
  createTableComment(comment: string, options: Omit<CreateTableCommentOptions, 'schema'> = {}): void {
    this.#record(
      createTableCommentOperation({ ...options, tableName: this.#tableName, schema: this.#schema, comment }),
    );
  }

  /** Removes the table comment. */
  dropTableComment(options: Omit<DropTableCommentOptions, 'schema'> = {}): void {
    this.#record(dropTableCommentOperation({ ...options, tableName: this.#tableName, schema: this.#schema }));
  }

  /**
   * Runs SQL as part of the batch. In a rebuild, statements recorded before the first structural
   * change run before the rebuild, the others after it.
   */
  execute(sql: string | SqlExpression, parameters?: ExecuteParameters): void {
    this.#record(executeOperation({ sql, parameters }));
  }

  #record(operation: BatchOperation): void {
    this.#recorded.push(operation);
  }
}

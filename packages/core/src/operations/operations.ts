import { InvalidOperationError } from '../errors/invalid-operation-error.js';
import type { ColumnType } from '../schema/column-types.js';
import type { ColumnModel } from '../schema/column.js';
import type { ConstraintName, ConvertedName } from '../schema/converted-name.js';
import { convertedName } from '../schema/converted-name.js';
import type { IndexElement } from '../schema/index-model.js';
import type { InlineLiteral } from '../schema/inline-literal.js';
import { inlineLiteral } from '../schema/inline-literal.js';
import type { SqlExpression } from '../schema/sql-expression.js';
import { isSqlExpression } from '../schema/sql-expression.js';
import type { TableElement, TableModel } from '../schema/table.js';
import { table } from '../schema/table.js';
import type { AddColumnOptions } from './add-column-operation.js';
import { addColumnOperation } from './add-column-operation.js';
import type { AlterColumnOptions } from './alter-column-operation.js';
import { alterColumnOperation } from './alter-column-operation.js';
import type { BatchRecreateMode } from './batch-alter-table-operation.js';
import { batchAlterTableOperation } from './batch-alter-table-operation.js';
import { BatchOperations } from './batch-operations.js';
import type { BulkInsertOptions, BulkInsertRow, BulkInsertTable } from './bulk-insert-operation.js';
import { bulkInsertOperation } from './bulk-insert-operation.js';
import type { CreateCheckConstraintOptions } from './create-check-constraint-operation.js';
import { createCheckConstraintOperation } from './create-check-constraint-operation.js';
import type { CreateForeignKeyOptions } from './create-foreign-key-operation.js';
import { createForeignKeyOperation } from './create-foreign-key-operation.js';
import type { CreateIndexOptions } from './create-index-operation.js';
import { createIndexOperation } from './create-index-operation.js';
import type { CreatePrimaryKeyOptions } from './create-primary-key-operation.js';
import { createPrimaryKeyOperation } from './create-primary-key-operation.js';
import type { CreateTableCommentOptions } from './create-table-comment-operation.js';
import { createTableCommentOperation } from './create-table-comment-operation.js';
import type { CreateTableOptions } from './create-table-operation.js';
import { createTableOperation } from './create-table-operation.js';
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
import type { DropTableOptions } from './drop-table-operation.js';
import { dropTableOperation } from './drop-table-operation.js';
import type { ExecuteOptions, ExecuteParameters } from './execute-operation.js';
import { executeOperation } from './execute-operation.js';
import type { Operation } from './operation.js';
import type { OperationInvoker } from './operation-invoker.js';
import type { RenameTableOptions } from './rename-table-operation.js';
import { renameTableOperation } from './rename-table-operation.js';

/** Options of {@link Operations.batchAlterTable}. */
export interface BatchAlterTableOptions {
  readonly schema?: string;
  readonly recreate?: BatchRecreateMode;
  /** The table as it is now; lets an offline (`--sql`) run rebuild it without reflecting. */
  readonly copyFrom?: TableModel;
  readonly partialReordering?: readonly (readonly string[])[];
}

/** A `batchAlterTable` callback; may be synchronous or async. */
export type BatchCallback = (batchOperations: BatchOperations) => void | Promise<void>;

/**
 * The `op` object of migration scripts: one method per Alembic directive. Each method builds an
 * immutable operation object and hands it to the {@link OperationInvoker} given to the
 * constructor; nothing here talks to a database.
 *
 * ```ts
 * export async function upgrade(op: Operations): Promise<void> {
 *   await op.addColumn('account', column('last_login', dateTime()));
 * }
 * ```
 */
export class Operations<Context = unknown, Bind = unknown> {
  readonly #invoker: OperationInvoker<Context, Bind>;

  constructor(invoker: OperationInvoker<Context, Bind>) {
    this.#invoker = invoker;
  }

  /**
   * Carries out an operation object built elsewhere (by autogenerate, or by hand).
   *
   * ```ts
   * await op.invoke(renameTableOperation({ oldTableName: 'a', newTableName: 'b' }));
   * ```
   */
  invoke(operation: Operation): Promise<void> {
    return this.#invoker.invoke(operation);
  }

  /**
   * Creates a table and returns its model (handy for a following `bulkInsert`).
   *
   * ```ts
   * const account = await op.createTable('account', [
   *   column('id', integer(), { primaryKey: true }),
   *   column('name', string(50), { nullable: false }),
   * ]);
   * ```
   */
  async createTable(
    tableName: string,
    elements: readonly TableElement[],
    options: CreateTableOptions = {},
  ): Promise<TableModel> {
    const model = table(tableName, elements, { schema: options.schema, comment: options.comment });
    await this.invoke(createTableOperation({ table: model, ifNotExists: options.ifNotExists }));
    return model;
  }

  /**
   * Drops a table.
   *
   * ```ts
   * await op.dropTable('account', { ifExists: true });
   * ```
   */
  async dropTable(tableName: string, options: DropTableOptions = {}): Promise<void> {
    await this.invoke(dropTableOperation({ tableName, ...options }));
  }

  /**
   * Renames a table.
   *
   * ```ts
   * await op.renameTable('address', 'addresses');
   * ```
   */
  async renameTable(oldTableName: string, newTableName: string, options: RenameTableOptions = {}): Promise<void> {
    await this.invoke(renameTableOperation({ oldTableName, newTableName, ...options }));
  }

  /**
   * Adds a column (and its unique constraint, foreign key and index, as separate statements).
   *
   * ```ts
   * await op.addColumn('account', column('account_type_id', integer(), { references: 'account_type.id' }));
   * ```
   */
  async addColumn(tableName: string, column: ColumnModel, options: AddColumnOptions = {}): Promise<void> {
    await this.invoke(addColumnOperation({ tableName, column, ...options }));
  }

  /**
   * Drops a column. Give `existingColumn` to make the operation reversible.
   *
   * ```ts
   * await op.dropColumn('account', 'last_login');
   * ```
   */
  async dropColumn(tableName: string, columnName: string, options: DropColumnOptions = {}): Promise<void> {
    await this.invoke(dropColumnOperation({ tableName, columnName, ...options }));
  }

  /**
   * Alters a column: nullability, server default (`null` drops it), type, comment (`null`
   * drops it), name. Pass the `existing*` values a dialect or `reverseOperation()` needs.
   *
   * ```ts
   * await op.alterColumn('account', 'name', { type: string(100), existingType: string(50), existingNullable: false });
   * await op.alterColumn('account', 'name', { newColumnName: 'full_name' });
   * ```
   */
  async alterColumn(tableName: string, columnName: string, options: AlterColumnOptions): Promise<void> {
    await this.invoke(alterColumnOperation({ tableName, columnName, ...options }));
  }

  /**
   * Creates an index; `null` as the name lets the naming convention choose it.
   *
   * ```ts
   * await op.createIndex('ix_address_account_id', 'address', ['account_id']);
   * await op.createIndex('ix_user_email_lower', 'user', [sql('lower(email)')], { unique: true });
   * ```
   */
  async createIndex(
    indexName: ConstraintName | null,
    tableName: string,
    columns: readonly IndexElement[],
    options: CreateIndexOptions = {},
  ): Promise<void> {
    const { where, ...rest } = options;
    await this.invoke(
      createIndexOperation({
        indexName: indexName ?? undefined,
        tableName,
        columns,
        where: isSqlExpression(where) ? where.text : where,
        ...rest,
      }),
    );
  }

  /**
   * Drops an index; some dialects need the table name.
   *
   * ```ts
   * await op.dropIndex('ix_address_account_id', 'address');
   * ```
   */
  async dropIndex(indexName: ConstraintName, tableName?: string, options: DropIndexOptions = {}): Promise<void> {
    await this.invoke(dropIndexOperation({ indexName, tableName, ...options }));
  }

  /**
   * Adds a unique constraint.
   *
   * ```ts
   * await op.createUniqueConstraint('uq_user_name', 'user', ['name']);
   * ```
   */
  async createUniqueConstraint(
    constraintName: ConstraintName | null,
    tableName: string,
    columns: readonly string[],
    options: CreateUniqueConstraintOptions = {},
  ): Promise<void> {
    await this.invoke(
      createUniqueConstraintOperation({ constraintName: constraintName ?? undefined, tableName, columns, ...options }),
    );
  }

  /**
   * Adds a foreign key.
   *
   * ```ts
   * await op.createForeignKey('fk_address_account', 'address', 'account', ['account_id'], ['id'], { onDelete: 'CASCADE' });
   * ```
   */
  async createForeignKey(
    constraintName: ConstraintName | null,
    sourceTable: string,
    referentTable: string,
    localColumns: readonly string[],
    remoteColumns: readonly string[],
    options: CreateForeignKeyOptions = {},
  ): Promise<void> {
    await this.invoke(
      createForeignKeyOperation({
        constraintName: constraintName ?? undefined,
        sourceTable,
        referentTable,
        localColumns,
        remoteColumns,
        ...options,
      }),
    );
  }

  /**
   * Adds a check constraint; the condition is SQL.
   *
   * ```ts
   * await op.createCheckConstraint('ck_name_length', 'account', 'length(name) > 2');
   * ```
   */
  async createCheckConstraint(
    constraintName: ConstraintName | null,
    tableName: string,
    condition: string | SqlExpression,
    options: CreateCheckConstraintOptions = {},
  ): Promise<void> {
    await this.invoke(
      createCheckConstraintOperation({
        constraintName: constraintName ?? undefined,
        tableName,
        condition: isSqlExpression(condition) ? condition.text : condition,
        ...options,
      }),
    );
  }

  /**
   * Adds a primary key.
   *
   * ```ts
   * await op.createPrimaryKey('pk_order', 'order', ['tenant_id', 'id']);
   * ```
   */
  async createPrimaryKey(
    constraintName: ConstraintName | null,
    tableName: string,
    columns: readonly string[],
    options: CreatePrimaryKeyOptions = {},
  ): Promise<void> {
    await this.invoke(
      createPrimaryKeyOperation({ constraintName: constraintName ?? undefined, tableName, columns, ...options }),
    );
  }

  /**
   * Drops a constraint; MySQL needs `type`.
   *
   * ```ts
   * await op.dropConstraint('uq_user_name', 'user', { type: 'unique' });
   * ```
   */
  async dropConstraint(
    constraintName: ConstraintName,
    tableName: string,
    options: DropConstraintOptions = {},
  ): Promise<void> {
    await this.invoke(dropConstraintOperation({ constraintName, tableName, ...options }));
  }

  /**
   * Sets a table comment.
   *
   * ```ts
   * await op.createTableComment('account', 'Customer accounts', { existingComment: null });
   * ```
   */
  async createTableComment(tableName: string, comment: string, options: CreateTableCommentOptions = {}): Promise<void> {
    await this.invoke(createTableCommentOperation({ tableName, comment, ...options }));
  }

  /**
   * Removes a table comment.
   *
   * ```ts
   * await op.dropTableComment('account', { existingComment: 'Customer accounts' });
   * ```
   */
  async dropTableComment(tableName: string, options: DropTableCommentOptions = {}): Promise<void> {
    await this.invoke(dropTableCommentOperation({ tableName, ...options }));
  }

  /**
   * Inserts rows. `table` is a table name, `{ name, schema?, columns? }`, or a table model (whose
   * column types guide how values are written out offline).
   *
   * ```ts
   * await op.bulkInsert(account, [{ id: 1, name: 'John' }, { id: 2, name: "O'Brien" }]);
   * ```
   */
  async bulkInsert(
    tableOrName: string | BulkInsertTable,
    rows: readonly BulkInsertRow[],
    options: BulkInsertOptions = {},
  ): Promise<void> {
    const target = typeof tableOrName === 'string' ? { name: tableOrName } : tableOrName;
    await this.invoke(bulkInsertOperation({ table: target, rows, ...options }));
  }

  /**
   * Runs SQL. With `parameters`, `:name` placeholders are bound (inlined offline); write `\:` for a
   * literal colon. Without, the SQL runs as written.
   *
   * ```ts
   * await op.execute("UPDATE account SET description = 'x' WHERE description IS NULL");
   * await op.execute('UPDATE account SET name = :name WHERE id = :id', { name: 'John', id: 1 });
   * ```
   */
  async execute(
    sql: string | SqlExpression,
    parameters?: ExecuteParameters,
    options: ExecuteOptions = {},
  ): Promise<void> {
    await this.invoke(executeOperation({ sql, parameters, ...options }));
  }

  /**
   * A value always written into the SQL text as a literal, online too (Alembic's
   * `op.inline_literal()`).
   *
   * ```ts
   * await op.execute('UPDATE account SET name = :name', { name: op.inlineLiteral('account 2') });
   * ```
   */
  inlineLiteral(value: unknown, type?: ColumnType): InlineLiteral {
    return inlineLiteral(value, type);
  }

  /**
   * Marks a name as already converted by the naming convention (Alembic's `op.f()`), so it is
   * used verbatim.
   *
   * ```ts
   * await op.dropIndex(op.f('ix_user_email'), 'user');
   * ```
   */
  f(name: string): ConvertedName {
    return convertedName(name);
  }

  /**
   * Groups changes to one table. On dialects that cannot ALTER what is asked (SQLite), the table
   * is rebuilt once (move and copy); elsewhere the changes run as ALTER statements. The
   * operations are recorded by the callback and carried out when it returns.
   *
   * ```ts
   * await op.batchAlterTable('foo', { recreate: 'auto' }, (batchOp) => {
   *   batchOp.alterColumn('data', { type: integer(), existingType: string(50) });
   *   batchOp.createIndex('ix_data', ['data'], { unique: true });
   * });
   * ```
   */
  batchAlterTable(tableName: string, callback: BatchCallback): Promise<void>;
  batchAlterTable(tableName: string, options: BatchAlterTableOptions, callback: BatchCallback): Promise<void>;
  async batchAlterTable(
    tableName: string,
    optionsOrCallback: BatchAlterTableOptions | BatchCallback,
    maybeCallback?: BatchCallback,
  ): Promise<void> {
    const options = typeof optionsOrCallback === 'function' ? {} : optionsOrCallback;
    const callback = typeof optionsOrCallback === 'function' ? optionsOrCallback : maybeCallback;
    if (typeof callback !== 'function') {
      throw new InvalidOperationError(
        `batchAlterTable('${tableName}'): expected a callback receiving the batch operations`,
      );
    }
    const batchOperations = new BatchOperations(tableName, options.schema);
    await callback(batchOperations);
    await this.invoke(
      batchAlterTableOperation({
        tableName,
        schema: options.schema,
        recreate: options.recreate,
        copyFrom: options.copyFrom,
        partialReordering: options.partialReordering,
        operations: batchOperations.operations,
      }),
    );
  }

  /**
   * The connection migrations run on (a mock in offline mode).
   *
   * ```ts
   * const connection = op.getBind();
   * ```
   */
  getBind(): Bind {
    return this.#invoker.getBind();
  }

  /**
   * The migration context of the current run.
   *
   * ```ts
   * const context = op.getContext();
   * ```
   */
  getContext(): Context {
    return this.#invoker.getContext();
  }
}

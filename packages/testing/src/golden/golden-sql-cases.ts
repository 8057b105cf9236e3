import {
  addColumnOperation,
  alterColumnOperation,
  batchAlterTableOperation,
  bulkInsertOperation,
  checkConstraint,
  column,
  createCheckConstraintOperation,
  createForeignKeyOperation,
  createIndexOperation,
  createPrimaryKeyOperation,
  createTableCommentOperation,
  createTableOperation,
  createUniqueConstraintOperation,
  dropColumnOperation,
  dropConstraintOperation,
  dropIndexOperation,
  dropTableCommentOperation,
  dropTableOperation,
  executeOperation,
  foreignKeyConstraint,
  index,
  integer,
  renameTableOperation,
  string,
  table,
  text,
  uniqueConstraint,
} from '@alembic/core';
import type { Operation, OperationKind, OperationMap } from '@alembic/core';

/** `account(id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL, note TEXT)`: the table most cases touch. */
const account = table('account', [
  column('id', integer(), { primaryKey: true }),
  column('name', string(50), { nullable: false }),
  column('note', text()),
]);

/** One case per operation kind, named after the kind: every dialect states each. */
const BASE_CASES: { readonly [Kind in OperationKind]: OperationMap[Kind] } = {
  createTable: createTableOperation({ table: account }),
  dropTable: dropTableOperation({ tableName: 'account' }),
  renameTable: renameTableOperation({ oldTableName: 'account', newTableName: 'customer' }),
  addColumn: addColumnOperation({ tableName: 'account', column: column('email', string(100)) }),
  dropColumn: dropColumnOperation({ tableName: 'account', columnName: 'note' }),
  alterColumn: alterColumnOperation({
    tableName: 'account',
    columnName: 'name',
    nullable: true,
    existingType: string(50),
  }),
  createIndex: createIndexOperation({ indexName: 'ix_account_name', tableName: 'account', columns: ['name'] }),
  dropIndex: dropIndexOperation({ indexName: 'ix_account_name', tableName: 'account' }),
  createUniqueConstraint: createUniqueConstraintOperation({
    constraintName: 'uq_account_name',
    tableName: 'account',
    columns: ['name'],
  }),
  createForeignKey: createForeignKeyOperation({
    constraintName: 'fk_address_account',
    sourceTable: 'address',
    referentTable: 'account',
    localColumns: ['account_id'],
    remoteColumns: ['id'],
  }),
  createCheckConstraint: createCheckConstraintOperation({
    constraintName: 'ck_account_name',
    tableName: 'account',
    condition: 'length(name) > 2',
  }),
  createPrimaryKey: createPrimaryKeyOperation({ constraintName: 'pk_account', tableName: 'account', columns: ['id'] }),
  dropConstraint: dropConstraintOperation({ constraintName: 'uq_account_name', tableName: 'account', type: 'unique' }),
  createTableComment: createTableCommentOperation({ tableName: 'account', comment: "the account's table" }),
  dropTableComment: dropTableCommentOperation({ tableName: 'account', existingComment: "the account's table" }),
  bulkInsert: bulkInsertOperation({
    table: { name: 'account' },
    rows: [
      { id: 1, name: 'John', note: null },
      { id: 2, name: "O'Brien", note: 'two' },
    ],
  }),
  execute: executeOperation({ sql: "UPDATE account SET note = 'x' WHERE note IS NULL" }),
  batchAlterTable: batchAlterTableOperation({
    tableName: 'account',
    copyFrom: account,
    operations: [
      alterColumnOperation({ tableName: 'account', columnName: 'note', type: string(200), existingType: text() }),
    ],
  }),
};

/** The names of the variant cases: `<kind>.<variant>`. */
export type GoldenSqlVariantName =
  | 'createTable.constraints'
  | 'createTable.comment'
  | 'createTable.ifNotExists'
  | 'createTable.schema'
  | 'dropTable.ifExists'
  | 'renameTable.schema'
  | 'addColumn.notNullWithDefault'
  | 'addColumn.foreignKey'
  | 'addColumn.schema'
  | 'alterColumn.notNull'
  | 'alterColumn.type'
  | 'alterColumn.serverDefault'
  | 'alterColumn.dropServerDefault'
  | 'alterColumn.rename'
  | 'alterColumn.comment'
  | 'createIndex.unique'
  | 'createIndex.partial'
  | 'createForeignKey.onDelete'
  | 'dropConstraint.foreignKey'
  | 'dropConstraint.check'
  | 'dropConstraint.primary'
  | 'execute.parameters'
  | 'batchAlterTable.addColumnAndIndex'
  | 'batchAlterTable.recreateAlways';

/** Further cases, named `<kind>.<variant>`. */
const VARIANT_CASES = {
  'createTable.constraints': createTableOperation({
    table: table('address', [
      column('id', integer(), { primaryKey: true }),
      column('account_id', integer(), { nullable: false }),
      column('email', string(100), { serverDefault: 'none' }),
      column('kind', string(10), { nullable: false, serverDefault: 'home' }),
      uniqueConstraint(['email'], { name: 'uq_address_email' }),
      foreignKeyConstraint(['account_id'], 'account', ['id'], { name: 'fk_address_account', onDelete: 'CASCADE' }),
      checkConstraint("kind <> ''", { name: 'ck_address_kind' }),
      index('ix_address_account_id', ['account_id']),
    ]),
  }),
  'createTable.comment': createTableOperation({
    table: table(
      'account',
      [column('id', integer(), { primaryKey: true }), column('name', string(50), { comment: 'shown name' })],
      {
        comment: "the account's table",
      },
    ),
  }),
  'createTable.ifNotExists': createTableOperation({ table: account, ifNotExists: true }),
  'createTable.schema': createTableOperation({
    table: table('account', [column('id', integer(), { primaryKey: true })], { schema: 'billing' }),
  }),
  'dropTable.ifExists': dropTableOperation({ tableName: 'account', ifExists: true }),
  'renameTable.schema': renameTableOperation({ oldTableName: 'account', newTableName: 'customer', schema: 'billing' }),
  'addColumn.notNullWithDefault': addColumnOperation({
    tableName: 'account',
    column: column('status', string(20), { nullable: false, serverDefault: 'active' }),
  }),
  'addColumn.foreignKey': addColumnOperation({
    tableName: 'address',
    column: column('account_id', integer(), { references: 'account.id' }),
  }),
  'addColumn.schema': addColumnOperation({
    tableName: 'account',
    schema: 'billing',
    column: column('email', string(100)),
  }),
  'alterColumn.notNull': alterColumnOperation({
    tableName: 'account',
    columnName: 'note',
    nullable: false,
    existingType: text(),
  }),
  'alterColumn.type': alterColumnOperation({
    tableName: 'account',
    columnName: 'name',
    type: string(100),
    existingType: string(50),
    existingNullable: false,
  }),
  'alterColumn.serverDefault': alterColumnOperation({
    tableName: 'account',
    columnName: 'note',
    serverDefault: 'none',
    existingType: text(),
  }),
  'alterColumn.dropServerDefault': alterColumnOperation({
    tableName: 'account',
    columnName: 'note',
    serverDefault: null,
    existingType: text(),
    existingServerDefault: 'none',
  }),
  'alterColumn.rename': alterColumnOperation({
    tableName: 'account',
    columnName: 'name',
    newColumnName: 'full_name',
    existingType: string(50),
    existingNullable: false,
  }),
  'alterColumn.comment': alterColumnOperation({
    tableName: 'account',
    columnName: 'name',
    comment: 'shown name',
    existingType: string(50),
    existingNullable: false,
  }),
  'createIndex.unique': createIndexOperation({
    indexName: 'ix_account_name',
    tableName: 'account',
    columns: ['name'],
    unique: true,
  }),
  'createIndex.partial': createIndexOperation({
    indexName: 'ix_account_note',
    tableName: 'account',
    columns: ['note'],
    where: 'note IS NOT NULL',
  }),
  'createForeignKey.onDelete': createForeignKeyOperation({
    constraintName: 'fk_address_account',
    sourceTable: 'address',
    referentTable: 'account',
    localColumns: ['account_id'],
    remoteColumns: ['id'],
    onDelete: 'CASCADE',
  }),
  'dropConstraint.foreignKey': dropConstraintOperation({
    constraintName: 'fk_address_account',
    tableName: 'address',
    type: 'foreignkey',
  }),
  'dropConstraint.check': dropConstraintOperation({
    constraintName: 'ck_account_name',
    tableName: 'account',
    type: 'check',
  }),
  'dropConstraint.primary': dropConstraintOperation({
    constraintName: 'pk_account',
    tableName: 'account',
    type: 'primary',
  }),
  'execute.parameters': executeOperation({
    sql: 'UPDATE account SET note = :note WHERE id = :id',
    parameters: { note: "it's", id: 2 },
  }),
  'batchAlterTable.addColumnAndIndex': batchAlterTableOperation({
    tableName: 'account',
    copyFrom: account,
    operations: [
      addColumnOperation({ tableName: 'account', column: column('email', string(100)) }),
      createIndexOperation({ indexName: 'ix_account_email', tableName: 'account', columns: ['email'] }),
    ],
  }),
  'batchAlterTable.recreateAlways': batchAlterTableOperation({
    tableName: 'account',
    copyFrom: account,
    recreate: 'always',
    operations: [dropColumnOperation({ tableName: 'account', columnName: 'note' })],
  }),
} as const satisfies Readonly<Record<GoldenSqlVariantName, Operation>>;

/**
 * The operations of the golden SQL cases every dialect states (see `GoldenSql`): one per
 * operation kind, named after it (`createTable`), plus variants (`alterColumn.type`). Names are
 * plain lower-case identifiers no dialect quotes.
 */
export const GOLDEN_SQL_CASES: Readonly<Record<GoldenSqlCaseName, Operation>> = Object.freeze({
  ...BASE_CASES,
  ...VARIANT_CASES,
});

/** The name of a golden SQL case: an operation kind, or `<kind>.<variant>`. */
export type GoldenSqlCaseName = OperationKind | GoldenSqlVariantName;

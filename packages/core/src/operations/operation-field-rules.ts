import type { OperationKind, OperationMap } from './operation.js';

/**
 * How a builder takes one field of an operation: `'text'` must be a non-empty string, `'names'`
 * a non-empty list of column names (copied), `'given'` is taken as given (optional, or checked
 * or worked out by the builder beforehand).
 *
 * @internal
 */
export type FieldRule = 'text' | 'names' | 'given';

type FieldRuleOf<Value> = [Exclude<Value, undefined>] extends [string]
  ? 'text' | 'given'
  : [Exclude<Value, undefined>] extends [readonly string[]]
    ? 'names' | 'given'
    : 'given';

/**
 * One rule per field of an operation but its `kind`, in the order the fields are checked and
 * appear in the built operation; `'text'` and `'names'` only where the field's type allows.
 *
 * @internal
 */
export type OperationFieldRules<Op> = {
  readonly [Field in Exclude<keyof Op, 'kind'>]-?: FieldRuleOf<Op[Field]>;
};

/**
 * The fields of every operation kind, in order, and how its builder takes each; `tsc` reports a
 * kind or a field without a rule.
 *
 * @internal
 */
export const OPERATION_FIELD_RULES: { readonly [Kind in OperationKind]: OperationFieldRules<OperationMap[Kind]> } = {
  createTable: { table: 'given', ifNotExists: 'given' },
  dropTable: { tableName: 'text', schema: 'given', ifExists: 'given', existingTable: 'given' },
  renameTable: { oldTableName: 'text', newTableName: 'text', schema: 'given' },
  addColumn: {
    tableName: 'text',
    column: 'given',
    schema: 'given',
    ifNotExists: 'given',
    inlineReferences: 'given',
    inlinePrimaryKey: 'given',
    insertBefore: 'given',
    insertAfter: 'given',
  },
  dropColumn: {
    tableName: 'text',
    columnName: 'text',
    schema: 'given',
    ifExists: 'given',
    existingColumn: 'given',
    dialectOptions: 'given',
  },
  alterColumn: {
    tableName: 'text',
    columnName: 'text',
    schema: 'given',
    nullable: 'given',
    type: 'given',
    serverDefault: 'given',
    identity: 'given',
    comment: 'given',
    newColumnName: 'given',
    autoincrement: 'given',
    existingType: 'given',
    existingNullable: 'given',
    existingServerDefault: 'given',
    existingIdentity: 'given',
    existingComment: 'given',
    existingAutoincrement: 'given',
    dialectOptions: 'given',
  },
  createIndex: {
    indexName: 'given',
    tableName: 'text',
    columns: 'given',
    schema: 'given',
    unique: 'given',
    where: 'given',
    ifNotExists: 'given',
    dialectOptions: 'given',
  },
  dropIndex: {
    indexName: 'given',
    tableName: 'given',
    schema: 'given',
    ifExists: 'given',
    dialectOptions: 'given',
    existingIndex: 'given',
  },
  createUniqueConstraint: {
    constraintName: 'given',
    tableName: 'text',
    columns: 'names',
    schema: 'given',
    deferrable: 'given',
    initially: 'given',
  },
  createForeignKey: {
    constraintName: 'given',
    sourceTable: 'text',
    referentTable: 'text',
    localColumns: 'given',
    remoteColumns: 'given',
    sourceSchema: 'given',
    referentSchema: 'given',
    onDelete: 'given',
    onUpdate: 'given',
    deferrable: 'given',
    initially: 'given',
    match: 'given',
    dialectOptions: 'given',
  },
  createCheckConstraint: { constraintName: 'given', tableName: 'text', condition: 'text', schema: 'given' },
  createPrimaryKey: { constraintName: 'given', tableName: 'text', columns: 'names', schema: 'given' },
  dropConstraint: {
    constraintName: 'given',
    tableName: 'text',
    type: 'given',
    schema: 'given',
    ifExists: 'given',
    existingConstraint: 'given',
  },
  createTableComment: { tableName: 'text', comment: 'text', existingComment: 'given', schema: 'given' },
  dropTableComment: { tableName: 'text', existingComment: 'given', schema: 'given' },
  bulkInsert: { table: 'given', rows: 'given', multiinsert: 'given' },
  execute: { sql: 'text', parameters: 'given', executionOptions: 'given' },
  batchAlterTable: {
    tableName: 'given',
    schema: 'given',
    recreate: 'given',
    operations: 'given',
    copyFrom: 'given',
    partialReordering: 'given',
  },
};

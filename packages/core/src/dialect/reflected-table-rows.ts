/**
 * What a dialect's introspector read about one table, as its builder of the reflected table
 * model takes it: the rows of each catalog query (columns, index parts, foreign key columns,
 * check constraints), one row type per query, and the table's name, schema and comment. A
 * dialect extends it with what else its builder needs (a collation, the database the table is
 * in).
 *
 * ```ts
 * interface AcmeTableRows extends ReflectedTableRows<AcmeColumnRow, AcmeIndexRow, AcmeForeignKeyRow, AcmeCheckRow> {
 *   readonly databaseCollation: string | null;
 * }
 * ```
 */
export interface ReflectedTableRows<ColumnRow, IndexRow, ForeignKeyRow, CheckRow> {
  readonly columns: readonly ColumnRow[];
  readonly indexes: readonly IndexRow[];
  readonly foreignKeys: readonly ForeignKeyRow[];
  readonly checks: readonly CheckRow[];
  readonly tableName: string;
  /** Set on the model when the caller asked for a schema. */
  readonly schema?: string;
  readonly comment: string | null;
}

/**
 * The neutral schema model, shared by `@alembic/core` (migrations and `targetMetadata` are
 * written with it) and `@alembic/core/dialect` (compilers and introspectors read and build it).
 * Named exports only: each entry point re-exports this module with `export *`.
 */
export {
  bigInteger,
  boolean,
  date,
  dateTime,
  enumType,
  float,
  integer,
  isColumnType,
  json,
  largeBinary,
  numeric,
  rawType,
  smallInteger,
  string,
  text,
  time,
  uuid,
  type BigIntegerType,
  type BooleanType,
  type ColumnType,
  type ColumnTypeKind,
  type DateTimeType,
  type DateType,
  type EnumType,
  type FloatType,
  type IntegerType,
  type JsonType,
  type LargeBinaryType,
  type NumericType,
  type RawType,
  type SmallIntegerType,
  type StringType,
  type TextType,
  type TimeType,
  type UuidType,
} from '../schema/column-types.js';
export {
  column,
  isColumnModel,
  type ColumnModel,
  type ColumnOptions,
  type IdentityOptions,
  type ServerDefault,
} from '../schema/column.js';
export {
  checkConstraint,
  foreignKeyConstraint,
  isConstraintModel,
  primaryKeyConstraint,
  uniqueConstraint,
  type CheckConstraintModel,
  type ConstraintModel,
  type ForeignKeyConstraintModel,
  type PrimaryKeyConstraintModel,
  type UniqueConstraintModel,
} from '../schema/constraints.js';
export { convertedName, isConvertedName, type ConstraintName, type ConvertedName } from '../schema/converted-name.js';
export { index, isIndexModel, type IndexElement, type IndexModel, type IndexOptions } from '../schema/index-model.js';
export { inlineLiteral, isInlineLiteral, type InlineLiteral } from '../schema/inline-literal.js';
export { isSqlExpression, sql, type SqlExpression } from '../schema/sql-expression.js';
export {
  isTableModel,
  table,
  type TableConstraintModel,
  type TableElement,
  type TableModel,
  type TableOptions,
} from '../schema/table.js';
export type {
  ForeignKeyOptions,
  ForeignKeyReference,
  ForeignKeyReferenceInput,
  ReferentialAction,
} from '../schema/foreign-key-reference.js';
export {
  defaultNamingConvention,
  type NamingConvention,
  type NamingConventionKey,
  type NamingSubject,
} from '../schema/naming-convention.js';
export type { DialectOptions } from '../schema/dialect-options.js';
export { metadata, isMetadataModel, type MetadataModel, type MetadataOptions } from '../schema/metadata.js';

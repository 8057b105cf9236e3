/**
 * TypeORM as a model source for `alembic revision --autogenerate` and `alembic check`: a
 * TypeORM `DataSource`, its options or its entities become the core schema model, without
 * connecting. The subpath `@alembic/typeorm/transpile` is the compiler core's loader uses for
 * TypeScript files with decorators (see `transpile.ts`).
 *
 * @packageDocumentation
 */
export { fromDataSource, type FromDataSourceOptions } from './from-data-source.js';
export {
  buildEntityMetadata,
  type BuildEntityMetadataOptions,
  type BuiltEntityMetadata,
  type TypeOrmModelSource,
} from './build-entity-metadata.js';
export { loadDataSource, DATA_SOURCE_EXPORTS } from './load-data-source.js';
export { databaseUrlOf } from './database-url-of.js';
export { createTypeOrmExtensions, postgresExtensionsNeeded } from './postgres-extensions.js';
export { excludeTypeOrmTables, typeOrmTableNames } from './exclude-typeorm-tables.js';
export { columnTypeOf, typeOrmTypeText, type ColumnTypeContext } from './column-type-of.js';
export { serverDefaultOf } from './server-default-of.js';
export { tableOf, tableSchemaOf } from './table-of.js';
export { targetDialectOf, TYPEORM_TYPE_OF_DIALECT, type TypeOrmTargetDialect } from './target-dialect.js';
export { TypeOrmModelError } from './typeorm-model-error.js';
export {
  isTypeOrmDataSource,
  type TypeOrmCheck,
  type TypeOrmColumn,
  type TypeOrmDataSource,
  type TypeOrmDataSourceClass,
  type TypeOrmDataSourceOptions,
  type TypeOrmDriver,
  type TypeOrmEntity,
  type TypeOrmForeignKey,
  type TypeOrmIndex,
  type TypeOrmNamingStrategy,
  type TypeOrmUnique,
} from './typeorm-shapes.js';

import type { AutogenerateOptions } from '@alembic/core';
import type { TypeOrmDataSource, TypeOrmDataSourceOptions } from './typeorm-shapes.js';
import { isTypeOrmDataSource } from './typeorm-shapes.js';

/** The names of TypeORM's own tables for a DataSource (or its options). */
export function typeOrmTableNames(source: TypeOrmDataSource | TypeOrmDataSourceOptions): string[] {
  const options = isTypeOrmDataSource(source) ? source.options : source;
  return [String(options.migrationsTableName ?? 'migrations'), String(options.metadataTableName ?? 'typeorm_metadata')];
}

/**
 * An `includeName` filter for `context.configure()` that leaves TypeORM's own tables
 * (`migrations`, `typeorm_metadata`, or their configured names) out of autogenerate, so a
 * database TypeORM once managed does not get them dropped. `also` is asked about every other
 * name.
 *
 * ```ts
 * context.configure({ connection, targetMetadata, includeName: excludeTypeOrmTables(dataSource) });
 * ```
 */
export function excludeTypeOrmTables(
  source: TypeOrmDataSource | TypeOrmDataSourceOptions,
  also?: AutogenerateOptions['includeName'],
): NonNullable<AutogenerateOptions['includeName']> {
  const excluded = new Set(typeOrmTableNames(source));
  return (name, type, parentNames) => {
    if (type === 'table' && name !== undefined && excluded.has(name)) return false;
    return also === undefined ? true : also(name, type, parentNames);
  };
}

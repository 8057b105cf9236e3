import type { MetadataModel } from '@alembic/core';
import { metadata } from '@alembic/core';
import type { BuildEntityMetadataOptions, TypeOrmModelSource } from './build-entity-metadata.js';
import { buildEntityMetadata } from './build-entity-metadata.js';
import { tableOf } from './table-of.js';

/** Options of {@link fromDataSource}. */
export type FromDataSourceOptions = BuildEntityMetadataOptions;

/**
 * The core schema model (`targetMetadata` of `alembic revision --autogenerate` and
 * `alembic check`) of a TypeORM `DataSource`, its options, or a list of entity classes and
 * `EntitySchema` objects, for the DataSource's dialect or `options.dialect`. Nothing connects:
 * the DataSource need not be initialized, and is not.
 *
 * Every constraint and index carries the name TypeORM gives it (the DataSource's naming
 * strategy), so the model names what `synchronize` or `migration:generate` would create; the
 * model's naming convention is therefore empty. TypeORM's own tables (`migrations`,
 * `typeorm_metadata`) are never part of it: see {@link excludeTypeOrmTables}.
 *
 * ```ts
 * import { fromDataSource } from '@alembic/typeorm';
 * import { AppDataSource } from './src/data-source';
 *
 * const targetMetadata = await fromDataSource(AppDataSource);
 * const forSqlite = await fromDataSource([User, Post], { dialect: 'sqlite' });
 * ```
 *
 * @throws TypeOrmModelError for an unsupported dialect or input, or entities TypeORM rejects
 */
export async function fromDataSource(
  source: TypeOrmModelSource,
  options: FromDataSourceOptions = {},
): Promise<MetadataModel> {
  const built = await buildEntityMetadata(source, options);
  return metadata(
    built.entities.map((entity) => tableOf(entity, built.dataSource, built.dialect)),
    { namingConvention: {} },
  );
}

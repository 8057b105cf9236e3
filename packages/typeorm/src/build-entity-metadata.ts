import { AlembicError } from '@alembic/core';
import type { TypeOrmTargetDialect } from './target-dialect.js';
import { TYPEORM_TYPE_OF_DIALECT, targetDialectOf } from './target-dialect.js';
import { TypeOrmModelError } from './typeorm-model-error.js';
import type {
  TypeOrmDataSource,
  TypeOrmDataSourceClass,
  TypeOrmDataSourceOptions,
  TypeOrmEntity,
} from './typeorm-shapes.js';
import { isTypeOrmDataSource } from './typeorm-shapes.js';

/** What a TypeORM model is built from: a DataSource, its options, or a list of entities. */
export type TypeOrmModelSource = TypeOrmDataSource | TypeOrmDataSourceOptions | readonly unknown[];

/** Options of {@link buildEntityMetadata}. */
export interface BuildEntityMetadataOptions {
  /** The dialect to build for; default: the DataSource's `type`. Required for an entity list. */
  readonly dialect?: TypeOrmTargetDialect | 'postgresql' | 'better-sqlite3';
  /**
   * The `DataSource` class to build with; default: the given DataSource's own class, else the
   * `typeorm` package the project resolves.
   */
  readonly dataSourceClass?: TypeOrmDataSourceClass;
}

/** Entity metadata built offline, with the DataSource it was built with. */
export interface BuiltEntityMetadata {
  readonly dialect: TypeOrmTargetDialect;
  /** An unconnected DataSource of the target dialect (its driver gives types and defaults). */
  readonly dataSource: TypeOrmDataSource;
  /** The tables TypeORM would synchronize: no views, no single-table-inheritance children. */
  readonly entities: readonly TypeOrmEntity[];
  /** TypeORM's own tables (`migrations`, `typeorm_metadata` unless renamed): never part of a model. */
  readonly ownTableNames: readonly string[];
}

/** Options that only matter when connecting, or that would load more than entities. */
const NEUTRALIZED_OPTIONS = {
  subscribers: [],
  migrations: [],
  synchronize: false,
  migrationsRun: false,
  dropSchema: false,
  logging: false,
  cache: false,
};

/** Given to the driver in place of its client package. */
const CLIENT_STAND_IN = Object.freeze({ alembicOfflineStandIn: true });

/** Options that keep their meaning on another dialect. */
const PORTABLE_OPTIONS = ['entities', 'namingStrategy', 'entityPrefix', 'metadataTableName', 'migrationsTableName'];

/**
 * Builds TypeORM's entity metadata for `source` without connecting: a fresh DataSource of the
 * target dialect is made (with the given one's class and options, an empty stand-in for the
 * client package, no subscribers and no migrations) and its protected `buildMetadatas()`
 * runs, which builds and validates entity metadata as `initialize()` does, before any query.
 * Entity classes extending `BaseEntity` are pointed back at the given DataSource afterwards.
 *
 * @throws TypeOrmModelError for an unsupported dialect or input, or entities TypeORM rejects
 */
export async function buildEntityMetadata(
  source: TypeOrmModelSource,
  options: BuildEntityMetadataOptions = {},
): Promise<BuiltEntityMetadata> {
  let baseOptions: TypeOrmDataSourceOptions;
  let dataSourceClass = options.dataSourceClass;
  if (isTypeOrmDataSource(source)) {
    baseOptions = source.options;
    dataSourceClass ??= source.constructor as TypeOrmDataSourceClass;
  } else if (Array.isArray(source)) {
    if (options.dialect === undefined) {
      throw new TypeOrmModelError(
        'ALEMBIC_TYPEORM_BAD_INPUT',
        'fromDataSource() needs { dialect } with a list of entities',
      );
    }
    baseOptions = { type: TYPEORM_TYPE_OF_DIALECT[targetDialectOf(options.dialect)], entities: source };
  } else if (typeof source === 'object' && source !== null && typeof (source as { type?: unknown }).type === 'string') {
    baseOptions = source as TypeOrmDataSourceOptions;
  } else {
    throw new TypeOrmModelError(
      'ALEMBIC_TYPEORM_BAD_INPUT',
      'fromDataSource() takes a TypeORM DataSource, DataSourceOptions or a list of entity classes / EntitySchema objects',
    );
  }
  const sourceDialect = targetDialectOf(baseOptions.type);
  const dialect = options.dialect === undefined ? sourceDialect : targetDialectOf(options.dialect);
  dataSourceClass ??= ((await import('typeorm')) as unknown as { DataSource: TypeOrmDataSourceClass }).DataSource;

  const kept =
    sourceDialect === dialect
      ? { ...baseOptions }
      : Object.fromEntries(PORTABLE_OPTIONS.filter((key) => key in baseOptions).map((key) => [key, baseOptions[key]]));
  const type = TYPEORM_TYPE_OF_DIALECT[dialect];
  const dataSource = new dataSourceClass({
    ...kept,
    ...NEUTRALIZED_OPTIONS,
    type,
    // A stand-in for the client package (pg, mysql2, ...), which is only used to connect.
    // Not empty: some drivers take an empty object for a failed require.
    driver: CLIENT_STAND_IN,
    ...(type === 'better-sqlite3' && typeof kept.database !== 'string' ? { database: ':memory:' } : {}),
    ...(dialect === 'mysql' || dialect === 'mariadb'
      ? {
          connectorPackage: kept.connectorPackage ?? 'mysql2',
          // TypeORM's validator wants a database on MySQL; nothing connects to it.
          database: typeof kept.database === 'string' ? kept.database : 'alembic_offline',
        }
      : {}),
  });
  try {
    await (dataSource as unknown as { buildMetadatas(): Promise<void> }).buildMetadatas();
  } catch (error) {
    // An entity file that did not load (a syntax error, file and line) says so itself.
    if (AlembicError.isInstance(error)) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new TypeOrmModelError('ALEMBIC_TYPEORM_INVALID_ENTITIES', `TypeORM rejected the entities: ${reason}`, {
      cause: error,
    });
  }
  restoreActiveRecordDataSource(dataSource, isTypeOrmDataSource(source) ? source : undefined);
  refuseUnmatchedGlobs(baseOptions, dataSource);
  const entities = dataSource.entityMetadatas.filter(
    (entity) => entity.synchronize !== false && entity.tableType !== 'view' && entity.tableType !== 'entity-child',
  );
  const ownTableNames = [
    String(baseOptions.migrationsTableName ?? 'migrations'),
    String(baseOptions.metadataTableName ?? 'typeorm_metadata'),
  ];
  return {
    dialect,
    dataSource,
    entities: entities.filter((entity) => !ownTableNames.includes(entity.tableName)),
    ownTableNames,
  };
}

/**
 * Entity globs that found no entity at all (`dist/**\/*.entity.js` before a build, a path from
 * another working directory) would make an empty model, and autogenerate would then drop every
 * table: refused, naming the globs and where relative ones start.
 */
function refuseUnmatchedGlobs(options: TypeOrmDataSourceOptions, built: TypeOrmDataSource): void {
  if (built.entityMetadatas.length > 0 || !Array.isArray(options.entities)) return;
  const globs = (options.entities as unknown[]).filter((entry): entry is string => typeof entry === 'string');
  if (globs.length === 0) return;
  throw new TypeOrmModelError(
    'ALEMBIC_TYPEORM_NO_ENTITIES',
    `The DataSource's entities (${globs.map((glob) => `'${glob}'`).join(', ')}, relative to ${process.cwd()}) ` +
      'found no entity class: a build output not built yet, or a path that matches no file? ' +
      'An empty model would drop every table',
  );
}

/**
 * `buildMetadatas()` points every `BaseEntity` class at the DataSource it ran on; the entities
 * belong to the application's DataSource, not to the one built here.
 */
function restoreActiveRecordDataSource(built: TypeOrmDataSource, original: TypeOrmDataSource | undefined): void {
  for (const entity of built.entityMetadatas) {
    const candidate = (entity as unknown as { target?: unknown }).target;
    if (typeof candidate !== 'function') continue;
    const target = candidate as unknown as { useDataSource?: (dataSource: unknown) => void; dataSource?: unknown };
    if (typeof target.useDataSource !== 'function') continue;
    if (original !== undefined) target.useDataSource(original);
    else if (Object.hasOwn(target, 'dataSource')) delete target.dataSource;
  }
}

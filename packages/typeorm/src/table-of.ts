import type { ColumnModel, TableElement, TableModel } from '@alembic/core';
import {
  checkConstraint,
  column,
  foreignKeyConstraint,
  index,
  primaryKeyConstraint,
  table,
  uniqueConstraint,
} from '@alembic/core';
import { columnTypeOf } from './column-type-of.js';
import { serverDefaultOf } from './server-default-of.js';
import type { TypeOrmTargetDialect } from './target-dialect.js';
import { DEFAULT_SCHEMA } from './target-dialect.js';
import type { TypeOrmColumn, TypeOrmDataSource, TypeOrmEntity, TypeOrmIndex } from './typeorm-shapes.js';

/** Dialects whose primary keys TypeORM names (MySQL's is always `PRIMARY`, SQLite's unnamed). */
const NAMED_PRIMARY_KEYS: ReadonlySet<TypeOrmTargetDialect> = new Set(['postgres', 'mssql']);

/** `NO ACTION` is what a foreign key does without an action: left unset, as compare expects. */
function referentialAction(action: string | undefined): string | undefined {
  return action === undefined || action.toUpperCase() === 'NO ACTION' ? undefined : action.toUpperCase();
}

/** TypeORM's `deferrable` (`INITIALLY DEFERRED`, `INITIALLY IMMEDIATE`, `NOT DEFERRABLE`). */
function deferrableOptions(deferrable: string | undefined): { deferrable?: boolean; initially?: string } {
  const match = /^INITIALLY\s+(DEFERRED|IMMEDIATE)$/i.exec(deferrable?.trim() ?? '');
  return match === null ? {} : { deferrable: true, initially: (match[1] as string).toUpperCase() };
}

/** The schema a table is written with: none when it is the dialect's default one. */
export function tableSchemaOf(
  entity: Pick<TypeOrmEntity, 'schema'>,
  dialect: TypeOrmTargetDialect,
): string | undefined {
  if (dialect !== 'postgres' && dialect !== 'mssql') return undefined;
  return entity.schema === undefined || entity.schema === DEFAULT_SCHEMA[dialect] ? undefined : entity.schema;
}

function columnOf(
  entity: TypeOrmEntity,
  model: TypeOrmColumn,
  dataSource: TypeOrmDataSource,
  dialect: TypeOrmTargetDialect,
): ColumnModel {
  const generated = model.isGenerated ? model.generationStrategy : undefined;
  const identity = generated === 'identity' ? { always: model.generatedIdentity === 'ALWAYS' } : undefined;
  return column(
    model.databaseName,
    columnTypeOf(model, { dialect, driver: dataSource.driver, tableName: entity.tableName }),
    {
      nullable: model.isNullable && !model.isPrimary,
      primaryKey: model.isPrimary,
      serverDefault: serverDefaultOf(model, dataSource.driver, dialect),
      // TypeORM only generates values for columns it was told to generate.
      autoincrement: generated === 'increment' || generated === 'rowid',
      identity,
      comment: dialect === 'sqlite' ? undefined : model.comment || undefined,
    },
  );
}

function indexDialectOptions(
  model: TypeOrmIndex,
  dialect: TypeOrmTargetDialect,
): Record<string, Record<string, unknown>> | undefined {
  if (dialect === 'mysql' || dialect === 'mariadb') {
    if (model.isFulltext) return { mysql: { prefix: 'FULLTEXT' } };
    if (model.isSpatial) return { mysql: { prefix: 'SPATIAL' } };
  }
  if (dialect === 'postgres') {
    if (model.isSpatial) return { postgresql: { using: 'gist' } };
    if (model.type !== undefined && model.type.toLowerCase() !== 'btree')
      return { postgresql: { using: model.type.toLowerCase() } };
  }
  return undefined;
}

/**
 * The core table of one TypeORM entity on `dialect`: its columns, the primary key (named by the
 * DataSource's naming strategy where TypeORM names it), unique constraints, indexes (with
 * `where`), foreign keys of its relations and checks, all under the names TypeORM gives them.
 */
export function tableOf(
  entity: TypeOrmEntity,
  dataSource: TypeOrmDataSource,
  dialect: TypeOrmTargetDialect,
): TableModel {
  const schema = tableSchemaOf(entity, dialect);
  const elements: TableElement[] = entity.columns
    .filter((model) => model.isVirtualProperty !== true)
    .map((model) => columnOf(entity, model, dataSource, dialect));
  const primaryColumns = entity.primaryColumns.map((model) => model.databaseName);
  if (primaryColumns.length > 0 && NAMED_PRIMARY_KEYS.has(dialect)) {
    const tableName = dataSource.driver.buildTableName(entity.tableName, schema);
    const name =
      entity.primaryColumns[0]?.primaryKeyConstraintName ??
      dataSource.namingStrategy.primaryKeyName({ name: tableName }, [...primaryColumns]);
    elements.push(primaryKeyConstraint(primaryColumns, { name }));
  }
  for (const unique of entity.uniques) {
    elements.push(
      uniqueConstraint(
        unique.columns.map((model) => model.databaseName),
        { name: unique.name, ...deferrableOptions(unique.deferrable) },
      ),
    );
  }
  for (const model of entity.indices) {
    if (model.synchronize === false) continue;
    const dialectOptions = indexDialectOptions(model, dialect);
    // TypeORM writes no WHERE on MySQL, which has no partial indexes.
    const partial = model.where && dialect !== 'mysql' && dialect !== 'mariadb' ? { where: model.where } : {};
    elements.push(
      index(
        model.name,
        model.columns.map((indexed) => indexed.databaseName),
        { unique: model.isUnique, ...partial, ...(dialectOptions ? { dialectOptions } : {}) },
      ),
    );
  }
  for (const foreignKey of entity.foreignKeys) {
    const referred = foreignKey.referencedEntityMetadata;
    const referredSchema = tableSchemaOf(referred, dialect);
    elements.push(
      foreignKeyConstraint([...foreignKey.columnNames], referred.tableName, [...foreignKey.referencedColumnNames], {
        name: foreignKey.name,
        ...(referredSchema === undefined ? {} : { referredSchema }),
        ...(referentialAction(foreignKey.onDelete) === undefined
          ? {}
          : { onDelete: referentialAction(foreignKey.onDelete) }),
        ...(referentialAction(foreignKey.onUpdate) === undefined
          ? {}
          : { onUpdate: referentialAction(foreignKey.onUpdate) }),
        ...deferrableOptions(foreignKey.deferrable),
      }),
    );
  }
  for (const check of entity.checks) {
    if (check.expression !== undefined && check.expression.trim() !== '') {
      elements.push(checkConstraint(check.expression, { name: check.name }));
    }
  }
  const comment = dialect === 'sqlite' ? undefined : entity.comment || undefined;
  return table(entity.tableName, elements, {
    ...(schema === undefined ? {} : { schema }),
    ...(comment === undefined ? {} : { comment }),
  });
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as typeorm03 from 'typeorm';
import * as typeorm1 from 'typeorm-1';
import { fromDataSource } from '../src/from-data-source.js';
import { excludeTypeOrmTables } from '../src/exclude-typeorm-tables.js';
import type { TypeOrmDataSourceClass } from '../src/typeorm-shapes.js';
import { blogEntities, type FixtureDialect } from './fixtures/blog-entities.js';
import { expectedBlogModel } from './support/expected-blog-model.js';

const LINES = [
  ['0.3', typeorm03 as unknown as typeof typeorm03],
  ['1.x', typeorm1 as unknown as typeof typeorm03],
] as const;

/** The TypeORM `type` a project of each line uses for SQLite. */
function sqliteType(line: string): string {
  return line === '0.3' ? 'sqlite' : 'better-sqlite3';
}

describe.each(LINES)('fromDataSource on TypeORM %s', (line, typeorm) => {
  const DataSource = typeorm.DataSource as unknown as TypeOrmDataSourceClass;
  const versionOf = (typeorm as unknown as { DataSource: unknown }).DataSource;

  it('is the TypeORM line it claims to be', () => {
    const packageFile = join(__dirname, '..', 'node_modules', line === '0.3' ? 'typeorm' : 'typeorm-1', 'package.json');
    const { version } = JSON.parse(readFileSync(packageFile, 'utf8')) as { version: string };
    expect(version.startsWith(line === '0.3' ? '0.3.' : '1.')).toBe(true);
    expect(versionOf).toBeDefined();
  });

  it.each(['postgres', 'mysql', 'sqlite'] as FixtureDialect[])(
    'maps every feature of the blog entities on %s',
    async (dialect) => {
      const model = await fromDataSource(blogEntities(typeorm, dialect), { dialect, dataSourceClass: DataSource });
      expect(model).toEqual(expectedBlogModel(dialect));
    },
  );

  it('takes an uninitialized DataSource, keeps it uninitialized and reads its type', async () => {
    const type = sqliteType(line);
    const dataSource = new typeorm.DataSource({
      type: type as 'better-sqlite3',
      database: ':memory:',
      entities: blogEntities(typeorm, 'sqlite'),
    });
    const model = await fromDataSource(dataSource as never);
    expect(dataSource.isInitialized).toBe(false);
    expect(model).toEqual(expectedBlogModel('sqlite'));
  });

  it('builds a PostgreSQL DataSource for another dialect when asked', async () => {
    const dataSource = new typeorm.DataSource({ type: 'postgres', entities: blogEntities(typeorm, 'mysql') });
    expect(await fromDataSource(dataSource as never, { dialect: 'mysql' })).toEqual(expectedBlogModel('mysql'));
  });

  it('takes DataSourceOptions with EntitySchema objects and honours uuidExtension', async () => {
    const Account = new typeorm.EntitySchema<{ id: string; handle: string }>({
      name: 'Account',
      tableName: 'account',
      columns: {
        id: { type: 'uuid', primary: true, generated: 'uuid' },
        handle: { type: String, length: 30, nullable: true },
      },
    });
    const model = await fromDataSource(
      { type: 'postgres', uuidExtension: 'pgcrypto', entities: [Account] },
      { dataSourceClass: DataSource },
    );
    expect(model.tables).toHaveLength(1);
    expect(model.tables[0]?.columns[0]?.serverDefault).toEqual({ kind: 'sqlExpression', text: 'gen_random_uuid()' });
    expect(model.tables[0]?.columns[1]?.type).toEqual({ kind: 'string', length: 30 });
  });

  it('never includes views, and leaves TypeORM tables out of autogenerate', async () => {
    const { Entity, PrimaryGeneratedColumn, ViewEntity, ViewColumn } = typeorm;
    @Entity('widget')
    class Widget {
      @PrimaryGeneratedColumn()
      id!: number;
    }
    @ViewEntity({ name: 'widget_view', expression: 'SELECT id FROM widget' })
    class WidgetView {
      @ViewColumn()
      id!: number;
    }
    const options = {
      type: 'postgres' as const,
      migrationsTableName: 'typeorm_migrations',
      entities: [Widget, WidgetView],
    };
    const model = await fromDataSource(options, { dataSourceClass: DataSource });
    expect(model.tables.map((candidate) => candidate.name)).toEqual(['widget']);
    const includeName = excludeTypeOrmTables(options);
    expect(includeName('typeorm_migrations', 'table', {})).toBe(false);
    expect(includeName('typeorm_metadata', 'table', {})).toBe(false);
    expect(includeName('widget', 'table', {})).toBe(true);
  });
});

describe('fromDataSource errors', () => {
  it('needs a dialect for an entity list', async () => {
    await expect(fromDataSource([], {})).rejects.toMatchObject({ code: 'ALEMBIC_TYPEORM_BAD_INPUT' });
  });

  it('refuses a dialect it does not serve', async () => {
    await expect(fromDataSource({ type: 'oracle', entities: [] })).rejects.toMatchObject({
      code: 'ALEMBIC_TYPEORM_UNSUPPORTED_DIALECT',
      message: expect.stringContaining("TypeORM type 'oracle' is not supported"),
    });
  });

  it.each(LINES)(
    'refuses entity globs that find no entity (TypeORM %s): an empty model would drop every table',
    async (_line, typeorm) => {
      const DataSource = typeorm.DataSource as unknown as TypeOrmDataSourceClass;
      const dataSource = new DataSource({
        type: 'postgres',
        entities: ['dist/**/*.entity.js', '/nowhere/entities/*.ts'],
      });
      await expect(fromDataSource(dataSource)).rejects.toMatchObject({
        code: 'ALEMBIC_TYPEORM_NO_ENTITIES',
        message: `The DataSource's entities ('dist/**/*.entity.js', '/nowhere/entities/*.ts', relative to ${process.cwd()}) found no entity class: a build output not built yet, or a path that matches no file? An empty model would drop every table`,
      });
      // No entities at all is a model with no tables, as before.
      expect((await fromDataSource(new DataSource({ type: 'postgres', entities: [] }))).tables).toEqual([]);
    },
  );

  it('reports entities TypeORM rejects', async () => {
    const { Entity, Column } = typeorm03;
    @Entity('keyless')
    class Keyless {
      @Column()
      name!: string;
    }
    await expect(
      fromDataSource([Keyless], { dialect: 'postgres', dataSourceClass: typeorm03.DataSource as never }),
    ).rejects.toMatchObject({
      code: 'ALEMBIC_TYPEORM_INVALID_ENTITIES',
      message: expect.stringContaining('Keyless'),
    });
  });
});

import { DataSource, EntitySchema } from 'typeorm';
import type { ColumnType } from '@alembic/core';
import { fromDataSource } from './from-data-source.js';
import type { TypeOrmTargetDialect } from './target-dialect.js';
import type { TypeOrmDataSourceClass } from './typeorm-shapes.js';

/** The core type `fromDataSource` gives one column declared with `options` on `dialect`. */
async function typeOf(dialect: TypeOrmTargetDialect, options: Record<string, unknown>): Promise<ColumnType> {
  const Thing = new EntitySchema<{ id: number; value: unknown }>({
    name: 'Thing',
    tableName: 'thing',
    columns: { id: { type: Number, primary: true }, value: options as never },
  });
  const model = await fromDataSource([Thing], {
    dialect,
    dataSourceClass: DataSource as unknown as TypeOrmDataSourceClass,
  });
  return model.tables[0]?.columns.find((column) => column.name === 'value')?.type as ColumnType;
}

describe('columnTypeOf', () => {
  it.each(['mysql', 'mariadb'] as const)(
    'gives a uuid column on %s the 36 characters TypeORM gives a generated one',
    async (dialect) => {
      expect(await typeOf(dialect, { type: 'uuid' })).toEqual({ kind: 'string', length: 36 });
      expect(await typeOf(dialect, { type: 'uuid', length: 40 })).toEqual({ kind: 'string', length: 40 });
    },
  );

  it('leaves a uuid column on SQLite as TypeORM writes it, a varchar without length', async () => {
    expect(await typeOf('sqlite', { type: 'uuid' })).toEqual({ kind: 'string' });
  });

  it.each([
    [{ type: 'timestamptz', precision: 3 }, 'timestamp(3) with time zone'],
    [{ type: 'timestamp', precision: 0 }, 'timestamp(0) without time zone'],
    [{ type: 'time with time zone', precision: 2 }, 'time(2) with time zone'],
    [{ type: 'time', precision: 6 }, 'time(6) without time zone'],
  ])('writes a PostgreSQL time type with precision %j as %s', async (options, sql) => {
    expect(await typeOf('postgres', options)).toEqual({ kind: 'raw', sql });
  });

  it.each(['mysql', 'mariadb'] as const)('gives a boolean on %s the plain tinyint TypeORM writes', async (dialect) => {
    for (const type of [Boolean, 'boolean', 'bool']) {
      expect(await typeOf(dialect, { type })).toEqual({ kind: 'raw', sql: 'tinyint' });
    }
  });

  it('keeps boolean() for a boolean on PostgreSQL and SQLite', async () => {
    expect(await typeOf('postgres', { type: Boolean })).toEqual(expect.objectContaining({ kind: 'boolean' }));
    expect(await typeOf('sqlite', { type: 'boolean' })).toEqual(expect.objectContaining({ kind: 'boolean' }));
  });

  it('writes a MySQL integer display width as TypeORM does: tinyint(1)', async () => {
    expect(await typeOf('mariadb', { type: 'tinyint', width: 1 })).toEqual({ kind: 'raw', sql: 'tinyint(1)' });
  });

  it('keeps the decimal, real and double TypeORM declares on SQLite', async () => {
    expect(await typeOf('sqlite', { type: 'decimal', precision: 10, scale: 2 })).toEqual({
      kind: 'raw',
      sql: 'decimal(10,2)',
    });
    expect(await typeOf('sqlite', { type: 'real' })).toEqual({ kind: 'raw', sql: 'real' });
    expect(await typeOf('sqlite', { type: 'double' })).toEqual({ kind: 'raw', sql: 'double' });
    expect(await typeOf('sqlite', { type: 'numeric', precision: 10, scale: 2 })).toEqual({
      kind: 'numeric',
      precision: 10,
      scale: 2,
    });
  });

  it('writes a MySQL datetime with precision as datetime(n)', async () => {
    expect(await typeOf('mariadb', { type: 'datetime', precision: 3 })).toEqual({ kind: 'raw', sql: 'datetime(3)' });
  });
});

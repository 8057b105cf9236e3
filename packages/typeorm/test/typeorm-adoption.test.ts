/**
 * Adopting a database TypeORM made (issue 9, point 7): TypeORM's own `synchronize()` creates the
 * tables of a few entities on a fresh database, then `fromDataSource` of the same DataSource is
 * compared with that database by `produceMigrationPlan`, which must find nothing. This is the
 * first autogenerate of a project moving from TypeORM's `synchronize` or `migration:generate`
 * to alembic: no spurious type, default, index or constraint change may show up. Runs on both
 * TypeORM lines, on SQLite, PostgreSQL and MariaDB; the same model created by alembic instead
 * compares equal as well.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseConnection, Dialect } from '@alembic/core';
import type { AutogenerateResult } from '@alembic/core/internal';
import { mysql } from '@alembic/dialect-mysql';
import { postgres } from '@alembic/dialect-postgres';
import { sqliteDialect } from '@alembic/dialect-sqlite';
import { AutogenerateSession, isToolTable } from '@alembic/testing';
import type { ConformanceHarness } from '@alembic/testing';
import { fromDataSource } from '../src/from-data-source.js';
import type { TypeOrmTargetDialect } from '../src/target-dialect.js';
import type { TypeOrmDataSourceClass } from '../src/typeorm-shapes.js';
import {
  MYSQL_URL,
  createPostgresDatabase,
  describeWhenReachable,
  mysqlHarness,
  mysqlUnavailableReason,
  postgresHarness,
  postgresUnavailableReason,
  sqliteHarness,
  uniqueName,
  withDatabase,
} from './support/live-servers.js';
import { TYPEORM_LINES, expectStableRoundTrip, modelOf, type TypeOrmModule } from './support/typeorm-round-trip.js';

jest.setTimeout(60_000);

/** A fresh database: TypeORM's options for it, our dialect and URL, and how to drop it. */
interface AdoptedDatabase {
  readonly typeOrmOptions: Readonly<Record<string, unknown>>;
  readonly dialect: Dialect;
  readonly url: string;
  drop(): Promise<void>;
}

interface Target {
  readonly title: string;
  readonly dialect: TypeOrmTargetDialect;
  readonly unavailableReason: string | undefined;
  readonly createDatabase: () => Promise<AdoptedDatabase>;
  /** Databases for the round trip of the same model, created by alembic. */
  readonly harness: () => ConformanceHarness;
}

async function freshSqlite(): Promise<AdoptedDatabase> {
  const directory = mkdtempSync(join(tmpdir(), 'alembic-typeorm-adopt-'));
  const file = join(directory, 'adopted.db');
  return {
    typeOrmOptions: { type: 'better-sqlite3', database: file },
    dialect: sqliteDialect,
    url: `sqlite:///${file}`,
    drop: async () => rmSync(directory, { recursive: true, force: true }),
  };
}

async function freshPostgres(): Promise<AdoptedDatabase> {
  const database = await createPostgresDatabase('adopt');
  return {
    typeOrmOptions: { type: 'postgres', url: database.url },
    dialect: postgres(),
    url: database.url,
    drop: database.drop,
  };
}

async function freshMariadb(): Promise<AdoptedDatabase> {
  const dialect = mysql();
  const name = uniqueName('alembic_typeorm_adopt');
  const admin = await dialect.connect(MYSQL_URL);
  await admin.execute(`CREATE DATABASE \`${name}\``);
  const url = withDatabase(MYSQL_URL, name);
  return {
    typeOrmOptions: { type: 'mariadb', url: url.replace(/^mariadb:/i, 'mysql:') },
    dialect,
    url,
    drop: async () => {
      try {
        await admin.execute(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await admin.close();
      }
    },
  };
}

const TARGETS: readonly Target[] = [
  {
    title: 'SQLite',
    dialect: 'sqlite',
    unavailableReason: undefined,
    createDatabase: freshSqlite,
    harness: sqliteHarness,
  },
  {
    title: 'PostgreSQL',
    dialect: 'postgres',
    unavailableReason: postgresUnavailableReason,
    createDatabase: freshPostgres,
    harness: postgresHarness,
  },
  {
    title: 'MariaDB',
    dialect: 'mariadb',
    unavailableReason: mysqlUnavailableReason,
    createDatabase: freshMariadb,
    harness: mysqlHarness,
  },
];

/** One line per planned operation, for a readable failure. */
function describeOperations(result: AutogenerateResult): string[] {
  return result.plan.upgrade.map((planned) => JSON.stringify(planned.operation));
}

/**
 * `entities` synchronized by TypeORM into a fresh database of `target`, then what autogenerate
 * finds between `fromDataSource` of that DataSource and the database.
 */
async function adopt(typeorm: TypeOrmModule, target: Target, entities: Function[]): Promise<AutogenerateResult> {
  const database = await target.createDatabase();
  try {
    const dataSource = new typeorm.DataSource({ ...database.typeOrmOptions, entities } as never);
    await dataSource.initialize();
    try {
      await dataSource.synchronize();
    } finally {
      await dataSource.destroy();
    }
    const dataSourceClass = typeorm.DataSource as unknown as TypeOrmDataSourceClass;
    const model = await fromDataSource(dataSource as never, { dialect: target.dialect, dataSourceClass });
    const connection: DatabaseConnection = await database.dialect.connect(database.url);
    try {
      const session = new AutogenerateSession(database.dialect, connection);
      const tables = (await session.reflect()).map((table) => table.name).filter((name) => !isToolTable(name));
      expect(tables.sort()).toEqual(model.tables.map((table) => table.name).sort());
      return await session.compare(model);
    } finally {
      await connection.close();
    }
  } finally {
    await database.drop();
  }
}

describe.each(TYPEORM_LINES)('TypeORM %s: a database TypeORM synchronized', (_line, typeorm) => {
  const { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } = typeorm;

  for (const target of TARGETS) {
    describeWhenReachable(target.unavailableReason, `on ${target.title}`, () => {
      it('boolean, integer, varchar, datetime, decimal and text columns: autogenerate finds nothing', async () => {
        @Entity('adopt_account')
        class Account {
          @PrimaryGeneratedColumn() id!: number;
          @Column() active!: boolean;
          @Column({ type: 'boolean', default: true }) visible!: boolean;
          @Column({ nullable: true }) archived!: boolean;
          @Column() visits!: number;
          @Column({ default: 0 }) rank!: number;
          @Column() name!: string;
          @Column({ length: 120, nullable: true }) email!: string;
          @Column({ type: target.dialect === 'postgres' ? 'timestamp' : 'datetime' }) seenAt!: Date;
          @Column({ type: 'decimal', precision: 10, scale: 2, default: 0 }) balance!: string;
          @Column({ type: 'text', nullable: true }) bio!: string;
          @Column({ type: 'real', nullable: true }) ratio!: number;
          @Column({ type: 'float', nullable: true }) score!: number;
        }
        const result = await adopt(typeorm, target, [Account]);
        expect(describeOperations(result)).toEqual([]);
        // The same model, created by alembic instead, compares equal too.
        await expectStableRoundTrip(target.harness(), await modelOf(typeorm, target.dialect, [Account]));
      });

      it('defaults, a created-at column, an index, a unique constraint and a foreign key: autogenerate finds nothing', async () => {
        @Entity('adopt_owner')
        @Unique('uq_adopt_owner_handle', ['handle'])
        class Owner {
          @PrimaryGeneratedColumn() id!: number;
          @Column({ length: 40 }) handle!: string;
          @Index() @Column({ default: 'member' }) role!: string;
          @CreateDateColumn() createdAt!: Date;
        }
        @Entity('adopt_pet')
        class Pet {
          @PrimaryGeneratedColumn() id!: number;
          @Column({ default: false }) adopted!: boolean;
          @ManyToOne(() => Owner, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'ownerId' }) owner!: Owner;
          @Column({ nullable: true }) ownerId!: number;
        }
        const result = await adopt(typeorm, target, [Owner, Pet]);
        expect(describeOperations(result)).toEqual([]);
      });
    });
  }
});

/**
 * Round trips through TypeORM entity files (issue 9, point 7), on each live dialect: the blog and
 * catalog fixtures (every column kind `@alembic/typeorm` maps, ManyToOne / OneToOne / ManyToMany
 * relations with their join tables, composite primary and foreign keys, named checks, unique and
 * partial indexes, comments, identity, arrays, unsigned integers) become a model through
 * `fromDataSource`; autogenerate creates it from an empty database with a rendered migration,
 * a second compare finds nothing (the reflected schema equals the model), and the downgrade
 * leaves the database empty. Then a change to the entities (a column added, a length widened,
 * an index and a relation added) round trips the same way, and its downgrade restores the
 * reflected schema exactly.
 */
import type { MetadataModel } from '@alembic/core';
import type { ConformanceHarness } from '@alembic/testing';
import { blogEntities, type FixtureDialect } from './fixtures/blog-entities.js';
import { catalogEntities } from './fixtures/catalog-entities.js';
import {
  describeWhenReachable,
  mysqlHarness,
  mysqlUnavailableReason,
  postgresHarness,
  postgresUnavailableReason,
  sqliteHarness,
} from './support/live-servers.js';
import {
  TYPEORM_LINES,
  expectStableChange,
  expectStableRoundTrip,
  modelOf,
  type TypeOrmModule,
} from './support/typeorm-round-trip.js';
import type { TypeOrmTargetDialect } from '../src/target-dialect.js';

jest.setTimeout(60_000);

interface Target {
  readonly title: string;
  readonly dialect: TypeOrmTargetDialect;
  readonly fixtureDialect: FixtureDialect | 'mariadb';
  readonly unavailableReason: string | undefined;
  readonly harness: () => ConformanceHarness;
}

const TARGETS: readonly Target[] = [
  {
    title: 'SQLite',
    dialect: 'sqlite',
    fixtureDialect: 'sqlite',
    unavailableReason: undefined,
    harness: sqliteHarness,
  },
  {
    title: 'PostgreSQL',
    dialect: 'postgres',
    fixtureDialect: 'postgres',
    unavailableReason: postgresUnavailableReason,
    harness: postgresHarness,
  },
  {
    title: 'MariaDB',
    dialect: 'mariadb',
    fixtureDialect: 'mariadb',
    unavailableReason: mysqlUnavailableReason,
    harness: mysqlHarness,
  },
];

/** The model of `entities` on `target` (PostgreSQL's uuids from pgcrypto's gen_random_uuid(), which needs no extension). */
function model(typeorm: TypeOrmModule, target: Target, entities: Function[]): Promise<MetadataModel> {
  return modelOf(
    typeorm,
    target.dialect,
    target.dialect === 'postgres' ? { uuidExtension: 'pgcrypto', entities } : entities,
  );
}

describe.each(TYPEORM_LINES)('TypeORM %s entity files', (_line, typeorm) => {
  for (const target of TARGETS) {
    describeWhenReachable(target.unavailableReason, `on ${target.title}`, () => {
      const harness = target.harness();
      const fixtureDialect: FixtureDialect = target.fixtureDialect === 'mariadb' ? 'mysql' : target.fixtureDialect;

      it('the blog entities: created from nothing, nothing left to do, downgraded to nothing', async () => {
        await expectStableRoundTrip(harness, await model(typeorm, target, blogEntities(typeorm, fixtureDialect)));
      });

      it('the catalog entities: created from nothing, nothing left to do, downgraded to nothing', async () => {
        const catalog = await model(typeorm, target, catalogEntities(typeorm, target.fixtureDialect));
        expect(catalog.tables.map((table) => table.name)).toEqual(
          expect.arrayContaining(['cat_product', 'cat_product_also_in']),
        );
        await expectStableRoundTrip(harness, catalog);
      });

      it('a change to the catalog entities: upgraded, nothing left to do, downgraded to the schema before', async () => {
        const before = await model(typeorm, target, catalogEntities(typeorm, target.fixtureDialect));
        const after = await model(typeorm, target, catalogEntities(typeorm, target.fixtureDialect, true));
        expect(after.tables.map((table) => table.name)).toContain('cat_supplier');
        await expectStableChange(harness, before, after);
      });
    });
  }
});

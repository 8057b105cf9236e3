import {
  addColumnOperation,
  column,
  createTableOperation,
  executeOperation,
  integer,
  rawType,
  sql,
  table,
  uuid,
} from '@alembic/core';
import type { MigrationContext, PlannedOperation, RevisionDirective } from '@alembic/core';
import { createTypeOrmExtensions, postgresExtensionsNeeded } from './postgres-extensions.js';

const planned = (operation: PlannedOperation['operation']): PlannedOperation => ({ operation, comments: [] });

const UPGRADE = [
  planned(
    createTableOperation({
      table: table('account', [
        column('id', uuid(), { primaryKey: true, serverDefault: sql('uuid_generate_v4()') }),
        column('email', rawType('citext')),
        column('place', rawType('geometry(Point,4326)')),
      ]),
    }),
  ),
  planned(addColumnOperation({ tableName: 'account', column: column('tags', rawType('hstore')) })),
  planned(addColumnOperation({ tableName: 'account', column: column('area', rawType('geography')) })),
  planned(addColumnOperation({ tableName: 'account', column: column('n', integer()) })),
];

/** The one thing the hook reads of its context: the dialect's name. */
function contextOn(dialectName: string): MigrationContext {
  return { dialect: { name: dialectName } } as unknown as MigrationContext;
}

describe('postgresExtensionsNeeded', () => {
  it('names each extension the new columns need once, in order of first use', () => {
    expect(postgresExtensionsNeeded(UPGRADE)).toEqual(['uuid-ossp', 'citext', 'postgis', 'hstore']);
    expect(postgresExtensionsNeeded([UPGRADE[3] as PlannedOperation])).toEqual([]);
    expect(
      postgresExtensionsNeeded([
        planned(executeOperation({ sql: 'SELECT uuid_generate_v4()' })),
        planned(
          createTableOperation({
            table: table('t', [column('id', uuid(), { primaryKey: true, serverDefault: sql('gen_random_uuid()') })]),
          }),
        ),
      ]),
    ).toEqual([]);
  });
});

describe('createTypeOrmExtensions', () => {
  function directive(): RevisionDirective {
    return { message: 'm', revisionId: 'abc', upgrade: [...UPGRADE], downgrade: [] };
  }

  it('starts a PostgreSQL upgrade with CREATE EXTENSION IF NOT EXISTS for each, and leaves the downgrade', () => {
    const directives = [directive()];
    createTypeOrmExtensions(contextOn('postgresql'), [], directives);
    const [changed] = directives as [RevisionDirective];
    expect(changed.upgrade.slice(0, 4).map((entry) => entry.operation)).toEqual(
      ['uuid-ossp', 'citext', 'postgis', 'hstore'].map((name) =>
        executeOperation({ sql: `CREATE EXTENSION IF NOT EXISTS "${name}"` }),
      ),
    );
    expect(changed.upgrade[0]?.comments).toHaveLength(1);
    expect(changed.upgrade.slice(4)).toEqual(UPGRADE);
    expect(changed.downgrade).toEqual([]);
  });

  it('leaves other databases, and upgrades that need no extension, as they are', () => {
    const onSqlite = [directive()];
    createTypeOrmExtensions(contextOn('sqlite'), [], onSqlite);
    expect(onSqlite[0]?.upgrade).toEqual(UPGRADE);
    const plain: RevisionDirective[] = [
      { message: null, revisionId: 'x', upgrade: [UPGRADE[3] as PlannedOperation], downgrade: [] },
    ];
    createTypeOrmExtensions(contextOn('postgresql'), [], plain);
    expect(plain[0]?.upgrade).toEqual([UPGRADE[3]]);
  });
});

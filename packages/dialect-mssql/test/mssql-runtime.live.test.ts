/**
 * `upgrade` / `current` / `downgrade` through core's runtime against a live SQL Server
 * (`ALEMBIC_TEST_MSSQL_URL`), as a user runs them: the generic `env.ts`, the dialect found from
 * the URL's scheme. A failing migration leaves nothing behind (transactional DDL). Skipped with
 * a notice when no server is configured.
 */
import { resolve } from 'node:path';
import type { VersionScript } from '@alembic/testing';
import { DialectMigrationProject } from '@alembic/testing';
import type { TestDatabase } from './support/mssql-test-server.js';
import { createTestDatabase, describeLive } from './support/mssql-test-server.js';

const SCRIPTS: readonly VersionScript[] = [
  {
    revision: 'aaa1',
    downRevision: null,
    imports: ['column', 'dateTime', 'integer', 'sql', 'string'],
    dialectImports: ['nvarchar'],
    upgrade: `  const account = await op.createTable('account', [
    column('id', integer(), { primaryKey: true }),
    column('name', string(50), { nullable: false }),
    column('description', nvarchar(200)),
    column('created', dateTime(), { serverDefault: sql('now()') }),
  ]);
  await op.bulkInsert(account, [{ id: 1, name: 'John' }, { id: 2, name: "O'Brien" }]);`,
    downgrade: `  await op.dropTable('account');`,
  },
  {
    revision: 'bbb2',
    downRevision: 'aaa1',
    imports: ['string'],
    dialectImports: ['nvarchar'],
    upgrade: `  await op.alterColumn('account', 'description', { nullable: false, serverDefault: 'none', existingType: nvarchar(200) });
  await op.alterColumn('account', 'name', { newColumnName: 'full_name', type: string(100), existingNullable: false });
  await op.createCheckConstraint('ck_name_len', 'account', 'LEN(full_name) > 2');`,
    downgrade: `  await op.dropConstraint('ck_name_len', 'account', { type: 'check' });
  await op.alterColumn('account', 'full_name', { newColumnName: 'name', type: string(50), existingNullable: false });
  await op.alterColumn('account', 'description', { nullable: true, serverDefault: null, existingType: nvarchar(200) });`,
  },
];

describeLive('SQL Server runtime, live', () => {
  let database: TestDatabase;
  let project: DialectMigrationProject;

  beforeAll(async () => {
    database = await createTestDatabase();
    project = new DialectMigrationProject({ dialectPackageDirectory: resolve(__dirname, '..'), scripts: SCRIPTS });
  });

  afterAll(async () => {
    project?.dispose();
    await database?.drop();
  });

  it('upgrades to head, reports it, and downgrades to base', async () => {
    const upgraded = await project.run(database.url, 'upgrade', 'head');
    expect(upgraded.stderr).not.toMatch(/FAILED/);
    const current = await project.run(database.url, 'current');
    expect(current.stdout).toMatch(/^bbb2 \(head\)$/m);
    const connection = await database.connect();
    try {
      const { rows } = await connection.query<{ full_name: string; description: string }>(
        'SELECT full_name, description FROM account ORDER BY id',
      );
      expect(rows).toEqual([
        { full_name: 'John', description: 'none' },
        { full_name: "O'Brien", description: 'none' },
      ]);
    } finally {
      await connection.close();
    }
    const downgraded = await project.run(database.url, 'downgrade', 'base');
    expect(downgraded.stderr).not.toMatch(/FAILED/);
    expect((await project.run(database.url, 'current')).stdout).not.toMatch(/aaa1|bbb2/);
  });

  it('leaves nothing of a failing migration behind', async () => {
    project.writeScript({
      revision: 'ccc3',
      downRevision: 'bbb2',
      upgrade: `  await op.execute('CREATE TABLE half_done (a INT)');
  await op.execute('SELECT * FROM no_such_table');`,
    });
    const failed = await project.run(database.url, 'upgrade', 'head');
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/FAILED: .*no_such_table/);
    expect(failed.stderr).toMatch(/CAUSE: MssqlDatabaseError ALEMBIC_TABLE_NOT_FOUND/);
    const connection = await database.connect();
    try {
      const { rows } = await connection.query("SELECT name FROM sys.tables WHERE name IN ('half_done', 'account')");
      expect(rows).toEqual([]);
      const versions = await connection.query('SELECT version_num FROM alembic_version');
      expect(versions.rows).toEqual([]);
    } finally {
      await connection.close();
    }
  });
});

/**
 * End to end through core's runtime on the live server: `upgrade` / `downgrade` / `current` with
 * the generic `env.ts` and the dialect found from the URL (whose scheme may name the other
 * flavour: the compiler follows the server), a migration failing halfway (non-transactional
 * DDL: the version table shows the last migration that completed), and two concurrent
 * `upgrade` runs serialised by the `GET_LOCK` migration lock.
 */
import { resolve } from 'node:path';
import { constraintNameText, findColumn } from '@alembic/core/dialect';
import { DialectMigrationProject, appendixAScripts } from '@alembic/testing';
import { MysqlIntrospector } from '../src/mysql-introspector.js';
import { createTestDatabase, describeLive } from './support/mysql-test-server.js';
import type { TestDatabase } from './support/mysql-test-server.js';

jest.setTimeout(60_000);

const PACKAGE_DIRECTORY = resolve(__dirname, '..');

describeLive('MySQL through the runtime (live)', () => {
  let database: TestDatabase;
  let project: DialectMigrationProject;

  beforeAll(async () => {
    database = await createTestDatabase();
    // Appendix A's script 2 makes `description` NOT NULL before filling it: give the rows one.
    project = new DialectMigrationProject({
      dialectPackageDirectory: PACKAGE_DIRECTORY,
      scripts: appendixAScripts({ descriptionType: 'string(200)' }).map((script) => ({
        ...script,
        upgrade: script.upgrade.replace(/name: ('John'|"O'Brien") \}/g, "name: $1, description: 'x' }"),
      })),
    });
  });

  afterAll(async () => {
    project?.dispose();
    await database?.drop();
  });

  async function versions(): Promise<string[]> {
    const connection = await database.connect();
    try {
      const { rows } = await connection.query<{ version_num: string }>(
        'SELECT version_num FROM alembic_version ORDER BY version_num',
      );
      return rows.map((row) => row.version_num);
    } finally {
      await connection.close();
    }
  }

  it('upgrades to head, then downgrades to base', async () => {
    const up = await project.run(database.url, 'upgrade', 'head');
    expect(up.stderr).not.toMatch(/FAILED/);
    expect(up.stderr).toContain('Running upgrade 1a2b3c4d -> 5e6f7a8b');
    expect(up.status).toBe(0);
    expect(await versions()).toEqual(['5e6f7a8b']);
    const connection = await database.connect();
    try {
      const introspector = new MysqlIntrospector(connection);
      expect(await introspector.getTableNames()).toEqual(['account', 'addresses', 'alembic_version']);
      const account = await introspector.getTable('account');
      expect(findColumn(account!, 'full_name')).toMatchObject({ nullable: false });
      expect(findColumn(account!, 'description')).toMatchObject({ nullable: false });
      expect(
        account?.constraints.map((constraint) => constraint.name && constraintNameText(constraint.name)),
      ).toContain('ck_name_len');
      const { rows } = await connection.query('SELECT id, full_name, description FROM account ORDER BY id');
      expect(rows).toEqual([
        { id: 1, full_name: 'John', description: 'x' },
        { id: 2, full_name: "O'Brien", description: 'x' },
      ]);
    } finally {
      await connection.close();
    }
    const current = await project.run(database.url, 'current');
    expect(current.stdout).toContain('5e6f7a8b (head)');

    const down = await project.run(database.url, 'downgrade', 'base');
    expect(down.stderr).not.toMatch(/FAILED/);
    expect(down.status).toBe(0);
    expect(await versions()).toEqual([]);
    const after = await database.connect();
    try {
      expect(await new MysqlIntrospector(after).getTableNames()).toEqual(['alembic_version']);
    } finally {
      await after.close();
    }
  });

  it('a migration failing halfway keeps what ran and the version of the last completed migration', async () => {
    project.writeScript({
      revision: '9c0d1e2f',
      downRevision: '5e6f7a8b',
      imports: ['column', 'integer'],
      upgrade: `  await op.addColumn('account', column('visits', integer()));
  await op.execute('ALTER TABLE account ADD COLUMN broken NO_SUCH_TYPE');`,
    });
    try {
      const outcome = await project.run(database.url, 'upgrade', 'head');
      expect(outcome.status).toBe(1);
      expect(outcome.stderr).toMatch(/FAILED: .*9c0d1e2f/);
      expect(outcome.stderr).toContain('ALTER TABLE account ADD COLUMN broken NO_SUCH_TYPE');
      expect(outcome.stderr).toMatch(/CAUSE: MysqlDatabaseError ALEMBIC_SQL_SYNTAX_ERROR/);
      expect(await versions()).toEqual(['5e6f7a8b']);
      const connection = await database.connect();
      try {
        const account = await new MysqlIntrospector(connection).getTable('account');
        expect(findColumn(account!, 'visits')).toBeDefined();
      } finally {
        await connection.close();
      }
    } finally {
      project.writeScript({
        revision: '9c0d1e2f',
        downRevision: '5e6f7a8b',
        upgrade: "  await op.execute('SELECT 1');",
      });
    }
  });

  it('two concurrent upgrades apply each migration once', async () => {
    const fresh = await createTestDatabase();
    const concurrent = new DialectMigrationProject({
      dialectPackageDirectory: PACKAGE_DIRECTORY,
      scripts: [
        {
          revision: 'aaaa0001',
          downRevision: null,
          upgrade: "  await op.execute('CREATE TABLE once_a (id INTEGER)');\n  await op.execute('SELECT SLEEP(0.5)');",
        },
        {
          revision: 'aaaa0002',
          downRevision: 'aaaa0001',
          upgrade: "  await op.execute('CREATE TABLE once_b (id INTEGER)');\n  await op.execute('SELECT SLEEP(0.5)');",
        },
      ],
    });
    try {
      const outcomes = await Promise.all([
        concurrent.run(fresh.url, 'upgrade', 'head'),
        concurrent.run(fresh.url, 'upgrade', 'head'),
      ]);
      for (const outcome of outcomes) {
        expect(outcome.stderr).not.toMatch(/FAILED/);
        expect(outcome.status).toBe(0);
      }
      const ran = outcomes.map((outcome) => (outcome.stdout + outcome.stderr).match(/Running upgrade/g)?.length ?? 0);
      expect(ran.reduce((sum, count) => sum + count, 0)).toBe(2);
      const connection = await fresh.connect();
      try {
        const { rows } = await connection.query<{ version_num: string }>('SELECT version_num FROM alembic_version');
        expect(rows).toEqual([{ version_num: 'aaaa0002' }]);
      } finally {
        await connection.close();
      }
    } finally {
      concurrent.dispose();
      await fresh.drop();
    }
  });
});

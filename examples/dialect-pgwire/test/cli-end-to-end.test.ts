/**
 * The third-party path end to end, as a user types it: a project whose `alembic.config.ts`
 * lists the pgwire dialect under `dialects`, driven through the built CLI
 * (`node packages/cli/dist/bin.js`): init, revision, upgrade (offline and live), current,
 * downgrade. Without the `dialects` entry, a `pgwire://` URL names the package to install.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { DatabaseConnection } from '@alembic/core/dialect';
import { pgwire } from '../src/pgwire-dialect.js';
import { PGWIRE_URL, describeLive, uniqueSchemaName, urlWithSchema } from './support/live-server.js';

const EXAMPLE_DIRECTORY = resolve(__dirname, '..');
const WORKSPACE = resolve(EXAMPLE_DIRECTORY, '..', '..');
const CLI_BIN = process.env.ALEMBIC_CLI_BIN ?? join(WORKSPACE, 'packages', 'cli', 'dist', 'bin.js');

const CONFIG_WITH_DIALECT = `import { defineConfig } from '@alembic/core';
import { pgwire } from '@example/alembic-dialect-pgwire';

export default defineConfig({
  scriptLocation: 'migrations',
  url: process.env.DATABASE_URL,
  dialects: [pgwire()],
});
`;

const CONFIG_WITHOUT_DIALECT = `import { defineConfig } from '@alembic/core';

export default defineConfig({ scriptLocation: 'migrations', url: process.env.DATABASE_URL });
`;

interface CommandResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

describeLive('the CLI with the pgwire dialect registered through alembic.config.ts', () => {
  const dialect = pgwire();
  const schema = uniqueSchemaName('cli');
  const databaseUrl = urlWithSchema(schema);
  let project: string;
  let admin: DatabaseConnection;
  let revision: string;

  function alembic(commandArguments: readonly string[], url = databaseUrl): CommandResult {
    const environment: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url, NO_COLOR: '1', TZ: 'UTC' };
    delete environment.NODE_OPTIONS;
    const result = spawnSync(process.execPath, [CLI_BIN, ...commandArguments], {
      cwd: project,
      env: environment,
      encoding: 'utf8',
      timeout: 60_000,
    });
    if (result.error) throw result.error;
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  function succeeds(commandArguments: readonly string[], url?: string): CommandResult {
    const result = alembic(commandArguments, url);
    if (result.status !== 0) {
      throw new Error(
        `alembic ${commandArguments.join(' ')} exited ${String(result.status)}\n${result.stdout}\n${result.stderr}`,
      );
    }
    return result;
  }

  async function tablesInSchema(): Promise<string[]> {
    const { rows } = await admin.query<{ name: string }>(
      'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1',
      [schema],
    );
    return rows.map((row) => row.name);
  }

  beforeAll(async () => {
    if (!existsSync(CLI_BIN)) throw new Error(`${CLI_BIN} is missing: build the workspace first (pnpm build)`);
    project = realpathSync(mkdtempSync(join(tmpdir(), 'alembic-pgwire-cli-')));
    // What a user's install holds: @alembic/core and the third-party dialect package.
    mkdirSync(join(project, 'node_modules', '@alembic'), { recursive: true });
    mkdirSync(join(project, 'node_modules', '@example'), { recursive: true });
    symlinkSync(join(WORKSPACE, 'packages', 'core'), join(project, 'node_modules', '@alembic', 'core'), 'dir');
    symlinkSync(EXAMPLE_DIRECTORY, join(project, 'node_modules', '@example', 'alembic-dialect-pgwire'), 'dir');
    admin = await dialect.connect(PGWIRE_URL);
    await admin.execute(`CREATE SCHEMA ${schema}`);
  });

  afterAll(async () => {
    await admin?.execute(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await admin?.close();
    if (project !== undefined) rmSync(project, { recursive: true, force: true });
  });

  it('init writes the environment', () => {
    const result = succeeds(['init', 'migrations']);
    expect(result.stdout).toContain('alembic.config.ts');
    expect(existsSync(join(project, 'migrations', 'env.ts'))).toBe(true);
  });

  it('without the dialect in the config, a pgwire:// URL names the package to install', () => {
    writeFileSync(join(project, 'alembic.config.ts'), CONFIG_WITHOUT_DIALECT);
    const result = alembic(['current']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("FAILED: No dialect for 'pgwire://' URLs: install @alembic/dialect-pgwire");
  });

  it('revision writes a script, filled in here with op.createTable', () => {
    writeFileSync(join(project, 'alembic.config.ts'), CONFIG_WITH_DIALECT);
    succeeds(['revision', '-m', 'create account']);
    const [fileName] = readdirSync(join(project, 'migrations', 'versions')).filter((name) => name.endsWith('.ts'));
    const path = join(project, 'migrations', 'versions', fileName as string);
    revision = (fileName as string).split('_')[0] as string;
    const source = readFileSync(path, 'utf8')
      .replace("import { op } from '@alembic/core';", "import { column, integer, op, string } from '@alembic/core';")
      .replace(
        /export async function upgrade\(\): Promise<void> \{\n[^}]*\}/,
        "export async function upgrade(): Promise<void> {\n  await op.createTable('account', [column('id', integer(), { primaryKey: true }), column('name', string(50), { nullable: false })]);\n}",
      )
      .replace(
        /export async function downgrade\(\): Promise<void> \{\n[^}]*\}/,
        "export async function downgrade(): Promise<void> {\n  await op.dropTable('account');\n}",
      );
    writeFileSync(path, source);
    expect(source).toContain("op.createTable('account'");
  });

  it("upgrade --sql prints the dialect's SQL without connecting (no BEGIN: DDL is not transactional here)", () => {
    const result = succeeds(['upgrade', 'head', '--sql'], 'pgwire://nobody@127.0.0.1:1/nowhere');
    expect(result.stdout).toContain(
      'CREATE TABLE account (id BIGSERIAL NOT NULL, name VARCHAR(50) NOT NULL, PRIMARY KEY (id));',
    );
    expect(result.stdout).toContain(`INSERT INTO alembic_version (version_num) VALUES ('${revision}');`);
    expect(result.stdout).not.toMatch(/^BEGIN;/m);
  });

  it('upgrade head runs through the dialect: the table, the version row, and its lock table', async () => {
    const result = succeeds(['upgrade', 'head']);
    expect(result.stderr).toContain(`Running upgrade  -> ${revision}, create account`);
    expect(await tablesInSchema()).toEqual(['account', 'alembic_lock', 'alembic_version']);
    const { rows: types } = await admin.query<{ type: string }>(
      "SELECT data_type AS type FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'account' AND column_name = 'id'",
      [schema],
    );
    expect(types).toEqual([{ type: 'bigint' }]);
    const { rows: locks } = await admin.query(`SELECT name FROM ${schema}.alembic_lock`);
    expect(locks).toEqual([]);
  });

  it('current reads the version table through the dialect', () => {
    expect(succeeds(['current']).stdout.trim()).toBe(`${revision} (head)`);
  });

  it('downgrade base undoes it', async () => {
    succeeds(['downgrade', 'base']);
    expect(await tablesInSchema()).toEqual(['alembic_lock', 'alembic_version']);
    expect(succeeds(['current']).stdout.trim()).toBe('');
  });
});

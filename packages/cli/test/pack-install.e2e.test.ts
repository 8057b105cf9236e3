/**
 * A new user's install: the packages are packed as they would be published (`pnpm pack` turns
 * `workspace:` ranges into versions), installed with npm into a project outside the workspace
 * with only the CLI and one dialect (PostgreSQL: its driver is plain JavaScript), and the
 * project runs init, revision, upgrade and downgrade against the local server.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repository = resolve(__dirname, '..', '..', '..');
const postgresUrl = process.env.ALEMBIC_TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const adminUrl = new URL(postgresUrl);

function postgresReachable(): string | undefined {
  const probe = spawnSync('pg_isready', ['-h', adminUrl.hostname, '-p', adminUrl.port || '5432'], { encoding: 'utf8' });
  if (probe.error) return `pg_isready not available (${probe.error.message})`;
  return probe.status === 0 ? undefined : `no PostgreSQL at ${adminUrl.hostname}:${adminUrl.port || '5432'}`;
}

const unreachable = postgresReachable();
const requireServers = process.env.ALEMBIC_TEST_REQUIRE_SERVERS === '1';

function psql(database: string, sql: string): void {
  const url = new URL(postgresUrl);
  url.pathname = `/${database}`;
  execFileSync('psql', [url.toString(), '-v', 'ON_ERROR_STOP=1', '-q', '-c', sql], { stdio: 'pipe' });
}

function pack(packageDirectory: string, destination: string): string {
  const before = new Set(readdirSync(destination));
  execFileSync('pnpm', ['pack', '--pack-destination', destination], { cwd: packageDirectory, stdio: 'pipe' });
  const created = readdirSync(destination).find((name) => !before.has(name) && name.endsWith('.tgz'));
  if (created === undefined) throw new Error(`pnpm pack made no tarball in ${packageDirectory}`);
  return join(destination, created);
}

if (unreachable !== undefined && !requireServers) {
  console.warn(`Skipping the packed-install test: ${unreachable}.`);
}

(unreachable !== undefined && !requireServers ? describe.skip : describe)('installing from the packed tarballs', () => {
  const work = mkdtempSync(join(tmpdir(), 'alembic-pack-'));
  const project = join(work, 'project');
  const database = `alembic_pack_${process.pid}_${Date.now()}`;
  const projectUrl = (() => {
    const url = new URL(postgresUrl);
    url.pathname = `/${database}`;
    return url.toString();
  })();

  beforeAll(() => {
    if (unreachable !== undefined) throw new Error(`The packed-install test needs PostgreSQL: ${unreachable}`);
    const tarballs = ['core', 'cli', 'dialect-sqlite', 'dialect-postgres'].map((name) =>
      pack(join(repository, 'packages', name), work),
    );
    execFileSync('mkdir', ['-p', project]);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'new-user-project', private: true, type: 'module' }));
    // --legacy-peer-deps: npm would otherwise also install sqlite3 (the CLI's default dialect's
    // peer) and build it from source; this project only uses PostgreSQL, whose driver it adds.
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--legacy-peer-deps', ...tarballs, 'pg@^8'], {
      cwd: project,
      stdio: 'pipe',
      timeout: 240_000,
    });
    psql('postgres', `CREATE DATABASE ${database}`);
  }, 300_000);

  afterAll(() => {
    try {
      psql('postgres', `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  const alembic = (...args: string[]) =>
    spawnSync(join(project, 'node_modules', '.bin', 'alembic'), args, {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: projectUrl },
    });

  it('core depends on no database driver', () => {
    const manifest = JSON.parse(readFileSync(join(project, 'node_modules', '@alembic', 'core', 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      peerDependencies?: Record<string, string>;
    };
    const drivers = ['pg', 'mysql2', 'sqlite3', 'mssql', 'tedious'];
    const declared = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies });
    expect(declared.filter((name) => drivers.includes(name))).toEqual([]);
    const workspaceRanges = JSON.stringify(manifest).includes('workspace:');
    expect(workspaceRanges).toBe(false);
  });

  it('runs init, revision, upgrade, current and downgrade', () => {
    expect(alembic('init', 'migrations').status).toBe(0);
    const revision = alembic('revision', '-m', 'create account', '--rev-id', 'a1b2c3d4e5f6');
    expect(revision.status).toBe(0);
    const file = join(project, 'migrations', 'versions', 'a1b2c3d4e5f6_create_account.ts');
    const source = readFileSync(file, 'utf8')
      .replace("import { op } from '@alembic/core';", "import { column, integer, op, string } from '@alembic/core';")
      .replace(
        /(export async function upgrade\(\): Promise<void> \{\n)/,
        "$1  await op.createTable('account', [column('id', integer(), { primaryKey: true }), column('name', string(50))]);\n",
      )
      .replace(/(export async function downgrade\(\): Promise<void> \{\n)/, "$1  await op.dropTable('account');\n");
    writeFileSync(file, source);

    const upgrade = alembic('upgrade', 'head');
    expect(upgrade.stderr).toContain('Running upgrade  -> a1b2c3d4e5f6, create account');
    expect(upgrade.status).toBe(0);
    const current = alembic('current');
    expect(current.stdout.trim()).toBe('a1b2c3d4e5f6 (head)');
    const downgrade = alembic('downgrade', 'base');
    expect(downgrade.status).toBe(0);
    expect(alembic('current').stdout.trim()).toBe('');
  });
});

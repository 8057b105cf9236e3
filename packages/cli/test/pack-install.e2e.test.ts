/**
 * A new user's install: the packages are packed as they would be published (`pnpm pack` turns
 * `workspace:` ranges into versions) and installed with npm into a project outside the
 * workspace, every dialect next to the latest release of its driver
 * (`npm install <tarballs> sqlite3@latest pg@latest mysql2@latest mssql@latest`), without
 * `--legacy-peer-deps` or `--force`: a peer range that refuses a driver's current major fails
 * the install (npm's ERESOLVE). The project then runs init and revision, upgrades and downgrades
 * on PostgreSQL and MariaDB through the latest drivers, and reaches for a SQL Server that is not
 * there far enough to load the latest `mssql`.
 *
 * Install scripts are skipped (`--ignore-scripts`, which leaves peer resolution as it is):
 * sqlite3's would compile it from source wherever no prebuilt binary can be downloaded, which
 * takes minutes; pg, mysql2 and mssql are plain JavaScript. The SQLite dialect's own tests run
 * against the sqlite3 major it accepts last.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  createServerDatabase,
  dropServerDatabase,
  serverUnavailableReason,
  serverUrl,
} from './support/live-databases.js';

const repository = resolve(__dirname, '..', '..', '..');
const requireServers = process.env.ALEMBIC_TEST_REQUIRE_SERVERS === '1';
const postgresUnavailable = serverUnavailableReason('postgresql');
const mariadbUnavailable = serverUnavailableReason('mariadb');

/** Each dialect package, and the driver it is installed next to, at its latest release. */
const DIALECT_DRIVERS: Readonly<Record<string, string>> = {
  'dialect-sqlite': 'sqlite3',
  'dialect-postgres': 'pg',
  'dialect-mysql': 'mysql2',
  'dialect-mssql': 'mssql',
};

function pack(packageDirectory: string, destination: string): string {
  const before = new Set(readdirSync(destination));
  execFileSync('pnpm', ['pack', '--pack-destination', destination], { cwd: packageDirectory, stdio: 'pipe' });
  const created = readdirSync(destination).find((name) => !before.has(name) && name.endsWith('.tgz'));
  if (created === undefined) throw new Error(`pnpm pack made no tarball in ${packageDirectory}`);
  return join(destination, created);
}

if (postgresUnavailable !== undefined && !requireServers) {
  console.warn(`Skipping the packed-install test: ${postgresUnavailable}.`);
}

(postgresUnavailable !== undefined && !requireServers ? describe.skip : describe)(
  'installing from the packed tarballs',
  () => {
    const work = mkdtempSync(join(tmpdir(), 'alembic-pack-'));
    const project = join(work, 'project');
    const database = `alembic_pack_${process.pid}_${Date.now()}`;
    const urls = {
      postgresql: serverUrl('postgresql', database),
      mariadb: serverUrl('mariadb', database),
    };
    let mariadbCreated = false;

    const alembic = (url: string, ...args: string[]) =>
      spawnSync(join(project, 'node_modules', '.bin', 'alembic'), args, {
        cwd: project,
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: url },
        timeout: 120_000,
      });

    beforeAll(async () => {
      if (postgresUnavailable !== undefined)
        throw new Error(`The packed-install test needs PostgreSQL: ${postgresUnavailable}`);
      const tarballs = ['core', 'cli', ...Object.keys(DIALECT_DRIVERS)].map((name) =>
        pack(join(repository, 'packages', name), work),
      );
      const drivers = Object.values(DIALECT_DRIVERS).map((driver) => `${driver}@latest`);
      execFileSync('mkdir', ['-p', project]);
      writeFileSync(
        join(project, 'package.json'),
        JSON.stringify({ name: 'new-user-project', private: true, type: 'module' }),
      );
      const install = spawnSync(
        'npm',
        ['install', '--no-audit', '--no-fund', '--ignore-scripts', ...tarballs, ...drivers],
        { cwd: project, encoding: 'utf8', timeout: 240_000 },
      );
      if (install.status !== 0) {
        throw new Error(
          `npm install ${drivers.join(' ')} failed (${install.error?.message ?? `exit ${install.status}`}):\n${install.stderr}`,
        );
      }
      await createServerDatabase('postgresql', database);
      if (mariadbUnavailable === undefined) {
        await createServerDatabase('mariadb', database);
        mariadbCreated = true;
      }

      expect(alembic(urls.postgresql, 'init', 'migrations').status).toBe(0);
      expect(alembic(urls.postgresql, 'revision', '-m', 'create account', '--rev-id', 'a1b2c3d4e5f6').status).toBe(0);
      const file = join(project, 'migrations', 'versions', 'a1b2c3d4e5f6_create_account.ts');
      const source = readFileSync(file, 'utf8')
        .replace("import { op } from '@alembic/core';", "import { column, integer, op, string } from '@alembic/core';")
        .replace(
          /(export async function upgrade\(\): Promise<void> \{\n)/,
          "$1  await op.createTable('account', [column('id', integer(), { primaryKey: true }), column('name', string(50))]);\n",
        )
        .replace(/(export async function downgrade\(\): Promise<void> \{\n)/, "$1  await op.dropTable('account');\n");
      expect(source).toContain("op.createTable('account'");
      writeFileSync(file, source);
    }, 300_000);

    afterAll(async () => {
      try {
        await dropServerDatabase('postgresql', database);
        if (mariadbCreated) await dropServerDatabase('mariadb', database);
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    });

    /** Upgrade to head, current, downgrade to base, current: through the dialect `url` names. */
    function upgradeAndDowngrade(url: string): void {
      const upgrade = alembic(url, 'upgrade', 'head');
      expect(upgrade.stderr).toContain('Running upgrade  -> a1b2c3d4e5f6, create account');
      expect(upgrade.status).toBe(0);
      expect(alembic(url, 'current').stdout.trim()).toBe('a1b2c3d4e5f6 (head)');
      expect(alembic(url, 'downgrade', 'base').status).toBe(0);
      expect(alembic(url, 'current').stdout.trim()).toBe('');
    }

    it('core depends on no database driver', () => {
      const manifest = JSON.parse(
        readFileSync(join(project, 'node_modules', '@alembic', 'core', 'package.json'), 'utf8'),
      ) as {
        dependencies?: Record<string, string>;
        peerDependencies?: Record<string, string>;
      };
      const drivers = ['pg', 'mysql2', 'sqlite3', 'mssql', 'tedious'];
      const declared = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies });
      expect(declared.filter((name) => drivers.includes(name))).toEqual([]);
      const workspaceRanges = JSON.stringify(manifest).includes('workspace:');
      expect(workspaceRanges).toBe(false);
    });

    it("installs each dialect next to its driver's latest release, within the dialect's peer range", () => {
      const readManifest = (name: string) =>
        JSON.parse(readFileSync(join(project, 'node_modules', name, 'package.json'), 'utf8')) as {
          version: string;
          peerDependencies?: Record<string, string>;
        };
      const projectManifest = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as {
        dependencies: Record<string, string>;
      };
      for (const [dialect, driver] of Object.entries(DIALECT_DRIVERS)) {
        const installed = readManifest(driver).version;
        // npm saves `<driver>@latest` as ^<the version it installed>
        expect(`${driver} ${projectManifest.dependencies[driver]}`).toBe(`${driver} ^${installed}`);
        const range = readManifest(`@alembic/${dialect}`).peerDependencies?.[driver] ?? '';
        const major = installed.split('.')[0];
        expect(`${dialect}: ${range}`).toMatch(new RegExp(`^${dialect}: (.* \\|\\| )?\\^${major}\\.`));
      }
    });

    it('runs upgrade and downgrade on PostgreSQL through the latest pg', () => {
      upgradeAndDowngrade(urls.postgresql);
    });

    (mariadbUnavailable !== undefined && !requireServers ? it.skip : it)(
      'runs upgrade and downgrade on MariaDB through the latest mysql2',
      () => {
        if (mariadbUnavailable !== undefined) throw new Error(`This test needs MariaDB: ${mariadbUnavailable}`);
        upgradeAndDowngrade(urls.mariadb);
      },
    );

    it('loads the latest mssql and reports a SQL Server that does not answer in one FAILED line', () => {
      const result = alembic('mssql://sa:Pack-Secret-9@127.0.0.1:1/master', 'current');
      expect(result.status).not.toBe(0);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^FAILED: Failed to connect to 127\.0\.0\.1:1\b/);
      expect(result.stderr).not.toMatch(/npm install mssql|Pack-Secret-9|\n\s+at /);
    });
  },
);

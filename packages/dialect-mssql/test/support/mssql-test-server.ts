/**
 * The live SQL Server of the integration tests: `ALEMBIC_TEST_MSSQL_URL` (e.g.
 * `mssql://sa:Passw0rd!@127.0.0.1:1433/master?trustServerCertificate=true`). This project's
 * machines and CI have no SQL Server, so without the variable the live suites are skipped with a
 * `console.warn` notice, even under `ALEMBIC_TEST_REQUIRE_SERVERS=1`. When the variable is set
 * but the server cannot be reached, they are skipped the same way, or, with
 * `ALEMBIC_TEST_REQUIRE_SERVERS=1`, fail. Each test file works in a database of its own
 * (`alembic_test_<random>`), dropped afterwards.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { maskPassword } from '@alembic/core/dialect';
import { connectMssql } from '../../src/mssql-connect.js';
import type { MssqlConnection } from '../../src/mssql-connection.js';

/** The server URL the live tests use; undefined when none is configured. */
export const MSSQL_TEST_URL: string | undefined = process.env.ALEMBIC_TEST_MSSQL_URL || undefined;

const STATUS_VARIABLE = 'ALEMBIC_TEST_MSSQL_STATUS';

const BUILT_ENTRY = resolve(__dirname, '..', '..', 'dist', 'index.js');

const PROBE = `
import(process.argv[1]).then(async ({ connectMssql }) => {
  const connection = await connectMssql(process.argv[2]);
  await connection.query('SELECT 1 AS one');
  await connection.close();
  process.stdout.write('available');
}).catch((error) => process.stdout.write('unreachable: ' + (error.code || '') + ' ' + error.message));
`;

/** `'available'`, or why not; probed once per process. */
function serverStatus(url: string): string {
  const known = process.env[STATUS_VARIABLE];
  if (known !== undefined) {
    return known;
  }
  let status: string;
  if (!existsSync(BUILT_ENTRY)) {
    status = 'not probed: build the package first (dist/index.js is missing)';
  } else {
    const probe = spawnSync(process.execPath, ['-e', PROBE, BUILT_ENTRY, url], { encoding: 'utf8', timeout: 30_000 });
    status =
      probe.stdout.trim() === 'available'
        ? 'available'
        : probe.stdout.trim() || `unreachable: ${probe.stderr.trim() || 'probe failed'}`;
  }
  process.env[STATUS_VARIABLE] = status;
  return status;
}

/** Whether the live server answers. */
export const mssqlServerAvailable = MSSQL_TEST_URL !== undefined && serverStatus(MSSQL_TEST_URL) === 'available';

/**
 * `describe` when the server answers. Otherwise `describe.skip` after a `console.warn` saying
 * why; when `ALEMBIC_TEST_MSSQL_URL` is set but unreachable and `ALEMBIC_TEST_REQUIRE_SERVERS=1`,
 * one failing test instead.
 */
export function describeLive(title: string, body: () => void): void {
  if (mssqlServerAvailable) {
    describe(title, body);
    return;
  }
  if (MSSQL_TEST_URL === undefined) {
    // eslint-disable-next-line no-console
    console.warn(
      `Skipping live SQL Server tests "${title}": ALEMBIC_TEST_MSSQL_URL is not set (no SQL Server here; the dialect is proven by golden and offline SQL). Set it to run them, e.g. mssql://sa:password@127.0.0.1:1433/master?trustServerCertificate=true`,
    );
    describe.skip(title, body);
    return;
  }
  const reason = `${maskPassword(MSSQL_TEST_URL)} is ${serverStatus(MSSQL_TEST_URL)}`;
  if (process.env.ALEMBIC_TEST_REQUIRE_SERVERS === '1') {
    describe(title, () => {
      it('needs the live SQL Server that ALEMBIC_TEST_MSSQL_URL names (ALEMBIC_TEST_REQUIRE_SERVERS=1)', () => {
        throw new Error(`The live SQL Server tests need a server: ${reason}`);
      });
    });
    return;
  }
  // eslint-disable-next-line no-console
  console.warn(`Skipping live SQL Server tests "${title}": ${reason}.`);
  describe.skip(title, body);
}

/** A database of one test file: its URL, and a way to drop it. */
export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  /** Opens one more session on the database. */
  connect(): Promise<MssqlConnection>;
  /** Drops the database and closes the admin session. */
  drop(): Promise<void>;
}

/** `url` with its path (the database) replaced by `database`. */
export function withDatabase(url: string, database: string): string {
  const match = /^([a-z0-9+]+:\/\/[^/?#]*)(\/[^?#]*)?(.*)$/i.exec(url);
  if (match === null) {
    throw new Error(`Cannot read the test URL ${maskPassword(url)}`);
  }
  return `${match[1]}/${database}${match[3] ?? ''}`;
}

/** Creates `alembic_test_<random>` on the live server. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const url = MSSQL_TEST_URL;
  if (url === undefined) {
    throw new Error('ALEMBIC_TEST_MSSQL_URL is not set');
  }
  const name = `alembic_test_${randomBytes(6).toString('hex')}`;
  const admin = await connectMssql(url);
  await admin.execute(`CREATE DATABASE [${name}]`);
  const databaseUrl = withDatabase(url, name);
  return {
    name,
    url: databaseUrl,
    connect: () => connectMssql(databaseUrl),
    drop: async () => {
      try {
        await admin.execute(
          `ALTER DATABASE [${name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [${name}]`,
        );
      } finally {
        await admin.close();
      }
    },
  };
}

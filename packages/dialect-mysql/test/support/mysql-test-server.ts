/**
 * The live MySQL / MariaDB server of the integration tests: `ALEMBIC_TEST_MYSQL_URL`, by
 * default `mysql://root@127.0.0.1:3306/test` (the MariaDB 10.11 service of this project's
 * machines). Each test file works in a database of its own (`alembic_test_<random>`), dropped
 * afterwards, so files run in parallel. When the server cannot be reached, the live suites are
 * skipped and a `console.warn` says why: never silently; with `ALEMBIC_TEST_REQUIRE_SERVERS=1`
 * (CI) they fail instead.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { maskPassword } from '@alembic/core/dialect';
import { connectMysql } from '../../src/mysql-connect.js';
import type { MysqlConnection } from '../../src/mysql-connection.js';

/** The server URL the live tests use. */
export const MYSQL_TEST_URL = process.env.ALEMBIC_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';

const STATUS_VARIABLE = 'ALEMBIC_TEST_MYSQL_STATUS';

const PROBE = `
const mysql = require(require.resolve('mysql2/promise', { paths: [process.argv[1]] }));
mysql.createConnection({ uri: process.argv[2], connectTimeout: 3000 })
  .then(async (connection) => { await connection.query('SELECT 1'); await connection.end(); process.stdout.write('available'); })
  .catch((error) => { process.stdout.write('unreachable: ' + (error.code || '') + ' ' + error.message); });
`;

/** `'available'`, or `'unreachable: <why>'`; probed once per process. */
function serverStatus(): string {
  const known = process.env[STATUS_VARIABLE];
  if (known !== undefined) {
    return known;
  }
  const url = MYSQL_TEST_URL.replace(/^mariadb(\+[a-z0-9]+)?:/i, 'mysql:').replace(/^mysql\+[a-z0-9]+:/i, 'mysql:');
  const probe = spawnSync(process.execPath, ['-e', PROBE, `${__dirname}/..`, url], {
    encoding: 'utf8',
    timeout: 15_000,
  });
  const status =
    probe.stdout.trim() === 'available'
      ? 'available'
      : probe.stdout.trim() || `unreachable: ${probe.stderr.trim() || 'probe failed'}`;
  process.env[STATUS_VARIABLE] = status;
  return status;
}

/** Whether the live server answers. */
export const mysqlServerAvailable = serverStatus() === 'available';

/** Why the live server cannot be used (password masked), or undefined when it answers. */
export const mysqlUnavailableReason: string | undefined = mysqlServerAvailable
  ? undefined
  : `${maskPassword(MYSQL_TEST_URL)} is ${serverStatus()}`;

/**
 * `describe` when the server answers. Otherwise `describe.skip`, after a `console.warn` naming
 * the URL (password masked) and the reason; or, with `ALEMBIC_TEST_REQUIRE_SERVERS=1`, one
 * failing test saying the same.
 */
export function describeLive(title: string, body: () => void): void {
  if (mysqlServerAvailable) {
    describe(title, body);
    return;
  }
  const reason = mysqlUnavailableReason ?? '';
  if (process.env.ALEMBIC_TEST_REQUIRE_SERVERS === '1') {
    describe(title, () => {
      it('needs the live MySQL / MariaDB server (ALEMBIC_TEST_REQUIRE_SERVERS=1)', () => {
        throw new Error(`The live MySQL tests need a server: ${reason}`);
      });
    });
    return;
  }
  // eslint-disable-next-line no-console
  console.warn(
    `Skipping live MySQL tests "${title}": ${reason}. Set ALEMBIC_TEST_MYSQL_URL to a reachable MySQL 8 or MariaDB server to run them.`,
  );
  describe.skip(title, body);
}

/** A database of one test file: its URL, and a way to drop it. */
export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  /** Opens one more session on the database. */
  connect(): Promise<MysqlConnection>;
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
  const name = `alembic_test_${randomBytes(6).toString('hex')}`;
  const admin = await connectMysql(MYSQL_TEST_URL);
  await admin.execute(`CREATE DATABASE \`${name}\``);
  const url = withDatabase(MYSQL_TEST_URL, name);
  return {
    name,
    url,
    connect: () => connectMysql(url),
    drop: async () => {
      try {
        await admin.execute(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await admin.close();
      }
    },
  };
}

/**
 * The live servers of this package's autogenerate tests, and the conformance harnesses
 * `@alembic/testing`'s round trips run on:
 * - PostgreSQL, `ALEMBIC_TEST_POSTGRES_URL` (default 127.0.0.1:5432 database `test`): a fresh
 *   schema per round trip (the connection's `search_path`), or a fresh database for the CLI;
 * - MariaDB / MySQL, `ALEMBIC_TEST_MYSQL_URL` (default 127.0.0.1:3306 database `test`): a fresh
 *   database per round trip;
 * - SQLite, always: a fresh file per round trip.
 *
 * Each server is probed once; an unreachable one skips its suites after a printed notice, or
 * fails them under `ALEMBIC_TEST_REQUIRE_SERVERS=1` (CI), as the dialect packages' live tests do.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { maskPassword } from '@alembic/core';
import type { DatabaseConnection, Dialect } from '@alembic/core';
import { mysql } from '@alembic/dialect-mysql';
import { postgres } from '@alembic/dialect-postgres';
import { sqliteDialect } from '@alembic/dialect-sqlite';
import type { ConformanceHarness } from '@alembic/testing';

/** The PostgreSQL test server. */
export const POSTGRES_URL = process.env.ALEMBIC_TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
/** The MySQL / MariaDB test server. */
export const MYSQL_URL = process.env.ALEMBIC_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';

const POSTGRES_PROBE = `
const { Client } = require('pg');
const client = new Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });
client.connect().then(() => client.query('SELECT 1')).then(() => client.end()).then(
  () => process.exit(0),
  (error) => { console.error(error.message); process.exit(1); },
);`;

const MYSQL_PROBE = `
const mysql = require('mysql2/promise');
mysql.createConnection({ uri: process.argv[1], connectTimeout: 3000 })
  .then(async (connection) => { await connection.query('SELECT 1'); await connection.end(); process.exit(0); })
  .catch((error) => { console.error(error.message); process.exit(1); });`;

/** Why the server at `url` does not answer, or undefined when it does. */
function probe(script: string, url: string): string | undefined {
  const result = spawnSync(process.execPath, ['-e', script, url], {
    cwd: __dirname,
    encoding: 'utf8',
    timeout: 10_000,
  });
  if (result.status === 0) return undefined;
  return `${maskPassword(url)} did not answer (${result.stderr.trim() || result.error?.message || 'no answer'})`;
}

/** Why PostgreSQL cannot be used, or undefined. */
export const postgresUnavailableReason = probe(POSTGRES_PROBE, POSTGRES_URL);
/** Why MySQL / MariaDB cannot be used, or undefined. */
export const mysqlUnavailableReason = probe(MYSQL_PROBE, MYSQL_URL.replace(/^mariadb:/i, 'mysql:'));

/**
 * `describe` when the server answered (`reason` undefined); otherwise a skip after a notice, or
 * under `ALEMBIC_TEST_REQUIRE_SERVERS=1` one failing test saying why.
 */
export function describeWhenReachable(reason: string | undefined, title: string, body: () => void): void {
  if (reason === undefined) {
    describe(title, body);
    return;
  }
  if (process.env.ALEMBIC_TEST_REQUIRE_SERVERS === '1') {
    describe(title, () => {
      it('needs its live server (ALEMBIC_TEST_REQUIRE_SERVERS=1)', () => {
        throw new Error(`The live tests "${title}" cannot run: ${reason}`);
      });
    });
    return;
  }
  console.warn(`Skipping live tests "${title}": ${reason}.`);
  describe.skip(title, body);
}

/** A name no other test uses: `<prefix>_<random hex>`. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`;
}

/** `url` with its path (the database) replaced by `database`. */
export function withDatabase(url: string, database: string): string {
  const match = /^([a-z0-9+]+:\/\/[^/?#]*)(\/[^?#]*)?(.*)$/i.exec(url);
  if (match === null) throw new Error(`Cannot read the test URL ${maskPassword(url)}`);
  return `${match[1]}/${database}${match[3] ?? ''}`;
}

/** A database made for one test, and how to drop it. */
export interface FreshDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/** Creates a PostgreSQL database of its own for one test (the CLI tests connect by URL). */
export async function createPostgresDatabase(label: string): Promise<FreshDatabase> {
  const name = uniqueName(`alembic_typeorm_${label}`);
  const dialect = postgres();
  const admin = await dialect.connect(POSTGRES_URL);
  try {
    await admin.execute(`CREATE DATABASE ${name}`);
  } finally {
    await admin.close();
  }
  return {
    url: withDatabase(POSTGRES_URL, name),
    drop: async () => {
      const again = await dialect.connect(POSTGRES_URL);
      try {
        await again.execute(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await again.close();
      }
    },
  };
}

/** A harness whose databases are fresh PostgreSQL schemas (the sessions' `search_path`). */
export function postgresHarness(): ConformanceHarness {
  const dialect = postgres();
  return {
    dialect,
    ...(postgresUnavailableReason === undefined ? {} : { unavailableReason: postgresUnavailableReason }),
    createDatabase: async (label) => {
      const schema = uniqueName(`alembic_typeorm_${label}`);
      const admin = await dialect.connect(POSTGRES_URL);
      await admin.execute(`CREATE SCHEMA ${schema}`);
      return {
        url: POSTGRES_URL,
        connect: async () => {
          const connection = await dialect.connect(POSTGRES_URL);
          await connection.execute(`SET search_path TO ${schema}`);
          return connection;
        },
        dispose: async () => {
          try {
            await admin.execute(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
          } finally {
            await admin.close();
          }
        },
      };
    },
  };
}

/** A harness whose databases are fresh MySQL / MariaDB databases. */
export function mysqlHarness(): ConformanceHarness {
  const dialect: Dialect = mysql();
  return {
    dialect,
    ...(mysqlUnavailableReason === undefined ? {} : { unavailableReason: mysqlUnavailableReason }),
    createDatabase: async () => {
      const name = uniqueName('alembic_typeorm');
      const admin: DatabaseConnection = await dialect.connect(MYSQL_URL);
      await admin.execute(`CREATE DATABASE \`${name}\``);
      const url = withDatabase(MYSQL_URL, name);
      return {
        url,
        connect: () => dialect.connect(url),
        dispose: async () => {
          try {
            await admin.execute(`DROP DATABASE IF EXISTS \`${name}\``);
          } finally {
            await admin.close();
          }
        },
      };
    },
  };
}

/** A harness whose databases are fresh SQLite files. */
export function sqliteHarness(): ConformanceHarness {
  return {
    dialect: sqliteDialect,
    createDatabase: async (label) => {
      const directory = mkdtempSync(join(tmpdir(), `alembic-typeorm-${label}-`));
      const url = `sqlite:///${join(directory, 'round-trip.db')}`;
      return {
        url,
        connect: () => sqliteDialect.connect(url),
        dispose: async () => rmSync(directory, { recursive: true, force: true }),
      };
    },
  };
}

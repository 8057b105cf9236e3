/**
 * What the live tests share: the server's URL (`ALEMBIC_TEST_POSTGRES_URL`, default the local
 * server), whether it answers (checked once, synchronously, so unreachable servers skip the
 * suites with a printed notice rather than failing or passing silently), and a fresh schema
 * per test file so files run in parallel with each other and with other packages' tests.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { maskPassword } from '@alembic/core/dialect';
import type { DatabaseConnection } from '@alembic/core/dialect';
import { postgres } from '../../src/postgres-dialect.js';

/** The test server. */
export const POSTGRES_URL = process.env.ALEMBIC_TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

const PROBE = `
const { Client } = require('pg');
const client = new Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });
client.connect().then(() => client.query('SELECT 1')).then(() => client.end()).then(
  () => process.exit(0),
  (error) => { console.error(error.message); process.exit(1); },
);`;

function probe(): string | undefined {
  const result = spawnSync(process.execPath, ['-e', PROBE, POSTGRES_URL], {
    cwd: __dirname,
    encoding: 'utf8',
    timeout: 10_000,
  });
  return result.status === 0 ? undefined : result.stderr.trim() || result.error?.message || 'no answer';
}

const unreachableReason = probe();

/** True when the test server answered. */
export const postgresAvailable = unreachableReason === undefined;

/** Why the test server cannot be used (password masked), or undefined when it answered. */
export const postgresUnavailableReason: string | undefined =
  unreachableReason === undefined ? undefined : `${maskPassword(POSTGRES_URL)} did not answer (${unreachableReason})`;

/**
 * `describe` when the server answers; otherwise `describe.skip`, after printing why (with the
 * password masked), so a skipped live suite never goes unnoticed — or, with
 * `ALEMBIC_TEST_REQUIRE_SERVERS=1` (CI), a failing test.
 */
export function describeLive(name: string, body: () => void): void {
  if (postgresAvailable) {
    describe(name, body);
    return;
  }
  const reason = postgresUnavailableReason ?? '';
  if (process.env.ALEMBIC_TEST_REQUIRE_SERVERS === '1') {
    // CI requires the server: an unreachable one is a failure, not a skip.
    describe(name, () => {
      it('needs the live PostgreSQL server (ALEMBIC_TEST_REQUIRE_SERVERS=1)', () => {
        throw new Error(`Live PostgreSQL tests cannot run: ${reason}`);
      });
    });
    return;
  }
  console.warn(`Skipping live PostgreSQL tests "${name}": ${reason}. Set ALEMBIC_TEST_POSTGRES_URL to run them.`);
  describe.skip(name, body);
}

/** A schema name no other test file uses: `alembic_test_<label>_<random>`. */
export function uniqueSchemaName(label: string): string {
  return `alembic_test_${label}_${randomBytes(4).toString('hex')}`;
}

/** The dialect the live tests use. */
export const liveDialect = postgres();

/**
 * A connection whose `search_path` is a fresh schema (so unqualified tables and enum types land
 * there), and the function that drops the schema and closes the connection.
 */
export async function openSchemaConnection(label: string): Promise<{
  connection: DatabaseConnection;
  schema: string;
  dispose: () => Promise<void>;
}> {
  const schema = uniqueSchemaName(label);
  const connection = await liveDialect.connect(POSTGRES_URL);
  await connection.execute(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}`);
  return {
    connection,
    schema,
    dispose: async () => {
      await connection.execute(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
      await connection.close();
    },
  };
}

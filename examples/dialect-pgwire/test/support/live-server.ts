/**
 * The server the example's live tests use: a PostgreSQL reached over the wire protocol
 * (`ALEMBIC_TEST_PGWIRE_URL`, default `pgwire://postgres@127.0.0.1:5432/test`, the local
 * PostgreSQL standing in for the pgwire database). Probed once, synchronously, so an unreachable
 * server skips the live suites with a notice (or fails them under ALEMBIC_TEST_REQUIRE_SERVERS=1).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { maskPassword } from '@alembic/core/dialect';
import { parsePgwireUrl } from '../../src/pgwire-url.js';

/** The test server's URL. */
export const PGWIRE_URL = process.env.ALEMBIC_TEST_PGWIRE_URL ?? 'pgwire://postgres@127.0.0.1:5432/test';

const PROBE = `
const { Client } = require('pg');
const client = new Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });
client.connect().then(() => client.query('SELECT 1')).then(() => client.end()).then(
  () => process.exit(0),
  (error) => { console.error(error.message); process.exit(1); },
);`;

function probe(): string | undefined {
  const result = spawnSync(process.execPath, ['-e', PROBE, parsePgwireUrl(PGWIRE_URL).connectionString], {
    cwd: __dirname,
    encoding: 'utf8',
    timeout: 10_000,
  });
  return result.status === 0
    ? undefined
    : `${maskPassword(PGWIRE_URL)} did not answer (${result.stderr.trim() || result.error?.message || 'no answer'})`;
}

/** Why the server cannot be used, or undefined when it answered. */
export const pgwireUnavailableReason: string | undefined = probe();

/** `<label>_<random>`: a schema name no other test uses. */
export function uniqueSchemaName(label: string): string {
  return `alembic_pgwire_${label}_${randomBytes(4).toString('hex')}`;
}

/** `PGWIRE_URL` pointed at `schema` (the dialect sets `search_path` from `?schema=`). */
export function urlWithSchema(schema: string): string {
  const separator = PGWIRE_URL.includes('?') ? '&' : '?';
  return `${PGWIRE_URL}${separator}schema=${schema}`;
}

/**
 * `describe` when the server answers; otherwise `describe.skip` after a printed notice, or, with
 * `ALEMBIC_TEST_REQUIRE_SERVERS=1` (CI), one failing test.
 */
export function describeLive(title: string, body: () => void): void {
  if (pgwireUnavailableReason === undefined) {
    describe(title, body);
    return;
  }
  const reason = pgwireUnavailableReason;
  if (process.env.ALEMBIC_TEST_REQUIRE_SERVERS === '1') {
    describe(title, () => {
      it('needs the live server (ALEMBIC_TEST_REQUIRE_SERVERS=1)', () => {
        throw new Error(`The live pgwire tests cannot run: ${reason}`);
      });
    });
    return;
  }
  console.warn(`Skipping the live pgwire tests "${title}": ${reason}. Set ALEMBIC_TEST_PGWIRE_URL to run them.`);
  describe.skip(title, body);
}

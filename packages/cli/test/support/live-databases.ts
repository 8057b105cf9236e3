/**
 * The live PostgreSQL and MariaDB servers of the CLI end-to-end tests, reached with the
 * servers' own command-line clients (`psql`, `pg_dump`, `mariadb`, `mariadb-dump`): databases
 * made and dropped per test, SQL run on them, a dump of one (schema and rows) to compare before
 * and after a command, and the `alembic.config.ts` of a project that uses one.
 *
 * Servers: `ALEMBIC_TEST_POSTGRES_URL` (default `postgresql://postgres@127.0.0.1:5432/test`) and
 * `ALEMBIC_TEST_MYSQL_URL` (default `mysql://root@127.0.0.1:3306/test`, this project's MariaDB).
 * A server that does not answer skips the tests that need it, with a warning; under
 * `ALEMBIC_TEST_REQUIRE_SERVERS=1` (CI) it fails them instead.
 */
import { execFile, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/** A server the live tests use. */
export type ServerKind = 'postgresql' | 'mariadb';

/** The admin URL of each server (its path names the database admin work connects to). */
export const SERVER_URLS: Readonly<Record<ServerKind, string>> = {
  postgresql: process.env['ALEMBIC_TEST_POSTGRES_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/test',
  mariadb: process.env['ALEMBIC_TEST_MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306/test',
};

/** Login details for a URL on one of the servers. */
export interface ServerLogin {
  readonly user?: string;
  readonly password?: string;
}

/** `url` with its database (path) and, when given, its user and password replaced. */
export function serverUrl(kind: ServerKind, database: string, login: ServerLogin = {}): string {
  const url = new URL(SERVER_URLS[kind]);
  url.pathname = `/${database}`;
  if (login.user !== undefined) url.username = encodeURIComponent(login.user);
  if (login.password !== undefined) url.password = encodeURIComponent(login.password);
  return url.toString();
}

/** Program and arguments of a server's command-line client for `database`. */
function clientCommand(
  kind: ServerKind,
  database: string,
  tool: 'query' | 'dump',
): { program: string; arguments: string[]; environment: NodeJS.ProcessEnv } {
  const url = new URL(SERVER_URLS[kind]);
  if (kind === 'postgresql') {
    const target = serverUrl(kind, database);
    return tool === 'query'
      ? {
          program: 'psql',
          arguments: ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', target],
          environment: process.env,
        }
      : { program: 'pg_dump', arguments: ['--no-owner', '--no-privileges', '-d', target], environment: process.env };
  }
  const login = ['-h', url.hostname, '-P', url.port || '3306', '-u', decodeURIComponent(url.username || 'root')];
  const environment = { ...process.env, MYSQL_PWD: decodeURIComponent(url.password) };
  return tool === 'query'
    ? { program: 'mariadb', arguments: [...login, '-N', '-B', database], environment }
    : {
        program: 'mariadb-dump',
        arguments: [
          ...login,
          '--skip-dump-date',
          '--skip-comments',
          '--single-transaction',
          '--no-tablespaces',
          database,
        ],
        environment,
      };
}

/** Runs a client with `input` on stdin; resolves with its stdout, rejects with its stderr. */
function runClient(kind: ServerKind, database: string, tool: 'query' | 'dump', input: string): Promise<string> {
  const { program, arguments: programArguments, environment } = clientCommand(kind, database, tool);
  return new Promise((resolvePromise, reject) => {
    const child = execFile(
      program,
      programArguments,
      { env: environment, encoding: 'utf8', timeout: 60_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${program} on ${database} failed: ${stderr || error.message}`));
        else resolvePromise(stdout);
      },
    );
    child.stdin?.end(input);
  });
}

/** Runs SQL (several statements allowed) on a database of a server; resolves with the output rows. */
export async function runServerSql(kind: ServerKind, database: string, sql: string): Promise<string[]> {
  const output = await runClient(kind, database, 'query', sql);
  return output.split('\n').filter((line) => line !== '');
}

/** Lines of a dump that carry no schema or data: comments, session settings, blank lines. */
const DUMP_NOISE = /^(?:--.*|SET .*|SELECT pg_catalog\.set_config.*|\/\*[!M].*|\\(?:un)?restrict .*|\s*)$/;

/**
 * Schema and rows of a database, as the server's dump tool writes them, without the lines that
 * carry neither (and so without the random `\restrict` key recent `pg_dump` versions add).
 */
export async function dumpServerDatabase(kind: ServerKind, database: string): Promise<string> {
  const dump = await runClient(kind, database, 'dump', '');
  return dump
    .split('\n')
    .filter((line) => !DUMP_NOISE.test(line))
    .join('\n');
}

/** The database admin work connects to (the admin URL's own). */
function adminDatabase(kind: ServerKind): string {
  return new URL(SERVER_URLS[kind]).pathname.slice(1) || (kind === 'postgresql' ? 'postgres' : 'mysql');
}

/** Creates an empty database (dropping a leftover of the same name first). */
export async function createServerDatabase(kind: ServerKind, database: string): Promise<void> {
  const quoted = kind === 'postgresql' ? `"${database}"` : `\`${database}\``;
  const force = kind === 'postgresql' ? ' WITH (FORCE)' : '';
  await runServerSql(kind, adminDatabase(kind), `DROP DATABASE IF EXISTS ${quoted}${force};`);
  await runServerSql(kind, adminDatabase(kind), `CREATE DATABASE ${quoted};`);
}

/** Drops a database, closing its sessions on PostgreSQL. */
export async function dropServerDatabase(kind: ServerKind, database: string): Promise<void> {
  const quoted = kind === 'postgresql' ? `"${database}"` : `\`${database}\``;
  const force = kind === 'postgresql' ? ' WITH (FORCE)' : '';
  await runServerSql(kind, adminDatabase(kind), `DROP DATABASE IF EXISTS ${quoted}${force};`);
}

/** Runs SQL on the server's admin database (users, grants). */
export function runAdminSql(kind: ServerKind, sql: string): Promise<string[]> {
  return runServerSql(kind, adminDatabase(kind), sql);
}

/** Why a server cannot be used, or `undefined` when it answers; probed once per process. */
const unavailableReasons = new Map<ServerKind, string | undefined>();

export function serverUnavailableReason(kind: ServerKind): string | undefined {
  if (!unavailableReasons.has(kind)) {
    const { program, arguments: programArguments, environment } = clientCommand(kind, adminDatabase(kind), 'query');
    const probe = spawnSync(program, [...programArguments], {
      env: environment,
      input: 'SELECT 1;',
      encoding: 'utf8',
      timeout: 15_000,
    });
    const reason =
      probe.error !== undefined
        ? `${program} could not run (${probe.error.message})`
        : probe.status === 0
          ? undefined
          : `${program} could not reach ${kind} (${probe.stderr.trim()})`;
    unavailableReasons.set(kind, reason);
  }
  return unavailableReasons.get(kind);
}

/**
 * `describe` when the server answers. Otherwise a warning and `describe.skip`; or, with
 * `ALEMBIC_TEST_REQUIRE_SERVERS=1`, one failing test naming the reason.
 */
export function describeWithServer(kind: ServerKind, title: string, body: () => void): void {
  const reason = serverUnavailableReason(kind);
  if (reason === undefined) {
    describe(title, body);
  } else if (process.env['ALEMBIC_TEST_REQUIRE_SERVERS'] === '1') {
    describe(title, () => {
      it(`needs the live ${kind} server (ALEMBIC_TEST_REQUIRE_SERVERS=1)`, () => {
        throw new Error(reason);
      });
    });
  } else {
    // eslint-disable-next-line no-console
    console.warn(`Skipping "${title}": ${reason}`);
    describe.skip(title, body);
  }
}

/** The built entry point of a dialect package, for configs of projects outside the workspace. */
const DIALECT_ENTRY: Readonly<
  Record<ServerKind, { readonly path: string; readonly importName: string; readonly dialect: string }>
> = {
  postgresql: {
    path: resolve(__dirname, '..', '..', '..', 'dialect-postgres', 'dist', 'index.js'),
    importName: 'postgresDialect',
    dialect: 'postgresDialect',
  },
  mariadb: {
    path: resolve(__dirname, '..', '..', '..', 'dialect-mysql', 'dist', 'index.js'),
    importName: 'mysql',
    dialect: 'mysql()',
  },
};

/**
 * An `alembic.config.ts` for a project on a live server: the generic template's settings, the
 * URL as a literal, the dialect imported from the workspace's build. `extraKeys` are more
 * `key: value,` entries, `extraImports` more import lines.
 */
export function serverConfigSource(kind: ServerKind, url: string, extraKeys = '', extraImports = ''): string {
  const entry = DIALECT_ENTRY[kind];
  return [
    "import { defineConfig } from '@alembic/core';",
    `import { ${entry.importName} } from ${JSON.stringify(entry.path)};`,
    ...(extraImports === '' ? [] : [extraImports]),
    '',
    'export default defineConfig({',
    "  scriptLocation: 'migrations',",
    `  url: ${JSON.stringify(url)},`,
    `  dialects: [${entry.dialect}],`,
    ...(extraKeys === '' ? [] : [`  ${extraKeys}`]),
    '});',
    '',
  ].join('\n');
}

/** The version rows (sorted; `null` without a version table) and the other tables of a server database. */
export async function serverDatabaseState(
  kind: ServerKind,
  database: string,
): Promise<{ versions: string[] | null; tables: string[] }> {
  const schema = kind === 'postgresql' ? "'public'" : 'DATABASE()';
  const names = await runServerSql(
    kind,
    database,
    `SELECT table_name FROM information_schema.tables WHERE table_schema = ${schema} ORDER BY table_name;`,
  );
  const versions = names.includes('alembic_version')
    ? await runServerSql(kind, database, 'SELECT version_num FROM alembic_version ORDER BY version_num;')
    : null;
  return { versions, tables: names.filter((name) => name !== 'alembic_version') };
}

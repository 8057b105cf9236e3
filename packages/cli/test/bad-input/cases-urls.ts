/**
 * Bad database URLs: not a URL, an unknown scheme, a dialect that is not installed, an SQLite
 * file that cannot be opened, and, on the live servers, a wrong password, an unknown user or
 * database, a port nothing listens on, a host that does not resolve. The password of a URL
 * must never be printed.
 */
import type { BadInputCase } from './bad-input-case.js';
import { caseServerUrl, CASE_PASSWORD, MARIADB_CASE_USER } from './case-databases.js';
import type { CaseProject } from './case-project.js';

/** A password that appears in the bad URLs below (and must not appear in any output). */
const URL_PASSWORD = 'Tr0ub4dor-and-3';

/** A password holding a `/` that a URL should have percent-encoded, and the part after it (what a mask that stops at the `/` shows). */
const UNENCODED_PASSWORD = 'Tr0ub/4dor-and-3';
const UNENCODED_PASSWORD_END = '4dor-and-3';

/** A config whose URL is `url`; one migration on disk. */
function withUrl(url: string | ((project: CaseProject) => string)): (project: CaseProject) => void {
  return (project) => {
    project.chain(['aaaa']);
    project.writeConfig('', '', typeof url === 'string' ? url : url(project));
  };
}

const NO_POSTGRES_DIALECT =
  "No dialect for 'postgresql://' URLs: install @alembic/dialect-postgres (npm install @alembic/dialect-postgres), " +
  "or list a dialect object under 'dialects' in the config";

export const URL_CASES: readonly BadInputCase[] = [
  // ---- on SQLite projects: nothing to connect to
  {
    name: 'not a URL',
    setup: withUrl('alembic.db'),
    arguments: ['upgrade', 'head'],
    expected: {
      failed:
        "Could not parse the database URL 'alembic.db'; expected scheme://..., e.g. sqlite:///alembic.db or postgresql://user@localhost/db",
    },
  },
  {
    name: 'a scheme with one slash',
    setup: withUrl('sqlite:/alembic.db'),
    arguments: ['current'],
    expected: {
      failed:
        "Could not parse the database URL 'sqlite:/alembic.db'; expected scheme://..., e.g. sqlite:///alembic.db or postgresql://user@localhost/db",
    },
  },
  {
    name: 'an unknown dialect',
    setup: withUrl(`oracle://scott:${URL_PASSWORD}@db.example.com/orcl`),
    secrets: [URL_PASSWORD],
    arguments: ['upgrade', 'head'],
    expected: {
      failed:
        "No dialect for 'oracle://' URLs: install @alembic/dialect-oracle (npm install @alembic/dialect-oracle), or list a dialect object under 'dialects' in the config",
    },
  },
  {
    name: 'a dialect that is not installed, in DATABASE_URL',
    setup: (project) => project.chain(['aaaa']),
    // Without pnpm's NODE_PATH (its bin shims point it at the whole workspace store), as a user runs it.
    environment: () => ({
      DATABASE_URL: `postgresql://scott:${URL_PASSWORD}@db.example.com:5432/app`,
      NODE_PATH: undefined,
    }),
    secrets: [URL_PASSWORD],
    arguments: ['upgrade', 'head'],
    expected: { failed: NO_POSTGRES_DIALECT },
  },
  {
    name: 'an empty URL',
    setup: withUrl(''),
    arguments: ['upgrade', 'head'],
    expected: {
      failed:
        "No database URL: set 'url' in <project>/alembic.config.ts (or DATABASE_URL), or pass one to context.connect()",
    },
  },
  {
    name: 'an SQLite file in a missing directory',
    setup: withUrl('sqlite:///missing-directory/app.db'),
    arguments: ['upgrade', 'head'],
    expected: { failed: 'SQLITE_CANTOPEN: unable to open database file (<project>/missing-directory/app.db)' },
  },
  {
    name: 'an SQLite URL naming a directory',
    setup: withUrl('sqlite:///migrations'),
    arguments: ['upgrade', 'head'],
    expected: { failed: 'SQLITE_CANTOPEN: unable to open database file (<project>/migrations)' },
  },

  // ---- PostgreSQL
  {
    name: 'nothing listening on the PostgreSQL port',
    backends: ['postgresql'],
    setup: withUrl(`postgresql://postgres:${URL_PASSWORD}@127.0.0.1:1/app`),
    secrets: [URL_PASSWORD],
    arguments: ['upgrade', 'head'],
    expected: { failed: /ECONNREFUSED 127\.0\.0\.1:1/ },
  },
  {
    name: 'a host that does not resolve',
    backends: ['postgresql'],
    setup: withUrl(`postgresql://postgres:${URL_PASSWORD}@no-such-host.invalid/app`),
    secrets: [URL_PASSWORD],
    arguments: ['current'],
    expected: { failed: /ENOTFOUND no-such-host\.invalid/ },
  },
  {
    name: 'a port that is not a number',
    backends: ['postgresql'],
    setup: withUrl(`postgresql://postgres:${URL_PASSWORD}@127.0.0.1:notaport/app`),
    secrets: [URL_PASSWORD],
    arguments: ['upgrade', 'head'],
    expected: { failed: "Could not parse the PostgreSQL URL 'postgresql://postgres:***@127.0.0.1:notaport/app'" },
  },
  {
    name: 'a password with a / the URL does not percent-encode',
    backends: ['postgresql'],
    setup: withUrl(`postgresql://postgres:${UNENCODED_PASSWORD}@127.0.0.1:5432/app`),
    secrets: [UNENCODED_PASSWORD, UNENCODED_PASSWORD_END],
    arguments: ['upgrade', 'head'],
    expected: { failed: "Could not parse the PostgreSQL URL 'postgresql://postgres:***@127.0.0.1:5432/app'" },
  },
  {
    name: 'a user that does not exist',
    backends: ['postgresql'],
    setup: withUrl((project) => caseServerUrl('postgresql', project.database.name, { user: 'no_such_role_c' })),
    arguments: ['upgrade', 'head'],
    expected: { failed: /role "no_such_role_c" does not exist/ },
  },
  {
    name: 'a database that does not exist',
    backends: ['postgresql', 'mariadb'],
    setup: withUrl((project) =>
      caseServerUrl(project.backend === 'mariadb' ? 'mariadb' : 'postgresql', `${project.database.name}_missing`),
    ),
    arguments: ['upgrade', 'head'],
    expected: { failed: /<database>_missing/ },
  },

  // ---- MariaDB
  {
    name: 'a wrong password',
    backends: ['mariadb'],
    setup: withUrl((project) => caseServerUrl('mariadb', project.database.name, { password: URL_PASSWORD })),
    secrets: [URL_PASSWORD, CASE_PASSWORD],
    arguments: ['upgrade', 'head'],
    expected: {
      failed: new RegExp(`^Access denied for user '${MARIADB_CASE_USER}'@'[^']+' \\(using password: YES\\)`),
    },
  },
  {
    name: 'nothing listening on the MariaDB port',
    backends: ['mariadb'],
    setup: withUrl(`mysql://root:${URL_PASSWORD}@127.0.0.1:1/app`),
    secrets: [URL_PASSWORD],
    arguments: ['upgrade', 'head'],
    expected: { failed: /ECONNREFUSED 127\.0\.0\.1:1/ },
  },
  {
    name: 'a port out of range',
    backends: ['mariadb'],
    setup: withUrl(`mysql://root:${URL_PASSWORD}@127.0.0.1:99999/app`),
    secrets: [URL_PASSWORD],
    arguments: ['upgrade', 'head'],
    expected: { failed: "Could not parse the MySQL URL 'mysql://root:***@127.0.0.1:99999/app'" },
  },
  {
    name: 'a password with an @ the URL does not percent-encode',
    backends: ['mariadb'],
    setup: withUrl(`mysql://root:${UNENCODED_PASSWORD.replace('/', '@')}@127.0.0.1:99999/app`),
    secrets: [UNENCODED_PASSWORD.replace('/', '@'), UNENCODED_PASSWORD_END],
    arguments: ['upgrade', 'head'],
    expected: { failed: "Could not parse the MySQL URL 'mysql://root:***@127.0.0.1:99999/app'" },
  },
  {
    name: 'a password given as a URL parameter',
    backends: ['mariadb'],
    setup: withUrl(`mysql://root@127.0.0.1:3306/app?password=${URL_PASSWORD}`),
    secrets: [URL_PASSWORD],
    arguments: ['upgrade', 'head'],
    expected: {
      failed:
        "Unknown parameter 'password' in the MySQL URL 'mysql://root@127.0.0.1:3306/app?password=***'; known: charset, connect_timeout, unix_socket, timezone, ssl (pass other driver options as driverOptions)",
    },
  },
];

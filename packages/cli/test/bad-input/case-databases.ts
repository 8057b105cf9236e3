/**
 * The databases of the bad-input cases: an SQLite file in the project, or a database of its own
 * on a live server (`alembic_bad_c_<pid>_<n>`, dropped afterwards). Every server URL carries a
 * password, so that each case also proves the password is never printed: PostgreSQL here trusts
 * local connections and ignores it; on MariaDB the cases log in as a user made for the run,
 * with that password, allowed on the run's databases only.
 */
import { randomBytes } from 'node:crypto';

import {
  createServerDatabase,
  dropServerDatabase,
  runAdminSql,
  serverUrl,
  SERVER_URLS,
  type ServerKind,
} from '../support/live-databases.js';
import type { Backend } from './bad-input-case.js';
import { SQLITE_FILE, type CaseDatabase } from './case-project.js';

const RUN_PREFIX = `alembic_bad_c_${process.pid}`;

/** The password of every server URL of this run (never printed by a passing case). */
export const CASE_PASSWORD = `pw-${randomBytes(6).toString('hex')}-secret`;

/** The MariaDB user of this run. */
export const MARIADB_CASE_USER = RUN_PREFIX;

/** Creates the MariaDB user of this run, allowed on `alembic_bad_c_<pid>_*` databases. */
export async function createMariadbCaseUser(): Promise<void> {
  const pattern = `${RUN_PREFIX}_%`.replace(/_/g, '\\_');
  await runAdminSql(
    'mariadb',
    [
      `DROP USER IF EXISTS '${MARIADB_CASE_USER}'@'%';`,
      `CREATE USER '${MARIADB_CASE_USER}'@'%' IDENTIFIED BY '${CASE_PASSWORD}';`,
      `GRANT ALL PRIVILEGES ON \`${pattern}\`.* TO '${MARIADB_CASE_USER}'@'%';`,
    ].join('\n'),
  );
}

export async function dropMariadbCaseUser(): Promise<void> {
  await runAdminSql('mariadb', `DROP USER IF EXISTS '${MARIADB_CASE_USER}'@'%';`);
}

/** The login a case's URL uses on a server. */
function caseLogin(kind: ServerKind): { user: string; password: string } {
  const user =
    kind === 'mariadb' ? MARIADB_CASE_USER : decodeURIComponent(new URL(SERVER_URLS[kind]).username || 'postgres');
  return { user, password: CASE_PASSWORD };
}

/** A URL on the server of `kind` with this run's login, for `database`. */
export function caseServerUrl(
  kind: ServerKind,
  database: string,
  login: { user?: string; password?: string } = {},
): string {
  return serverUrl(kind, database, { ...caseLogin(kind), ...login });
}

/** Makes the database of case number `index` (empty; the caller adds the initial data). */
export async function provisionCaseDatabase(backend: Backend, index: number): Promise<CaseDatabase> {
  if (backend === 'sqlite') {
    return { backend, name: SQLITE_FILE, url: `sqlite:///${SQLITE_FILE}`, password: undefined };
  }
  const name = `${RUN_PREFIX}_${index}`;
  await createServerDatabase(backend, name);
  return { backend, name, url: caseServerUrl(backend, name), password: CASE_PASSWORD };
}

/** Drops what {@link provisionCaseDatabase} made on a server. */
export async function releaseCaseDatabase(database: CaseDatabase): Promise<void> {
  if (database.backend !== 'sqlite') await dropServerDatabase(database.backend, database.name);
}

/**
 * The reference's Appendix A (captured offline SQL), MySQL part: `upgrade head --sql` through
 * core's runtime with the generic `env.ts`, the dialect found from the URL's scheme (no
 * `dialects` list), MariaDB chosen offline by `mariadb://`. No database involved.
 */
import { resolve } from 'node:path';
import { DialectMigrationProject, appendixAScripts, offlineStatements } from '@alembic/testing';

/** The PostgreSQL run of Appendix A with the MySQL differences it lists applied. */
const MYSQL_UPGRADE = [
  'CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))',
  'CREATE TABLE account (id INTEGER NOT NULL AUTO_INCREMENT, name VARCHAR(50) NOT NULL, description VARCHAR(200), created DATETIME DEFAULT now(), PRIMARY KEY (id))',
  'CREATE TABLE address (id INTEGER NOT NULL AUTO_INCREMENT, account_id INTEGER NOT NULL, email VARCHAR(100), PRIMARY KEY (id), CONSTRAINT uq_address_email UNIQUE (email), FOREIGN KEY(account_id) REFERENCES account (id))',
  'CREATE INDEX ix_address_account_id ON address (account_id)',
  "INSERT INTO account (id, name) VALUES (1, 'John')",
  "INSERT INTO account (id, name) VALUES (2, 'O''Brien')",
  "INSERT INTO alembic_version (version_num) VALUES ('1a2b3c4d')",
  'ALTER TABLE account ADD COLUMN last_login DATETIME',
  'ALTER TABLE account MODIFY name VARCHAR(100) NOT NULL',
  'ALTER TABLE account MODIFY description VARCHAR(200) NOT NULL',
  'ALTER TABLE account CHANGE name full_name VARCHAR(100) NOT NULL',
  "ALTER TABLE address ALTER COLUMN email SET DEFAULT 'none'",
  'ALTER TABLE address ADD CONSTRAINT fk_addr_acct2 FOREIGN KEY(account_id) REFERENCES account (id) ON DELETE CASCADE',
  'ALTER TABLE address DROP INDEX uq_address_email',
  'ALTER TABLE account ADD CONSTRAINT ck_name_len CHECK (length(full_name) > 2)',
  'ALTER TABLE address RENAME TO addresses',
  "UPDATE account SET description = 'x' WHERE description IS NULL",
  "UPDATE alembic_version SET version_num='5e6f7a8b' WHERE alembic_version.version_num = '1a2b3c4d'",
];

describe('Appendix A, MySQL (offline SQL through the runtime)', () => {
  let project: DialectMigrationProject;

  beforeAll(() => {
    project = new DialectMigrationProject({
      dialectPackageDirectory: resolve(__dirname, '..'),
      scripts: appendixAScripts({ descriptionType: 'string(200)' }),
    });
  });

  afterAll(() => project?.dispose());

  it('mysql://: the MySQL differences, no BEGIN / COMMIT', async () => {
    const outcome = await project.run('mysql://app:secret@db.internal/shop', 'upgrade', 'head', 'sql');
    expect(outcome.stderr).not.toMatch(/FAILED/);
    expect(outcome.status).toBe(0);
    expect(offlineStatements(outcome.stdout)).toEqual(MYSQL_UPGRADE);
    expect(outcome.stdout).toContain('-- Running upgrade  -> 1a2b3c4d');
    expect(outcome.stdout).not.toMatch(/^(BEGIN|COMMIT)/m);
  });

  it('mariadb://: the same upgrade', async () => {
    const outcome = await project.run('mariadb://app@db.internal/shop', 'upgrade', 'head', 'sql');
    expect(offlineStatements(outcome.stdout)).toEqual(MYSQL_UPGRADE);
  });

  it('the flavour follows the scheme: DROP CHECK on MySQL, DROP CONSTRAINT on MariaDB', async () => {
    const mysqlRun = await project.run('mysql://app@db.internal/shop', 'downgrade', '5e6f7a8b:1a2b3c4d', 'sql');
    const mariadbRun = await project.run('mariadb://app@db.internal/shop', 'downgrade', '5e6f7a8b:1a2b3c4d', 'sql');
    const expected = (dropCheck: string): string[] => [
      'ALTER TABLE addresses RENAME TO address',
      dropCheck,
      'ALTER TABLE address ADD CONSTRAINT uq_address_email UNIQUE (email)',
      'ALTER TABLE address DROP FOREIGN KEY fk_addr_acct2',
      'ALTER TABLE address ALTER COLUMN email DROP DEFAULT',
      'ALTER TABLE account CHANGE full_name name VARCHAR(100) NOT NULL',
      'ALTER TABLE account MODIFY description VARCHAR(200) NULL',
      'ALTER TABLE account MODIFY name VARCHAR(50) NOT NULL',
      'ALTER TABLE account DROP COLUMN last_login',
      "UPDATE alembic_version SET version_num='1a2b3c4d' WHERE alembic_version.version_num = '5e6f7a8b'",
    ];
    expect(offlineStatements(mysqlRun.stdout)).toEqual(expected('ALTER TABLE account DROP CHECK ck_name_len'));
    expect(offlineStatements(mariadbRun.stdout)).toEqual(expected('ALTER TABLE account DROP CONSTRAINT ck_name_len'));
  });
});

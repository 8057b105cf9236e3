/**
 * Offline SQL (`--sql`) through core's runtime, as a user runs it: the generic `env.ts`, the
 * dialect found from the URL's scheme (or listed in the config), no driver and no server. The
 * reference's case 27 (BEGIN TRANSACTION / COMMIT / GO, a custom batch separator) and the
 * SQL Server part of Appendix A.
 */
import { resolve } from 'node:path';
import { DialectMigrationProject, appendixAScripts, offlineStatements } from '@alembic/testing';

const PACKAGE_DIRECTORY = resolve(__dirname, '..');

/** Appendix A with `description` as `Unicode(200)` in Alembic's script: `nvarchar(200)` from this package (core's `string()` is `VARCHAR`, as SQLAlchemy's `String`). */
const APPENDIX_A_SCRIPTS = appendixAScripts({ descriptionType: 'nvarchar(200)', dialectImports: ['nvarchar'] });

/** The PostgreSQL run of Appendix A with the SQL Server differences it lists applied. */
const MSSQL_UPGRADE = [
  'BEGIN TRANSACTION',
  'CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))',
  'CREATE TABLE account (id INTEGER NOT NULL IDENTITY, name VARCHAR(50) NOT NULL, description NVARCHAR(200) NULL, created DATETIME NULL DEFAULT CURRENT_TIMESTAMP, PRIMARY KEY (id))',
  'CREATE TABLE address (id INTEGER NOT NULL IDENTITY, account_id INTEGER NOT NULL, email VARCHAR(100) NULL, PRIMARY KEY (id), CONSTRAINT uq_address_email UNIQUE (email), FOREIGN KEY(account_id) REFERENCES account (id))',
  'CREATE INDEX ix_address_account_id ON address (account_id)',
  'SET IDENTITY_INSERT account ON',
  "INSERT INTO account (id, name) VALUES (1, 'John')",
  "INSERT INTO account (id, name) VALUES (2, 'O''Brien')",
  'SET IDENTITY_INSERT account OFF',
  "INSERT INTO alembic_version (version_num) VALUES ('1a2b3c4d')",
  'ALTER TABLE account ADD last_login DATETIME NULL',
  'ALTER TABLE account ALTER COLUMN name VARCHAR(100) NOT NULL',
  'ALTER TABLE account ALTER COLUMN description NVARCHAR(200) NOT NULL',
  "EXEC sp_rename 'account.name', full_name, 'COLUMN'",
  "ALTER TABLE address ADD DEFAULT 'none' FOR email",
  'ALTER TABLE address ADD CONSTRAINT fk_addr_acct2 FOREIGN KEY(account_id) REFERENCES account (id) ON DELETE CASCADE',
  'ALTER TABLE address DROP CONSTRAINT uq_address_email',
  'ALTER TABLE account ADD CONSTRAINT ck_name_len CHECK (length(full_name) > 2)',
  "EXEC sp_rename 'address', addresses",
  "UPDATE account SET description = 'x' WHERE description IS NULL",
  "UPDATE alembic_version SET version_num='5e6f7a8b' WHERE alembic_version.version_num = '1a2b3c4d'",
  'COMMIT',
];

/** Non-empty lines of the output. */
function nonEmptyLines(output: string): string[] {
  return output.split('\n').filter((line) => line.trim() !== '');
}

/** The statements, with the separator lines (`GO`) left out. */
function statementsWithout(separator: string, output: string): string[] {
  return offlineStatements(
    output
      .split('\n')
      .filter((line) => line !== separator)
      .join('\n'),
  );
}

describe('offline SQL Server output through the runtime', () => {
  let project: DialectMigrationProject;
  let customProject: DialectMigrationProject;

  beforeAll(() => {
    project = new DialectMigrationProject({ dialectPackageDirectory: PACKAGE_DIRECTORY, scripts: APPENDIX_A_SCRIPTS });
    customProject = new DialectMigrationProject({
      dialectPackageDirectory: PACKAGE_DIRECTORY,
      scripts: APPENDIX_A_SCRIPTS,
      config: `import { defineConfig } from '@alembic/core';
import { mssql } from '@alembic/dialect-mssql';

export default defineConfig({ scriptLocation: 'migrations', url: process.env.DATABASE_URL, dialects: [mssql({ batchSeparator: 'BYE' })] });
`,
    });
  });

  afterAll(() => {
    project?.dispose();
    customProject?.dispose();
  });

  it('Appendix A: the SQL Server differences, in BEGIN TRANSACTION / COMMIT', async () => {
    const outcome = await project.run('mssql://sa:secret@db.internal/shop', 'upgrade', 'head', 'sql');
    expect(outcome.stderr).not.toMatch(/FAILED/);
    expect(outcome.status).toBe(0);
    expect(statementsWithout('GO', outcome.stdout)).toEqual(MSSQL_UPGRADE);
    expect(outcome.stdout).toContain('-- Running upgrade  -> 1a2b3c4d');
    expect(outcome.stdout).not.toContain('secret');
  });

  it('Appendix A: a GO line after every statement, each followed by a blank line', async () => {
    const outcome = await project.run('mssql://sa@db.internal/shop', 'upgrade', 'head', 'sql');
    const lines = outcome.stdout.split('\n');
    const statementEnds = lines.flatMap((line, index) => (line.endsWith(';') ? [index] : []));
    expect(statementEnds).toHaveLength(MSSQL_UPGRADE.length);
    for (const end of statementEnds) {
      expect(lines.slice(end + 1, end + 4)).toEqual(['', 'GO', '']);
    }
    expect(lines.filter((line) => line === 'GO')).toHaveLength(MSSQL_UPGRADE.length);
  });

  it('case 27: BEGIN TRANSACTION; present, the last two non-empty lines are COMMIT; and GO', async () => {
    const outcome = await project.run('mssql://sa@db.internal/shop', 'upgrade', '1a2b3c4d', 'sql');
    expect(outcome.status).toBe(0);
    expect(outcome.stdout).toContain('BEGIN TRANSACTION;');
    expect(nonEmptyLines(outcome.stdout).slice(-2)).toEqual(['COMMIT;', 'GO']);
    expect(nonEmptyLines(outcome.stdout)[0]).toBe('BEGIN TRANSACTION;');
  });

  it('case 27: sqlserver:// URLs use the dialect too', async () => {
    const outcome = await project.run('sqlserver://sa@db.internal/shop', 'upgrade', '1a2b3c4d', 'sql');
    expect(nonEmptyLines(outcome.stdout).slice(-2)).toEqual(['COMMIT;', 'GO']);
  });

  it("case 27: a custom batch separator (Alembic's mssql_batch_separator) replaces GO", async () => {
    const outcome = await customProject.run('mssql://sa@db.internal/shop', 'upgrade', '1a2b3c4d', 'sql');
    expect(outcome.stderr).not.toMatch(/FAILED/);
    expect(outcome.stdout).toContain('BEGIN TRANSACTION;\n\nBYE\n');
    expect(nonEmptyLines(outcome.stdout).slice(-2)).toEqual(['COMMIT;', 'BYE']);
    expect(outcome.stdout).not.toMatch(/^GO$/m);
  });

  it('the downgrade of Appendix A: the default dropped by lookup, renames back with sp_rename', async () => {
    const outcome = await project.run('mssql://sa@db.internal/shop', 'downgrade', '5e6f7a8b:1a2b3c4d', 'sql');
    expect(outcome.stderr).not.toMatch(/FAILED/);
    expect(statementsWithout('GO', outcome.stdout)).toEqual([
      'BEGIN TRANSACTION',
      "EXEC sp_rename 'addresses', address",
      'ALTER TABLE account DROP CONSTRAINT ck_name_len',
      'ALTER TABLE address ADD CONSTRAINT uq_address_email UNIQUE (email)',
      'ALTER TABLE address DROP CONSTRAINT fk_addr_acct2',
      [
        'declare @const_name nvarchar(256)',
        'select @const_name = QUOTENAME([name]) from sys.default_constraints',
        "where parent_object_id = object_id('address')",
        "and col_name(parent_object_id, parent_column_id) = 'email'",
        "exec('alter table address drop constraint ' + @const_name)",
      ].join(' '),
      "EXEC sp_rename 'account.full_name', name, 'COLUMN'",
      'ALTER TABLE account ALTER COLUMN description NVARCHAR(200) NULL',
      'ALTER TABLE account ALTER COLUMN name VARCHAR(50) NOT NULL',
      'ALTER TABLE account DROP COLUMN last_login',
      "UPDATE alembic_version SET version_num='1a2b3c4d' WHERE alembic_version.version_num = '5e6f7a8b'",
      'COMMIT',
    ]);
  });
});

/**
 * The reference's Appendix A run on PostgreSQL, offline: two migrations written with `op.*`,
 * run through core's `MigrationContext` in `--sql` mode with this dialect. The output must be
 * what `alembic upgrade head --sql` prints with Python Alembic (CREATE TABLE on one line; no
 * SQLAlchemy 1.4 `RETURNING` artifact).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { column, dateTime, index, integer, sql, string, uniqueConstraint } from '@alembic/core/dialect';
import { Config, ScriptDirectory } from '@alembic/core';
import { MigrationContext, Operations } from '@alembic/core/internal';
import type { DatabaseConnection } from '@alembic/core/dialect';
import { postgresDialect } from '../src/postgres-dialect.js';

const EXPECTED_UPGRADE = `BEGIN;

CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));

-- Running upgrade  -> 1a2b3c4d

CREATE TABLE account (id SERIAL NOT NULL, name VARCHAR(50) NOT NULL, description VARCHAR(200), created TIMESTAMP WITHOUT TIME ZONE DEFAULT now(), PRIMARY KEY (id));

CREATE TABLE address (id SERIAL NOT NULL, account_id INTEGER NOT NULL, email VARCHAR(100), PRIMARY KEY (id), CONSTRAINT uq_address_email UNIQUE (email), FOREIGN KEY(account_id) REFERENCES account (id));

CREATE INDEX ix_address_account_id ON address (account_id);

INSERT INTO account (id, name) VALUES (1, 'John');

INSERT INTO account (id, name) VALUES (2, 'O''Brien');

INSERT INTO alembic_version (version_num) VALUES ('1a2b3c4d');

-- Running upgrade 1a2b3c4d -> 5e6f7a8b

ALTER TABLE account ADD COLUMN last_login TIMESTAMP WITHOUT TIME ZONE;

ALTER TABLE account ALTER COLUMN name TYPE VARCHAR(100);

ALTER TABLE account ALTER COLUMN description SET NOT NULL;

ALTER TABLE account RENAME name TO full_name;

ALTER TABLE address ALTER COLUMN email SET DEFAULT 'none';

ALTER TABLE address ADD CONSTRAINT fk_addr_acct2 FOREIGN KEY(account_id) REFERENCES account (id) ON DELETE CASCADE;

ALTER TABLE address DROP CONSTRAINT uq_address_email;

ALTER TABLE account ADD CONSTRAINT ck_name_len CHECK (length(full_name) > 2);

ALTER TABLE address RENAME TO addresses;

UPDATE account SET description = 'x' WHERE description IS NULL;

UPDATE alembic_version SET version_num='5e6f7a8b' WHERE alembic_version.version_num = '1a2b3c4d';

COMMIT;
`;

async function scriptOne(op: Operations<MigrationContext, DatabaseConnection | undefined>): Promise<void> {
  const account = await op.createTable('account', [
    column('id', integer(), { primaryKey: true }),
    column('name', string(50), { nullable: false }),
    column('description', string(200)),
    column('created', dateTime(), { serverDefault: sql('now()') }),
  ]);
  await op.createTable('address', [
    column('id', integer(), { primaryKey: true }),
    column('account_id', integer(), { nullable: false, references: 'account.id' }),
    column('email', string(100)),
    uniqueConstraint(['email'], { name: 'uq_address_email' }),
    index('ix_address_account_id', ['account_id']),
  ]);
  await op.bulkInsert(account, [
    { id: 1, name: 'John' },
    { id: 2, name: "O'Brien" },
  ]);
}

async function scriptTwo(op: Operations<MigrationContext, DatabaseConnection | undefined>): Promise<void> {
  await op.addColumn('account', column('last_login', dateTime()));
  await op.alterColumn('account', 'name', { type: string(100), existingType: string(50) });
  await op.alterColumn('account', 'description', { nullable: false, existingType: string(200) });
  await op.alterColumn('account', 'name', { newColumnName: 'full_name' });
  await op.alterColumn('address', 'email', { serverDefault: 'none' });
  await op.createForeignKey('fk_addr_acct2', 'address', 'account', ['account_id'], ['id'], { onDelete: 'CASCADE' });
  await op.dropConstraint('uq_address_email', 'address', { type: 'unique' });
  await op.createCheckConstraint('ck_name_len', 'account', 'length(full_name) > 2');
  await op.renameTable('address', 'addresses');
  await op.execute("UPDATE account SET description = 'x' WHERE description IS NULL");
}

describe('Appendix A, PostgreSQL, offline', () => {
  let directory: string;
  let lines: string[];
  let context: MigrationContext;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'alembic-postgres-offline-'));
    lines = [];
    const config = new Config({
      configFile: null,
      directory,
      values: { scriptLocation: directory },
      output: { stdout: (line) => lines.push(line), stderr: () => undefined },
    });
    context = new MigrationContext({ config, scripts: ScriptDirectory.fromConfig(config), dialect: postgresDialect });
  });

  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('prints the upgrade as Alembic does', async () => {
    const op = new Operations(context);
    await context.beginTransaction(async () => {
      await context.ensureVersionTable();
      context.staticOutput('-- Running upgrade  -> 1a2b3c4d');
      await scriptOne(op);
      await context.executeSql(context.versionTable.changeSql({ kind: 'insert', version: '1a2b3c4d' }));
      context.staticOutput('-- Running upgrade 1a2b3c4d -> 5e6f7a8b');
      await scriptTwo(op);
      await context.executeSql(context.versionTable.changeSql({ kind: 'update', from: '1a2b3c4d', to: '5e6f7a8b' }));
    });
    expect(lines.join('\n')).toBe(EXPECTED_UPGRADE);
  });

  it('ends a downgrade to base with the DELETE of the last version, then COMMIT', async () => {
    await context.beginTransaction(async () => {
      await context.executeSql(context.versionTable.changeSql({ kind: 'delete', version: '1a2b3c4d' }));
    });
    expect(lines.slice(-4)).toEqual([
      "DELETE FROM alembic_version WHERE alembic_version.version_num = '1a2b3c4d';",
      '',
      'COMMIT;',
      '',
    ]);
  });
});

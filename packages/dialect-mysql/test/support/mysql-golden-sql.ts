/**
 * The MySQL dialect's answers to `@alembic/testing`'s golden SQL cases (typed `GoldenSql`: every
 * case must be stated), as Alembic writes them on MySQL 8 (`AUTO_INCREMENT`, `MODIFY` / `CHANGE`
 * restating the column, `DROP INDEX` / `DROP FOREIGN KEY` / `DROP PRIMARY KEY`, inline and
 * `ALTER TABLE ... COMMENT` comments, no partial indexes), and on MariaDB, which differs only in
 * `DROP CONSTRAINT` for checks.
 */
import { NOT_SUPPORTED } from '@alembic/testing';
import type { GoldenSql } from '@alembic/testing';

/** MySQL 8 (what `mysql://` URLs write offline). */
export const MYSQL_GOLDEN_SQL: GoldenSql = {
  createTable: [
    'CREATE TABLE account (id INTEGER NOT NULL AUTO_INCREMENT, name VARCHAR(50) NOT NULL, note TEXT, PRIMARY KEY (id))',
  ],
  dropTable: ['DROP TABLE account'],
  renameTable: ['ALTER TABLE account RENAME TO customer'],
  addColumn: ['ALTER TABLE account ADD COLUMN email VARCHAR(100)'],
  dropColumn: ['ALTER TABLE account DROP COLUMN note'],
  alterColumn: ['ALTER TABLE account MODIFY name VARCHAR(50) NULL'],
  createIndex: ['CREATE INDEX ix_account_name ON account (name)'],
  dropIndex: ['DROP INDEX ix_account_name ON account'],
  createUniqueConstraint: ['ALTER TABLE account ADD CONSTRAINT uq_account_name UNIQUE (name)'],
  createForeignKey: [
    'ALTER TABLE address ADD CONSTRAINT fk_address_account FOREIGN KEY(account_id) REFERENCES account (id)',
  ],
  createCheckConstraint: ['ALTER TABLE account ADD CONSTRAINT ck_account_name CHECK (length(name) > 2)'],
  createPrimaryKey: ['ALTER TABLE account ADD CONSTRAINT pk_account PRIMARY KEY (id)'],
  dropConstraint: ['ALTER TABLE account DROP INDEX uq_account_name'],
  createTableComment: ["ALTER TABLE account COMMENT 'the account''s table'"],
  dropTableComment: ["ALTER TABLE account COMMENT ''"],
  bulkInsert: [
    "INSERT INTO account (id, name, note) VALUES (1, 'John', NULL)",
    "INSERT INTO account (id, name, note) VALUES (2, 'O''Brien', 'two')",
  ],
  execute: ["UPDATE account SET note = 'x' WHERE note IS NULL"],
  batchAlterTable: ['ALTER TABLE account MODIFY note VARCHAR(200) NULL'],
  'createTable.constraints': [
    "CREATE TABLE address (id INTEGER NOT NULL AUTO_INCREMENT, account_id INTEGER NOT NULL, email VARCHAR(100) DEFAULT 'none', kind VARCHAR(10) NOT NULL DEFAULT 'home', PRIMARY KEY (id), CONSTRAINT uq_address_email UNIQUE (email), CONSTRAINT fk_address_account FOREIGN KEY(account_id) REFERENCES account (id) ON DELETE CASCADE, CONSTRAINT ck_address_kind CHECK (kind <> ''))",
    'CREATE INDEX ix_address_account_id ON address (account_id)',
  ],
  'createTable.comment': [
    "CREATE TABLE account (id INTEGER NOT NULL AUTO_INCREMENT, name VARCHAR(50) COMMENT 'shown name', PRIMARY KEY (id)) COMMENT='the account''s table'",
  ],
  'createTable.ifNotExists': [
    'CREATE TABLE IF NOT EXISTS account (id INTEGER NOT NULL AUTO_INCREMENT, name VARCHAR(50) NOT NULL, note TEXT, PRIMARY KEY (id))',
  ],
  'createTable.schema': ['CREATE TABLE billing.account (id INTEGER NOT NULL AUTO_INCREMENT, PRIMARY KEY (id))'],
  'dropTable.ifExists': ['DROP TABLE IF EXISTS account'],
  'renameTable.schema': ['ALTER TABLE billing.account RENAME TO billing.customer'],
  'addColumn.notNullWithDefault': ["ALTER TABLE account ADD COLUMN status VARCHAR(20) NOT NULL DEFAULT 'active'"],
  'addColumn.foreignKey': [
    'ALTER TABLE address ADD COLUMN account_id INTEGER',
    'ALTER TABLE address ADD FOREIGN KEY(account_id) REFERENCES account (id)',
  ],
  'addColumn.schema': ['ALTER TABLE billing.account ADD COLUMN email VARCHAR(100)'],
  'alterColumn.notNull': ['ALTER TABLE account MODIFY note TEXT NOT NULL'],
  'alterColumn.type': ['ALTER TABLE account MODIFY name VARCHAR(100) NOT NULL'],
  'alterColumn.serverDefault': ["ALTER TABLE account ALTER COLUMN note SET DEFAULT 'none'"],
  'alterColumn.dropServerDefault': ['ALTER TABLE account ALTER COLUMN note DROP DEFAULT'],
  'alterColumn.rename': ['ALTER TABLE account CHANGE name full_name VARCHAR(50) NOT NULL'],
  'alterColumn.comment': ["ALTER TABLE account MODIFY name VARCHAR(50) NOT NULL COMMENT 'shown name'"],
  'createIndex.unique': ['CREATE UNIQUE INDEX ix_account_name ON account (name)'],
  'createIndex.partial': NOT_SUPPORTED,
  'createForeignKey.onDelete': [
    'ALTER TABLE address ADD CONSTRAINT fk_address_account FOREIGN KEY(account_id) REFERENCES account (id) ON DELETE CASCADE',
  ],
  'dropConstraint.foreignKey': ['ALTER TABLE address DROP FOREIGN KEY fk_address_account'],
  'dropConstraint.check': ['ALTER TABLE account DROP CHECK ck_account_name'],
  'dropConstraint.primary': ['ALTER TABLE account DROP PRIMARY KEY'],
  'execute.parameters': ["UPDATE account SET note = 'it''s' WHERE id = 2"],
  'batchAlterTable.addColumnAndIndex': [
    'ALTER TABLE account ADD COLUMN email VARCHAR(100)',
    'CREATE INDEX ix_account_email ON account (email)',
  ],
  'batchAlterTable.recreateAlways': [
    'CREATE TABLE _alembic_tmp_account (id INTEGER NOT NULL AUTO_INCREMENT, name VARCHAR(50) NOT NULL, PRIMARY KEY (id))',
    'INSERT INTO _alembic_tmp_account (id, name) SELECT account.id, account.name FROM account',
    'DROP TABLE account',
    'ALTER TABLE _alembic_tmp_account RENAME TO account',
  ],
};

/** MariaDB 10.11 (what `mariadb://` URLs write offline): MySQL's, but checks drop with DROP CONSTRAINT. */
export const MARIADB_GOLDEN_SQL: GoldenSql = {
  ...MYSQL_GOLDEN_SQL,
  'dropConstraint.check': ['ALTER TABLE account DROP CONSTRAINT ck_account_name'],
};

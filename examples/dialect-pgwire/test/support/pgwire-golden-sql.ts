/**
 * The pgwire dialect's answers to `@alembic/testing`'s golden SQL cases. `GoldenSql` is typed
 * over every case: leave one out and `tsc` names it. A case the dialect must refuse is stated
 * `NOT_SUPPORTED` (none here: this database ALTERs everything). Note the quirks: `BIGSERIAL`
 * keys and `INT8` for `integer()`.
 */
import type { GoldenSql } from '@alembic/testing';

export const PGWIRE_GOLDEN_SQL: GoldenSql = {
  createTable: ['CREATE TABLE account (id BIGSERIAL NOT NULL, name VARCHAR(50) NOT NULL, note TEXT, PRIMARY KEY (id))'],
  dropTable: ['DROP TABLE account'],
  renameTable: ['ALTER TABLE account RENAME TO customer'],
  addColumn: ['ALTER TABLE account ADD COLUMN email VARCHAR(100)'],
  dropColumn: ['ALTER TABLE account DROP COLUMN note'],
  alterColumn: ['ALTER TABLE account ALTER COLUMN name DROP NOT NULL'],
  createIndex: ['CREATE INDEX ix_account_name ON account (name)'],
  dropIndex: ['DROP INDEX ix_account_name'],
  createUniqueConstraint: ['ALTER TABLE account ADD CONSTRAINT uq_account_name UNIQUE (name)'],
  createForeignKey: [
    'ALTER TABLE address ADD CONSTRAINT fk_address_account FOREIGN KEY(account_id) REFERENCES account (id)',
  ],
  createCheckConstraint: ['ALTER TABLE account ADD CONSTRAINT ck_account_name CHECK (length(name) > 2)'],
  createPrimaryKey: ['ALTER TABLE account ADD CONSTRAINT pk_account PRIMARY KEY (id)'],
  dropConstraint: ['ALTER TABLE account DROP CONSTRAINT uq_account_name'],
  createTableComment: ["COMMENT ON TABLE account IS 'the account''s table'"],
  dropTableComment: ['COMMENT ON TABLE account IS NULL'],
  bulkInsert: [
    "INSERT INTO account (id, name, note) VALUES (1, 'John', NULL)",
    "INSERT INTO account (id, name, note) VALUES (2, 'O''Brien', 'two')",
  ],
  execute: ["UPDATE account SET note = 'x' WHERE note IS NULL"],
  batchAlterTable: ['ALTER TABLE account ALTER COLUMN note TYPE VARCHAR(200)'],
  'createTable.constraints': [
    "CREATE TABLE address (id BIGSERIAL NOT NULL, account_id INT8 NOT NULL, email VARCHAR(100) DEFAULT 'none', kind VARCHAR(10) DEFAULT 'home' NOT NULL, PRIMARY KEY (id), CONSTRAINT uq_address_email UNIQUE (email), CONSTRAINT fk_address_account FOREIGN KEY(account_id) REFERENCES account (id) ON DELETE CASCADE, CONSTRAINT ck_address_kind CHECK (kind <> ''))",
    'CREATE INDEX ix_address_account_id ON address (account_id)',
  ],
  'createTable.comment': [
    'CREATE TABLE account (id BIGSERIAL NOT NULL, name VARCHAR(50), PRIMARY KEY (id))',
    "COMMENT ON TABLE account IS 'the account''s table'",
    "COMMENT ON COLUMN account.name IS 'shown name'",
  ],
  'createTable.ifNotExists': [
    'CREATE TABLE IF NOT EXISTS account (id BIGSERIAL NOT NULL, name VARCHAR(50) NOT NULL, note TEXT, PRIMARY KEY (id))',
  ],
  'createTable.schema': ['CREATE TABLE billing.account (id BIGSERIAL NOT NULL, PRIMARY KEY (id))'],
  'dropTable.ifExists': ['DROP TABLE IF EXISTS account'],
  'renameTable.schema': ['ALTER TABLE billing.account RENAME TO customer'],
  'addColumn.notNullWithDefault': ["ALTER TABLE account ADD COLUMN status VARCHAR(20) DEFAULT 'active' NOT NULL"],
  'addColumn.foreignKey': [
    'ALTER TABLE address ADD COLUMN account_id INT8',
    'ALTER TABLE address ADD FOREIGN KEY(account_id) REFERENCES account (id)',
  ],
  'addColumn.schema': ['ALTER TABLE billing.account ADD COLUMN email VARCHAR(100)'],
  'alterColumn.notNull': ['ALTER TABLE account ALTER COLUMN note SET NOT NULL'],
  'alterColumn.type': ['ALTER TABLE account ALTER COLUMN name TYPE VARCHAR(100)'],
  'alterColumn.serverDefault': ["ALTER TABLE account ALTER COLUMN note SET DEFAULT 'none'"],
  'alterColumn.dropServerDefault': ['ALTER TABLE account ALTER COLUMN note DROP DEFAULT'],
  'alterColumn.rename': ['ALTER TABLE account RENAME name TO full_name'],
  'alterColumn.comment': ["COMMENT ON COLUMN account.name IS 'shown name'"],
  'createIndex.unique': ['CREATE UNIQUE INDEX ix_account_name ON account (name)'],
  'createIndex.partial': ['CREATE INDEX ix_account_note ON account (note) WHERE note IS NOT NULL'],
  'createForeignKey.onDelete': [
    'ALTER TABLE address ADD CONSTRAINT fk_address_account FOREIGN KEY(account_id) REFERENCES account (id) ON DELETE CASCADE',
  ],
  'dropConstraint.foreignKey': ['ALTER TABLE address DROP CONSTRAINT fk_address_account'],
  'dropConstraint.check': ['ALTER TABLE account DROP CONSTRAINT ck_account_name'],
  'dropConstraint.primary': ['ALTER TABLE account DROP CONSTRAINT pk_account'],
  'execute.parameters': ["UPDATE account SET note = 'it''s' WHERE id = 2"],
  'batchAlterTable.addColumnAndIndex': [
    'ALTER TABLE account ADD COLUMN email VARCHAR(100)',
    'CREATE INDEX ix_account_email ON account (email)',
  ],
  'batchAlterTable.recreateAlways': [
    'CREATE TABLE _alembic_tmp_account (id BIGSERIAL NOT NULL, name VARCHAR(50) NOT NULL, PRIMARY KEY (id))',
    'INSERT INTO _alembic_tmp_account (id, name) SELECT account.id, account.name FROM account',
    'DROP TABLE account',
    'ALTER TABLE _alembic_tmp_account RENAME TO account',
  ],
};

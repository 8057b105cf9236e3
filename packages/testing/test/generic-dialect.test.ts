/**
 * The suite's own check: its offline parts and the golden SQL helper run against core's generic
 * dialect (Alembic's default dialect, SQLAlchemy's default compiler), which needs no database.
 * Its golden answers are Alembic's for the default dialect (reference 10.2, cases 38 and 39).
 */
import { GOLDEN_SQL_CASE_NAMES, NOT_SUPPORTED, defineGoldenSqlSuite } from '../src/index.js';
import type { GoldenSql } from '../src/index.js';
import { defineOfflineSqlSuite } from '../src/suites/offline-sql.js';
import { genericDialect } from './generic-dialect.js';

const GENERIC_GOLDEN_SQL: GoldenSql = {
  createTable: ['CREATE TABLE account (id INTEGER NOT NULL, name VARCHAR(50) NOT NULL, note TEXT, PRIMARY KEY (id))'],
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
    "CREATE TABLE address (id INTEGER NOT NULL, account_id INTEGER NOT NULL, email VARCHAR(100) DEFAULT 'none', kind VARCHAR(10) DEFAULT 'home' NOT NULL, PRIMARY KEY (id), CONSTRAINT uq_address_email UNIQUE (email), CONSTRAINT fk_address_account FOREIGN KEY(account_id) REFERENCES account (id) ON DELETE CASCADE, CONSTRAINT ck_address_kind CHECK (kind <> ''))",
    'CREATE INDEX ix_address_account_id ON address (account_id)',
  ],
  'createTable.comment': [
    'CREATE TABLE account (id INTEGER NOT NULL, name VARCHAR(50), PRIMARY KEY (id))',
    "COMMENT ON TABLE account IS 'the account''s table'",
    "COMMENT ON COLUMN account.name IS 'shown name'",
  ],
  'createTable.ifNotExists': [
    'CREATE TABLE IF NOT EXISTS account (id INTEGER NOT NULL, name VARCHAR(50) NOT NULL, note TEXT, PRIMARY KEY (id))',
  ],
  'createTable.schema': ['CREATE TABLE billing.account (id INTEGER NOT NULL, PRIMARY KEY (id))'],
  'dropTable.ifExists': ['DROP TABLE IF EXISTS account'],
  'renameTable.schema': ['ALTER TABLE billing.account RENAME TO billing.customer'],
  'addColumn.notNullWithDefault': ["ALTER TABLE account ADD COLUMN status VARCHAR(20) DEFAULT 'active' NOT NULL"],
  'addColumn.foreignKey': [
    'ALTER TABLE address ADD COLUMN account_id INTEGER',
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
  'createIndex.partial': NOT_SUPPORTED,
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
    'CREATE TABLE _alembic_tmp_account (id INTEGER NOT NULL, name VARCHAR(50) NOT NULL, PRIMARY KEY (id))',
    'INSERT INTO _alembic_tmp_account (id, name) SELECT account.id, account.name FROM account',
    'DROP TABLE account',
    'ALTER TABLE _alembic_tmp_account RENAME TO account',
  ],
};

defineGoldenSqlSuite(genericDialect, GENERIC_GOLDEN_SQL);

defineOfflineSqlSuite({
  dialect: genericDialect,
  createDatabase: () => Promise.reject(new Error('the generic dialect has no database')),
});

describe('GoldenSql', () => {
  it('is checked per case: a wrong statement or a missing NOT_SUPPORTED fails', () => {
    expect(GOLDEN_SQL_CASE_NAMES.length).toBeGreaterThan(18);
    expect(GENERIC_GOLDEN_SQL['createIndex.partial']).toBe(NOT_SUPPORTED);
  });
});

/**
 * The SQLite dialect's answers to `@alembic/testing`'s golden SQL cases (typed `GoldenSql`: every
 * case must be stated). SQLite cannot ALTER constraints, column types, nullability or defaults,
 * and has no comments or schemas: those cases are `NOT_SUPPORTED` (the compiler throws, pointing
 * to batch mode); batches that need it rebuild the table (Alembic's move and copy).
 */
import { NOT_SUPPORTED } from '@alembic/testing';
import type { GoldenSql } from '@alembic/testing';

export const SQLITE_GOLDEN_SQL: GoldenSql = {
  createTable: ['CREATE TABLE account (id INTEGER NOT NULL, name VARCHAR(50) NOT NULL, note TEXT, PRIMARY KEY (id))'],
  dropTable: ['DROP TABLE account'],
  renameTable: ['ALTER TABLE account RENAME TO customer'],
  addColumn: ['ALTER TABLE account ADD COLUMN email VARCHAR(100)'],
  dropColumn: ['ALTER TABLE account DROP COLUMN note'],
  alterColumn: NOT_SUPPORTED,
  createIndex: ['CREATE INDEX ix_account_name ON account (name)'],
  dropIndex: ['DROP INDEX ix_account_name'],
  createUniqueConstraint: NOT_SUPPORTED,
  createForeignKey: NOT_SUPPORTED,
  createCheckConstraint: NOT_SUPPORTED,
  createPrimaryKey: NOT_SUPPORTED,
  dropConstraint: NOT_SUPPORTED,
  createTableComment: NOT_SUPPORTED,
  dropTableComment: NOT_SUPPORTED,
  bulkInsert: [
    "INSERT INTO account (id, name, note) VALUES (1, 'John', NULL)",
    "INSERT INTO account (id, name, note) VALUES (2, 'O''Brien', 'two')",
  ],
  execute: ["UPDATE account SET note = 'x' WHERE note IS NULL"],
  batchAlterTable: [
    'CREATE TABLE _alembic_tmp_account (id INTEGER NOT NULL, name VARCHAR(50) NOT NULL, note VARCHAR(200), PRIMARY KEY (id))',
    'INSERT INTO _alembic_tmp_account (id, name, note) SELECT account.id, account.name, account.note FROM account',
    'DROP TABLE account',
    'ALTER TABLE _alembic_tmp_account RENAME TO account',
  ],
  'createTable.constraints': [
    "CREATE TABLE address (id INTEGER NOT NULL, account_id INTEGER NOT NULL, email VARCHAR(100) DEFAULT 'none', kind VARCHAR(10) DEFAULT 'home' NOT NULL, PRIMARY KEY (id), CONSTRAINT uq_address_email UNIQUE (email), CONSTRAINT fk_address_account FOREIGN KEY(account_id) REFERENCES account (id) ON DELETE CASCADE, CONSTRAINT ck_address_kind CHECK (kind <> ''))",
    'CREATE INDEX ix_address_account_id ON address (account_id)',
  ],
  'createTable.comment': ['CREATE TABLE account (id INTEGER NOT NULL, name VARCHAR(50), PRIMARY KEY (id))'],
  'createTable.ifNotExists': [
    'CREATE TABLE IF NOT EXISTS account (id INTEGER NOT NULL, name VARCHAR(50) NOT NULL, note TEXT, PRIMARY KEY (id))',
  ],
  'createTable.schema': NOT_SUPPORTED,
  'dropTable.ifExists': ['DROP TABLE IF EXISTS account'],
  'renameTable.schema': NOT_SUPPORTED,
  'addColumn.notNullWithDefault': ["ALTER TABLE account ADD COLUMN status VARCHAR(20) DEFAULT 'active' NOT NULL"],
  'addColumn.foreignKey': ['ALTER TABLE address ADD COLUMN account_id INTEGER REFERENCES account (id)'],
  'addColumn.schema': NOT_SUPPORTED,
  'alterColumn.notNull': NOT_SUPPORTED,
  'alterColumn.type': NOT_SUPPORTED,
  'alterColumn.serverDefault': NOT_SUPPORTED,
  'alterColumn.dropServerDefault': NOT_SUPPORTED,
  'alterColumn.rename': ['ALTER TABLE account RENAME COLUMN name TO full_name'],
  'alterColumn.comment': NOT_SUPPORTED,
  'createIndex.unique': ['CREATE UNIQUE INDEX ix_account_name ON account (name)'],
  'createIndex.partial': ['CREATE INDEX ix_account_note ON account (note) WHERE note IS NOT NULL'],
  'createForeignKey.onDelete': NOT_SUPPORTED,
  'dropConstraint.foreignKey': NOT_SUPPORTED,
  'dropConstraint.check': NOT_SUPPORTED,
  'dropConstraint.primary': NOT_SUPPORTED,
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

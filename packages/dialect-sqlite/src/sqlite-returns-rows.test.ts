import { sqliteReturnsRows } from './sqlite-returns-rows.js';

describe('sqliteReturnsRows', () => {
  it.each([
    'SELECT 1',
    '  select * from t',
    'PRAGMA table_info(t)',
    'VALUES (1)',
    'WITH x AS (SELECT 1) SELECT * FROM x',
    '-- note\n/* c */ SELECT 1',
    'INSERT INTO t (a) VALUES (1) RETURNING id',
  ])('%s returns rows', (statement) => expect(sqliteReturnsRows(statement)).toBe(true));

  it.each([
    'INSERT INTO t (a) VALUES (1)',
    'UPDATE t SET a = 1',
    'DELETE FROM t',
    'CREATE TABLE t (a INTEGER)',
    "UPDATE t SET note = 'selected'",
  ])('%s reports changes', (statement) => expect(sqliteReturnsRows(statement)).toBe(false));
});

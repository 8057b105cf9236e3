import { parseCreateTable } from './sqlite-create-table-parser.js';

describe('parseCreateTable', () => {
  it('reads names, checks, AUTOINCREMENT, collations and foreign key details', () => {
    const parsed = parseCreateTable(`CREATE TABLE "order" (
      id INTEGER CONSTRAINT pk_order PRIMARY KEY AUTOINCREMENT,
      code VARCHAR(10) COLLATE NOCASE CONSTRAINT uq_code UNIQUE,
      amount NUMERIC(10, 2) NOT NULL DEFAULT (0) CHECK (amount >= 0),
      "check" INTEGER CONSTRAINT nn NOT NULL CHECK ("check" IN (0, 1)),
      parent_id INTEGER CONSTRAINT fk_parent REFERENCES "order"(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
      note TEXT DEFAULT 'CHECK (x)',
      a INTEGER, b INTEGER,
      CONSTRAINT uq_a_b UNIQUE (a, b COLLATE NOCASE),
      CONSTRAINT ck_a CHECK (a < b), -- a comment, with a comma
      CHECK (length(note) > 0),
      FOREIGN KEY (a, b) REFERENCES other (x, y) NOT DEFERRABLE,
      CONSTRAINT fk_b FOREIGN KEY (b) REFERENCES [other]
    )`);
    expect(parsed.primaryKeyName).toBe('pk_order');
    expect(parsed.autoincrementColumns).toEqual(['id']);
    expect([...parsed.collations]).toEqual([['code', 'NOCASE']]);
    expect(parsed.uniques).toEqual([
      { name: 'uq_code', columns: ['code'] },
      { name: 'uq_a_b', columns: ['a', 'b'] },
    ]);
    expect(parsed.checks).toEqual([
      { condition: 'amount >= 0' },
      { condition: '"check" IN (0, 1)' },
      { name: 'ck_a', condition: 'a < b' },
      { condition: 'length(note) > 0' },
    ]);
    expect(parsed.foreignKeys).toEqual([
      { name: 'fk_parent', columns: ['parent_id'], referredTable: 'order', deferrable: true, initially: 'DEFERRED' },
      { columns: ['a', 'b'], referredTable: 'other', deferrable: false },
      { name: 'fk_b', columns: ['b'], referredTable: 'other' },
    ]);
  });

  it('reads nothing from a table made by CREATE TABLE ... AS', () => {
    expect(parseCreateTable('CREATE TABLE t AS SELECT 1 AS a')).toMatchObject({
      checks: [],
      uniques: [],
      foreignKeys: [],
    });
  });
});

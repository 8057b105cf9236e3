import {
  bigInteger,
  boolean,
  date,
  dateTime,
  float,
  integer,
  json,
  largeBinary,
  numeric,
  rawType,
  smallInteger,
  string,
  text,
  time,
} from '@alembic/core/dialect';
import { parseSqliteType } from './sqlite-type-parser.js';

describe('parseSqliteType', () => {
  it.each([
    ['INTEGER', integer()],
    ['integer', integer()],
    ['BIGINT', bigInteger()],
    ['SMALLINT', smallInteger()],
    ['VARCHAR(50)', string(50)],
    ['varchar ( 50 )', string(50)],
    ['VARCHAR', string()],
    ['TEXT', text()],
    ['BOOLEAN', boolean()],
    ['DATE', date()],
    ['DATETIME', dateTime()],
    ['TIME', time()],
    ['NUMERIC(10, 2)', numeric(10, 2)],
    ['NUMERIC(10)', numeric(10)],
    ['NUMERIC', numeric()],
    ['FLOAT', float()],
    ['JSON', json()],
    ['BLOB', largeBinary()],
  ])('%s is a neutral type', (declared, expected) => {
    expect(parseSqliteType(declared)).toEqual(expected);
  });

  it.each(['REAL', 'CHAR(32)', 'DECIMAL(10, 2)', 'INT', 'FLOAT(10)', 'TIMESTAMP', 'UNSIGNED BIG INT', '', 'geometry'])(
    '%s stays verbatim',
    (declared) => {
      expect(parseSqliteType(declared)).toEqual(rawType(declared));
    },
  );

  it('keeps a collation on string types', () => {
    expect(parseSqliteType('VARCHAR(20)', { collation: 'NOCASE' })).toEqual(string(20, { collation: 'NOCASE' }));
    expect(parseSqliteType('TEXT', { collation: 'NOCASE' })).toEqual(text({ collation: 'NOCASE' }));
  });
});

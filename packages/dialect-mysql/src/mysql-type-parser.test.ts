import {
  bigInteger,
  boolean,
  date,
  dateTime,
  enumType,
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
  uuid,
} from '@alembic/core/dialect';
import { parseMysqlColumnType, parseMysqlStringList } from './mysql-type-parser.js';

describe('parseMysqlColumnType', () => {
  it.each([
    ['int(11)', integer()],
    ['int', integer()],
    ['bigint(20)', bigInteger()],
    ['smallint(6)', smallInteger()],
    ['tinyint(1)', boolean()],
    ['varchar(50)', string(50)],
    ['text', text()],
    ['decimal(10,2)', numeric(10, 2)],
    ['float', float()],
    ['date', date()],
    ['datetime', dateTime()],
    ['time', time()],
    ['json', json()],
    ['blob', largeBinary()],
    ['varbinary(100)', largeBinary(100)],
    ['uuid', uuid()],
    ["enum('a','it''s')", enumType(['a', "it's"])],
    ['int(10) unsigned', rawType('INT(10) UNSIGNED')],
    ['tinyint(4)', rawType('TINYINT(4)')],
    ['datetime(6)', rawType('DATETIME(6)')],
    ['char(36)', rawType('CHAR(36)')],
    ['mediumtext', rawType('MEDIUMTEXT')],
    ["set('a','B')", rawType("SET('a','B')")],
  ])('%s', (columnType, expected) => {
    expect(parseMysqlColumnType(columnType)).toEqual(expected);
  });

  it('keeps a collation only when it differs from the table default', () => {
    expect(
      parseMysqlColumnType('varchar(10)', { collation: 'utf8mb4_bin', tableCollation: 'utf8mb4_general_ci' }),
    ).toEqual(string(10, { collation: 'utf8mb4_bin' }));
    expect(
      parseMysqlColumnType('text', { collation: 'utf8mb4_general_ci', tableCollation: 'utf8mb4_general_ci' }),
    ).toEqual(text());
  });

  it('splits SQL string lists with doubled quotes and backslash escapes', () => {
    expect(parseMysqlStringList("'a','b,c','d''e','f\\\\g'")).toEqual(['a', 'b,c', "d'e", 'f\\g']);
  });
});

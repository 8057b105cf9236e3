import { sql } from '@alembic/core';
import { parseMysqlDefault } from './mysql-default-parser.js';

describe('parseMysqlDefault', () => {
  it.each([
    [null, undefined],
    ['NULL', undefined],
    ["'x'", 'x'],
    ["'it''s \\\\ x'", "it's \\ x"],
    ["''", ''],
    ["'NULL'", 'NULL'],
    ['3', '3'],
    ['1.50', '1.50'],
    ['current_timestamp()', sql('current_timestamp()')],
    ['(1 + 2)', sql('(1 + 2)')],
  ])('MariaDB %s', (columnDefault, expected) => {
    expect(parseMysqlDefault(columnDefault, { flavour: 'mariadb' })).toEqual(expected);
  });

  it('reads MySQL 8 values bare and DEFAULT_GENERATED expressions as SQL', () => {
    expect(parseMysqlDefault('x', { flavour: 'mysql', extra: '' })).toBe('x');
    expect(parseMysqlDefault(null, { flavour: 'mysql', extra: '' })).toBeUndefined();
    expect(parseMysqlDefault('CURRENT_TIMESTAMP', { flavour: 'mysql', extra: 'DEFAULT_GENERATED' })).toEqual(sql('CURRENT_TIMESTAMP'));
  });
});

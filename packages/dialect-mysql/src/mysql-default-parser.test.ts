import { sql } from '@alembic/core/dialect';
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
    expect(parseMysqlDefault('CURRENT_TIMESTAMP', { flavour: 'mysql', extra: 'DEFAULT_GENERATED' })).toEqual(
      sql('CURRENT_TIMESTAMP'),
    );
  });

  it('keeps ON UPDATE with the default, and for a nullable column without one', () => {
    expect(
      parseMysqlDefault('current_timestamp()', { flavour: 'mariadb', extra: 'on update current_timestamp()' }),
    ).toEqual(sql('current_timestamp() ON UPDATE current_timestamp()'));
    expect(
      parseMysqlDefault('CURRENT_TIMESTAMP(3)', {
        flavour: 'mysql',
        extra: 'DEFAULT_GENERATED on update CURRENT_TIMESTAMP(3)',
      }),
    ).toEqual(sql('CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)'));
    expect(
      parseMysqlDefault('NULL', { flavour: 'mariadb', extra: 'on update current_timestamp()', nullable: true }),
    ).toEqual(sql('NULL ON UPDATE current_timestamp()'));
    expect(
      parseMysqlDefault(null, { flavour: 'mariadb', extra: 'on update current_timestamp()', nullable: false }),
    ).toBeUndefined();
  });
});

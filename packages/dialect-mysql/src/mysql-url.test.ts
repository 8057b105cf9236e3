import { inspect } from 'node:util';
import { AlembicError } from '@alembic/core/dialect';
import { parseMysqlUrl } from './mysql-url.js';

describe('parseMysqlUrl', () => {
  it('reads user, decoded password, host, port and database', () => {
    expect(parseMysqlUrl('mysql://app:s%40cret@db.internal:3307/shop')).toEqual({
      host: 'db.internal',
      port: 3307,
      user: 'app',
      password: 's@cret',
      database: 'shop',
    });
  });

  it('defaults the port, accepts mariadb:// and driver suffixes, and no database', () => {
    expect(parseMysqlUrl('mariadb://root@127.0.0.1')).toEqual({ host: '127.0.0.1', port: 3306, user: 'root' });
    expect(parseMysqlUrl('mysql+pymysql://root@localhost/test')).toMatchObject({ host: 'localhost', database: 'test' });
    expect(parseMysqlUrl('mysql://root@[::1]:3306/test')).toMatchObject({ host: '::1' });
  });

  it('reads the known query parameters', () => {
    expect(
      parseMysqlUrl(
        'mysql://root@h/d?charset=utf8mb4&connect_timeout=2.5&unix_socket=/run/mysqld.sock&timezone=Z&ssl=true',
      ),
    ).toEqual({
      host: 'h',
      port: 3306,
      user: 'root',
      database: 'd',
      charset: 'utf8mb4',
      connectTimeout: 2500,
      socketPath: '/run/mysqld.sock',
      timezone: 'Z',
      ssl: {},
    });
  });

  it('refuses unknown parameters and other schemes, masking the password', () => {
    let caught: unknown;
    try {
      parseMysqlUrl('mysql://app:hunter22@h/d?pool_size=5');
    } catch (error) {
      caught = error;
    }
    expect(AlembicError.hasCode(caught, 'ALEMBIC_CONFIG')).toBe(true);
    expect((caught as Error).message).toMatch(/Unknown parameter 'pool_size'/);
    expect((caught as Error).message).not.toContain('hunter22');
    expect(() => parseMysqlUrl('postgresql://h/d')).toThrow(/Not a MySQL URL/);
  });

  it.each([
    ['a port out of range', 'mysql://app:hunter22@h:99999/d'],
    ['a password holding a /', 'mysql://app:hun/ter22@h/d'],
    ['a password given as a parameter', 'mysql://app@h/d?password=hunter22'],
  ])('never shows the password of a URL it cannot read (%s), not even in what the error wraps', (_, url) => {
    let caught: unknown;
    try {
      parseMysqlUrl(url);
    } catch (error) {
      caught = error;
    }
    expect(AlembicError.hasCode(caught, 'ALEMBIC_CONFIG')).toBe(true);
    // What an uncaught error (`--raiseerr`) prints: the message, the stack, every property, every cause.
    expect(inspect(caught, { depth: null, showHidden: true })).not.toMatch(/hunter22|hun\/ter22/);
  });
});

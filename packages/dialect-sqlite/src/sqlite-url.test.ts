import { ConfigError } from '@alembic/core/dialect';
import { parseSqliteUrl } from './sqlite-url.js';

describe('parseSqliteUrl', () => {
  it.each([
    ['sqlite://', ':memory:'],
    ['sqlite:///:memory:', ':memory:'],
    ['sqlite:///relative.db', 'relative.db'],
    ['sqlite:///data/app.db', 'data/app.db'],
    ['sqlite:////absolute/app.db', '/absolute/app.db'],
    ['sqlite+pysqlite:////absolute/app.db', '/absolute/app.db'],
  ])('%s opens %s', (url, filename) => {
    expect(parseSqliteUrl(url)).toEqual({ filename, mode: 'rwc' });
  });

  it('reads mode and timeout from the query string', () => {
    expect(parseSqliteUrl('sqlite:////srv/app.db?mode=ro&timeout=2.5')).toEqual({
      filename: '/srv/app.db',
      mode: 'ro',
      busyTimeoutMilliseconds: 2500,
    });
  });

  it.each([
    ['postgresql://localhost/db', /Not a SQLite URL/],
    ['sqlite://host/app.db', /names a host/],
    ['sqlite:///', /has no file name/],
    ['sqlite:///app.db?cache=shared', /Unsupported option 'cache=shared'/],
    ['sqlite:///app.db?timeout=soon', /Unsupported option 'timeout=soon'/],
  ])('refuses %s', (url, message) => {
    expect(() => parseSqliteUrl(url)).toThrow(message);
    expect(() => parseSqliteUrl(url)).toThrow(ConfigError);
  });
});

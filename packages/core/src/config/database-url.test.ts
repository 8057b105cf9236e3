import { anchorSqliteUrl, maskPassword, parseDatabaseUrl } from './database-url.js';

describe('database URLs', () => {
  it('takes the scheme, without a driver suffix', () => {
    expect(parseDatabaseUrl('postgresql+pg://u@h/db').scheme).toBe('postgresql');
    expect(parseDatabaseUrl('SQLITE:///x.db').scheme).toBe('sqlite');
  });

  it('refuses text that is not a URL, without showing the password', () => {
    expect(() => parseDatabaseUrl('localhost/db')).toThrow(/Could not parse the database URL 'localhost\/db'/);
  });

  it('masks passwords', () => {
    expect(maskPassword('failed for postgresql://app:s3cr:et@db:5432/x today')).toBe(
      'failed for postgresql://app:***@db:5432/x today',
    );
    expect(maskPassword('mysql://root@localhost/test')).toBe('mysql://root@localhost/test');
  });

  it('anchors relative SQLite files at the config directory', () => {
    expect(anchorSqliteUrl('sqlite:///alembic.db', '/project')).toBe('sqlite:////project/alembic.db');
    expect(anchorSqliteUrl('sqlite:///data/app.db?mode=ro', '/project')).toBe('sqlite:////project/data/app.db?mode=ro');
    expect(anchorSqliteUrl('sqlite:////abs/app.db', '/project')).toBe('sqlite:////abs/app.db');
    expect(anchorSqliteUrl('sqlite://', '/project')).toBe('sqlite://');
    expect(anchorSqliteUrl('sqlite:///:memory:', '/project')).toBe('sqlite:///:memory:');
    expect(anchorSqliteUrl('postgresql://h/db', '/project')).toBe('postgresql://h/db');
  });
});

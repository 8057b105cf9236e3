import { resolve } from 'node:path';
import { AlembicError } from '@alembic/core';
import { databaseUrlOf } from './database-url-of.js';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return AlembicError.isInstance(error) ? error.code : `not an AlembicError: ${String(error)}`;
  }
  return undefined;
}

describe('databaseUrlOf', () => {
  it('builds a server URL from the connection options, the credentials percent-encoded', () => {
    expect(
      databaseUrlOf({
        type: 'postgres',
        host: 'db.internal',
        port: 5433,
        username: 'app',
        password: 'p@ss:w/rd',
        database: 'shop',
      }),
    ).toBe('postgresql://app:p%40ss%3Aw%2Frd@db.internal:5433/shop');
    expect(databaseUrlOf({ type: 'mysql', username: 'root', database: 'test' })).toBe('mysql://root@localhost/test');
    expect(databaseUrlOf({ type: 'mariadb', host: '127.0.0.1', port: '3306', database: 'test' })).toBe(
      'mariadb://127.0.0.1:3306/test',
    );
    expect(databaseUrlOf({ type: 'mssql', host: 'sql', username: 'sa', password: 'Secret1!', database: 'app' })).toBe(
      'mssql://sa:Secret1!@sql/app',
    );
  });

  it("takes the options' url as it is, and the master of a replicated DataSource", () => {
    expect(databaseUrlOf({ type: 'postgres', url: 'postgres://u@h/d', host: 'ignored' })).toBe('postgres://u@h/d');
    expect(
      databaseUrlOf({
        type: 'postgres',
        database: 'shop',
        replication: {
          master: { host: 'primary', username: 'app' },
          slaves: [{ host: 'replica', username: 'app' }],
        },
      }),
    ).toBe('postgresql://app@primary/shop');
  });

  it('gives SQLite the database file, resolved from the working directory as TypeORM does', () => {
    expect(databaseUrlOf({ type: 'better-sqlite3', database: 'app.db' })).toBe(`sqlite:///${resolve('app.db')}`);
    expect(databaseUrlOf({ type: 'sqlite', database: '/var/data/app.db' })).toBe('sqlite:////var/data/app.db');
  });

  it('refuses what no URL can name, and databases alembic has no dialect for', () => {
    expect(codeOf(() => databaseUrlOf({ type: 'better-sqlite3', database: ':memory:' }))).toBe(
      'ALEMBIC_TYPEORM_NO_URL',
    );
    expect(codeOf(() => databaseUrlOf({ type: 'sqlite' }))).toBe('ALEMBIC_TYPEORM_NO_URL');
    expect(codeOf(() => databaseUrlOf({ type: 'postgres', username: 'app', password: () => 'secret' }))).toBe(
      'ALEMBIC_TYPEORM_NO_URL',
    );
    expect(codeOf(() => databaseUrlOf({ type: 'mongodb', database: 'x' }))).toBe('ALEMBIC_TYPEORM_UNSUPPORTED_DIALECT');
  });
});

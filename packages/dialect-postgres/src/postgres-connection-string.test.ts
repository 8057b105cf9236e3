import pg from 'pg';
import { pgConnectionString } from './postgres-connection-string.js';

/** What the real pg driver would connect with, given the options as connectPostgres gives them. */
function clientFor(url: string, driverOptions: Record<string, unknown>): { user: string; password: unknown } {
  const client = new pg.Client({ ...driverOptions, connectionString: pgConnectionString(url, driverOptions) });
  return { user: client.user as string, password: client.password };
}

describe('pgConnectionString', () => {
  it('drops a SQLAlchemy driver suffix and leaves a URL alone when no password option is given', () => {
    expect(pgConnectionString('postgresql+psycopg2://app:pw@db/x', {})).toBe('postgresql://app:pw@db/x');
    expect(pgConnectionString('postgres://app@db:5433/x?sslmode=require', { ssl: false })).toBe(
      'postgres://app@db:5433/x?sslmode=require',
    );
  });

  it('makes pg use a driverOptions password, which pg alone drops when a URL is given', () => {
    const password = 'p@ss/w:rd#1%41 ok';
    expect(new pg.Client({ password, connectionString: 'postgresql://app@db/x' }).password).not.toBe(password);
    expect(clientFor('postgresql://app@db/x', { password })).toEqual({ user: 'app', password });
  });

  it('lets the driverOptions password win over the URL one, as driverOptions do on MySQL and SQL Server', () => {
    expect(clientFor('postgresql+psycopg2://app:from-url@db/x', { password: 'from-options' })).toEqual({
      user: 'app',
      password: 'from-options',
    });
  });

  it('reaches pg for URLs without a host, on a socket, or with a password parameter', () => {
    for (const url of [
      'postgresql:///db?host=/var/run/postgresql',
      'postgresql:///db',
      'postgresql://app@/db?host=/var/run/postgresql',
      'postgresql://app@db/x?password=from-parameter',
    ]) {
      expect(clientFor(url, { password: 'p/w &x' }).password).toBe('p/w &x');
    }
  });

  it('leaves the URL alone for an empty password option', () => {
    expect(pgConnectionString('postgresql://app:pw@db/x', { password: '' })).toBe('postgresql://app:pw@db/x');
  });

  it('leaves a URL it cannot read for pg to report', () => {
    expect(pgConnectionString('postgresql://app@[not-a-host/x', { password: 'pw' })).toBe(
      'postgresql://app@[not-a-host/x',
    );
  });
});

import { inspect } from 'node:util';
import { parseMssqlUrl } from './mssql-url.js';

describe('parseMssqlUrl', () => {
  it('reads user, password, host, port and database, percent-decoded', () => {
    expect(parseMssqlUrl('mssql://sa:s%40cret@db.internal:1444/shop')).toEqual({
      server: 'db.internal',
      port: 1444,
      user: 'sa',
      password: 's@cret',
      database: 'shop',
    });
  });

  it('defaults to localhost:1433; sqlserver:// and Python driver suffixes are the same', () => {
    expect(parseMssqlUrl('mssql://')).toEqual({ server: 'localhost', port: 1433 });
    expect(parseMssqlUrl('sqlserver://app@h/db')).toEqual({ server: 'h', port: 1433, user: 'app', database: 'db' });
    expect(parseMssqlUrl('mssql+pyodbc://app@h/db?driver=ODBC+Driver+18+for+SQL+Server')).toEqual({
      server: 'h',
      port: 1433,
      user: 'app',
      database: 'db',
    });
  });

  it('reads a named instance from host\\instance (no default port) or instanceName', () => {
    expect(parseMssqlUrl('mssql://sa:x@host\\SQLEXPRESS/db')).toEqual({
      server: 'host',
      instanceName: 'SQLEXPRESS',
      user: 'sa',
      password: 'x',
      database: 'db',
    });
    expect(parseMssqlUrl('mssql://host%5CSQLEXPRESS:1500/db')).toMatchObject({
      server: 'host',
      instanceName: 'SQLEXPRESS',
      port: 1500,
    });
    expect(parseMssqlUrl('mssql://host/db?instanceName=SQL2')).toEqual({
      server: 'host',
      instanceName: 'SQL2',
      database: 'db',
    });
  });

  it('reads TLS, timeouts and the application name, ODBC spellings too', () => {
    expect(
      parseMssqlUrl(
        'mssql://h/db?encrypt=strict&TrustServerCertificate=yes&connect_timeout=2.5&requestTimeout=60&application_name=migrate',
      ),
    ).toEqual({
      server: 'h',
      port: 1433,
      database: 'db',
      encrypt: 'strict',
      trustServerCertificate: true,
      connectTimeoutMilliseconds: 2500,
      requestTimeoutMilliseconds: 60000,
      applicationName: 'migrate',
    });
    expect(parseMssqlUrl('mssql://h?encrypt=false')).toMatchObject({ encrypt: false });
  });

  it('refuses other URLs, unknown parameters and bad values without showing the password', () => {
    expect(() => parseMssqlUrl('postgresql://u:pw@h/db')).toThrow("Not a SQL Server URL: 'postgresql://u:***@h/db'");
    expect(() => parseMssqlUrl('mssql://u:pw@h/db?colour=red')).toThrow(
      /^Unknown parameter 'colour' in the SQL Server URL 'mssql:\/\/u:\*\*\*@h\/db\?colour=red'/,
    );
    expect(() => parseMssqlUrl('mssql://u:pw@h/db?encrypt=maybe')).toThrow(/encrypt must be true or false/);
    expect(() => parseMssqlUrl('mssql://u:pw@h/db?connect_timeout=soon')).toThrow(
      /connect_timeout must be a number of seconds/,
    );
    expect(() => parseMssqlUrl('mssql://u:pw@h/db?colour=red')).toThrow(
      expect.objectContaining({ code: 'ALEMBIC_CONFIG' }),
    );
  });

  it.each([
    ['a port out of range', 'mssql://sa:hunter22@h:99999/db'],
    ['a password holding a /', 'mssql://sa:hun/ter22@h/db'],
    ['a password given as a parameter', 'mssql://sa@h/db?password=hunter22'],
    ['a JDBC-style URL', 'sqlserver://h:1433;databaseName=db;user=sa;password=hunter22'],
  ])('never shows the password of a URL it cannot read (%s), not even in what the error wraps', (_, url) => {
    let caught: unknown;
    try {
      parseMssqlUrl(url);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'ALEMBIC_CONFIG' });
    // What an uncaught error (`--raiseerr`) prints: the message, the stack, every property, every cause.
    expect(inspect(caught, { depth: null, showHidden: true })).not.toMatch(/hunter22|hun\/ter22/);
  });
});

import { createTableCommentOperation, renameTableOperation } from '@alembic/core/dialect';
import { FakeMssqlPool } from '../test/support/fake-mssql-pool.js';
import { connectMssql, mssqlPoolConfig } from './mssql-connect.js';
import { MssqlConnection } from './mssql-connection.js';
import { mssql, mssqlDialect } from './mssql-dialect.js';
import { parseMssqlUrl } from './mssql-url.js';

describe('the SQL Server dialect', () => {
  it('serves mssql:// and sqlserver:// with transactional DDL and GO', () => {
    expect(mssqlDialect).toMatchObject({ specVersion: 1, name: 'mssql', urlSchemes: ['mssql', 'sqlserver'] });
    expect(mssqlDialect.capabilities).toMatchObject({
      transactionalDdl: true,
      batchSeparator: 'GO',
      statementTerminator: ';',
      offlineTransactionStatements: { begin: 'BEGIN TRANSACTION', commit: 'COMMIT' },
      supportsPartialIndexes: true,
      nativeUuid: true,
      nativeBoolean: false,
    });
    expect(Object.isFrozen(mssqlDialect)).toBe(true);
  });

  it("takes the batch separator (Alembic's mssql_batch_separator) and the offline default schema", () => {
    const dialect = mssql({ batchSeparator: 'BYE', defaultSchema: 'app' });
    expect(dialect.capabilities.batchSeparator).toBe('BYE');
    const compiler = dialect.createDdlCompiler();
    expect(
      compiler.compile(createTableCommentOperation({ tableName: 't', comment: 'x', existingComment: null })),
    ).toEqual(["EXEC sp_addextendedproperty 'MS_Description', N'x', 'schema', N'app', 'table', N't'"]);
  });

  it("files comments under the session's default schema online", () => {
    const connection = new MssqlConnection(new FakeMssqlPool(), {
      defaultSchema: 'sales',
      database: 'shop',
      serverVersion: '16.0',
      singleSession: true,
      close: async () => undefined,
    });
    const compiler = mssqlDialect.createDdlCompiler({ connection });
    expect(
      compiler.compile(createTableCommentOperation({ tableName: 't', comment: 'x', existingComment: 'y' })),
    ).toEqual(["EXEC sp_updateextendedproperty 'MS_Description', N'x', 'schema', N'sales', 'table', N't'"]);
    expect(compiler.compile(renameTableOperation({ oldTableName: 'a', newTableName: 'b' }))).toEqual([
      "EXEC sp_rename 'a', b",
    ]);
  });

  it('wraps an existing pool, connecting it if needed, never closing it', async () => {
    const pool = new FakeMssqlPool({ max: 1 });
    pool.connected = false;
    pool.results.push({ recordset: [{ default_schema: 'dbo', database_name: 'shop', server_version: '16.0.4135.4' }] });
    const connection = await mssql({ existingClient: pool }).connect('mssql://ignored');
    expect(connection).toBeInstanceOf(MssqlConnection);
    expect(connection).toMatchObject({
      defaultSchema: 'dbo',
      database: 'shop',
      serverVersion: '16.0.4135.4',
      singleSession: true,
    });
    await connection.close();
    expect(pool.log).toEqual(['CONNECT']);
    expect(pool.closed).toBe(false);
  });

  it('knows a pool of several connections is not one session', async () => {
    const connection = await connectMssql('mssql://x', { existingClient: new FakeMssqlPool({ max: 10 }) });
    expect(connection.singleSession).toBe(false);
  });

  it('refuses an existingClient that is not a pool', async () => {
    await expect(connectMssql('mssql://x', { existingClient: { query: () => undefined } })).rejects.toThrow(
      /existingClient must be an mssql ConnectionPool/,
    );
  });

  it('opens pools of one connection, never reaped, without a statement timeout', () => {
    expect(
      mssqlPoolConfig(parseMssqlUrl('mssql://sa:pw@db/shop?trustServerCertificate=true&application_name=m')),
    ).toEqual({
      server: 'db',
      port: 1433,
      user: 'sa',
      password: 'pw',
      database: 'shop',
      requestTimeout: 0,
      options: { trustServerCertificate: true, appName: 'm' },
      pool: { min: 0, max: 1, idleTimeoutMillis: 2 ** 31 - 1 },
    });
  });

  it("makes a statement timeout the requestTimeout, over the URL's", () => {
    expect(mssqlPoolConfig(parseMssqlUrl('mssql://sa@db/shop?request_timeout=60'), 2500)).toMatchObject({
      requestTimeout: 2500,
    });
    expect(mssqlPoolConfig(parseMssqlUrl('mssql://sa@db/shop?request_timeout=60'))).toMatchObject({
      requestTimeout: 60_000,
    });
  });

  it('translates connection failures of the real driver and never shows the password', async () => {
    const url = 'mssql://sa:Sup3rSecret@127.0.0.1:1/shop?connect_timeout=2';
    const error: unknown = await connectMssql(url).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'ALEMBIC_CONNECTION_FAILED' });
    expect(String((error as Error).message)).not.toContain('Sup3rSecret');
    expect(String((error as Error).stack)).not.toContain('Sup3rSecret');
  });
});

import { connectPostgres } from './postgres-connect.js';

const PASSWORD = 's3cret!word';
const mockConnect = jest.fn<Promise<unknown>, []>();
const mockEnd = jest.fn(async () => undefined);
const mockConfigs: Record<string, unknown>[] = [];

jest.mock('pg', () => ({
  Client: class {
    constructor(config: Record<string, unknown>) {
      mockConfigs.push(config);
    }
    connect = mockConnect;
    end = mockEnd;
    on = jest.fn();
    query = jest.fn();
  },
}));

describe('connectPostgres', () => {
  beforeEach(() => {
    mockConnect.mockReset();
    mockEnd.mockClear();
    mockConfigs.length = 0;
  });

  it('hands pg the URL (driver suffix dropped) and the driver options', async () => {
    mockConnect.mockResolvedValue(undefined);
    const connection = await connectPostgres(
      'postgresql+psycopg2://app@db/x',
      { driverOptions: { statement_timeout: 1000 } },
      {
        driverOptions: { application_name: 'migrations', statement_timeout: 5 },
      },
    );
    expect(mockConfigs).toEqual([
      { application_name: 'migrations', statement_timeout: 1000, connectionString: 'postgresql://app@db/x' },
    ]);
    await connection.close();
    await connection.close();
    expect(mockEnd).toHaveBeenCalledTimes(1);
  });

  it('hands pg a driverOptions password in the connection string, where pg reads it', async () => {
    mockConnect.mockResolvedValue(undefined);
    const connection = await connectPostgres('postgresql://app@db/x', {}, { driverOptions: { password: 'p/w' } });
    expect(mockConfigs).toEqual([{ password: 'p/w', connectionString: 'postgresql://app@db/x?password=p%2Fw' }]);
    await connection.close();
  });

  it('scrubs the password from a failure that shows it, and ends the client', async () => {
    mockConnect.mockRejectedValue(
      Object.assign(new Error(`cannot use postgresql://app:${PASSWORD}@db/x`), {
        input: `postgresql://app:${PASSWORD}@db/x`,
      }),
    );
    const failure = await connectPostgres(`postgresql://app:${PASSWORD}@db/x`).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'ALEMBIC_CONNECTION_FAILED', cause: undefined });
    const message = (failure as Error).message;
    expect(message).toBe('Could not connect to postgresql://app:***@db/x: cannot use postgresql://app:***@db/x');
    expect(JSON.stringify(failure, Object.getOwnPropertyNames(failure))).not.toContain(PASSWORD);
    expect(mockEnd).toHaveBeenCalledTimes(1);
  });

  it('scrubs a password given in the driver options, from the call or the dialect, as well as the URL one', async () => {
    const fromOptions = 'vault-Pa55';
    for (const [options, dialectOptions] of [
      [{ driverOptions: { password: fromOptions } }, {}],
      [{}, { driverOptions: { password: fromOptions } }],
    ] as const) {
      mockConnect.mockRejectedValueOnce(
        Object.assign(new Error(`auth with ${fromOptions} failed for postgresql://app:${PASSWORD}@db/x`), {
          input: { password: fromOptions },
        }),
      );
      const failure = await connectPostgres(`postgresql://app:${PASSWORD}@db/x`, options, dialectOptions).catch(
        (error: unknown) => error,
      );
      expect(failure).toMatchObject({
        code: 'ALEMBIC_CONNECTION_FAILED',
        message: 'Could not connect to postgresql://app:***@db/x: auth with *** failed for postgresql://app:***@db/x',
        cause: undefined,
      });
      const shown = JSON.stringify(failure, Object.getOwnPropertyNames(failure));
      expect(shown).not.toContain(fromOptions);
      expect(shown).not.toContain(PASSWORD);
    }
  });

  it('scrubs a password given as a password parameter of the URL', async () => {
    mockConnect.mockRejectedValueOnce(new Error('auth with ParamPw0rd failed'));
    const failure = await connectPostgres('postgresql://app@db/x?password=ParamPw0rd').catch((error: unknown) => error);
    expect(failure).toMatchObject({
      code: 'ALEMBIC_CONNECTION_FAILED',
      message: 'Could not connect to postgresql://app@db/x?password=***: auth with *** failed',
    });
  });

  it('scrubs a password parameter holding a ; or a space whole, as pg reads it', async () => {
    mockConnect.mockRejectedValueOnce(new Error('auth with Pa;ram Pw failed'));
    const failure = await connectPostgres('postgresql://app@db/x?password=Pa;ram%20Pw').catch(
      (error: unknown) => error,
    );
    expect((failure as Error).message).toBe(
      'Could not connect to postgresql://app@db/x?password=***: auth with *** failed',
    );
  });

  it('keeps a failure that does not show the password as the driver gave it, translated', async () => {
    const driverError = Object.assign(new Error('password authentication failed for user "app"'), {
      code: '28P01',
      severity: 'FATAL',
    });
    mockConnect.mockRejectedValue(driverError);
    await expect(connectPostgres(`postgresql://app:${PASSWORD}@db/x`)).rejects.toMatchObject({
      code: 'ALEMBIC_ACCESS_DENIED',
      sqlState: '28P01',
      message: 'password authentication failed for user "app"',
      cause: driverError,
    });
  });
});

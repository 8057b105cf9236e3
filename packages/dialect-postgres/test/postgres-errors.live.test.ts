/**
 * Error translation against the test server: SQLSTATEs become `PostgresDatabaseError`s with
 * stable codes and the server's message; connection failures never show the password.
 */
import type { DatabaseConnection } from '@alembic/core/dialect';
import { PostgresDatabaseError } from '../src/postgres-database-error.js';
import { POSTGRES_URL, describeLive, liveDialect, openSchemaConnection } from './support/live-postgres.js';

const PASSWORD = 'sekret-Pa55';

/** The test URL with a password, another database or another port. */
function variantUrl(change: { password?: string; database?: string; port?: number }): string {
  const url = new URL(POSTGRES_URL);
  if (change.password !== undefined) url.password = change.password;
  if (change.database !== undefined) url.pathname = `/${change.database}`;
  if (change.port !== undefined) url.port = String(change.port);
  return url.toString();
}

async function failureOf(work: () => Promise<unknown>): Promise<PostgresDatabaseError> {
  try {
    await work();
  } catch (error) {
    const translated = liveDialect.translateError(error);
    if (!PostgresDatabaseError.isInstance(translated)) {
      throw error;
    }
    return translated;
  }
  throw new Error('expected a failure');
}

function expectNoPassword(error: unknown): void {
  const seen = new Set<unknown>();
  const texts: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') texts.push(value);
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    for (const key of Object.getOwnPropertyNames(value)) collect((value as Record<string, unknown>)[key]);
  };
  collect(error);
  expect(texts.join('\n')).not.toContain(PASSWORD);
}

describeLive('PostgreSQL error translation, live', () => {
  let connection: DatabaseConnection;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ connection, dispose } = await openSchemaConnection('errors'));
    await connection.execute(
      "CREATE TABLE account (id INTEGER PRIMARY KEY, email VARCHAR(50) CONSTRAINT uq_account_email UNIQUE, n INTEGER CHECK (n > 0)); INSERT INTO account VALUES (1, 'a@example.com', 1)",
    );
  });

  afterAll(async () => {
    await dispose?.();
  });

  it('a unique violation: constraint, table and detail kept', async () => {
    const error = await failureOf(() => connection.query("INSERT INTO account VALUES (2, 'a@example.com', 1)"));
    expect(error).toMatchObject({
      code: 'ALEMBIC_CONSTRAINT_VIOLATION',
      sqlState: '23505',
      constraintKind: 'UNIQUE',
      constraintName: 'uq_account_email',
      tableName: 'account',
      message: 'duplicate key value violates unique constraint "uq_account_email"',
    });
    expect(error.detail).toMatch(/already exists/);
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('check and not-null violations', async () => {
    expect(await failureOf(() => connection.query("INSERT INTO account VALUES (3, 'c', 0)"))).toMatchObject({
      code: 'ALEMBIC_CONSTRAINT_VIOLATION',
      constraintKind: 'CHECK',
    });
    expect(await failureOf(() => connection.query("INSERT INTO account VALUES (NULL, 'd', 1)"))).toMatchObject({
      code: 'ALEMBIC_CONSTRAINT_VIOLATION',
      constraintKind: 'NOT NULL',
      columnName: 'id',
    });
  });

  it('syntax errors, undefined and duplicate objects, dependent objects, bad data', async () => {
    expect(await failureOf(() => connection.query('CREATE TABLE (x'))).toMatchObject({
      code: 'ALEMBIC_SQL_SYNTAX_ERROR',
      sqlState: '42601',
    });
    expect(await failureOf(() => connection.query('SELECT * FROM no_such_table'))).toMatchObject({
      code: 'ALEMBIC_TABLE_NOT_FOUND',
      sqlState: '42P01',
      message: 'relation "no_such_table" does not exist',
    });
    expect(await failureOf(() => connection.query('CREATE TABLE account (x INTEGER)'))).toMatchObject({
      code: 'ALEMBIC_TABLE_EXISTS',
      sqlState: '42P07',
    });
    await connection.execute("CREATE TYPE mood AS ENUM ('low', 'high'); CREATE TABLE feeling (m mood)");
    expect(await failureOf(() => connection.query('DROP TYPE mood'))).toMatchObject({
      code: 'ALEMBIC_DEPENDENT_OBJECTS_EXIST',
      sqlState: '2BP01',
    });
    expect(await failureOf(() => connection.query("SELECT 'x'::integer"))).toMatchObject({
      code: 'ALEMBIC_DATA_ERROR',
      sqlState: '22P02',
    });
  });

  it('a lock timeout', async () => {
    const other = await liveDialect.connect(POSTGRES_URL);
    try {
      const { rows } = await connection.query<{ schema: string }>('SELECT current_schema() AS schema');
      await connection.begin();
      await connection.query('LOCK TABLE account IN ACCESS EXCLUSIVE MODE');
      await other.execute("SET lock_timeout = '100ms'");
      const error = await failureOf(() => other.query(`SELECT * FROM ${rows[0]?.schema}.account`));
      expect(error).toMatchObject({ code: 'ALEMBIC_DATABASE_LOCKED', sqlState: '55P03' });
    } finally {
      await connection.rollback();
      await other.close();
    }
  });

  it('a missing database: ALEMBIC_DATABASE_NOT_FOUND, no password anywhere', async () => {
    const error = await failureOf(() =>
      liveDialect.connect(variantUrl({ password: PASSWORD, database: 'alembic_no_such_database' })),
    );
    expect(error).toMatchObject({ code: 'ALEMBIC_DATABASE_NOT_FOUND', sqlState: '3D000' });
    expect(error.message).toMatch(/database "alembic_no_such_database" does not exist/);
    expectNoPassword(error);
  });

  it('a refused connection: ALEMBIC_CONNECTION_FAILED, no password anywhere', async () => {
    const error = await failureOf(() => liveDialect.connect(variantUrl({ password: PASSWORD, port: 1 })));
    expect(error).toMatchObject({ code: 'ALEMBIC_CONNECTION_FAILED' });
    expect(error.message).toMatch(/ECONNREFUSED/);
    expectNoPassword(error);
  });

  it('a URL the driver cannot parse: a ConfigError naming the URL, no password anywhere', async () => {
    let caught: unknown;
    try {
      await liveDialect.connect(`postgresql://postgres:${PASSWORD}@[not-a-host/test`);
    } catch (error) {
      caught = liveDialect.translateError(error);
    }
    expect(typeof (caught as { message?: unknown }).message).toBe('string');
    expectNoPassword(caught);
    expect(caught).toMatchObject({
      code: 'ALEMBIC_CONFIG',
      message: "Could not parse the PostgreSQL URL 'postgresql://postgres:***@[not-a-host/test'",
    });
  });

  it('leaves errors it does not know alone', () => {
    const plain = new TypeError('not a database error');
    expect(liveDialect.translateError(plain)).toBe(plain);
    expect(liveDialect.translateError('text')).toBe('text');
  });
});

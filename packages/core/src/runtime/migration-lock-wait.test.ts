import type { DatabaseConnection } from '../dialect/database-connection.js';
import { DefaultDdlCompiler } from '../dialect/default-ddl-compiler.js';
import type { Dialect, MigrationLockOptions, ReleaseMigrationLock } from '../dialect/dialect.js';
import { defaultCapabilities } from '../dialect/dialect-capabilities.js';
import { AlembicError } from '../errors/alembic-error.js';
import { DatabaseError } from '../errors/database-error.js';
import { MigrationLockTimeoutError } from '../errors/migration-lock-timeout-error.js';
import { acquireMigrationLock, type MigrationLockRequest } from './migration-lock-wait.js';

const connection: DatabaseConnection = {
  query: async () => ({ rows: [], rowCount: 0 }),
  execute: async () => undefined,
  begin: async () => undefined,
  commit: async () => undefined,
  rollback: async () => undefined,
  close: async () => undefined,
};

/** A dialect whose lock is what the test makes of it. */
function dialectWithLock(acquire: (options: MigrationLockOptions) => Promise<ReleaseMigrationLock>): Dialect {
  return {
    specVersion: 1,
    name: 'memory',
    urlSchemes: ['memory'],
    capabilities: defaultCapabilities,
    createDdlCompiler: (options) => new DefaultDdlCompiler({ ...options, dialectName: 'memory' }),
    connect: async () => connection,
    createIntrospector: () => {
      throw new Error('not read in this test');
    },
    acquireMigrationLock: async (_connection, options) => acquire(options),
    translateError: (error) =>
      error instanceof Error && error.message === 'busy'
        ? new DatabaseError('ALEMBIC_DATABASE_LOCKED', 'busy', { cause: error })
        : error,
  };
}

function request(dialect: Dialect, lines: string[], extra: Partial<MigrationLockRequest> = {}): MigrationLockRequest {
  return {
    dialect,
    connection,
    lockName: 'alembic:.alembic_version',
    timeoutMilliseconds: undefined,
    database: 'memory://db',
    notice: (line) => lines.push(line),
    noticeAfterMilliseconds: 10,
    ...extra,
  };
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await sleep(5);
}

describe('acquireMigrationLock (core)', () => {
  it('says nothing when the lock comes at once', async () => {
    const lines: string[] = [];
    const release = await acquireMigrationLock(
      request(
        dialectWithLock(async () => async () => undefined),
        lines,
      ),
    );
    await sleep(50);
    await release();
    expect(lines).toEqual([]);
  });

  it('prints one line naming the database, the lock and its holder while it waits, then goes on', async () => {
    const lines: string[] = [];
    let grant: () => void = () => undefined;
    const dialect = dialectWithLock(async (options) => {
      options.onWait?.({ lock: "GET_LOCK('alembic:.alembic_version@db')", holder: 'MariaDB connection 42 (app@host)' });
      await new Promise<void>((resolve) => {
        grant = resolve;
      });
      return async () => undefined;
    });
    const acquiring = acquireMigrationLock(request(dialect, lines));
    await until(() => lines.length > 0);
    grant();
    await acquiring;
    expect(lines).toEqual([
      "Waiting for the migration lock of memory://db: GET_LOCK('alembic:.alembic_version@db'), held by MariaDB connection 42 (app@host) " +
        '(another migration run holds it; waiting until it is released; --lock-timeout SECONDS gives up instead)',
    ]);
  });

  it('names the lock by its name when the dialect does not describe it, and says when it gives up', async () => {
    const lines: string[] = [];
    let grant: () => void = () => undefined;
    const dialect = dialectWithLock(async () => {
      await new Promise<void>((resolve) => {
        grant = resolve;
      });
      return async () => undefined;
    });
    const acquiring = acquireMigrationLock(request(dialect, lines, { timeoutMilliseconds: 90_000 }));
    await until(() => lines.length > 0);
    grant();
    await acquiring;
    expect(lines).toEqual([
      "Waiting for the migration lock of memory://db: lock 'alembic:.alembic_version' (another migration run holds it; giving up after 90 s)",
    ]);
  });

  it('turns the dialect giving up into one MigrationLockTimeoutError naming lock and holder', async () => {
    const lines: string[] = [];
    const seen: MigrationLockOptions[] = [];
    const dialect = dialectWithLock(async (options) => {
      seen.push(options);
      options.onWait?.({ lock: 'advisory lock 7', holder: 'PostgreSQL backend 99' });
      throw new Error('busy');
    });
    const error = await acquireMigrationLock(request(dialect, lines, { timeoutMilliseconds: 2500 })).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(MigrationLockTimeoutError);
    expect(AlembicError.hasCode(error, 'ALEMBIC_MIGRATION_LOCK_TIMEOUT')).toBe(true);
    expect((error as Error).message).toBe(
      'Gave up after 2.5 s waiting for the migration lock of memory://db: advisory lock 7, held by PostgreSQL backend 99. ' +
        'Another migration run holds it; nothing was changed. Wait for that run to finish, or raise --lock-timeout (lockTimeout in the config)',
    );
    expect(seen[0]?.timeoutMilliseconds).toBe(2500);
    expect(lines).toEqual([]);
  });

  it('passes other failures on, translated', async () => {
    const failure = new Error('connection reset');
    const dialect = dialectWithLock(async () => {
      throw failure;
    });
    await expect(acquireMigrationLock(request(dialect, []))).rejects.toBe(failure);
  });
});

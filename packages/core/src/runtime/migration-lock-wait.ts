import type { DatabaseConnection } from '../dialect/database-connection.js';
import type { Dialect, MigrationLockWait, ReleaseMigrationLock } from '../dialect/dialect.js';
import { AlembicError } from '../errors/alembic-error.js';
import { MigrationLockTimeoutError } from '../errors/migration-lock-timeout-error.js';

/** How long a run waits for the migration lock before it says so. */
export const LOCK_WAIT_NOTICE_MILLISECONDS = 1000;

/** Everything {@link acquireMigrationLock} needs. */
export interface MigrationLockRequest {
  readonly dialect: Dialect;
  readonly connection: DatabaseConnection;
  readonly lockName: string;
  /** `--lock-timeout` in milliseconds; wait indefinitely when undefined. */
  readonly timeoutMilliseconds: number | undefined;
  /** The database as shown to the user (password masked). */
  readonly database: string;
  /** Writes the waiting line (to stderr). */
  readonly notice: (line: string) => void;
  /** Default {@link LOCK_WAIT_NOTICE_MILLISECONDS}. */
  readonly noticeAfterMilliseconds?: number;
}

function describeLock(lockName: string, wait: MigrationLockWait | undefined): string {
  const lock = wait?.lock ?? `lock '${lockName}'`;
  return wait?.holder === undefined ? lock : `${lock}, held by ${wait.holder}`;
}

/**
 * Takes the dialect's migration lock, speaking up when it has to wait: once the lock has not
 * come within a second, one line on stderr names the database, the lock and its holder (as far
 * as the dialect said through `onWait`), and how long the run will wait. When
 * `timeoutMilliseconds` runs out, the dialect's `ALEMBIC_DATABASE_LOCKED` error becomes one
 * {@link MigrationLockTimeoutError}. Works for any dialect that waits without blocking the
 * event loop; naming the lock precisely is the dialect's part.
 */
export async function acquireMigrationLock(request: MigrationLockRequest): Promise<ReleaseMigrationLock> {
  const { dialect, connection, lockName, timeoutMilliseconds } = request;
  let wait: MigrationLockWait | undefined;
  const timer = setTimeout(() => {
    const patience =
      timeoutMilliseconds === undefined
        ? 'waiting until it is released; --lock-timeout SECONDS gives up instead'
        : `giving up after ${Number((timeoutMilliseconds / 1000).toFixed(3))} s`;
    request.notice(
      `Waiting for the migration lock of ${request.database}: ${describeLock(lockName, wait)} (another migration run holds it; ${patience})`,
    );
  }, request.noticeAfterMilliseconds ?? LOCK_WAIT_NOTICE_MILLISECONDS);
  // The line is a courtesy: it must not keep a process alive that has nothing else to do.
  timer.unref();
  try {
    return await dialect.acquireMigrationLock(connection, {
      lockName,
      ...(timeoutMilliseconds === undefined ? {} : { timeoutMilliseconds }),
      onWait: (reported) => {
        wait = reported;
      },
    });
  } catch (error) {
    const translated = dialect.translateError(error);
    if (AlembicError.hasCode(translated, 'ALEMBIC_DATABASE_LOCKED')) {
      throw new MigrationLockTimeoutError({
        database: request.database,
        lock: wait?.lock ?? `lock '${lockName}'`,
        holder: wait?.holder,
        timeoutMilliseconds,
        cause: translated,
      });
    }
    throw translated;
  } finally {
    clearTimeout(timer);
  }
}

import { maskPassword } from '../config/database-url.js';
import { AlembicError } from './alembic-error.js';

/** What is known about a migration lock a run gave up waiting for. */
export interface MigrationLockTimeout {
  /** The database, password masked: `postgresql://app:***@db/shop`. */
  readonly database: string;
  /** The lock as the dialect names it: `GET_LOCK('alembic:.alembic_version@shop')`. */
  readonly lock: string;
  /** Who holds it, when the database said. */
  readonly holder: string | undefined;
  /** How long the run waited (`--lock-timeout`); undefined when the dialect's own limit ran out. */
  readonly timeoutMilliseconds: number | undefined;
  /** The dialect's error. */
  readonly cause: unknown;
}

function seconds(milliseconds: number): string {
  return `${Number((milliseconds / 1000).toFixed(3))} s`;
}

/**
 * Another migration run held the migration lock for longer than `--lock-timeout` (or the
 * `lockTimeout` config key) allowed. Nothing was changed: the run gives up before its first
 * statement. The message names the database, the lock and, where the database says, its holder.
 *
 * ```ts
 * if (AlembicError.hasCode(error, 'ALEMBIC_MIGRATION_LOCK_TIMEOUT')) {
 *   // another deployment is migrating this database
 * }
 * ```
 */
export class MigrationLockTimeoutError extends AlembicError {
  constructor(readonly timeout: MigrationLockTimeout) {
    const after = timeout.timeoutMilliseconds === undefined ? '' : ` after ${seconds(timeout.timeoutMilliseconds)}`;
    const holder = timeout.holder === undefined ? '' : `, held by ${timeout.holder}`;
    super(
      'ALEMBIC_MIGRATION_LOCK_TIMEOUT',
      maskPassword(
        `Gave up${after} waiting for the migration lock of ${timeout.database}: ${timeout.lock}${holder}. ` +
          'Another migration run holds it; nothing was changed. Wait for that run to finish, or raise --lock-timeout (lockTimeout in the config)',
      ),
      { cause: timeout.cause },
    );
  }
}

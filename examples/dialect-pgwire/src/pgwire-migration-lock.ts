import { DatabaseError, idempotentRelease } from '@alembic/core/dialect';
import type { DatabaseConnection, MigrationLockOptions, ReleaseMigrationLock } from '@alembic/core/dialect';
import { randomUUID } from 'node:crypto';

/** The lock table: one row per lock held. */
export const PGWIRE_LOCK_TABLE = 'alembic_lock';

const CREATE_LOCK_TABLE = `CREATE TABLE IF NOT EXISTS ${PGWIRE_LOCK_TABLE} (
  name VARCHAR(200) NOT NULL PRIMARY KEY,
  holder VARCHAR(64) NOT NULL,
  acquired_at TIMESTAMPTZ NOT NULL DEFAULT now()
)`;

/** Options of {@link acquirePgwireMigrationLock} beyond core's. */
export interface PgwireLockSettings {
  /** A lock older than this is taken to be a crashed run's and removed (default: never). */
  readonly staleAfterMilliseconds?: number;
  /** Pause between attempts (default 50 ms). */
  readonly pollMilliseconds?: number;
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

/** SQLSTATEs of two sessions racing to create the lock table (unique_violation, duplicate_table). */
function isCreationRace(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === '42P07';
}

/** Who holds the lock, from its row: `run 5f0c... (since 2026-12-04 10:00:00+00)`. */
async function lockHolder(connection: DatabaseConnection, lockName: string): Promise<string | undefined> {
  const { rows } = await connection.query<{ holder: unknown; since: unknown }>(
    `SELECT holder, acquired_at::text AS since FROM ${PGWIRE_LOCK_TABLE} WHERE name = $1`,
    [lockName],
  );
  const row = rows[0];
  return row === undefined ? undefined : `run ${String(row.holder)} (since ${String(row.since)})`;
}

/**
 * The pgwire database's migration lock: a row in a lock table (`alembic_lock`, in the
 * session's schema), because this database has no advisory locks. Taking the lock inserts the
 * row (`ON CONFLICT DO NOTHING`) and polls until the insert lands; releasing deletes it. The
 * first time the row is there already, `onWait` hears which row and which run holds it (core
 * prints the waiting line); when `timeoutMilliseconds` passes, a `DatabaseError` with code
 * `ALEMBIC_DATABASE_LOCKED` (core's `--lock-timeout` failure).
 * Statements run outside any transaction (the runtime takes the lock before `BEGIN`), so the
 * row is visible to other runs at once. A run that crashes leaves its row behind: pass
 * `staleAfterMilliseconds`, or delete the row by hand.
 *
 * ```ts
 * const release = await acquirePgwireMigrationLock(connection, { lockName: 'alembic:.alembic_version' });
 * try { ... } finally { await release(); }
 * ```
 */
export async function acquirePgwireMigrationLock(
  connection: DatabaseConnection,
  options: MigrationLockOptions,
  settings: PgwireLockSettings = {},
): Promise<ReleaseMigrationLock> {
  try {
    await connection.execute(CREATE_LOCK_TABLE);
  } catch (error) {
    if (!isCreationRace(error)) throw error;
  }
  const holder = randomUUID();
  const deadline = options.timeoutMilliseconds === undefined ? undefined : Date.now() + options.timeoutMilliseconds;
  let waiting = false;
  for (;;) {
    if (settings.staleAfterMilliseconds !== undefined) {
      await connection.query(
        `DELETE FROM ${PGWIRE_LOCK_TABLE} WHERE name = $1 AND acquired_at < now() - $2::int * interval '1 millisecond'`,
        [options.lockName, settings.staleAfterMilliseconds],
      );
    }
    const inserted = await connection.query(
      `INSERT INTO ${PGWIRE_LOCK_TABLE} (name, holder) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`,
      [options.lockName, holder],
    );
    if (inserted.rowCount === 1) break;
    if (!waiting) {
      waiting = true;
      const current = await lockHolder(connection, options.lockName);
      options.onWait?.({
        lock: `row '${options.lockName}' of ${PGWIRE_LOCK_TABLE}`,
        ...(current === undefined ? {} : { holder: current }),
      });
    }
    if (deadline !== undefined && Date.now() >= deadline) {
      throw new DatabaseError(
        'ALEMBIC_DATABASE_LOCKED',
        `Timed out waiting for the migration lock '${options.lockName}' (a row in ${PGWIRE_LOCK_TABLE}); another run holds it`,
      );
    }
    await sleep(settings.pollMilliseconds ?? 50);
  }
  return idempotentRelease(() =>
    connection.query(`DELETE FROM ${PGWIRE_LOCK_TABLE} WHERE name = $1 AND holder = $2`, [options.lockName, holder]),
  );
}

import { maskPassword } from '../config/database-url.js';
import { AlembicError } from './alembic-error.js';

/** What is known about a migration that failed. */
export interface MigrationFailure {
  /** `upgrade aaa1 -> bbb2`. */
  readonly step: string;
  readonly revision: string;
  /** The script, as shown to the user. */
  readonly path: string;
  /** The line of the script its code threw at (from the error's stack trace), when known. */
  readonly line?: number;
  /** The last SQL statement sent, if the failure came from the database. */
  readonly statement: string | undefined;
  /** The error the script or the database raised. */
  readonly cause: unknown;
}

function describeCause(cause: unknown): string {
  if (cause instanceof Error) return cause.message.split('\n')[0] ?? cause.name;
  return String(cause);
}

/**
 * A migration's `upgrade()` / `downgrade()` threw, or its SQL failed. The message names the
 * step, the file, the failing statement and the database's message, on one line.
 */
export class MigrationFailedError extends AlembicError {
  constructor(readonly failure: MigrationFailure) {
    const statement = failure.statement === undefined ? '' : ` while running "${oneLine(failure.statement)}"`;
    super(
      'ALEMBIC_MIGRATION_FAILED',
      maskPassword(
        `${failure.step} (${failure.path}${failure.line === undefined ? '' : `:${failure.line}`}) failed${statement}: ${describeCause(failure.cause)}`,
      ),
      { cause: failure.cause },
    );
  }
}

function oneLine(sql: string): string {
  const flat = sql.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 197)}...` : flat;
}

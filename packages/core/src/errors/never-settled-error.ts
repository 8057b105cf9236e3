import { AlembicError } from './alembic-error.js';

/**
 * The command's work stopped for good: a migration's `upgrade()` / `downgrade()` or `env.ts`
 * awaited a promise that nothing was left to settle (no timer, socket or file operation
 * pending), so Node was about to exit in the middle of it. The message names the migration (or
 * `env.ts`) and says what was done about the open transaction.
 */
export class NeverSettledError extends AlembicError {
  constructor(
    /** What never finished: `upgrade aaa1 -> bbb2 (migrations/versions/bbb2_add.ts)`, or the env.ts file. */
    readonly work: string,
    message: string,
  ) {
    super('ALEMBIC_NEVER_SETTLED', message);
  }
}

import { AlembicError } from './alembic-error.js';

/** A post-write hook is misconfigured, could not be started, or failed on the new script. */
export class PostWriteHookError extends AlembicError {
  constructor(
    /** The hook's `name`. */
    readonly hookName: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super('ALEMBIC_POST_WRITE_HOOK', message, options);
  }
}

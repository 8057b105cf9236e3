import { AlembicError } from './alembic-error.js';

/** A migration script whose identity (`revision`, `downRevision`, ...) cannot be read statically. */
export class ScriptFileError extends AlembicError {
  constructor(
    /** The script, as the caller named it. */
    readonly filePath: string,
    /** 1-based line of the offending declaration, when there is one. */
    readonly line: number | undefined,
    message: string,
  ) {
    super('ALEMBIC_BAD_SCRIPT_FILE', message);
  }
}

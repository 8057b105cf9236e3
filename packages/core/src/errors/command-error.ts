import { AlembicError } from './alembic-error.js';

/**
 * A command cannot go on: the CLI prints `FAILED: <message>` and exits with status 1.
 * Other typed errors are turned into this one by the command that meets them.
 */
export class CommandError extends AlembicError {
  constructor(message: string, options?: { code?: string; cause?: unknown }) {
    super(options?.code ?? 'ALEMBIC_COMMAND', message, options);
  }
}

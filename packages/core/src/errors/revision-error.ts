import { AlembicError } from './alembic-error.js';

/**
 * A problem with the revision graph or with a revision identifier: the base class of the graph's
 * errors. Its message is what the CLI prints after `FAILED:` unless a subclass says otherwise.
 */
export class RevisionError extends AlembicError {
  constructor(message: string, options?: { code?: string; cause?: unknown }) {
    super(options?.code ?? 'ALEMBIC_REVISION', message, options);
  }
}

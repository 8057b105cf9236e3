import { RevisionError } from './revision-error.js';

/**
 * An identifier names no revision or branch, or a partial id matches several revisions
 * (then `candidates` lists them).
 */
export class ResolutionError extends RevisionError {
  constructor(
    message: string,
    /** The identifier that could not be resolved. */
    readonly argument: string,
    /** For an ambiguous partial id: the revisions it could mean. Empty otherwise. */
    readonly candidates: readonly string[] = [],
  ) {
    super(message, { code: candidates.length > 0 ? 'ALEMBIC_AMBIGUOUS_REVISION' : 'ALEMBIC_NO_SUCH_REVISION' });
  }
}

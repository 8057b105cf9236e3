import { RevisionError } from './revision-error.js';

/** A revision names, as `downRevision` or in `dependsOn`, a revision that does not exist. */
export class MissingRevisionError extends RevisionError {
  constructor(
    /** The id that names nothing. */
    readonly missing: string,
    /** The revision that refers to it. */
    readonly referencedFrom: string,
  ) {
    super(`Revision ${missing} referenced from ${referencedFrom} is not present`, { code: 'ALEMBIC_MISSING_REVISION' });
  }
}

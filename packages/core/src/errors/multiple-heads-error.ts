import { RevisionError } from './revision-error.js';

/** `head` (or `label@head`) was asked for while more than one head matches it. */
export class MultipleHeadsError extends RevisionError {
  constructor(
    /** The heads that matched. */
    readonly heads: readonly string[],
    /** The identifier that was being resolved, e.g. `head` or `mybranch@head`. */
    readonly argument: string,
  ) {
    super(`Multiple heads are present for given argument '${argument}'; ${heads.join(', ')}`, {
      code: 'ALEMBIC_MULTIPLE_HEADS',
    });
  }
}

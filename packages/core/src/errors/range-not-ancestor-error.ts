import { RevisionError } from './revision-error.js';

/**
 * The lower end of a requested range is not an ancestor of its upper end, so no path of
 * upgrades or downgrades joins them.
 */
export class RangeNotAncestorError extends RevisionError {
  constructor(
    /** The lower end as given (a revision id, a list of them, or `null` for base). */
    readonly lower: string | readonly string[] | null,
    /** The upper end as given. */
    readonly upper: string | readonly string[] | null,
  ) {
    super(`Revision ${describeEnd(lower)} is not an ancestor of revision ${describeEnd(upper)}`, {
      code: 'ALEMBIC_RANGE_NOT_ANCESTOR',
    });
  }
}

/** Renders one end of a range the way Alembic prints it (`base` for none). */
export function describeEnd(end: string | readonly string[] | null): string {
  if (end === null || (Array.isArray(end) && end.length === 0) || end === '') return 'base';
  return typeof end === 'string' ? end : end.join(', ');
}

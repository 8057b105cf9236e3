import { CommandError } from '../errors/command-error.js';
import { MultipleHeadsError } from '../errors/multiple-heads-error.js';
import { describeEnd, RangeNotAncestorError } from '../errors/range-not-ancestor-error.js';
import { ResolutionError } from '../errors/resolution-error.js';
import { RevisionError } from '../errors/revision-error.js';

/** Messages a command gives instead of the defaults, with Alembic's `%(name)s` placeholders. */
export interface RevisionErrorMessages {
  /** For `RangeNotAncestorError`; `%(start)s` and `%(end)s` are filled in. */
  readonly ancestor?: string;
  /** For `MultipleHeadsError`; `%(head_arg)s` and `%(heads)s` are filled in. */
  readonly multipleHeads?: string;
  /** The range's start and end as the user gave them. */
  readonly start?: string | null;
  readonly end?: string | null;
}

const DEFAULT_ANCESTOR =
  'Requested range %(start)s:%(end)s does not refer to ancestor/descendant revisions along the same branch';
const DEFAULT_MULTIPLE_HEADS =
  "Multiple head revisions are present for given argument '%(head_arg)s'; please specify a specific " +
  "target revision, '<branchname>@%(head_arg)s' to narrow to a specific head, or 'heads' for all heads";

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/%\((\w+)\)s/g, (_match, key: string) => values[key] ?? '');
}

/**
 * Turns a revision graph error into the `CommandError` the CLI prints, with Alembic's wording:
 * an unknown id becomes `Can't locate revision identified by 'x'` (an ambiguous prefix also
 * lists its candidates), several heads for `head` suggest `label@head` or `heads`, and so on.
 * Other errors are returned unchanged.
 */
export function toCommandError(error: unknown, messages: RevisionErrorMessages = {}): unknown {
  if (error instanceof RangeNotAncestorError) {
    const start = messages.start ?? describeEnd(error.lower);
    const end = messages.end ?? describeEnd(error.upper);
    return new CommandError(fill(messages.ancestor ?? DEFAULT_ANCESTOR, { start, end }), {
      code: error.code,
      cause: error,
    });
  }
  if (error instanceof MultipleHeadsError) {
    const headArgument = messages.end ?? error.argument;
    return new CommandError(
      fill(messages.multipleHeads ?? DEFAULT_MULTIPLE_HEADS, { head_arg: headArgument, heads: error.heads.join(', ') }),
      { code: error.code, cause: error },
    );
  }
  if (error instanceof ResolutionError) {
    let message = `Can't locate revision identified by '${error.argument}'`;
    if (error.candidates.length > 0) {
      const shown = error.candidates.slice(0, 10).map((candidate) => `'${candidate}'`);
      if (error.candidates.length > 10) shown.push('...');
      message += `; multiple revisions start with '${error.argument}': ${shown.join(', ')}`;
    }
    return new CommandError(message, { code: error.code, cause: error });
  }
  if (error instanceof RevisionError) return new CommandError(error.message, { code: error.code, cause: error });
  return error;
}

/** Runs `work`, translating revision graph errors with {@link toCommandError}. */
export function catchRevisionErrors<T>(work: () => T, messages: RevisionErrorMessages = {}): T {
  try {
    return work();
  } catch (error) {
    throw toCommandError(error, messages);
  }
}

import { RevisionError } from '../errors/revision-error.js';
import { assertValidRevisionId } from './revision.js';

/**
 * Words that identifiers use as symbols (`upgrade head`, `history -r base:current`): a revision
 * or a branch label spelled like one could never be named.
 */
export const RESERVED_IDENTIFIER_WORDS: readonly string[] = Object.freeze(['head', 'heads', 'base', 'current']);

/** The version table's default `version_num` width (`VARCHAR(32)`), Alembic's. */
export const DEFAULT_VERSION_NUM_WIDTH = 32;

/** The rule new revision ids and branch labels follow, as the CLI help and the errors state it. */
export const NEW_IDENTIFIER_RULE = "ASCII letters, digits, '_' and '.' (not first)";

const ALLOWED_CHARACTER = /[A-Za-z0-9_.]/;
/** Characters Alembic gives a meaning in identifiers: `label@rev`, `+2`, `-1`, `start:end`. */
const SYNTAX_CHARACTERS = new Set(['@', '+', '-', ':']);

/**
 * Checks the id of a revision about to be written (`revision --rev-id`, `merge --rev-id`, a
 * `processRevisionDirectives` hook), which also names its file: ASCII letters, digits, `_` and
 * `.`, not starting with `.`, not one of {@link RESERVED_IDENTIFIER_WORDS}, at most
 * `maximumLength` characters (the version table's column width). So no path separator, no
 * whitespace, none of the characters identifiers give a meaning (`@ + - :`), no `,` (listings
 * join ids with `, `).
 *
 * Scripts already on disk are only held to Alembic's own rule (see `assertValidRevisionId`), so
 * that a project written with Python Alembic still loads.
 *
 * ```ts
 * assertValidNewRevisionId('ae1027a6acf'); // ok
 * assertValidNewRevisionId('../escape'); // throws: Invalid revision id '../escape': it starts with '.' and contains '/'; ...
 * ```
 *
 * @throws RevisionError `ALEMBIC_ILLEGAL_REVISION_ID`, one line; with Alembic's wording when the
 *   only fault is one of `@ + - :`.
 */
export function assertValidNewRevisionId(revisionId: string, maximumLength: number = DEFAULT_VERSION_NUM_WIDTH): void {
  const faults = faultsOf(revisionId);
  const length = Array.from(revisionId).length;
  if (length > maximumLength) {
    faults.push(
      `it is ${length} characters long, longer than the version table's column (versionNumWidth: ${maximumLength})`,
    );
  }
  if (faults.length === 0) return;
  // The one fault Alembic itself reports: keep its words.
  if (onlySyntaxCharacters(revisionId) && length <= maximumLength) assertValidRevisionId(revisionId);
  throw new RevisionError(
    `Invalid revision id ${displayValue(revisionId)}: ${faults.join(', and ')}; ` +
      `revision ids use ${NEW_IDENTIFIER_RULE}, at most ${maximumLength} characters`,
    { code: 'ALEMBIC_ILLEGAL_REVISION_ID' },
  );
}

/**
 * Checks a branch label about to be written (`--branch-label`): the same characters as a new
 * revision id ({@link NEW_IDENTIFIER_RULE}), not one of {@link RESERVED_IDENTIFIER_WORDS}. That
 * it is not already an id or a label is for the caller, which knows the graph.
 *
 * @throws RevisionError `ALEMBIC_ILLEGAL_BRANCH_LABEL`, one line.
 */
export function assertValidNewBranchLabel(label: string): void {
  const faults = faultsOf(label);
  if (faults.length === 0) return;
  throw new RevisionError(
    `Invalid branch label ${displayValue(label)}: ${faults.join(', and ')}; branch labels use ${NEW_IDENTIFIER_RULE}`,
    { code: 'ALEMBIC_ILLEGAL_BRANCH_LABEL' },
  );
}

/** What is wrong with a new identifier, as phrases (`it starts with '.'`); empty when nothing. */
function faultsOf(value: string): string[] {
  if (value === '') return ['it is empty'];
  const faults: string[] = [];
  if (value.startsWith('.')) faults.push("it starts with '.'");
  const refused = [...new Set(Array.from(value).filter((character) => !ALLOWED_CHARACTER.test(character)))];
  if (refused.length > 0) {
    faults.push(`it contains ${refused.map((character) => displayValue(character)).join(', ')}`);
  }
  if (RESERVED_IDENTIFIER_WORDS.includes(value)) {
    faults.push(`it is a reserved word (${RESERVED_IDENTIFIER_WORDS.join(', ')})`);
  }
  return faults;
}

function onlySyntaxCharacters(value: string): boolean {
  return (
    value !== '' &&
    !value.startsWith('.') &&
    !RESERVED_IDENTIFIER_WORDS.includes(value) &&
    Array.from(value).every((character) => ALLOWED_CHARACTER.test(character) || SYNTAX_CHARACTERS.has(character))
  );
}

const LONGEST_DISPLAY = 80;
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/**
 * A value quoted for a one-line message: control characters and line terminators written as
 * escapes (`'a\nb'`, `'\u0000'`), cut after 80 characters.
 *
 * @internal
 */
export function displayValue(value: string): string {
  const characters = Array.from(value);
  const shown = characters.length > LONGEST_DISPLAY ? `${characters.slice(0, LONGEST_DISPLAY - 3).join('')}...` : value;
  return `'${shown.replace(UNPRINTABLE, escapeUnprintable)}'`;
}

function escapeUnprintable(character: string): string {
  if (character === '\n') return '\\n';
  if (character === '\r') return '\\r';
  if (character === '\t') return '\\t';
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

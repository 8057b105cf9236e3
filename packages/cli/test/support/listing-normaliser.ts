/**
 * Normalisation of listing output (heads, history, branches, show) before comparing our CLI
 * with Python Alembic. Only three things are normalised, everything else is compared as is:
 *
 * 1. `Path: ...` lines are dropped (the files differ: `.py` vs `.ts`, different directories).
 * 2. `Create Date: ...` values are replaced by `<date>`.
 * 3. Orders that Alembic takes from Python set iteration are sorted: the branch-label list after
 *    a revision id (`ddd4 (xbranch, other) (head)`), `Branch names:` and `Branches into:` lists,
 *    and each run of `     -> child` lines under a branch point (`branches`). Alembic prints
 *    these in an order that changes with `PYTHONHASHSEED`.
 */

/** Annotations that follow a revision id and are not a branch-label list. */
const annotationWords = new Set(['head', 'effective head', 'branchpoint', 'mergepoint', 'current']);

/** Prefix of a child line under a branch point in `branches` output. */
const branchChildPrefix = '     -> ';

/** Sorts a comma-separated list. */
function sortCommaList(list: string): string {
  return list.split(', ').sort().join(', ');
}

/**
 * Sorts the label list that directly follows the revision id in a one-line revision entry
 * (`<down> -> <rev> (labels) ...`, `<rev> (labels) (head)`, `     -> <rev> (labels) ...`).
 * A parenthesised list before the arrow is the dependency list and is left alone.
 */
function sortLabelsAfterRevision(line: string): string {
  let prefix = '';
  let rest = line;
  if (line.startsWith(branchChildPrefix)) {
    prefix = branchChildPrefix;
    rest = line.slice(branchChildPrefix.length);
  } else if (line.startsWith(' ')) {
    return line; // docstring text of a verbose entry
  } else {
    const arrow = line.indexOf(' -> ');
    if (arrow !== -1) {
      prefix = line.slice(0, arrow + 4);
      rest = line.slice(arrow + 4);
    }
  }
  const match = /^(\S+) \(([^()]*)\)(.*)$/s.exec(rest);
  if (match === null) {
    return line;
  }
  const [, revision, group, tail] = match as unknown as [string, string, string, string];
  if (annotationWords.has(group)) {
    return line;
  }
  return `${prefix}${revision} (${sortCommaList(group)})${tail}`;
}

/** Applies the normalisation described in this module's comment to one output. */
export function normaliseListing(output: string): string[] {
  const lines = output.split('\n');
  const normalised: string[] = [];
  for (const line of lines) {
    if (line.startsWith('Path: ')) {
      continue;
    }
    const dateMatch = /^(\s*)Create Date:.*$/.exec(line);
    if (dateMatch !== null) {
      normalised.push(`${dateMatch[1] ?? ''}Create Date: <date>`);
      continue;
    }
    const listMatch = /^(Branch names|Branches into): (.*)$/.exec(line);
    if (listMatch !== null) {
      normalised.push(`${listMatch[1] ?? ''}: ${sortCommaList(listMatch[2] ?? '')}`);
      continue;
    }
    normalised.push(sortLabelsAfterRevision(line));
  }
  // Sort each run of consecutive branch-child lines.
  const result: string[] = [];
  let run: string[] = [];
  const flush = (): void => {
    result.push(...run.sort());
    run = [];
  };
  for (const line of normalised) {
    if (line.startsWith(branchChildPrefix)) {
      run.push(line);
    } else {
      flush();
      result.push(line);
    }
  }
  flush();
  return result;
}

/**
 * The message of a failed command. Python Alembic prints `FAILED: <message>` to stdout (exit
 * 255), or, for errors it does not catch, a traceback ending in `alembic.x.SomeError: <message>`
 * (exit 1); a traceback ending in anything else (`AssertionError`, `KeyError: 'x'`) is a crash.
 * Our CLI prints `FAILED: <message>` to stderr (exit 1).
 */
export interface FailureMessage {
  /** The message text (for a crash, the last line of the traceback), `null` when it did not fail. */
  readonly message: string | null;
  /** How it failed: a handled `FAILED:` line, an uncaught Alembic error, a crash, or not at all. */
  readonly kind: 'failed-line' | 'traceback' | 'crash' | 'none' | 'other';
}

/** Extracts the failure message from a Python Alembic run. */
export function pythonFailure(result: { status: number | null; stdout: string; stderr: string }): FailureMessage {
  if (result.status === 0) {
    return { message: null, kind: 'none' };
  }
  const failedLine = result.stdout.split('\n').find((line) => line.startsWith('FAILED: '));
  if (failedLine !== undefined) {
    return { message: canonicalFailure(failedLine.slice('FAILED: '.length)), kind: 'failed-line' };
  }
  if (result.stderr.includes('Traceback (most recent call last):')) {
    const stderrLines = result.stderr.trimEnd().split('\n');
    const lastLine = stderrLines[stderrLines.length - 1] ?? '';
    const alembicError = /^alembic\.[\w.]+: (.*)$/.exec(lastLine);
    if (alembicError !== null) {
      return { message: alembicError[1] ?? '', kind: 'traceback' };
    }
    return { message: lastLine, kind: 'crash' };
  }
  return { message: `${result.stdout}${result.stderr}`, kind: 'other' };
}

/** Extracts the failure message from a run of our CLI (`FAILED:` on stderr). */
export function ourFailure(result: { status: number | null; stdout: string; stderr: string }): FailureMessage {
  if (result.status === 0) {
    return { message: null, kind: 'none' };
  }
  const failedLine = result.stderr.split('\n').find((line) => line.startsWith('FAILED: '));
  if (failedLine !== undefined) {
    return { message: canonicalFailure(failedLine.slice('FAILED: '.length)), kind: 'failed-line' };
  }
  return { message: `${result.stdout}${result.stderr}`, kind: 'other' };
}

const BRANCH_NAME_CLASH = /^Branch name '([^']*)' in revision (\S+) already used by revision (\S+)$/;

/**
 * A failure message with the orders Alembic takes from Python set iteration made canonical:
 * which of two revisions sharing a branch label Alembic meets first depends on PYTHONHASHSEED,
 * so the two are named in sorted order (unless the label is one of their ids).
 */
function canonicalFailure(message: string): string {
  const clash = BRANCH_NAME_CLASH.exec(message);
  // A label equal to a revision id is a clash with that revision itself: no order to choose.
  if (clash === null || clash[1] === clash[2] || clash[1] === clash[3]) return message;
  const [first, second] = [clash[2] as string, clash[3] as string].sort();
  return `Branch name '${clash[1] ?? ''}' in revision ${first} already used by revision ${second}`;
}

/**
 * Splits normalised listing lines into entries, for comparing outputs whose entry order is
 * not defined: verbose output splits before each `Rev: ` line; other output before each line
 * that is not indented (so a branch point keeps its `     -> child` lines).
 */
export function listingEntries(lines: readonly string[]): string[] {
  const verbose = lines.some((line) => line.startsWith('Rev: '));
  const startsEntry = (line: string): boolean =>
    verbose ? line.startsWith('Rev: ') : line !== '' && !line.startsWith(' ');
  const entries: string[][] = [];
  for (const line of lines) {
    if (entries.length === 0 || startsEntry(line)) {
      entries.push([line]);
    } else {
      entries[entries.length - 1]?.push(line);
    }
  }
  return entries.map((entry) => entry.join('\n')).sort();
}

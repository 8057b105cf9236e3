import type { Script } from './script.js';

/** What a one-line listing of a script shows. */
export interface ScriptLineOptions {
  /** Show `(label, ...)` after the id. */
  readonly includeBranches?: boolean;
  /** Append `, <message>`. */
  readonly includeDoc?: boolean;
  /** Prefix `<parents> -> `. */
  readonly includeParents?: boolean;
  /** Show `(head)`, `(effective head)`, `(current)`, `(branchpoint)`, `(mergepoint)`. */
  readonly treeIndicators?: boolean;
  /** Show `(head)`, `(effective head)`, `(current)` only. */
  readonly headIndicators?: boolean;
}

function commaList(values: Iterable<string> | string | null): string {
  if (values === null) return '';
  return typeof values === 'string' ? values : [...values].join(', ');
}

/** `<base>`, the parent id, or `a, b` for a merge point. */
export function formatDownRevision(script: Script): string {
  return script.downRevision === null ? '<base>' : commaList(script.versionedDownRevisions);
}

/**
 * One line describing a script, in Alembic's exact format, e.g.
 * `aaa1 -> bbb2 (head), add column` or `ddd4 (xbranch) (head)`.
 */
export function formatScriptLine(script: Script, options: ScriptLineOptions = {}): string {
  const { includeBranches = false, includeDoc = false, includeParents = false } = options;
  const treeIndicators = options.treeIndicators ?? true;
  const headIndicators = options.headIndicators ?? true;
  let text = script.revision;
  if (includeParents) {
    text =
      script.dependencies === null
        ? `${formatDownRevision(script)} -> ${text}`
        : `${formatDownRevision(script)} (${commaList(script.dependencies)}) -> ${text}`;
  }
  if (includeBranches && script.branchLabels.size > 0) text += ` (${commaList(script.branchLabels)})`;
  if (headIndicators || treeIndicators) {
    if (script.isRealHead) text += ' (head)';
    if (script.isHead && !script.isRealHead) text += ' (effective head)';
    if (script.isCurrent) text += ' (current)';
  }
  if (treeIndicators) {
    if (script.isBranchPoint) text += ' (branchpoint)';
    if (script.isMergePoint) text += ' (mergepoint)';
  }
  if (includeDoc) text += `, ${script.doc}`;
  return text;
}

/**
 * The verbose, multi-line description of a script (`show`, `-v` listings), ending with a
 * newline as Alembic's `log_entry` does:
 *
 * ```text
 * Rev: bbb2 (branchpoint)
 * Parent: aaa1
 * Branches into: ccc3, ddd4
 * Path: /project/migrations/versions/bbb2_add_a_column.ts
 *
 *     add a column
 *
 *     Revision ID: bbb2
 * ```
 */
export function formatLogEntry(script: Script): string {
  let entry = `Rev: ${script.revision}`;
  if (script.isHead) entry += ' (head)';
  if (script.isBranchPoint) entry += ' (branchpoint)';
  if (script.isMergePoint) entry += ' (mergepoint)';
  if (script.isCurrent) entry += ' (current)';
  entry += '\n';
  entry += script.isMergePoint ? `Merges: ${formatDownRevision(script)}\n` : `Parent: ${formatDownRevision(script)}\n`;
  if (script.dependencies !== null) entry += `Also depends on: ${commaList(script.dependencies)}\n`;
  if (script.isBranchPoint) entry += `Branches into: ${commaList(script.nextRevisions)}\n`;
  if (script.branchLabels.size > 0) entry += `Branch names: ${commaList(script.branchLabels)}\n`;
  entry += `Path: ${script.path}\n`;
  const body = script.longDoc
    .split(/\r?\n/)
    .map((line) => `    ${line}`)
    .join('\n');
  entry += `\n${script.longDoc === '' ? '' : body}\n`;
  return entry;
}

/** Alembic's `cmd_format`: the verbose entry, or one line. */
export function formatScript(script: Script, verbose: boolean, options: ScriptLineOptions = {}): string {
  return verbose ? formatLogEntry(script) : formatScriptLine(script, options);
}

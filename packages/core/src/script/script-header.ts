import { unescapeDocComment } from './escape-template-value.js';
import { HeaderScanner } from './header-scanner.js';
import type { HeaderValue } from './header-scanner.js';
import { ASTERISK, BYTE_ORDER_MARK, SEMICOLON, isLineTerminator, isWhitespace } from './javascript-lexical.js';

/**
 * The identity of a migration script, read from its source without executing it.
 *
 * Values are as written in the file, except that `branchLabels` and `dependsOn` are normalized
 * to arrays (a single string becomes a one-element array).
 */
export interface ScriptHeader {
  /** The `revision` export; `undefined` when the file has none (see {@link revisionIdFromFileName}). */
  readonly revision: string | undefined;
  /**
   * The `downRevision` export: `null` for a base revision, an array for a merge point.
   * `undefined` when the file has none or declares it `undefined`; the caller decides.
   */
  readonly downRevision: string | readonly string[] | null | undefined;
  /** The `branchLabels` export; empty when missing or `null`. */
  readonly branchLabels: readonly string[];
  /** The `dependsOn` export; `null` when missing or `null`. */
  readonly dependsOn: readonly string[] | null;
  /** The leading block comment, without its `*` margins, trimmed (Alembic's `longdoc`). */
  readonly longDoc: string;
  /** The first paragraph of {@link ScriptHeader.longDoc} (Alembic's `doc`, shown by `history`). */
  readonly doc: string;
}

/**
 * Reads a migration script's identity statically: the `revision`, `downRevision`, `branchLabels`
 * and `dependsOn` exports and the leading doc comment. Listing commands run this on every script,
 * so it is one linear pass over the source that skips comments, strings, template literals and
 * regular expressions, and only looks at top-level declarations.
 *
 * Recognized declarations (also under the names `down_revision`, `branch_labels`, `depends_on`):
 *
 * ```ts
 * export const revision = 'ae1027a6acf';
 * export const downRevision: string | string[] | null = ['1975ea83b712', "27c6a30d7c24"] as const;
 * exports.branchLabels = null;            // CommonJS, also `module.exports.dependsOn = ...`
 * exports.dependsOn = exports.branchLabels = void 0; // chained assignments, as tsc emits
 * ```
 *
 * Values must be literals: a quoted string (a backtick string without `${`), an array of such
 * strings, `null`, `undefined` or `void 0`. When a file assigns a name twice, the last assignment
 * wins (CommonJS output first assigns `void 0`, then the value).
 *
 * The doc comment is the first block comment before any code (a BOM, a `#!` line, line comments
 * and a `'use strict'` directive may precede it), with each line's ` * ` margin removed and each
 * `*` + backslashes + `/` given one backslash less (script templates escape a message's comment
 * terminators that way).
 *
 * @param source The file's text.
 * @param filePath Used in error messages only.
 * @throws ScriptFileError (`ALEMBIC_BAD_SCRIPT_FILE`) when one of these names is given a value that
 * is not such a literal, naming the file and the line.
 */
export function readScriptHeader(source: string, filePath: string): ScriptHeader {
  const scanner = new HeaderScanner(source, filePath);
  scanner.scan();
  const { found } = scanner;
  const longDoc = readLongDoc(source);
  return {
    revision: found.revision as string | undefined,
    downRevision: found.downRevision,
    branchLabels: toArray(found.branchLabels) ?? [],
    dependsOn: toArray(found.dependsOn),
    longDoc,
    doc: longDoc.split('\n\n', 1)[0] as string,
  };
}

/**
 * The legacy revision id taken from a file name (Alembic 0.1 naming): the leading run of
 * lower-case hex digits, when followed by `_` or the extension's dot. Accepts a bare file name or
 * a path (only the last segment is looked at).
 *
 * ```ts
 * revisionIdFromFileName('ae1027a6acf_add_account.ts'); // 'ae1027a6acf'
 * revisionIdFromFileName('1975ea83b712.js'); // '1975ea83b712'
 * revisionIdFromFileName('create_account.ts'); // undefined
 * ```
 */
export function revisionIdFromFileName(fileName: string): string | undefined {
  const baseName = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  return LEGACY_FILE_NAME.exec(baseName)?.[1];
}

const LEGACY_FILE_NAME = /^([a-f0-9]+)(?:_|\.)/;

function toArray(value: HeaderValue): readonly string[] | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? [value] : value;
}

function readLongDoc(source: string): string {
  let position = source.charCodeAt(0) === BYTE_ORDER_MARK ? 1 : 0;
  while (position < source.length) {
    const code = source.charCodeAt(position);
    if (isWhitespace(code) || code === SEMICOLON) {
      position += 1;
    } else if (source.startsWith('//', position) || (position <= 1 && source.startsWith('#!', position))) {
      while (position < source.length && !isLineTerminator(source.charCodeAt(position))) position += 1;
    } else if (source.startsWith("'use strict'", position) || source.startsWith('"use strict"', position)) {
      position += 12;
    } else if (source.startsWith('/*', position)) {
      const end = source.indexOf('*/', position + 2);
      return end === -1 ? '' : cleanDocComment(unescapeDocComment(source.slice(position + 2, end)));
    } else {
      return '';
    }
  }
  return '';
}

const LINE_BREAK = /\r\n|\r|\n/;
const LEADING_MARGIN = /^[ \t]*(?:\* ?)?/;

function cleanDocComment(body: string): string {
  let start = 0;
  while (body.charCodeAt(start) === ASTERISK) start += 1;
  let end = body.length;
  while (end > start && body.charCodeAt(end - 1) === ASTERISK) end -= 1;
  return body
    .slice(start, end)
    .split(LINE_BREAK)
    .map((line) => line.replace(LEADING_MARGIN, ''))
    .join('\n')
    .trim();
}

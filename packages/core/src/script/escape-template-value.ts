import type { TemplateContext } from './template-context.js';

/** Line breaks as the doc comment reader splits lines: CRLF, CR, LF. */
const LINE_BREAK = /\r\n|\r|\n/;
/** Every JavaScript line terminator (a line comment ends at any of them). */
const LINE_TERMINATOR = /\r\n|[\r\n\u2028\u2029]/;
/** A comment terminator, escaped or not: `*`, any backslashes, `/`. */
const COMMENT_TERMINATOR = /\*(\\*)\//g;
/** An escaped comment terminator: `*`, at least one backslash, `/`. */
const ESCAPED_COMMENT_TERMINATOR = /\*\\(\\*)\//g;

/**
 * Writes a placeholder's display text so that the generated source keeps the lexical context
 * the template gave it (see `template-context.ts`), whatever the text holds:
 *
 * - in a block comment, `*` + backslashes + `/` gets one backslash more (`*\/` for a `*\/`
 *   terminator), undone by {@link unescapeDocComment} when the doc is read back, and each line
 *   break starts a new line with the comment's margin (` * `), so the reader's margin removal
 *   gives the text back;
 * - in a line comment, each line terminator starts a new `// ` line;
 * - in a quoted string or a template literal, the characters that would end or change it are
 *   written as escapes;
 * - in code, nothing changes (`${upgrades}` is code).
 *
 * Text without any of these characters (an ordinary message) is written as is.
 *
 * @param before the template character just before the placeholder (a `*` there and a `/` at
 *   the start of the text would close a comment)
 * @param after the template text just after the placeholder, up to its first character that is
 *   not a backslash
 * @internal
 */
export function escapeTemplateValue(text: string, context: TemplateContext, before: string, after: string): string {
  switch (context.kind) {
    case 'code':
      return text;
    case 'block-comment':
      return escapeForBlockComment(text, context.margin, before, after);
    case 'line-comment':
      return text.split(LINE_TERMINATOR).join(`\n${context.margin}`);
    case 'string':
      return escapeStringText(text, context.quote);
    case 'template-literal':
      return text.replace(/[\\`\r]|\$\{/g, (match) => (match === '\r' ? '\\r' : `\\${match}`));
  }
}

function escapeForBlockComment(text: string, margin: string, before: string, after: string): string {
  const lines = text.split(LINE_BREAK);
  const last = lines.length - 1;
  return lines
    .map((line, index) => {
      const lineBefore = index === 0 ? before : ' ';
      const lineAfter = index === last ? after : '';
      const joined = `${lineBefore}${line}${lineAfter}`.replace(COMMENT_TERMINATOR, '*\\$1/');
      const escaped = joined.slice(lineBefore.length, joined.length - lineAfter.length);
      return index === 0 ? escaped : `${escaped === '' ? margin.trimEnd() : margin}${escaped}`;
    })
    .join('\n');
}

/**
 * Undoes the comment-terminator escaping of {@link escapeTemplateValue} in the body of a doc
 * comment: `*` + one or more backslashes + `/` loses one backslash.
 *
 * @internal
 */
export function unescapeDocComment(body: string): string {
  return body.includes('*\\') ? body.replace(ESCAPED_COMMENT_TERMINATOR, '*$1/') : body;
}

const NEEDS_STRING_ESCAPE = /[\\'"\u0000-\u001f\u2028\u2029]/g;

/**
 * The body of a string literal quoted with `quote` that reads back as `text`: backslashes, the
 * quote, control characters and line terminators written as escapes (`\\`, `\'`, `\n`, `\u2028`).
 *
 * @internal
 */
export function escapeStringText(text: string, quote: "'" | '"'): string {
  return text.replace(NEEDS_STRING_ESCAPE, (character) => {
    switch (character) {
      case '\\':
        return '\\\\';
      case "'":
      case '"':
        return character === quote ? `\\${character}` : character;
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      default:
        return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
    }
  });
}

import {
  BACKSLASH,
  BACKTICK,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  CLOSE_PAREN,
  DOLLAR,
  DOUBLE_QUOTE,
  OPEN_BRACE,
  OPEN_BRACKET,
  OPEN_PAREN,
  SINGLE_QUOTE,
  SLASH,
  ASTERISK,
  blockCommentEnd,
  isIdentifierPart,
  isLineTerminator,
  isWhitespace,
  lineEnd,
  regexEnd,
  stringEnd,
  KEYWORDS_BEFORE_EXPRESSION,
} from './javascript-lexical.js';

/**
 * Where a placeholder of a script template stands in the generated source, which decides how
 * its value is written there (see `escape-template-value.ts`):
 *
 * - `code`: as is (`${upgrades}`, `${imports}`);
 * - `block-comment`: inside a `/* ... *\/` comment; `margin` starts each continuation line
 *   (` * ` for the header comment);
 * - `line-comment`: after `//`; `margin` (`// ` at the line's indentation) starts each
 *   continuation line;
 * - `string`: inside a `'...'` or `"..."` literal;
 * - `template-literal`: inside the text of a backtick literal.
 *
 * @internal
 */
export type TemplateContext =
  | { readonly kind: 'code' }
  | { readonly kind: 'block-comment'; readonly margin: string }
  | { readonly kind: 'line-comment'; readonly margin: string }
  | { readonly kind: 'string'; readonly quote: "'" | '"' }
  | { readonly kind: 'template-literal' };

const CODE: TemplateContext = Object.freeze({ kind: 'code' });
const TEMPLATE_LITERAL: TemplateContext = Object.freeze({ kind: 'template-literal' });

/**
 * The context of each of `positions` (ascending offsets) in `source`, the template with every
 * placeholder replaced by a one-character stand-in. One pass that knows comments, strings,
 * template literals (with nested substitutions) and regular expressions (told from divisions
 * by the token before), as the header scanner does.
 *
 * @internal
 */
export function templateContexts(source: string, positions: readonly number[]): TemplateContext[] {
  const contexts: TemplateContext[] = positions.map(() => CODE);
  let next = 0;
  /** Gives `context` to the positions in `[start, end)`. */
  const mark = (start: number, end: number, context: (position: number) => TemplateContext): void => {
    while (next < positions.length && (positions[next] as number) < start) next += 1;
    while (next < positions.length && (positions[next] as number) < end) {
      contexts[next] = context(positions[next] as number);
      next += 1;
    }
  };
  const templateDepths: number[] = [];
  let depth = 0;
  let regexAllowed = true;
  /** Scans template-literal text from `start`; returns after its backtick or its `${`. */
  const templateText = (start: number): number => {
    let cursor = start;
    while (cursor < source.length) {
      const code = source.charCodeAt(cursor);
      if (code === BACKSLASH) {
        cursor += 2;
      } else if (code === BACKTICK) {
        mark(start, cursor, () => TEMPLATE_LITERAL);
        return cursor + 1;
      } else if (code === DOLLAR && source.charCodeAt(cursor + 1) === OPEN_BRACE) {
        mark(start, cursor, () => TEMPLATE_LITERAL);
        templateDepths.push(depth);
        depth += 1;
        return cursor + 2;
      } else {
        cursor += 1;
      }
    }
    mark(start, cursor, () => TEMPLATE_LITERAL);
    return cursor;
  };

  let position = 0;
  while (position < source.length) {
    const code = source.charCodeAt(position);
    const following = source.charCodeAt(position + 1);
    if (isWhitespace(code)) {
      position += 1;
    } else if (code === SLASH && following === SLASH) {
      const end = lineEnd(source, position);
      mark(position, end, (at) => ({ kind: 'line-comment', margin: lineCommentMargin(source, at) }));
      position = end;
    } else if (code === SLASH && following === ASTERISK) {
      const end = blockCommentEnd(source, position);
      mark(position, end, (at) => ({ kind: 'block-comment', margin: blockCommentMargin(source, at) }));
      position = end;
    } else if (code === SLASH && regexAllowed) {
      position = regexEnd(source, position);
      regexAllowed = false;
    } else if (code === SINGLE_QUOTE || code === DOUBLE_QUOTE) {
      const end = stringEnd(source, position, code);
      const quote = code === SINGLE_QUOTE ? "'" : '"';
      mark(position, end, () => ({ kind: 'string', quote }));
      position = end;
      regexAllowed = false;
    } else if (code === BACKTICK) {
      position = templateText(position + 1);
      regexAllowed = false;
    } else if (code === OPEN_BRACE || code === OPEN_PAREN || code === OPEN_BRACKET) {
      depth += 1;
      position += 1;
      regexAllowed = true;
    } else if (code === CLOSE_BRACE && templateDepths[templateDepths.length - 1] === depth - 1) {
      depth -= 1;
      templateDepths.pop();
      position = templateText(position + 1);
      regexAllowed = false;
    } else if (code === CLOSE_BRACE || code === CLOSE_PAREN || code === CLOSE_BRACKET) {
      depth -= 1;
      position += 1;
      // After `}` a statement (which may be a regular expression) usually starts.
      regexAllowed = code === CLOSE_BRACE;
    } else if (isIdentifierPart(code)) {
      let end = position + 1;
      while (end < source.length && isIdentifierPart(source.charCodeAt(end))) end += 1;
      regexAllowed = KEYWORDS_BEFORE_EXPRESSION.has(source.slice(position, end));
      position = end;
    } else {
      position += 1;
      regexAllowed = true;
    }
  }
  return contexts;
}

/** The text from the start of the line of `position` up to it. */
function linePrefix(source: string, position: number): string {
  let start = position;
  while (start > 0 && !isLineTerminator(source.charCodeAt(start - 1))) start -= 1;
  return source.slice(start, position);
}

/** ` * ` at the indentation of the line (a line that opens the comment gets one space more). */
function blockCommentMargin(source: string, position: number): string {
  const prefix = linePrefix(source, position);
  const indentation = /^[ \t]*/.exec(prefix)?.[0] ?? '';
  return `${indentation}${prefix.startsWith('/*', indentation.length) ? ' * ' : '* '}`;
}

/** `// ` at the indentation of the line. */
function lineCommentMargin(source: string, position: number): string {
  const indentation = /^[ \t]*/.exec(linePrefix(source, position))?.[0] ?? '';
  return `${indentation}// `;
}

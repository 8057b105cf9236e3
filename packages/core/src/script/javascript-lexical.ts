/**
 * Character classes and string-escape decoding of JavaScript/TypeScript source, shared by the
 * static script readers.
 *
 * @internal
 * @module
 */

/** Code of a tab. @internal */
export const TAB = 0x09;
/** Code of `\n`. @internal */
export const LINE_FEED = 0x0a;
/** Code of `\r`. @internal */
export const CARRIAGE_RETURN = 0x0d;
/** Code of a space. @internal */
export const SPACE = 0x20;
/** Code of `!`. @internal */
export const EXCLAMATION = 0x21;
/** Code of `"`. @internal */
export const DOUBLE_QUOTE = 0x22;
/** Code of `$`. @internal */
export const DOLLAR = 0x24;
/** Code of `'`. @internal */
export const SINGLE_QUOTE = 0x27;
/** Code of `(`. @internal */
export const OPEN_PAREN = 0x28;
/** Code of `)`. @internal */
export const CLOSE_PAREN = 0x29;
/** Code of `*`. @internal */
export const ASTERISK = 0x2a;
/** Code of `,`. @internal */
export const COMMA = 0x2c;
/** Code of `.`. @internal */
export const DOT = 0x2e;
/** Code of `/`. @internal */
export const SLASH = 0x2f;
/** Code of `0`. @internal */
export const DIGIT_ZERO = 0x30;
/** Code of `:`. @internal */
export const COLON = 0x3a;
/** Code of `;`. @internal */
export const SEMICOLON = 0x3b;
/** Code of `<`. @internal */
export const LESS_THAN = 0x3c;
/** Code of `=`. @internal */
export const EQUALS = 0x3d;
/** Code of `>`. @internal */
export const GREATER_THAN = 0x3e;
/** Code of `[`. @internal */
export const OPEN_BRACKET = 0x5b;
/** Code of a backslash. @internal */
export const BACKSLASH = 0x5c;
/** Code of `]`. @internal */
export const CLOSE_BRACKET = 0x5d;
/** Code of a backtick. @internal */
export const BACKTICK = 0x60;
/** Code of `{`. @internal */
export const OPEN_BRACE = 0x7b;
/** Code of `}`. @internal */
export const CLOSE_BRACE = 0x7d;
/** Code of the byte order mark. @internal */
export const BYTE_ORDER_MARK = 0xfeff;

/** JavaScript white space and line terminators. @internal */
export function isWhitespace(code: number): boolean {
  if (code <= SPACE) return code === SPACE || (code >= TAB && code <= CARRIAGE_RETURN);
  return (
    code > 0x7f &&
    (code === 0xa0 ||
      code === BYTE_ORDER_MARK ||
      code === 0x1680 ||
      (code >= 0x2000 && code <= 0x200a) ||
      code === 0x2028 ||
      code === 0x2029 ||
      code === 0x202f ||
      code === 0x205f ||
      code === 0x3000)
  );
}

/** JavaScript line terminators. @internal */
export function isLineTerminator(code: number): boolean {
  return code === LINE_FEED || code === CARRIAGE_RETURN || code === 0x2028 || code === 0x2029;
}

/** ASCII letters, `_`, `$`, and (loosely) any non-ASCII character that is not white space. @internal */
export function isIdentifierStart(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    code === 0x5f ||
    code === DOLLAR ||
    (code > 0x7f && !isWhitespace(code))
  );
}

/** {@link isIdentifierStart} or an ASCII digit. @internal */
export function isIdentifierPart(code: number): boolean {
  return isIdentifierStart(code) || isDigit(code);
}

/** ASCII digit. @internal */
export function isDigit(code: number): boolean {
  return code >= DIGIT_ZERO && code <= 0x39;
}

/** The one-letter escapes of control characters: `\n`, `\t`, `\r`, `\b`, `\f`, `\v`. */
const CONTROL_ESCAPES: ReadonlyMap<number, string> = new Map(
  Object.entries({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v' }).map(([letter, text]) => [
    letter.charCodeAt(0),
    text,
  ]),
);

/**
 * Decodes the escape sequence whose backslash is just before `position`: the text it stands for
 * and where it ends; `undefined` for a malformed or legacy octal escape.
 *
 * @internal
 */
export function decodeEscape(source: string, position: number): { text: string; end: number } | undefined {
  const code = source.charCodeAt(position);
  const control = CONTROL_ESCAPES.get(code);
  if (control !== undefined) return { text: control, end: position + 1 };
  switch (code) {
    case DIGIT_ZERO:
      return isDigit(source.charCodeAt(position + 1)) ? undefined : { text: '\0', end: position + 1 };
    case 0x78: // x
      return hexEscape(source, position + 1, position + 3);
    case 0x75: // u
      if (source.charCodeAt(position + 1) === OPEN_BRACE) {
        const close = source.indexOf('}', position + 2);
        const decoded = close === -1 ? undefined : hexEscape(source, position + 2, close);
        return decoded && { text: decoded.text, end: close + 1 };
      }
      return hexEscape(source, position + 1, position + 5);
    case CARRIAGE_RETURN:
      return { text: '', end: source.charCodeAt(position + 1) === LINE_FEED ? position + 2 : position + 1 };
    case LINE_FEED:
    case 0x2028:
    case 0x2029:
      return { text: '', end: position + 1 };
    default:
      break;
  }
  if (Number.isNaN(code) || isDigit(code)) return undefined;
  // Any other character stands for itself (`\'`, `\\`, `\"`, ...), as a whole code point.
  const character = String.fromCodePoint(source.codePointAt(position) as number);
  return { text: character, end: position + character.length };
}

const HEX_DIGITS = /^[0-9a-fA-F]+$/;

function hexEscape(source: string, start: number, end: number): { text: string; end: number } | undefined {
  const digits = source.slice(start, end);
  if (digits.length === 0 || digits.length !== end - start || !HEX_DIGITS.test(digits)) return undefined;
  const codePoint = Number.parseInt(digits, 16);
  return codePoint > 0x10ffff ? undefined : { text: String.fromCodePoint(codePoint), end };
}

/** Skips white space and comments from `position`; says whether a line break was crossed. @internal */
export function skipTrivia(source: string, position: number): { position: number; sawLineBreak: boolean } {
  let sawLineBreak = false;
  while (position < source.length) {
    const code = source.charCodeAt(position);
    if (isWhitespace(code)) {
      if (isLineTerminator(code)) sawLineBreak = true;
      position += 1;
    } else if (code === SLASH && source.charCodeAt(position + 1) === SLASH) {
      position = lineEnd(source, position);
    } else if (code === SLASH && source.charCodeAt(position + 1) === ASTERISK) {
      const end = blockCommentEnd(source, position);
      for (let cursor = position; cursor < end && !sawLineBreak; cursor += 1) {
        if (isLineTerminator(source.charCodeAt(cursor))) sawLineBreak = true;
      }
      position = end;
    } else {
      break;
    }
  }
  return { position, sawLineBreak };
}

/** The identifier starting at `position`, if one does. @internal */
export function identifierAt(source: string, position: number): string | undefined {
  if (!isIdentifierStart(source.charCodeAt(position))) return undefined;
  let end = position + 1;
  while (end < source.length && isIdentifierPart(source.charCodeAt(end))) end += 1;
  return source.slice(position, end);
}

/** The line terminator ending the line of `position` (or the end of the source). @internal */
export function lineEnd(source: string, position: number): number {
  while (position < source.length && !isLineTerminator(source.charCodeAt(position))) position += 1;
  return position;
}

/** After the `*\/` closing the block comment that starts at `position`. @internal */
export function blockCommentEnd(source: string, position: number): number {
  const end = source.indexOf('*/', position + 2);
  return end === -1 ? source.length : end + 2;
}

/** After the `'` or `"` string starting at `position` (at the line break, if unterminated). @internal */
export function stringEnd(source: string, position: number, quote: number): number {
  for (let cursor = position + 1; cursor < source.length; cursor += 1) {
    const code = source.charCodeAt(cursor);
    if (code === quote) return cursor + 1;
    if (code === BACKSLASH) cursor += 1;
    else if (code === LINE_FEED || code === CARRIAGE_RETURN) return cursor;
  }
  return source.length;
}

/** After the template literal type (`` `v${number}` ``) starting at `position`. @internal */
export function typeTemplateEnd(source: string, position: number): number {
  let nesting = 0;
  for (let cursor = position + 1; cursor < source.length; cursor += 1) {
    const code = source.charCodeAt(cursor);
    if (code === BACKSLASH) cursor += 1;
    else if (code === BACKTICK && nesting === 0) return cursor + 1;
    else if (code === OPEN_BRACE) nesting += 1;
    else if (code === CLOSE_BRACE) nesting -= 1;
  }
  return source.length;
}

/**
 * After the regular expression literal (flags included) starting at `position`; `position + 1`
 * when the line holds none (the `/` was a division after all).
 *
 * @internal
 */
export function regexEnd(source: string, position: number): number {
  let inClass = false;
  for (let cursor = position + 1; cursor < source.length; cursor += 1) {
    const code = source.charCodeAt(cursor);
    if (isLineTerminator(code)) break;
    if (code === BACKSLASH) cursor += 1;
    else if (code === OPEN_BRACKET) inClass = true;
    else if (code === CLOSE_BRACKET) inClass = false;
    else if (code === SLASH && !inClass) {
      let end = cursor + 1;
      while (end < source.length && isIdentifierPart(source.charCodeAt(end))) end += 1;
      return end;
    }
  }
  return position + 1;
}

/** Words after which a `/` starts a regular expression rather than a division. */
export const KEYWORDS_BEFORE_EXPRESSION: ReadonlySet<string> = new Set([
  'return',
  'typeof',
  'instanceof',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'case',
  'do',
  'else',
  'yield',
  'await',
  'extends',
]);

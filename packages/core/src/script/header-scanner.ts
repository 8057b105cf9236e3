import { ScriptFileError } from '../errors/script-file-error.js';
import {
  ASTERISK,
  BACKSLASH,
  BACKTICK,
  BYTE_ORDER_MARK,
  CARRIAGE_RETURN,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  CLOSE_PAREN,
  COLON,
  COMMA,
  DIGIT_ZERO,
  DOLLAR,
  DOT,
  DOUBLE_QUOTE,
  EQUALS,
  EXCLAMATION,
  GREATER_THAN,
  LESS_THAN,
  LINE_FEED,
  OPEN_BRACE,
  OPEN_BRACKET,
  OPEN_PAREN,
  SEMICOLON,
  SINGLE_QUOTE,
  SLASH,
  blockCommentEnd,
  decodeEscape,
  identifierAt,
  isDigit,
  isIdentifierPart,
  isIdentifierStart,
  isWhitespace,
  lineEnd,
  regexEnd,
  skipTrivia,
  stringEnd,
  typeTemplateEnd,
  KEYWORDS_BEFORE_EXPRESSION,
} from './javascript-lexical.js';

/** The exports a migration script's header consists of. @internal */
export type HeaderField = 'revision' | 'downRevision' | 'branchLabels' | 'dependsOn';

/** A value {@link HeaderScanner} can read statically. @internal */
export type HeaderValue = string | readonly string[] | null | undefined;

const FIELD_BY_NAME: ReadonlyMap<string, HeaderField> = new Map([
  ['revision', 'revision'],
  ['downRevision', 'downRevision'],
  ['down_revision', 'downRevision'],
  ['branchLabels', 'branchLabels'],
  ['branch_labels', 'branchLabels'],
  ['dependsOn', 'dependsOn'],
  ['depends_on', 'dependsOn'],
]);

const FIELD_BIT: Readonly<Record<HeaderField, number>> = {
  revision: 1,
  downRevision: 2,
  branchLabels: 4,
  dependsOn: 8,
};
const ALL_FIELDS = 15;

/** Characters that, at the start of the next line, continue the expression before them. */
const CONTINUATION = new Set(Array.from('+-*/%.?,[(=<>&|^`', (character) => character.charCodeAt(0)));

/** What the previous token was, as far as the scan cares. */
type LastToken = typeof OPERATOR | typeof VALUE | typeof WORD | typeof DOT_TOKEN;
/** An operator or an opening bracket: a `/` after it starts a regular expression. */
const OPERATOR = 0;
/** A literal or a closing bracket: a `/` after it is a division. */
const VALUE = 1;
/** An identifier: a `/` after it is a division unless it is a keyword such as `return`. */
const WORD = 2;
/** A `.`: the identifier after it is a property, never a declaration. */
const DOT_TOKEN = 3;

/** Where a declaration of one of the header names was found. */
interface Declaration {
  /** The name as written (`downRevision` or `down_revision`). */
  readonly name: string;
  readonly field: HeaderField;
  readonly position: number;
}

/**
 * One linear pass over a script's source that finds the top-level declarations of the header
 * exports and reads their literal values. It skips comments, strings, template literals (with
 * nested substitutions) and regular expressions (told from divisions by the previous token), so
 * text inside them never counts. It stops early once all four names were declared with
 * `export const|let|var` (they cannot be declared twice).
 *
 * @internal
 */
export class HeaderScanner {
  /** The values found so far, by field. */
  readonly found: { [field in HeaderField]?: HeaderValue } = {};
  readonly #source: string;
  readonly #filePath: string;
  /** Fields declared with `export`, as {@link FIELD_BIT} bits. */
  #exported = 0;
  /** Nesting of `(`, `[`, `{` (and of the `${` of template literals). */
  #depth = 0;
  /** For each open `${`, the depth outside it. */
  readonly #templateDepths: number[] = [];

  constructor(source: string, filePath: string) {
    this.#source = source;
    this.#filePath = filePath;
  }

  scan(): void {
    const source = this.#source;
    const length = source.length;
    let position = source.charCodeAt(0) === BYTE_ORDER_MARK ? 1 : 0;
    if (source.startsWith('#!', position)) position = lineEnd(source, position);
    let last: LastToken = OPERATOR;
    // The last identifier, looked at only when a `/` follows it.
    let wordStart = 0;
    let wordEnd = 0;
    while (position < length) {
      const code = source.charCodeAt(position);
      if (isWhitespace(code)) {
        position += 1;
      } else if (isIdentifierStart(code)) {
        let end = position + 1;
        while (end < length && isIdentifierPart(source.charCodeAt(end))) end += 1;
        const next = this.#depth === 0 && last !== DOT_TOKEN ? this.#readDeclaration(position, end) : end;
        if (next === end) {
          wordStart = position;
          wordEnd = end;
          last = WORD;
        } else if (this.#exported === ALL_FIELDS) {
          return;
        } else {
          last = OPERATOR;
        }
        position = next;
      } else if (code === SLASH) {
        const next = source.charCodeAt(position + 1);
        if (next === SLASH) {
          position = lineEnd(source, position);
        } else if (next === ASTERISK) {
          position = blockCommentEnd(source, position);
        } else if (
          last === OPERATOR ||
          (last === WORD && KEYWORDS_BEFORE_EXPRESSION.has(source.slice(wordStart, wordEnd)))
        ) {
          position = regexEnd(source, position);
          last = VALUE;
        } else {
          position += 1;
          last = OPERATOR;
        }
      } else if (code === SINGLE_QUOTE || code === DOUBLE_QUOTE) {
        position = stringEnd(source, position, code);
        last = VALUE;
      } else if (code === BACKTICK) {
        position = this.#templateEnd(position + 1);
        last = VALUE;
      } else if (code === OPEN_PAREN || code === OPEN_BRACKET || code === OPEN_BRACE) {
        this.#depth += 1;
        position += 1;
        last = OPERATOR;
      } else if (code === CLOSE_PAREN || code === CLOSE_BRACKET || code === CLOSE_BRACE) {
        this.#depth -= 1;
        position += 1;
        const templateDepths = this.#templateDepths;
        if (code === CLOSE_BRACE && templateDepths[templateDepths.length - 1] === this.#depth) {
          templateDepths.pop();
          position = this.#templateEnd(position);
          last = VALUE;
        } else {
          // After `}` a statement (which may be a regular expression) usually starts.
          last = code === CLOSE_BRACE ? OPERATOR : VALUE;
        }
      } else if (isDigit(code)) {
        position += 1;
        while (
          position < length &&
          (isIdentifierPart(source.charCodeAt(position)) || source.charCodeAt(position) === DOT)
        ) {
          position += 1;
        }
        last = VALUE;
      } else {
        position += 1;
        last = code === DOT ? DOT_TOKEN : OPERATOR;
      }
    }
  }

  /**
   * At a top-level identifier `[start, end)`: reads the declaration it starts when it is one of
   * ours and returns where it ends; returns `end` otherwise.
   */
  #readDeclaration(start: number, end: number): number {
    const source = this.#source;
    const length = end - start;
    if (length === 6 && source.startsWith('export', start)) return this.#readExportDeclaration(end);
    if (
      (length === 7 && source.startsWith('exports.', start)) ||
      (length === 6 && source.startsWith('module.exports.', start))
    ) {
      return this.#readCommonJsAssignment(start) ?? end;
    }
    return end;
  }

  /** After `export`: `const|let|var NAME[!][: type] = literal [, NAME = literal]...`. */
  #readExportDeclaration(afterExport: number): number {
    const source = this.#source;
    let position = skipTrivia(source, afterExport).position;
    const keyword = identifierAt(source, position);
    if (keyword !== 'const' && keyword !== 'let' && keyword !== 'var') return afterExport;
    let statementEnd = afterExport;
    position += keyword.length;
    for (;;) {
      position = skipTrivia(source, position).position;
      const name = identifierAt(source, position);
      const field = name === undefined ? undefined : FIELD_BY_NAME.get(name);
      if (name === undefined || field === undefined) return statementEnd;
      const declaration: Declaration = { name, field, position };
      this.#exported |= FIELD_BIT[field];
      position = skipTrivia(source, position + name.length).position;
      if (source.charCodeAt(position) === EXCLAMATION) position = skipTrivia(source, position + 1).position;
      if (source.charCodeAt(position) === COLON) position = this.#typeAnnotationEnd(position + 1);
      if (source.charCodeAt(position) !== EQUALS) {
        // `export let revision: string;`: declared without a value.
        this.found[field] = undefined;
        return position;
      }
      position = this.#readValue([declaration], position + 1, true);
      if (source.charCodeAt(position) !== COMMA) return position;
      position += 1;
      statementEnd = position;
    }
  }

  /**
   * At `exports.NAME = ...` or `module.exports.NAME = ...`, possibly chained
   * (`exports.a = exports.b = void 0`): reads the value when a name is ours, and returns where the
   * statement ends; `undefined` when it assigns none of ours.
   */
  #readCommonJsAssignment(start: number): number | undefined {
    const source = this.#source;
    const declarations: Declaration[] = [];
    let position = start;
    for (;;) {
      let namePosition: number;
      if (source.startsWith('module.exports.', position)) namePosition = position + 15;
      else if (source.startsWith('exports.', position)) namePosition = position + 8;
      else break;
      const name = identifierAt(source, namePosition);
      if (name === undefined) break;
      const equals = skipTrivia(source, namePosition + name.length).position;
      if (source.charCodeAt(equals) !== EQUALS || source.charCodeAt(equals + 1) === EQUALS) break;
      const field = FIELD_BY_NAME.get(name);
      if (field !== undefined) declarations.push({ name, field, position: namePosition });
      position = skipTrivia(source, equals + 1).position;
    }
    return declarations.length === 0 ? undefined : this.#readValue(declarations, position, false);
  }

  /**
   * Reads the literal at `position` for `declarations`, records it, and returns where the
   * statement ends (at a `,` when `allowComma` and another declarator follows).
   */
  #readValue(declarations: readonly Declaration[], position: number, allowComma: boolean): number {
    const source = this.#source;
    const literal = this.#readLiteral(skipTrivia(source, position).position);
    const first = declarations[0] as Declaration;
    if (literal === undefined) throw this.#notALiteral(first);
    let after = skipTrivia(source, literal.end);
    if (identifierAt(source, after.position) === 'as') {
      const constPosition = skipTrivia(source, after.position + 2).position;
      if (identifierAt(source, constPosition) !== 'const') throw this.#notALiteral(first);
      after = skipTrivia(source, constPosition + 5);
    }
    const next = source.charCodeAt(after.position);
    let end: number;
    if (next === SEMICOLON) end = after.position + 1;
    else if (after.position >= source.length) end = after.position;
    else if (allowComma && next === COMMA) end = after.position;
    else if (after.sawLineBreak && !CONTINUATION.has(next)) end = after.position;
    else throw this.#notALiteral(first);
    for (const declaration of declarations) {
      if (declaration.field === 'revision' && typeof literal.value !== 'string' && literal.value !== undefined) {
        throw this.#notALiteral(declaration);
      }
      this.found[declaration.field] = literal.value;
    }
    return end;
  }

  /** A string, an array of strings, `null`, `undefined` or `void 0` at `position`. */
  #readLiteral(position: number): { value: HeaderValue; end: number } | undefined {
    const source = this.#source;
    const code = source.charCodeAt(position);
    if (code === SINGLE_QUOTE || code === DOUBLE_QUOTE || code === BACKTICK) return this.#readString(position);
    if (code === OPEN_BRACKET) {
      const values: string[] = [];
      let cursor = skipTrivia(source, position + 1).position;
      while (source.charCodeAt(cursor) !== CLOSE_BRACKET) {
        const element = this.#readString(cursor);
        if (element === undefined) return undefined;
        values.push(element.value);
        cursor = skipTrivia(source, element.end).position;
        if (source.charCodeAt(cursor) === COMMA) cursor = skipTrivia(source, cursor + 1).position;
        else if (source.charCodeAt(cursor) !== CLOSE_BRACKET) return undefined;
      }
      return { value: values, end: cursor + 1 };
    }
    const word = identifierAt(source, position);
    if (word === 'null') return { value: null, end: position + 4 };
    if (word === 'undefined') return { value: undefined, end: position + 9 };
    if (word === 'void') {
      const zero = skipTrivia(source, position + 4).position;
      if (source.charCodeAt(zero) === DIGIT_ZERO && !isIdentifierPart(source.charCodeAt(zero + 1))) {
        return { value: undefined, end: zero + 1 };
      }
    }
    return undefined;
  }

  /** Decodes the quoted string at `position`; `undefined` if unterminated or interpolated. */
  #readString(position: number): { value: string; end: number } | undefined {
    const source = this.#source;
    const quote = source.charCodeAt(position);
    if (quote !== SINGLE_QUOTE && quote !== DOUBLE_QUOTE && quote !== BACKTICK) return undefined;
    let value = '';
    let chunkStart = position + 1;
    for (let cursor = chunkStart; cursor < source.length; cursor += 1) {
      const code = source.charCodeAt(cursor);
      if (code === quote) return { value: value + source.slice(chunkStart, cursor), end: cursor + 1 };
      if (code === BACKSLASH) {
        const decoded = decodeEscape(source, cursor + 1);
        if (decoded === undefined) return undefined;
        value += source.slice(chunkStart, cursor) + decoded.text;
        cursor = decoded.end - 1;
        chunkStart = decoded.end;
      } else if (quote === BACKTICK) {
        if (code === DOLLAR && source.charCodeAt(cursor + 1) === OPEN_BRACE) return undefined;
        if (code === CARRIAGE_RETURN) {
          // Template literals read CRLF and CR as LF.
          value += source.slice(chunkStart, cursor) + '\n';
          if (source.charCodeAt(cursor + 1) === LINE_FEED) cursor += 1;
          chunkStart = cursor + 1;
        }
      } else if (code === LINE_FEED || code === CARRIAGE_RETURN) {
        return undefined;
      }
    }
    return undefined;
  }

  /** The end of a type annotation: the `=` of the initializer, a `;`, or the end of the file. */
  #typeAnnotationEnd(position: number): number {
    const source = this.#source;
    let nesting = 0;
    while (position < source.length) {
      const code = source.charCodeAt(position);
      const next = source.charCodeAt(position + 1);
      if (code === SLASH && (next === SLASH || next === ASTERISK)) {
        position = skipTrivia(source, position).position;
      } else if (code === SINGLE_QUOTE || code === DOUBLE_QUOTE) {
        position = stringEnd(source, position, code);
      } else if (code === BACKTICK) {
        position = typeTemplateEnd(source, position);
      } else if (code === EQUALS && next === GREATER_THAN) {
        position += 2;
      } else if ((code === EQUALS || code === SEMICOLON) && nesting === 0) {
        return position;
      } else {
        if (code === OPEN_PAREN || code === OPEN_BRACKET || code === OPEN_BRACE || code === LESS_THAN) nesting += 1;
        else if (code === CLOSE_PAREN || code === CLOSE_BRACKET || code === CLOSE_BRACE || code === GREATER_THAN)
          nesting -= 1;
        position += 1;
      }
    }
    return position;
  }

  /**
   * Continues a template literal's text from `position`: returns after its closing backtick, or
   * after a `${`, having opened that substitution (the main loop closes it at its `}`).
   */
  #templateEnd(position: number): number {
    const source = this.#source;
    for (let cursor = position; cursor < source.length; cursor += 1) {
      const code = source.charCodeAt(cursor);
      if (code === BACKTICK) return cursor + 1;
      if (code === BACKSLASH) cursor += 1;
      else if (code === DOLLAR && source.charCodeAt(cursor + 1) === OPEN_BRACE) {
        this.#templateDepths.push(this.#depth);
        this.#depth += 1;
        return cursor + 2;
      }
    }
    return source.length;
  }

  #notALiteral(declaration: Declaration): ScriptFileError {
    const source = this.#source;
    let line = 1;
    for (let cursor = 0; cursor < declaration.position; cursor += 1) {
      if (source.charCodeAt(cursor) === LINE_FEED) line += 1;
    }
    const expected = declaration.field === 'revision' ? 'a string' : 'a string, an array of strings or null';
    return new ScriptFileError(
      this.#filePath,
      line,
      `Could not read '${declaration.name}' statically in ${this.#filePath}:${line}: expected ${expected}`,
    );
  }
}

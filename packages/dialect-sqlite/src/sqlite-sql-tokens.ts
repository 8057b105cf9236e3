/** One token of SQLite SQL. */
export interface SqlToken {
  /** `word`: a bare name or keyword; `identifier`: a quoted name; `string`: a string literal. */
  readonly type: 'word' | 'identifier' | 'string' | 'number' | 'punctuation';
  /** A word as written, a quoted name unquoted, a string literal's value, a punctuation character. */
  readonly value: string;
  /** Offsets of the token in the source. */
  readonly start: number;
  readonly end: number;
}

const WORD_START = /[\p{L}_]/u;
const WORD_PART = /[\p{L}\p{N}_$]/u;
const DIGIT = /[0-9]/;
const CLOSING_QUOTE: Readonly<Record<string, string>> = { '"': '"', '`': '`', '[': ']', "'": "'" };

function readQuoted(sql: string, start: number): { value: string; end: number } {
  const opening = sql[start] as string;
  const closing = CLOSING_QUOTE[opening] as string;
  let value = '';
  let position = start + 1;
  while (position < sql.length) {
    const character = sql[position] as string;
    if (character === closing) {
      if (closing !== ']' && sql[position + 1] === closing) {
        value += closing;
        position += 2;
        continue;
      }
      return { value, end: position + 1 };
    }
    value += character;
    position += 1;
  }
  return { value, end: sql.length };
}

/**
 * Splits SQLite SQL into tokens: bare words, quoted names (`"x"`, `` `x` ``, `[x]`), string
 * literals, numbers and punctuation; whitespace and comments are dropped. Enough to find
 * constraint names, CHECK conditions and index expressions in the `sql` column of
 * `sqlite_master`, without interpreting anything else.
 */
export function tokenizeSql(sql: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let position = 0;
  while (position < sql.length) {
    const character = sql[position] as string;
    if (/\s/.test(character)) {
      position += 1;
    } else if (character === '-' && sql[position + 1] === '-') {
      const end = sql.indexOf('\n', position);
      position = end < 0 ? sql.length : end + 1;
    } else if (character === '/' && sql[position + 1] === '*') {
      const end = sql.indexOf('*/', position + 2);
      position = end < 0 ? sql.length : end + 2;
    } else if (character in CLOSING_QUOTE) {
      const { value, end } = readQuoted(sql, position);
      tokens.push({ type: character === "'" ? 'string' : 'identifier', value, start: position, end });
      position = end;
    } else if (WORD_START.test(character)) {
      let end = position + 1;
      while (end < sql.length && WORD_PART.test(sql[end] as string)) {
        end += 1;
      }
      tokens.push({ type: 'word', value: sql.slice(position, end), start: position, end });
      position = end;
    } else if (DIGIT.test(character) || (character === '.' && DIGIT.test(sql[position + 1] ?? ''))) {
      let end = position + 1;
      while (end < sql.length && /[0-9a-zA-Z_.]/.test(sql[end] as string)) {
        end += 1;
      }
      tokens.push({ type: 'number', value: sql.slice(position, end), start: position, end });
      position = end;
    } else {
      tokens.push({ type: 'punctuation', value: character, start: position, end: position + 1 });
      position += 1;
    }
  }
  return tokens;
}

/** True when `token` is the bare keyword `keyword` (case-insensitive; quoted names never are). */
export function isKeyword(token: SqlToken | undefined, keyword: string): boolean {
  return token?.type === 'word' && token.value.toUpperCase() === keyword;
}

/** True when `token` is a name: a bare word or a quoted identifier. */
export function isName(token: SqlToken | undefined): token is SqlToken {
  return token?.type === 'word' || token?.type === 'identifier';
}

/** The index of the `)` matching the `(` at `openIndex`, or the last token when unbalanced. */
export function matchingParenthesis(tokens: readonly SqlToken[], openIndex: number): number {
  let depth = 0;
  for (let index = openIndex; index < tokens.length; index += 1) {
    const token = tokens[index] as SqlToken;
    if (token.type !== 'punctuation') {
      continue;
    }
    if (token.value === '(') {
      depth += 1;
    } else if (token.value === ')') {
      depth -= 1;
      if (depth === 0) {
        return index;
      }
    }
  }
  return tokens.length - 1;
}

/** Splits tokens at commas outside parentheses. */
export function splitAtTopLevelCommas(tokens: readonly SqlToken[]): SqlToken[][] {
  const parts: SqlToken[][] = [];
  let current: SqlToken[] = [];
  let depth = 0;
  for (const token of tokens) {
    if (token.type === 'punctuation') {
      if (token.value === '(') {
        depth += 1;
      } else if (token.value === ')') {
        depth -= 1;
      } else if (token.value === ',' && depth === 0) {
        parts.push(current);
        current = [];
        continue;
      }
    }
    current.push(token);
  }
  if (current.length > 0) {
    parts.push(current);
  }
  return parts;
}

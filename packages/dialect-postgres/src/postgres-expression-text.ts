/** Options of {@link canonicalPostgresExpression}. */
export interface CanonicalExpressionOptions {
  /**
   * Which `::type` casts to remove: `'literals'` (after a string or number literal, and
   * `::regclass`: what PostgreSQL adds to defaults), or `'all'` (index expressions and
   * predicates, where PostgreSQL adds casts to columns too). Default `'literals'`.
   */
  readonly casts?: 'literals' | 'all';
}

type TokenKind = 'string' | 'quoted' | 'number' | 'word' | 'open' | 'close' | 'comma' | 'cast' | 'other';

interface Token {
  readonly kind: TokenKind;
  readonly text: string;
}

const TOKEN =
  /\s*(?:([eE]?'(?:[^']|'')*')|("(?:[^"]|"")*")|(\d+(?:\.\d*)?(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)|([a-zA-Z_][a-zA-Z0-9_$]*)|(\()|(\))|(,)|(::)|([-+*/<>=~!@#%^&|`?]+|\[|\]|\.|;|:))/y;

/** Words that may continue a type name after `::` (`character varying`, `time with time zone`). */
const TYPE_WORDS: ReadonlySet<string> = new Set(['varying', 'precision', 'with', 'without', 'time', 'zone']);

/** Words after which `(` opens a group, not a function's arguments. */
const KEYWORDS: ReadonlySet<string> = new Set([
  'and',
  'or',
  'not',
  'in',
  'is',
  'between',
  'like',
  'ilike',
  'similar',
  'case',
  'when',
  'then',
  'else',
  'any',
  'all',
  'some',
  'exists',
  'array',
  'select',
  'where',
  'on',
  'from',
  'as',
  'distinct',
  'escape',
]);

/** SQL value functions, written without parentheses, and the functions that mean the same. */
const VALUE_FUNCTIONS: ReadonlySet<string> = new Set([
  'current_timestamp',
  'current_date',
  'current_time',
  'localtime',
  'localtimestamp',
  'current_user',
  'session_user',
  'current_role',
  'current_catalog',
  'current_schema',
  'user',
]);
const SAME_AS_CURRENT_TIMESTAMP: ReadonlySet<string> = new Set(['now', 'transaction_timestamp']);

function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) {
      break;
    }
    const match = TOKEN.exec(text);
    if (match === null) {
      return undefined;
    }
    const kinds: TokenKind[] = ['string', 'quoted', 'number', 'word', 'open', 'close', 'comma', 'cast', 'other'];
    const position = match.slice(1).findIndex((group) => group !== undefined);
    const kind = kinds[position] as TokenKind;
    const raw = match[position + 1] as string;
    tokens.push({ kind, text: kind === 'word' ? raw.toLowerCase() : raw });
  }
  return tokens;
}

/** The index just past the type that starts at `start` (after a `::`). */
function skipType(tokens: readonly Token[], start: number): number {
  let position = start;
  const name = (): boolean => {
    const token = tokens[position];
    if (token?.kind === 'word' || token?.kind === 'quoted') {
      position += 1;
      return true;
    }
    return false;
  };
  if (!name()) {
    return start;
  }
  while (
    tokens[position]?.text === '.' &&
    (tokens[position + 1]?.kind === 'word' || tokens[position + 1]?.kind === 'quoted')
  ) {
    position += 2;
  }
  while (tokens[position]?.kind === 'word' && TYPE_WORDS.has(tokens[position]?.text ?? '')) {
    position += 1;
  }
  if (tokens[position]?.kind === 'open') {
    let end = position + 1;
    while (tokens[end]?.kind === 'number' || tokens[end]?.kind === 'comma') {
      end += 1;
    }
    if (tokens[end]?.kind === 'close') {
      position = end + 1;
    }
  }
  while (tokens[position]?.kind === 'word' && TYPE_WORDS.has(tokens[position]?.text ?? '')) {
    position += 1;
  }
  while (tokens[position]?.text === '[' && tokens[position + 1]?.text === ']') {
    position += 2;
  }
  return position;
}

/** What a pass puts in place of the tokens from the one it looks at: `replaced` of them, by `by` (or by nothing). */
interface Rewrite {
  readonly replaced: number;
  readonly by?: Token;
}

/**
 * One pass over the tokens: `rewrite` sees each token, with its position (to look ahead) and
 * the tokens the pass has written so far (to look back), and says what replaces it and the
 * tokens after it; `undefined` keeps the token.
 */
function rewriteTokens(
  tokens: readonly Token[],
  rewrite: (token: Token, position: number, written: readonly Token[]) => Rewrite | undefined,
): Token[] {
  const result: Token[] = [];
  let position = 0;
  while (position < tokens.length) {
    const token = tokens[position] as Token;
    const { replaced, by } = rewrite(token, position, result) ?? { replaced: 1, by: token };
    if (by !== undefined) {
      result.push(by);
    }
    position += replaced;
  }
  return result;
}

function removeCasts(tokens: readonly Token[], casts: 'literals' | 'all'): Token[] {
  return rewriteTokens(tokens, (token, position, written) => {
    if (token.kind !== 'cast') {
      return undefined;
    }
    const previous = written[written.length - 1];
    const end = skipType(tokens, position + 1);
    const typeText = tokens
      .slice(position + 1, end)
      .map((part) => part.text)
      .join(' ');
    const literal =
      previous?.kind === 'string' ||
      previous?.kind === 'number' ||
      (previous?.kind === 'word' && previous.text === 'null');
    return end > position + 1 && (casts === 'all' || literal || typeText === 'regclass')
      ? { replaced: end - position }
      : undefined;
  });
}

/** Unary minus before a number becomes part of it (`- 1` → `-1`). */
function joinNegativeNumbers(tokens: readonly Token[]): Token[] {
  return rewriteTokens(tokens, (token, position, written) => {
    const next = tokens[position + 1];
    const previous = written[written.length - 1];
    const unary =
      previous === undefined || previous.kind === 'open' || previous.kind === 'comma' || previous.kind === 'other';
    return token.text === '-' && next?.kind === 'number' && unary
      ? { replaced: 2, by: { kind: 'number', text: `-${next.text}` } }
      : undefined;
  });
}

function canonicalFunctions(tokens: readonly Token[]): Token[] {
  return rewriteTokens(tokens, (token, position) => {
    if (
      token.kind === 'word' &&
      SAME_AS_CURRENT_TIMESTAMP.has(token.text) &&
      tokens[position + 1]?.kind === 'open' &&
      tokens[position + 2]?.kind === 'close'
    ) {
      return { replaced: 3, by: { kind: 'word', text: 'CURRENT_TIMESTAMP' } };
    }
    if (token.kind === 'word' && VALUE_FUNCTIONS.has(token.text)) {
      return { replaced: 1, by: { kind: 'word', text: token.text.toUpperCase() } };
    }
    return undefined;
  });
}

function isCallParenthesis(tokens: readonly Token[], open: number): boolean {
  const previous = tokens[open - 1];
  return (previous?.kind === 'word' && !KEYWORDS.has(previous.text)) || previous?.kind === 'quoted';
}

function matchingClose(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let position = open; position < tokens.length; position += 1) {
    if (tokens[position]?.kind === 'open') depth += 1;
    if (tokens[position]?.kind === 'close') depth -= 1;
    if (depth === 0) return position;
  }
  return -1;
}

function hasTopLevel(tokens: readonly Token[], words: ReadonlySet<string>): boolean {
  let depth = 0;
  for (const token of tokens) {
    if (token.kind === 'open') depth += 1;
    if (token.kind === 'close') depth -= 1;
    if (depth === 0 && token.kind === 'word' && words.has(token.text)) return true;
  }
  return false;
}

const BOOLEAN_CONNECTIVES: ReadonlySet<string> = new Set(['and', 'or']);

function isBoundary(token: Token | undefined, side: 'before' | 'after'): 'whole' | 'connective' | undefined {
  if (
    token === undefined ||
    token.kind === 'comma' ||
    (side === 'before' ? token.kind === 'open' : token.kind === 'close')
  ) {
    return 'whole';
  }
  return token.kind === 'word' && BOOLEAN_CONNECTIVES.has(token.text) ? 'connective' : undefined;
}

/** Removes parentheses that change nothing, until none is left. */
function removeRedundantParentheses(tokens: readonly Token[]): Token[] {
  let current = [...tokens];
  let changed = true;
  while (changed) {
    changed = false;
    for (let open = 0; open < current.length; open += 1) {
      if (current[open]?.kind !== 'open' || isCallParenthesis(current, open)) continue;
      const close = matchingClose(current, open);
      if (close < 0) return current;
      const inner = current.slice(open + 1, close);
      const before = isBoundary(current[open - 1], 'before');
      const after = isBoundary(current[close + 1], 'after');
      const atom = inner.length === 1 && inner[0]?.kind !== 'other';
      const whole = before === 'whole' && after === 'whole' && inner.length > 0;
      const operand = before !== undefined && after !== undefined && !hasTopLevel(inner, BOOLEAN_CONNECTIVES);
      const listOpener =
        current[open - 1]?.kind === 'word' &&
        KEYWORDS.has(current[open - 1]?.text ?? '') &&
        current[open - 1]?.text !== 'and' &&
        current[open - 1]?.text !== 'or' &&
        current[open - 1]?.text !== 'not';
      if (!listOpener && (atom || whole || operand)) {
        current = [...current.slice(0, open), ...inner, ...current.slice(close + 1)];
        changed = true;
        break;
      }
    }
  }
  return current;
}

function render(tokens: readonly Token[]): string {
  let text = '';
  tokens.forEach((token, position) => {
    const previous = tokens[position - 1];
    const tight =
      previous === undefined ||
      previous.kind === 'open' ||
      previous.text === '[' ||
      token.kind === 'close' ||
      token.kind === 'comma' ||
      token.text === ']' ||
      token.text === '[' ||
      token.text === '.' ||
      previous.text === '.' ||
      token.kind === 'cast' ||
      previous.kind === 'cast' ||
      (token.kind === 'open' && isCallParenthesis(tokens, position));
    text += tight ? token.text : ` ${token.text}`;
  });
  return text;
}

/**
 * A PostgreSQL expression in one canonical spelling, for comparing what a model declares with
 * what `pg_get_expr` / `pg_get_indexdef` print: casts PostgreSQL adds removed (see
 * {@link CanonicalExpressionOptions}), unquoted words lower-cased, `now()` and
 * `transaction_timestamp()` written `CURRENT_TIMESTAMP` and the other SQL value functions
 * upper-cased, parentheses that change nothing removed (`(-1)`, `((a = 1) AND (b = 2))`), one
 * blank between tokens. Text it cannot read is returned trimmed.
 *
 * ```ts
 * canonicalPostgresExpression("(((v)::text = 'x'::text) AND (i > 0))", { casts: 'all' }); // "v = 'x' and i > 0"
 * canonicalPostgresExpression('now()'); // 'CURRENT_TIMESTAMP'
 * ```
 */
export function canonicalPostgresExpression(text: string, options: CanonicalExpressionOptions = {}): string {
  const tokens = tokenize(text);
  if (tokens === undefined) {
    return text.trim();
  }
  const withoutCasts = removeCasts(joinNegativeNumbers(tokens), options.casts ?? 'literals');
  return render(removeRedundantParentheses(canonicalFunctions(joinNegativeNumbers(withoutCasts))));
}

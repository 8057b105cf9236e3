/** Closing character of each quote that can hide a parenthesis: strings, and quoted identifiers. */
const QUOTE_ENDS: Readonly<Record<string, string>> = { "'": "'", '"': '"', '`': '`', '[': ']' };

/**
 * True when one pair of parentheses encloses all of `text`: `(a + b)` and `((1))` are wrapped,
 * `(a) + (b)` is not. Parentheses inside quotes (`'...'`, `"..."`, `` `...` ``, `[...]`) do
 * not count.
 *
 * ```ts
 * isWrappedInParentheses("(')' || x)"); // true
 * isWrappedInParentheses('(a) + (b)');  // false
 * ```
 */
export function isWrappedInParentheses(text: string): boolean {
  if (!text.startsWith('(') || !text.endsWith(')')) {
    return false;
  }
  let depth = 0;
  let quoteEnd: string | undefined;
  for (let position = 0; position < text.length; position += 1) {
    const character = text[position] as string;
    if (quoteEnd !== undefined) {
      if (character === quoteEnd) quoteEnd = undefined;
      continue;
    }
    quoteEnd = QUOTE_ENDS[character];
    if (character === '(') {
      depth += 1;
    } else if (character === ')') {
      depth -= 1;
      if (depth === 0 && position < text.length - 1) return false;
    }
  }
  return depth === 0;
}

/**
 * `text` trimmed, without every pair of parentheses that encloses all of it (see
 * {@link isWrappedInParentheses}): how databases that store `((0))` or `(now())` for a default
 * or a check are read back in one spelling.
 *
 * ```ts
 * withoutOuterParentheses(' ((0)) ');   // '0'
 * withoutOuterParentheses('(a) + (b)'); // '(a) + (b)'
 * ```
 */
export function withoutOuterParentheses(text: string): string {
  let result = text.trim();
  while (isWrappedInParentheses(result)) {
    result = result.slice(1, -1).trim();
  }
  return result;
}

/**
 * `text` trimmed, without one pair of parentheses that encloses all of it (see
 * {@link isWrappedInParentheses}), trimmed again: how a check clause that a database wraps once
 * (`(\`a\` > 1)`, `([a]>(1))`) is read back, keeping the parentheses of its own terms.
 *
 * ```ts
 * withoutEnclosingParentheses('([a]>(1))'); // '[a]>(1)'
 * withoutEnclosingParentheses('((0))');     // '(0)'
 * ```
 */
export function withoutEnclosingParentheses(text: string): string {
  const trimmed = text.trim();
  return isWrappedInParentheses(trimmed) ? trimmed.slice(1, -1).trim() : trimmed;
}

import { withoutOuterParentheses } from '@alembic/core/dialect';

/** Functions SQL Server stores under one name for the current date and time. */
const CURRENT_TIMESTAMP_SPELLINGS: ReadonlySet<string> = new Set(['getdate()', 'current_timestamp', 'now()']);

/** `text` split into string literals (kept) and the SQL between them (`transform`ed). */
function outsideStrings(text: string, transform: (part: string) => string): string {
  return text
    .split(/('(?:[^']|'')*')/)
    .map((part, position) => (position % 2 === 1 ? part : transform(part)))
    .join('');
}

/**
 * An expression as SQL Server stores it, in one canonical spelling, for comparing a model's
 * defaults, checks and index filters with the database's: outer parentheses removed (SQL Server
 * adds them: `((0))`, `(getdate())`), parentheses around number literals removed (`((1)+(2))` is
 * `1+2`), `N'x'` is `'x'`, brackets around plain names removed, blanks outside string literals
 * removed and the rest in lower case (T-SQL keywords and functions ignore case).
 *
 * ```ts
 * canonicalMssqlExpression('(N\'abc\')'); // "'abc'"
 * canonicalMssqlExpression('([amount]>(0))'); // 'amount>0'
 * ```
 */
export function canonicalMssqlExpression(text: string): string {
  let result = outsideStrings(text.trim(), (part) =>
    part
      .replace(/\bN$/i, '')
      .replace(/\s+/g, ' ')
      .replace(/\[([A-Za-z_][A-Za-z0-9_]*)\]/g, '$1')
      .toLowerCase(),
  );
  result = outsideStrings(result, (part) => part.replace(/ ?([^\w\s]) ?/g, '$1'));
  let previous: string;
  do {
    previous = result;
    result = outsideStrings(result, (part) => part.replace(/\((-?\d+(?:\.\d+)?)\)/g, '$1'));
    result = withoutOuterParentheses(result);
  } while (result !== previous);
  return result;
}

/**
 * A server default's SQL text in canonical form ({@link canonicalMssqlExpression}), with the
 * current date and time spelled `getdate()` whichever way it was written (`CURRENT_TIMESTAMP`,
 * `now()`, which the compiler writes as `CURRENT_TIMESTAMP`); `undefined` for `NULL`.
 *
 * ```ts
 * canonicalMssqlDefault('(getdate())'); // 'getdate()'
 * canonicalMssqlDefault('CURRENT_TIMESTAMP'); // 'getdate()'
 * ```
 */
export function canonicalMssqlDefault(text: string): string | undefined {
  const canonical = canonicalMssqlExpression(text);
  if (canonical === 'null') {
    return undefined;
  }
  return CURRENT_TIMESTAMP_SPELLINGS.has(canonical) ? 'getdate()' : canonical;
}

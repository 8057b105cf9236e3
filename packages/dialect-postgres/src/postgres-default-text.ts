import type { ColumnType } from '@alembic/core/dialect';
import { canonicalPostgresExpression } from './postgres-expression-text.js';

const QUOTED = /^'((?:[^']|'')*)'$/s;
const PLAIN_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;
const ANY_NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$/i;
const TRUE_WORDS: ReadonlySet<string> = new Set(['true', 't', 'yes', 'y', 'on', '1']);
const FALSE_WORDS: ReadonlySet<string> = new Set(['false', 'f', 'no', 'n', 'off', '0']);
const NUMBER_KINDS: ReadonlySet<ColumnType['kind']> = new Set([
  'integer',
  'bigInteger',
  'smallInteger',
  'numeric',
  'float',
]);

function isJsonType(type: ColumnType): boolean {
  return type.kind === 'json' || (type.kind === 'raw' && /^jsonb?$/i.test(type.sql));
}

/** `1.50` → `1.5`, `-0.0` → `0`, `1e3` → `1000`: one spelling per decimal value. */
function canonicalNumber(text: string): string {
  let value = text.toLowerCase();
  if (value.includes('e')) {
    const number = Number(value);
    const plain = String(number);
    if (!Number.isFinite(number) || plain.includes('e')) {
      return text;
    }
    value = plain;
  }
  const negative = value.startsWith('-');
  let [whole = '', fraction = ''] = (negative ? value.slice(1) : value).split('.');
  whole = whole.replace(/^0+(?=\d)/, '') || '0';
  fraction = fraction.replace(/0+$/, '');
  const unsigned = fraction.length === 0 ? whole : `${whole}.${fraction}`;
  return negative && unsigned !== '0' ? `-${unsigned}` : unsigned;
}

/** A JSON document with its keys sorted and no blanks, or undefined when it is not JSON. */
function canonicalJson(text: string): string | undefined {
  const sortKeys = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sortKeys);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
      );
    }
    return value;
  };
  try {
    return JSON.stringify(sortKeys(JSON.parse(text)));
  } catch {
    return undefined;
  }
}

/**
 * A column default in one canonical spelling, given the column's (canonical) type, or
 * undefined when it is no default at all (`NULL`, `NULL::text`). On top of
 * `canonicalPostgresExpression` (casts on literals removed: `'-1'::integer` → `'-1'`,
 * `now()` = `CURRENT_TIMESTAMP`, `(-1)` → `-1`):
 *
 * - a quoted number is the number (`'-1'` → `-1`, what PostgreSQL stores for `DEFAULT -1`);
 *   on a number column, decimals compare by value (`0.00` = `0`);
 * - on a boolean column, `'false'`, `'f'`, `FALSE`, `'0'` are `false` (and the same for true);
 * - on a `json` / `jsonb` column, the document is compared as JSON (`'{"a": 1}'` = `'{"a":1}'`).
 *
 * ```ts
 * canonicalPostgresDefault("'-1'::integer", integer()); // '-1'
 * canonicalPostgresDefault("'false'", boolean()); // 'false'
 * ```
 */
export function canonicalPostgresDefault(text: string, type: ColumnType): string | undefined {
  let result = canonicalPostgresExpression(text);
  if (/^null$/i.test(result)) {
    return undefined;
  }
  const quoted = QUOTED.exec(result);
  const content = quoted === null ? undefined : (quoted[1] as string).replaceAll("''", "'");
  if (content !== undefined && PLAIN_NUMBER.test(content)) {
    result = content;
  }
  if (NUMBER_KINDS.has(type.kind) && ANY_NUMBER.test(content ?? result)) {
    return canonicalNumber(content ?? result);
  }
  if (type.kind === 'boolean') {
    const word = (content ?? result).toLowerCase();
    if (TRUE_WORDS.has(word)) return 'true';
    if (FALSE_WORDS.has(word)) return 'false';
  }
  if (content !== undefined && isJsonType(type)) {
    const json = canonicalJson(content);
    if (json !== undefined) {
      return `'${json.replaceAll("'", "''")}'`;
    }
  }
  return result;
}

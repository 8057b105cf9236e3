import { withoutOuterParentheses } from '@alembic/core/dialect';

/** Options of {@link canonicalMysqlDefault}. */
export interface MysqlDefaultTextOptions {
  /** The column holds numbers: literal values compare as numbers (`'0'` = `0` = `0.00`). */
  readonly numeric?: boolean;
}

const NUMBER = /^([+-]?)(\d*)(?:\.(\d*))?(e[+-]?\d+)?$/i;
const TIMESTAMP_FUNCTION = /^(?:current_timestamp|now|localtimestamp|localtime)\s*(?:\(\s*(\d*)\s*\))?$/i;
const DATE_FUNCTION = /^(?:current_date|curdate)\s*(?:\(\s*\))?$/i;
const TIME_FUNCTION = /^(?:current_time|curtime)\s*(?:\(\s*(\d*)\s*\))?$/i;
const ON_UPDATE = /\s+on\s+update\s+/i;

/**
 * A column default in one spelling for MySQL and MariaDB, from the SQL text of a model default
 * or of a reflected one (`'text'` quoted, expressions as written), so that equal defaults
 * compare equal; undefined for none (`NULL`).
 *
 * - `current_timestamp()`, `CURRENT_TIMESTAMP`, `now()`, `localtimestamp` → `CURRENT_TIMESTAMP`;
 *   the fractional seconds are kept (`now(6)` → `CURRENT_TIMESTAMP(6)`, `(0)` dropped); the
 *   same for `CURRENT_DATE` and `CURRENT_TIME`;
 * - an `ON UPDATE` clause is kept, in the same spelling: `CURRENT_TIMESTAMP ON UPDATE
 *   CURRENT_TIMESTAMP`;
 * - on numeric columns, a literal (quoted or not, `TRUE` / `FALSE`) is the number it stands for:
 *   `'0.00'` → `0`, `+1.50` → `1.5`, `true` → `1`;
 * - outer parentheses dropped (MySQL 8 writes expression defaults in them), and outside string
 *   literals: lower case, single blanks, none inside parentheses or after commas.
 *
 * ```ts
 * canonicalMysqlDefault('current_timestamp() ON UPDATE current_timestamp()'); // 'CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP'
 * canonicalMysqlDefault("'0.00'", { numeric: true }); // '0'
 * canonicalMysqlDefault('NULL'); // undefined
 * ```
 */
export function canonicalMysqlDefault(text: string, options: MysqlDefaultTextOptions = {}): string | undefined {
  const [valueText = '', ...onUpdateParts] = splitOutsideQuotes(text, ON_UPDATE);
  const value = canonicalValue(valueText, options);
  if (onUpdateParts.length === 0) {
    return value;
  }
  const onUpdate = canonicalValue(onUpdateParts.join(' on update '), {}) ?? 'NULL';
  return `${value ?? 'NULL'} ON UPDATE ${onUpdate}`;
}

function canonicalValue(text: string, options: MysqlDefaultTextOptions): string | undefined {
  const value = withoutOuterParentheses(text);
  if (/^null$/i.test(value) || value === '') {
    return undefined;
  }
  const timestamp = TIMESTAMP_FUNCTION.exec(value);
  if (timestamp !== null) {
    return withPrecision('CURRENT_TIMESTAMP', timestamp[1]);
  }
  if (DATE_FUNCTION.test(value)) {
    return 'CURRENT_DATE';
  }
  const time = TIME_FUNCTION.exec(value);
  if (time !== null) {
    return withPrecision('CURRENT_TIME', time[1]);
  }
  if (options.numeric === true) {
    const number = canonicalNumber(value);
    if (number !== undefined) {
      return number;
    }
  }
  return spacedExpression(value);
}

function withPrecision(name: string, precision: string | undefined): string {
  return precision === undefined || precision === '' || Number(precision) === 0
    ? name
    : `${name}(${Number(precision)})`;
}

/** `'0.00'`, `0.00`, `+0` → `0`; `TRUE` → `1`; undefined when not a plain number. */
function canonicalNumber(text: string): string | undefined {
  const unquoted = text.length >= 2 && text.startsWith("'") && text.endsWith("'") ? text.slice(1, -1).trim() : text;
  if (/^true$/i.test(unquoted)) return '1';
  if (/^false$/i.test(unquoted)) return '0';
  const match = NUMBER.exec(unquoted);
  if (match === null || (match[2] === '' && (match[3] ?? '') === '')) {
    return undefined;
  }
  if (match[4] !== undefined) {
    return String(Number(unquoted));
  }
  const whole = (match[2] ?? '').replace(/^0+/, '') || '0';
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  const digits = fraction === '' ? whole : `${whole}.${fraction}`;
  return match[1] === '-' && digits !== '0' ? `-${digits}` : digits;
}

/** Outside string literals and backticks: lower case, single blanks, none next to `(`, `)`, `,`. */
function spacedExpression(text: string): string {
  let result = '';
  let quote: string | undefined;
  for (let position = 0; position < text.length; position += 1) {
    const character = text[position] as string;
    if (quote !== undefined) {
      result += character;
      if (character === quote && text[position + 1] === quote) {
        result += character;
        position += 1;
      } else if (character === quote) {
        quote = undefined;
      }
      continue;
    }
    if (character === "'" || character === '`' || character === '"') {
      quote = character;
      result += character;
      continue;
    }
    if (/\s/.test(character)) {
      if (!result.endsWith(' ')) result += ' ';
      continue;
    }
    if (character === '(' || character === ')' || character === ',') {
      result = result.replace(/ $/, '') + character;
      while (/\s/.test(text[position + 1] ?? '')) position += 1;
      continue;
    }
    result += character.toLowerCase();
  }
  return result.trim();
}

/** The text split where `separator` matches outside string literals. */
function splitOutsideQuotes(text: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let start = 0;
  let quoted = false;
  for (let position = 0; position < text.length; position += 1) {
    if (text[position] === "'") {
      quoted = !quoted;
      continue;
    }
    if (quoted) continue;
    const match = new RegExp(`^${separator.source}`, separator.flags).exec(text.slice(position));
    if (match !== null && position > 0) {
      parts.push(text.slice(start, position));
      position += match[0].length - 1;
      start = position + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

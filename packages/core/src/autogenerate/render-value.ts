import { isConvertedName } from '../schema/converted-name.js';
import { isSqlExpression } from '../schema/sql-expression.js';
import { escapeStringText } from '../script/escape-template-value.js';
import type { RenderState } from './render-state.js';

/** Widest single-line form before a call, list or object is split over several lines. */
const LINE_LIMIT = 100;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * A string as a TypeScript literal: single-quoted, or double-quoted when that saves escaping
 * (`"it's"`).
 *
 * @internal
 */
export function renderString(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  return `${quote}${escapeStringText(text, quote)}${quote}`;
}

/**
 * Any plain value as TypeScript: strings, numbers, booleans, `null`, lists, plain objects,
 * `sql('...')` for SQL expressions, `op.f('...')` for converted names, `new Date(...)`.
 *
 * @internal
 */
export function renderValue(value: unknown, state: RenderState): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return renderString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (Array.isArray(value)) return renderList(value.map((element: unknown) => renderValue(element, state)));
  if (value instanceof Date) return `new Date(${renderString(value.toISOString())})`;
  if (isSqlExpression(value)) return `${state.helper('sql')}(${renderString(value.text)})`;
  if (isConvertedName(value)) return `op.f(${renderString(value.name)})`;
  if (typeof value === 'object') {
    return renderObject(
      Object.entries(value).map(([key, entry]) => [key, entry === undefined ? undefined : renderValue(entry, state)]),
    );
  }
  return renderString(String(value));
}

/**
 * An object literal from rendered entries, leaving out entries whose value is undefined; `''`
 * when none is left (callers then drop the argument).
 *
 * @internal
 */
export function renderObject(entries: readonly (readonly [string, string | undefined])[]): string {
  const present = entries.filter((entry): entry is readonly [string, string] => entry[1] !== undefined);
  if (present.length === 0) return '';
  const parts = present.map(([key, value]) => `${IDENTIFIER.test(key) ? key : renderString(key)}: ${value}`);
  const single = `{ ${parts.join(', ')} }`;
  if (!single.includes('\n') && single.length <= LINE_LIMIT) return single;
  return `{\n${parts.map((part) => `${indent(part)},`).join('\n')}\n}`;
}

/**
 * A list literal; `multiline` forces one element per line (table elements).
 *
 * @internal
 */
export function renderList(elements: readonly string[], multiline = false): string {
  const single = `[${elements.join(', ')}]`;
  if (!multiline && !single.includes('\n') && single.length <= LINE_LIMIT) return single;
  if (elements.length === 0) return '[]';
  return `[\n${elements.map((element) => `${indent(element)},`).join('\n')}\n]`;
}

/**
 * A call. Empty-string arguments at the end are dropped (absent options). On one line when it
 * fits; else, when only the last argument spreads over lines, hugging it (`f('a', [\n ...\n])`);
 * else one argument per line.
 *
 * @internal
 */
export function renderCall(callee: string, callArguments: readonly string[]): string {
  const present = [...callArguments];
  while (present.length > 0 && present[present.length - 1] === '') present.pop();
  const single = `${callee}(${present.join(', ')})`;
  const multiLine = present.filter((argument) => argument.includes('\n'));
  if (multiLine.length === 0 && single.length <= LINE_LIMIT) return single;
  const last = present[present.length - 1];
  if (multiLine.length === 1 && multiLine[0] === last) return single;
  const leading = present.slice(0, -1);
  if (multiLine.length === 0 && last !== undefined && last.startsWith('{ ') && last.endsWith(' }')) {
    const head = `${callee}(${[...leading, '{'].join(', ')}`;
    if (head.length <= LINE_LIMIT) {
      const entries = splitTopLevel(last.slice(2, -2));
      return `${head}\n${entries.map((entry) => `${indent(entry)},`).join('\n')}\n})`;
    }
  }
  return `${callee}(\n${present.map((argument) => `${indent(argument)},`).join('\n')}\n)`;
}

/** Splits rendered code at its top-level commas (outside brackets and string literals). */
function splitTopLevel(code: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let position = 0; position < code.length; position += 1) {
    const character = code[position] as string;
    if (quote !== undefined) {
      if (character === '\\') position += 1;
      else if (character === quote) quote = undefined;
    } else if (character === "'" || character === '"') {
      quote = character;
    } else if ('([{'.includes(character)) {
      depth += 1;
    } else if (')]}'.includes(character)) {
      depth -= 1;
    } else if (character === ',' && depth === 0) {
      parts.push(code.slice(start, position).trim());
      start = position + 1;
    }
  }
  parts.push(code.slice(start).trim());
  return parts;
}

/**
 * Indents every line of `text` by two spaces (or `prefix`).
 *
 * @internal
 */
export function indent(text: string, prefix = '  '): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : `${prefix}${line}`))
    .join('\n');
}

import { FileTemplateError } from '../errors/file-template-error.js';

/**
 * Renders `template` the way Python's `template % values` does with a mapping, for the subset that
 * Alembic's `file_template` uses:
 *
 * - `%(name)s`: the value as text; a precision truncates it (`%(slug).10s`).
 * - `%(name)d` / `%(name)i`: the value as an integer (a string value is an error, as in Python); a
 *   precision is a minimum number of digits, so `%(month).2d` of 7 is `07`.
 * - flags `-` (left-align), `0` (zero-pad numbers), `+` and space (sign of numbers), `#` (no
 *   effect here), a width, and the length modifiers `h`, `l`, `L` (ignored, as Python does).
 * - `%%` is a literal `%`.
 *
 * ```ts
 * formatPercentTemplate('%(year)d/%(month).2d_%(rev)s', { year: 2024, month: 7, rev: 'ae10' });
 * // '2024/07_ae10'
 * ```
 *
 * @throws FileTemplateError (`ALEMBIC_FILE_TEMPLATE`) for a key not in `values`, a conversion other
 * than `s`, `d`, `i`, a directive without a `(key)`, or a truncated directive.
 */
export function formatPercentTemplate(template: string, values: Readonly<Record<string, string | number>>): string {
  let output = '';
  let index = 0;
  for (;;) {
    const percent = template.indexOf('%', index);
    if (percent === -1) {
      return output + template.slice(index);
    }
    output += template.slice(index, percent);
    index = percent + 1;
    if (template.charCodeAt(index) === PERCENT) {
      output += '%';
      index += 1;
      continue;
    }
    if (template.charCodeAt(index) !== OPEN_PAREN) {
      throw malformed(template, percent, undefined, 'a directive must name its token, as in %(rev)s');
    }
    // The key runs to the matching parenthesis (Python counts nested ones).
    let nesting = 1;
    let keyEnd = index + 1;
    for (; keyEnd < template.length; keyEnd += 1) {
      const code = template.charCodeAt(keyEnd);
      if (code === OPEN_PAREN) nesting += 1;
      else if (code === CLOSE_PAREN && --nesting === 0) break;
    }
    if (keyEnd >= template.length) {
      throw malformed(template, percent, undefined, "the '(' of the token name is not closed");
    }
    const key = template.slice(index + 1, keyEnd);
    index = keyEnd + 1;

    let leftAlign = false;
    let zeroPad = false;
    let sign = '';
    for (; index < template.length; index += 1) {
      const flag = template[index];
      if (flag === '-') leftAlign = true;
      else if (flag === '0') zeroPad = true;
      else if (flag === '+') sign = '+';
      else if (flag === ' ') sign = sign === '+' ? '+' : ' ';
      else if (flag !== '#') break;
    }
    let width = 0;
    for (; isDigit(template.charCodeAt(index)); index += 1) {
      width = width * 10 + (template.charCodeAt(index) - ZERO);
    }
    let precision: number | undefined;
    if (template[index] === '.') {
      precision = 0;
      for (index += 1; isDigit(template.charCodeAt(index)); index += 1) {
        precision = precision * 10 + (template.charCodeAt(index) - ZERO);
      }
    }
    while (template[index] === 'h' || template[index] === 'l' || template[index] === 'L') {
      index += 1;
    }
    const conversion = template[index];
    if (conversion === undefined) {
      throw malformed(template, percent, key, 'the directive is incomplete');
    }
    if (conversion !== 's' && conversion !== 'd' && conversion !== 'i') {
      throw malformed(template, percent, key, `unsupported conversion '${conversion}' (use s, d or i)`);
    }
    index += 1;

    if (!Object.hasOwn(values, key)) {
      throw new FileTemplateError(
        template,
        key,
        `Unknown token '${key}' in file template '${template}'; available tokens: ${Object.keys(values).join(', ')}`,
      );
    }
    const value = values[key] as string | number;
    let text: string;
    if (conversion === 's') {
      text = String(value);
      if (precision !== undefined) text = text.slice(0, precision);
      zeroPad = false;
    } else {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new FileTemplateError(
          template,
          key,
          `Token '${key}' in file template '${template}' is not a number; use %(${key})s`,
        );
      }
      text = formatInteger(value, sign, precision);
    }
    output += pad(text, width, leftAlign, zeroPad);
  }
}

const PERCENT = 0x25;
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;
const ZERO = 0x30;

function isDigit(code: number): boolean {
  return code >= ZERO && code <= 0x39;
}

function formatInteger(value: number, sign: string, precision: number | undefined): string {
  const integer = Math.trunc(value);
  let digits = Math.abs(integer).toFixed(0);
  if (precision !== undefined && digits.length < precision) {
    digits = '0'.repeat(precision - digits.length) + digits;
  }
  return (integer < 0 ? '-' : sign) + digits;
}

function pad(text: string, width: number, leftAlign: boolean, zeroPad: boolean): string {
  if (text.length >= width) return text;
  const fill = width - text.length;
  if (leftAlign) return text + ' '.repeat(fill);
  if (!zeroPad) return ' '.repeat(fill) + text;
  const signLength = text[0] === '-' || text[0] === '+' || text[0] === ' ' ? 1 : 0;
  return text.slice(0, signLength) + '0'.repeat(fill) + text.slice(signLength);
}

function malformed(template: string, position: number, key: string | undefined, reason: string): FileTemplateError {
  const where = key === undefined ? `at position ${position}` : `for token '${key}'`;
  return new FileTemplateError(template, key, `Malformed directive ${where} in file template '${template}': ${reason}`);
}

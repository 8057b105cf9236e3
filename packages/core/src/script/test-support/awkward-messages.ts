/**
 * Revision messages for property tests: arbitrary text plus the pieces that break comments,
 * strings and template literals, and what a script's doc comment should read back for each.
 */
import fc from 'fast-check';

/** Pieces that have broken, or could break, a comment, a string or a template literal. */
const AWKWARD = [
  '*/',
  '/*',
  '*',
  '/',
  '\\',
  '`',
  '${',
  '}',
  "'",
  '"',
  '\n',
  '\r',
  '\r\n',
  '\u2028',
  '\u2029',
  '\u0000',
  ' ',
  '\t',
  '\u000b',
  'x',
  'é',
  '😀',
  '\\*/',
  '*\\/',
  ' * ',
  '//',
  '#!',
  '\uFEFF',
  '\u00a0',
  'Revision ID: x',
];

/** Messages: arbitrary Unicode, arbitrary code points, awkward pieces, and long ones. */
export const messages: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 120 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.array(fc.constantFrom(...AWKWARD), { maxLength: 40 }).map((pieces) => pieces.join('')),
  fc
    .tuple(fc.constantFrom(...AWKWARD), fc.integer({ min: 1000, max: 10_000 }))
    .map(([piece, count]) => piece.repeat(Math.ceil(count / piece.length))),
);

/**
 * The long doc a script rendered with `message` reads back, `tail` being what the template
 * writes after the message (`\n\nRevision ID: ...`): line breaks become `\n` and the whole is
 * trimmed, as Alembic's docstrings are.
 */
export function expectedLongDoc(message: string, tail: string): string {
  return `${message.replace(/\r\n?/g, '\n')}${tail}`.trim();
}

/** The text as a UTF-8 file keeps it: a lone surrogate becomes U+FFFD. */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

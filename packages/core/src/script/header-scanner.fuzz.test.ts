/**
 * Fuzzing of the static header reader (`readScriptHeader`, i.e. `HeaderScanner`): whatever a
 * file holds, reading it either returns a header or throws a `ScriptFileError`
 * (`ALEMBIC_BAD_SCRIPT_FILE`) — never a `TypeError`, a `RangeError` or a hang — and a header
 * written with any string values reads back as written, whatever comments, strings, template
 * literals and regular expressions come before it.
 */
import fc from 'fast-check';

import { AlembicError } from '../errors/alembic-error.js';
import { readScriptHeader, type ScriptHeader } from './script-header.js';

/** Reads a header; a thrown error must be the typed one, with its code. */
function readOrTypedError(source: string): ScriptHeader | AlembicError {
  try {
    return readScriptHeader(source, 'migrations/versions/fuzz.ts');
  } catch (error) {
    if (AlembicError.isInstance(error) && error.code === 'ALEMBIC_BAD_SCRIPT_FILE') return error;
    throw error;
  }
}

/** The shape a header always has. */
function expectHeaderShape(header: ScriptHeader): void {
  expect(header.revision === undefined || typeof header.revision === 'string').toBe(true);
  const { downRevision } = header;
  expect(
    downRevision === undefined ||
      downRevision === null ||
      typeof downRevision === 'string' ||
      (Array.isArray(downRevision) && downRevision.every((value) => typeof value === 'string')),
  ).toBe(true);
  expect(header.branchLabels.every((label) => typeof label === 'string')).toBe(true);
  expect(header.dependsOn === null || header.dependsOn.every((value) => typeof value === 'string')).toBe(true);
  expect(typeof header.longDoc).toBe('string');
  expect(typeof header.doc).toBe('string');
}

/** Pieces of JavaScript and TypeScript that steer the scanner into its every branch. */
const SOURCE_TOKENS = [
  'export',
  'const',
  'let',
  'var',
  'revision',
  'downRevision',
  'down_revision',
  'branchLabels',
  'branch_labels',
  'dependsOn',
  'depends_on',
  'exports.',
  'module.exports.',
  'exports',
  'module',
  'null',
  'undefined',
  'void',
  '0',
  '1.5e3',
  'as',
  'return',
  'typeof',
  'await',
  'x',
  '$',
  ' ',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '\u2028',
  '\uFEFF',
  '#!',
  '=',
  '==',
  '=>',
  ':',
  '!',
  ';',
  ',',
  '.',
  '?',
  '+',
  '-',
  '%',
  '<',
  '>',
  '&',
  '|',
  '^',
  "'",
  '"',
  '`',
  '${',
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  '/',
  '*',
  '/*',
  '*/',
  '//',
  '\\',
  '\\u',
  '\\u{',
  '\\x',
  '41',
  'ffff',
  '110000',
  "'abc'",
  '"de\\"f"',
  '`t${1}t`',
  '/re[/]x/g',
  'string[]',
  'readonly',
  '\u{1F600}',
  '\uD800',
];

const sourceLike = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...SOURCE_TOKENS) }, { weight: 1, arbitrary: fc.string() }), {
    maxLength: 60,
  })
  .map((pieces) => pieces.join(''));

/** A JavaScript string literal for any string (`JSON.stringify` writes a valid one). */
const quoted = (value: string): string => JSON.stringify(value);

/** The same, in single quotes. */
const singleQuoted = (value: string): string =>
  `'${JSON.stringify(value).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;

/** Text that cannot end the comment, string or template it is put in. */
const noiseText = fc.string({ unit: 'binary', maxLength: 40 });

/**
 * Code before the header that holds header-like text only inside comments, strings, template
 * literals and regular expressions: none of it may count.
 */
const preamble = fc
  .array(
    fc.oneof(
      noiseText.map((text) => `/* ${text.replace(/\*\//g, '* /')} export const revision = 'fake'; */\n`),
      noiseText.map((text) => `// ${text.replace(/[\n\r\u2028\u2029]/g, ' ')} export const revision = 'fake';\n`),
      noiseText.map((text) => `const text = ${quoted(`${text} export const revision = 'fake';`)};\n`),
      noiseText.map(
        (text) =>
          `const template = \`${text.replace(/[\\`$]/g, (character) => `\\${character}`)}\${\`inner \${1}\`} export const revision = 'fake';\`;\n`,
      ),
      fc.constant("const pattern = /export const revision = 'fake'[/]/g;\n"),
      fc.constant("function helper() {\n  const revision = 'fake';\n  return revision;\n}\n"),
    ),
    { maxLength: 6 },
  )
  .map((pieces) => pieces.join(''));

/** A header value as written: a string, a list of strings or null. */
const headerValue = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.array(fc.string({ unit: 'binary' }), { maxLength: 3 }),
  fc.constant(null),
);

function literal(value: string | readonly string[] | null, singleQuotes: boolean): string {
  const text = singleQuotes ? singleQuoted : quoted;
  if (value === null) return 'null';
  return typeof value === 'string' ? text(value) : `[${value.map(text).join(', ')}]`;
}

describe('readScriptHeader on arbitrary input', () => {
  it('any string: a header or a ScriptFileError, nothing else', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (source) => {
        const outcome = readOrTypedError(source);
        if (!AlembicError.isInstance(outcome)) expectHeaderShape(outcome);
      }),
      { numRuns: 1000 },
    );
  });

  it('source-like token soup: a header or a ScriptFileError, nothing else', () => {
    fc.assert(
      fc.property(sourceLike, (source) => {
        const outcome = readOrTypedError(source);
        if (!AlembicError.isInstance(outcome)) expectHeaderShape(outcome);
      }),
      { numRuns: 2000 },
    );
  });

  it('token soup after a real header declaration: still only typed errors', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('export const revision = ', 'exports.downRevision = ', 'export let dependsOn: string[] = '),
        sourceLike,
        (start, rest) => {
          const outcome = readOrTypedError(start + rest);
          if (!AlembicError.isInstance(outcome)) expectHeaderShape(outcome);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('a header with any string values reads back as written, after any preamble', () => {
    fc.assert(
      fc.property(
        preamble,
        fc.string({ unit: 'binary' }),
        headerValue,
        headerValue,
        headerValue,
        fc.boolean(),
        (before, revision, downRevision, branchLabels, dependsOn, singleQuotes) => {
          const source = [
            before,
            `export const revision = ${literal(revision, singleQuotes)};`,
            `export const downRevision: string | string[] | null = ${literal(downRevision, singleQuotes)};`,
            `export const branchLabels = ${literal(branchLabels, singleQuotes)} as const;`,
            `exports.dependsOn = ${literal(dependsOn, singleQuotes)}`,
            "export async function upgrade() { const revision = 'inner'; }",
            '',
          ].join('\n');
          const header = readScriptHeader(source, 'fuzz.ts');
          const asList = (value: string | readonly string[] | null): readonly string[] | null =>
            value === null ? null : typeof value === 'string' ? [value] : value;
          expect(header.revision).toBe(revision);
          expect(header.downRevision).toEqual(downRevision);
          expect(header.branchLabels).toEqual(asList(branchLabels) ?? []);
          expect(header.dependsOn).toEqual(asList(dependsOn));
        },
      ),
      { numRuns: 500 },
    );
  });
});

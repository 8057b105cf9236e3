import { ScriptFileError } from '../errors/script-file-error.js';
import { readScriptHeader, revisionIdFromFileName } from './script-header.js';

const DESIGN_EXAMPLE = `/**
 * add account table
 *
 * Revision ID: ae1027a6acf
 * Revises: 1975ea83b712
 * Create Date: 2026-11-23 18:00:00.000000
 */
import { op } from '@alembic/core';

export const revision = 'ae1027a6acf';
export const downRevision: string | string[] | null = '1975ea83b712';
export const branchLabels: string | string[] | null = null;
export const dependsOn: string | string[] | null = null;

export async function upgrade(): Promise<void> {
  await op.execute('CREATE TABLE t (id INTEGER)');
}

export async function downgrade(): Promise<void> {
  await op.execute('DROP TABLE t');
}
`;

function errorOf(source: string, filePath = 'migrations/versions/x.ts'): ScriptFileError {
  try {
    readScriptHeader(source, filePath);
  } catch (error) {
    expect(error).toBeInstanceOf(ScriptFileError);
    return error as ScriptFileError;
  }
  throw new Error('expected a ScriptFileError');
}

describe('readScriptHeader', () => {
  it('reads the DESIGN 2.1 example', () => {
    expect(readScriptHeader(DESIGN_EXAMPLE, 'x.ts')).toEqual({
      revision: 'ae1027a6acf',
      downRevision: '1975ea83b712',
      branchLabels: [],
      dependsOn: null,
      longDoc:
        'add account table\n\nRevision ID: ae1027a6acf\nRevises: 1975ea83b712\nCreate Date: 2026-11-23 18:00:00.000000',
      doc: 'add account table',
    });
  });

  it('reads merge points, labels and dependencies as arrays', () => {
    const header = readScriptHeader(
      `export const revision = "eee5";
export const downRevision = [
  'ccc3', // the main line
  /* the branch */ "ddd4",
] as const;
export const branchLabels = 'xbranch';
export let dependsOn: readonly string[] = [\`aaa1\`]
export var other = 1;
`,
      'x.ts',
    );
    expect(header.revision).toBe('eee5');
    expect(header.downRevision).toEqual(['ccc3', 'ddd4']);
    expect(header.branchLabels).toEqual(['xbranch']);
    expect(header.dependsOn).toEqual(['aaa1']);
  });

  it('accepts the snake_case names', () => {
    const header = readScriptHeader(
      "export const revision = 'b';\nexport const down_revision = 'a';\nexport const branch_labels = ['x', 'y'];\nexport const depends_on = 'c';\n",
      'x.ts',
    );
    expect(header).toMatchObject({ downRevision: 'a', branchLabels: ['x', 'y'], dependsOn: ['c'] });
  });

  it('reads CommonJS output, including tsc-style chained void 0 preambles', () => {
    const header = readScriptHeader(
      `"use strict";
/**
 * compiled
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.dependsOn = exports.branchLabels = exports.downRevision = exports.revision = void 0;
exports.upgrade = upgrade;
exports.revision = 'c0ffee';
exports.downRevision = null;
module.exports.branchLabels = ['main'];
async function upgrade() {}
`,
      'x.cjs',
    );
    expect(header).toEqual({
      revision: 'c0ffee',
      downRevision: null,
      branchLabels: ['main'],
      dependsOn: null,
      longDoc: 'compiled',
      doc: 'compiled',
    });
  });

  it('reports a missing downRevision and revision as undefined', () => {
    const header = readScriptHeader('export const branchLabels = null;\n', 'x.ts');
    expect(header.revision).toBeUndefined();
    expect(header.downRevision).toBeUndefined();
    expect(header.longDoc).toBe('');
    expect(header.doc).toBe('');
  });

  it('distinguishes a null downRevision (a base) from a missing one', () => {
    expect(
      readScriptHeader("export const revision = 'a'\nexport const downRevision = null\n", 'x.ts').downRevision,
    ).toBeNull();
  });

  it('ignores exports inside comments, strings, template literals and regular expressions', () => {
    const header = readScriptHeader(
      `// export const revision = 'comment1';
/* export const revision = 'comment2'; */
const text = "export const revision = 'string1'";
const other = 'exports.revision = "string2"';
const template = \`
export const revision = 'template'
\${ '}' + \`nested \${'{'} export const revision = 'deep'\` }
export const downRevision = 'template2'
\`;
const pattern = /export const revision = '(regex)'/g;
const quote = /'/;
function check(value) { if (value) return /["'\`]/.test(value); else return typeof value / 2; }
const division = returned / 2; const next = '"';
export const revision = 'real';
export const downRevision = null;
`,
      'x.ts',
    );
    expect(header.revision).toBe('real');
    expect(header.downRevision).toBeNull();
  });

  it('does not mistake a division for a regular expression', () => {
    const header = readScriptHeader(
      `const half = total / 2; const ratio = (a + b) / c; const x = y[0] / 4;
export const revision = 'after_division';
export const downRevision = null;
`,
      'x.ts',
    );
    expect(header.revision).toBe('after_division');
  });

  it('only reads top-level declarations', () => {
    const header = readScriptHeader(
      `export const revision = 'top';
export const downRevision = null;
export async function upgrade(): Promise<void> {
  const exports = { revision: '' };
  exports.revision = someCall();
}
namespace inner {
  export const revision = notALiteral();
}
foo.export = 1;
`,
      'x.ts',
    );
    expect(header.revision).toBe('top');
  });

  it('decodes string escapes', () => {
    const header = readScriptHeader(
      String.raw`export const revision = 'it\'s\x41\u0042\u{43}\\';
export const downRevision = "a\"b";
`,
      'x.ts',
    );
    expect(header.revision).toBe("it'sABC\\");
    expect(header.downRevision).toBe('a"b');
  });

  it('reads several declarators in one statement and type annotations with functions', () => {
    const header = readScriptHeader(
      `export const revision: string = 'r1', downRevision: Array<string> | null = null;
export const branchLabels: Record<string, () => void> | null = null;
`,
      'x.ts',
    );
    expect(header).toMatchObject({ revision: 'r1', downRevision: null, branchLabels: [] });
  });

  it('names the file and the line of a value that is not a literal', () => {
    const error = errorOf(
      "/** doc */\nexport const revision = 'a';\n\nexport const downRevision: string | null =\n  computeIt();\n",
    );
    expect(error.code).toBe('ALEMBIC_BAD_SCRIPT_FILE');
    expect(error.filePath).toBe('migrations/versions/x.ts');
    expect(error.line).toBe(4);
    expect(error.message).toBe(
      "Could not read 'downRevision' statically in migrations/versions/x.ts:4: expected a string, an array of strings or null",
    );
  });

  it.each([
    ['an interpolated template', 'export const downRevision = `${base}`;'],
    ['a concatenation', "export const downRevision = 'a' + 'b';"],
    ['a continued line', "export const downRevision = 'a'\n  + 'b';"],
    ['an array with a non-string', "export const downRevision = ['a', 1];"],
    ['an unclosed array', "export const downRevision = ['a' 'b'];"],
    ['a cast other than as const', "export const downRevision = 'a' as string;"],
    ['an unterminated string', "export const downRevision = 'a\n';"],
    ['a CommonJS chain ending in a call', 'exports.dependsOn = exports.other = make();'],
    ['a snake_case alias', 'export const depends_on = Symbol();'],
  ])('rejects %s', (_description, source) => {
    expect(errorOf(source).line).toBe(1);
  });

  it('requires revision to be a string', () => {
    expect(errorOf('export const revision = null;').message).toBe(
      "Could not read 'revision' statically in migrations/versions/x.ts:1: expected a string",
    );
    expect(errorOf("export const revision = ['a'];").code).toBe('ALEMBIC_BAD_SCRIPT_FILE');
  });

  it('takes the first leading block comment as longDoc, and its first paragraph as doc', () => {
    const header = readScriptHeader(
      `#!/usr/bin/env node
// @ts-nocheck
/**
 * Add the account table,
 * and its index.
 *
 *   - indented line
 * Revision ID: a
 **/
/** not this one */
export const revision = 'a';
`,
      'x.ts',
    );
    expect(header.longDoc).toBe('Add the account table,\nand its index.\n\n  - indented line\nRevision ID: a');
    expect(header.doc).toBe('Add the account table,\nand its index.');
  });

  it('reads one-line and star-less block comments', () => {
    expect(readScriptHeader('/** one line */\n', 'x.ts').longDoc).toBe('one line');
    expect(readScriptHeader('/*\n   plain\n\n   more\n*/\n', 'x.ts')).toMatchObject({
      longDoc: 'plain\n\nmore',
      doc: 'plain',
    });
    expect(readScriptHeader('\uFEFF\r\n/**\r\n * crlf\r\n */\r\n', 'x.ts').longDoc).toBe('crlf');
  });

  it('has no longDoc when code comes first', () => {
    expect(readScriptHeader("import x from 'y';\n/** late */\n", 'x.ts').longDoc).toBe('');
  });
});

describe('revisionIdFromFileName', () => {
  it('takes the leading hex id before _ or the extension', () => {
    expect(revisionIdFromFileName('ae1027a6acf_add_account.ts')).toBe('ae1027a6acf');
    expect(revisionIdFromFileName('1975ea83b712.js')).toBe('1975ea83b712');
    expect(revisionIdFromFileName('/abs/path/versions/abc123_x.mjs')).toBe('abc123');
  });

  it('gives undefined when the name does not start with a hex id', () => {
    expect(revisionIdFromFileName('create_account.ts')).toBeUndefined();
    expect(revisionIdFromFileName('add_account.ts')).toBe('add'); // 'add' is hex, as in Alembic
    expect(revisionIdFromFileName('ABC_upper.ts')).toBeUndefined();
    expect(revisionIdFromFileName('abc123')).toBeUndefined();
    expect(revisionIdFromFileName('12ab-x.ts')).toBeUndefined();
  });
});

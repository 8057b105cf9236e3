import { escapeStringText, escapeTemplateValue, unescapeDocComment } from './escape-template-value.js';
import { renderScriptTemplate } from './script-template.js';
import { readScriptHeader } from './script-header.js';
import { templateContexts } from './template-context.js';

const HEADER =
  '/**\n * ${message}\n *\n * Revision ID: ${upRevision}\n */\nexport const revision = ${literal(upRevision)};\nexport const downRevision = null;\n';

function render(template: string, message: string): string {
  return renderScriptTemplate(template, { message, upRevision: 'abc1' }, 'script.ts.tmpl');
}

describe('templateContexts', () => {
  it('tells comments, strings, template literals, regular expressions and code apart', () => {
    const source = [
      '/**', // 0
      ' * _', // a block comment with its margin
      ' */',
      'const a = "_" + \'_\';', // strings
      'const b = `x _ ${ f({ y: `_` }) } _`;', // template literal, nested
      'const c = /[\'"]/.test(d); _', // a regular expression with quotes, then code
      '  // note: _', // a line comment
      'const e = 1 / 2; // _',
    ].join('\n');
    const positions = [...source.matchAll(/_/g)].map((match) => match.index);
    expect(templateContexts(source, positions)).toEqual([
      { kind: 'block-comment', margin: ' * ' },
      { kind: 'string', quote: '"' },
      { kind: 'string', quote: "'" },
      { kind: 'template-literal' },
      { kind: 'template-literal' },
      { kind: 'template-literal' },
      { kind: 'code' },
      { kind: 'line-comment', margin: '  // ' },
      { kind: 'line-comment', margin: '// ' },
    ]);
  });

  it('gives a comment that opens on the line a margin one space in', () => {
    expect(templateContexts('  /** _ */', [6])).toEqual([{ kind: 'block-comment', margin: '   * ' }]);
  });
});

describe('escapeTemplateValue', () => {
  const blockComment = { kind: 'block-comment', margin: ' * ' } as const;

  it('writes ordinary text as is', () => {
    expect(escapeTemplateValue("add account table (it's v2) 100% `done`", blockComment, ' ', '')).toBe(
      "add account table (it's v2) 100% `done`",
    );
  });

  it('escapes comment terminators, also across the placeholder boundary', () => {
    expect(escapeTemplateValue('fix */ done', blockComment, ' ', '')).toBe('fix *\\/ done');
    expect(escapeTemplateValue('a *\\/ b **/', blockComment, ' ', '')).toBe('a *\\\\/ b **\\/');
    expect(escapeTemplateValue('/x', blockComment, '*', '')).toBe('\\/x');
    expect(escapeTemplateValue('x*', blockComment, ' ', '/')).toBe('x*\\');
  });

  it('continues each line with the margin (a bare margin for an empty line)', () => {
    expect(escapeTemplateValue('a\r\nb\r\rc\n', blockComment, ' ', '')).toBe('a\n * b\n *\n * c\n *');
  });

  it('keeps line, string and template-literal contexts closed', () => {
    expect(escapeTemplateValue('a\nb\u2028c', { kind: 'line-comment', margin: '// ' }, ' ', '')).toBe('a\n// b\n// c');
    expect(escapeTemplateValue(`it's "x"\n\\`, { kind: 'string', quote: '"' }, '"', '"')).toBe(`it's \\"x\\"\\n\\\\`);
    expect(escapeTemplateValue('`${x}` \\ \r', { kind: 'template-literal' }, '`', '`')).toBe('\\`\\${x}\\` \\\\ \\r');
    expect(escapeTemplateValue('a */ b', { kind: 'code' }, ' ', '')).toBe('a */ b');
  });

  it('escapes a string body for either quote', () => {
    expect(escapeStringText(`'"\u0001\u2028`, "'")).toBe(`\\'"\\u0001\\u2028`);
    expect(escapeStringText(`'"`, '"')).toBe(`'\\"`);
  });
});

describe('unescapeDocComment', () => {
  it('takes one backslash from each escaped terminator', () => {
    expect(unescapeDocComment('a *\\/ b *\\\\/ c */')).toBe('a */ b *\\/ c */');
    expect(unescapeDocComment('no escapes \\/ *')).toBe('no escapes \\/ *');
  });
});

describe('rendering a message into the header comment', () => {
  it('renders an ordinary message exactly as before', () => {
    expect(render(HEADER, 'create account table')).toBe(
      "/**\n * create account table\n *\n * Revision ID: abc1\n */\nexport const revision = 'abc1';\nexport const downRevision = null;\n",
    );
  });

  it.each([
    ['fix */ done'],
    ['line one\nline two\n\nsecond paragraph'],
    ['*/ export const revision = "evil"; /*'],
    ['`${process.exit(1)}` \\ \' " \u2028 \u2029 \u0000'],
    ['ends with a star *'],
    ['  * a line that looks like a margin\n * another'],
  ])('reads %j back from the doc comment', (message) => {
    const header = readScriptHeader(render(HEADER, message), 'x.ts');
    expect(header.revision).toBe('abc1');
    expect(header.longDoc).toBe(`${message.trim()}\n\nRevision ID: abc1`.trim());
  });
});

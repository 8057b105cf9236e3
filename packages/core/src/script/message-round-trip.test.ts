/**
 * Property: whatever a revision message holds, the shipped script templates render a script
 * that parses (esbuild, as the loader compiles it), whose header still declares what was
 * rendered, and whose doc comment reads back as the message (line breaks as `\n`, surrounding
 * white space trimmed, as Alembic's docstrings are).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import fc from 'fast-check';
import { readScriptHeader } from './script-header.js';
import { renderScriptTemplate } from './script-template.js';
import { expectedLongDoc, messages } from './test-support/awkward-messages.js';

const TEMPLATES = ['generic', 'multidb', 'typeorm'].map((name) => {
  const path = join(__dirname, '..', '..', 'templates', name, 'script.ts.tmpl');
  return { name, path, text: readFileSync(path, 'utf8') };
});

function render(templateText: string, templatePath: string, message: string): string {
  return renderScriptTemplate(
    templateText,
    {
      message,
      upRevision: 'abc123',
      downRevision: ['p1', 'p2'],
      branchLabels: ['feature'],
      dependsOn: null,
      createDate: '2026-12-04 10:00:00',
      imports: '',
      upgrades: '',
      downgrades: '',
    },
    templatePath,
  );
}

describe.each(TEMPLATES)('any message in the $name template', ({ path, text }) => {
  const marker = 'MESSAGE';
  const tail = readScriptHeader(render(text, path, marker), 'x.ts').longDoc.slice(marker.length);

  it('gives a script that parses and reads back the message', () => {
    fc.assert(
      fc.property(messages, (message) => {
        const source = render(text, path, message);
        expect(() => transformSync(source, { loader: 'ts' })).not.toThrow();
        const header = readScriptHeader(source, 'x.ts');
        expect(header.revision).toBe('abc123');
        expect(header.downRevision).toEqual(['p1', 'p2']);
        expect(header.branchLabels).toEqual(['feature']);
        expect(header.longDoc).toBe(expectedLongDoc(message, tail));
        expect(header.doc).toBe(header.longDoc.split('\n\n', 1)[0]);
      }),
      { numRuns: 150 },
    );
  });

  it('renders an ordinary message as the plain text it is', () => {
    const source = render(text, path, "add account table (it's 100% `fine`)");
    expect(source.split('\n')[1]).toBe(" * add account table (it's 100% `fine`)");
  });
});

import { ScriptTemplateError } from '../errors/script-template-error.js';
import { readScriptHeader } from './script-header.js';
import { renderScriptTemplate } from './script-template.js';

const TEMPLATE = `/**
 * \${message}
 *
 * Revision ID: \${upRevision}
 * Revises: \${downRevision}
 * Create Date: \${createDate}
 */
\${imports}
export const revision = \${literal(upRevision)};
export const downRevision: string | string[] | null = \${literal(downRevision)};
export const branchLabels: string | string[] | null = \${literal(branchLabels)};
export const dependsOn: string | string[] | null = \${literal(dependsOn)};
`;

function errorOf(run: () => unknown): ScriptTemplateError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ScriptTemplateError);
    return error as ScriptTemplateError;
  }
  throw new Error('expected a ScriptTemplateError');
}

describe('renderScriptTemplate', () => {
  it('renders display forms and literals', () => {
    const output = renderScriptTemplate(
      TEMPLATE,
      {
        message: 'merge heads',
        upRevision: 'eee5',
        downRevision: ['ccc3', 'ddd4'],
        createDate: '2026-11-23 18:19:52.560000',
        imports: null,
        branchLabels: undefined,
        dependsOn: null,
      },
      'migrations/script.ts.tmpl',
    );
    expect(output).toBe(`/**
 * merge heads
 *
 * Revision ID: eee5
 * Revises: ccc3, ddd4
 * Create Date: 2026-11-23 18:19:52.560000
 */

export const revision = 'eee5';
export const downRevision: string | string[] | null = ['ccc3', 'ddd4'];
export const branchLabels: string | string[] | null = null;
export const dependsOn: string | string[] | null = null;
`);
  });

  it('escapes string literals so that the header reads them back', () => {
    const awkward = 'it\'s a \\ back\nslash\t\r\u2028\u0001 ${not} `tick` "q"';
    const output = renderScriptTemplate(
      TEMPLATE,
      {
        message: 'm',
        upRevision: awkward,
        downRevision: null,
        createDate: '',
        imports: "import { op } from '@alembic/core';",
        branchLabels: ['x', "y'z"],
        dependsOn: 'a',
      },
      't',
    );
    expect(output).toContain(
      "export const revision = 'it\\'s a \\\\ back\\nslash\\t\\r\\u2028\\u0001 ${not} `tick` \"q\"';",
    );
    expect(readScriptHeader(output, 'x.ts')).toMatchObject({
      revision: awkward,
      downRevision: null,
      branchLabels: ['x', "y'z"],
      dependsOn: ['a'],
    });
  });

  it('renders numbers, booleans and nested arrays', () => {
    expect(
      renderScriptTemplate(
        '${literal(a)} ${literal(b)} ${literal(c)} ${a} ${c}',
        { a: 3, b: true, c: [['x'], 2] },
        't',
      ),
    ).toBe("3 true [['x'], 2] 3 x, 2");
  });

  it('keeps \\${ as a literal ${ and allows spaces inside placeholders', () => {
    expect(renderScriptTemplate('const s = `\\${x}`; ${ name } ${ literal( name ) }', { name: 'n' }, 't')).toBe(
      "const s = `${x}`; n 'n'",
    );
  });

  it('names the template and the variable when a variable is missing', () => {
    const error = errorOf(() =>
      renderScriptTemplate('${upRevision} ${mesage}', { upRevision: 'a', message: 'm' }, 'env/script.ts.tmpl'),
    );
    expect(error.code).toBe('ALEMBIC_TEMPLATE');
    expect(error.variable).toBe('mesage');
    expect(error.templatePath).toBe('env/script.ts.tmpl');
    expect(error.message).toBe(
      "Template env/script.ts.tmpl uses the variable 'mesage', which is not defined; defined: upRevision, message",
    );
  });

  it('does not take variables from the prototype', () => {
    expect(errorOf(() => renderScriptTemplate('${toString}', {}, 't')).variable).toBe('toString');
  });

  it('rejects a malformed placeholder', () => {
    const error = errorOf(() => renderScriptTemplate('const a = `${b + c}`;', { b: 1, c: 2 }, 'tmpl'));
    expect(error.message).toContain('Malformed placeholder in tmpl');
  });

  it('rejects literal() of an object', () => {
    const error = errorOf(() => renderScriptTemplate('${literal(config)}', { config: { a: 1 } }, 'tmpl'));
    expect(error.variable).toBe('config');
  });
});

import { ScriptTemplateError } from '../errors/script-template-error.js';

/** `\${`, `${name}` or `${literal(name)}`; a `${` of any other shape is caught as malformed. */
const PLACEHOLDER = /\\\$\{|\$\{\s*(?:([A-Za-z_$][\w$]*)|literal\(\s*([A-Za-z_$][\w$]*)\s*\))\s*\}|\$\{/g;

/**
 * Renders the template that writes new migration scripts (`script.ts.tmpl`):
 *
 * - `${name}` inserts the display form of a variable: a string as is, an array joined with
 *   `, `, `null` / `undefined` as nothing, anything else through `String()`;
 * - `${literal(name)}` inserts it as a TypeScript literal: `'it\'s'`, `['a', 'b']`, `null`
 *   (also for `undefined`), numbers and booleans as written;
 * - `\${` is a literal `${` (for template literals in the generated code).
 *
 * ```ts
 * renderScriptTemplate("export const downRevision = ${literal(downRevision)};\n// Revises: ${downRevision}",
 *   { downRevision: ['a1', 'b2'] }, 'script.ts.tmpl');
 * // "export const downRevision = ['a1', 'b2'];\n// Revises: a1, b2"
 * ```
 *
 * @throws ScriptTemplateError (`ALEMBIC_TEMPLATE`) naming the template and the variable, for a
 * variable not in `variables`, a malformed `${...}`, or a value that has no literal form.
 */
export function renderScriptTemplate(
  template: string,
  variables: Readonly<Record<string, unknown>>,
  templatePath: string,
): string {
  return template.replace(PLACEHOLDER, (match: string, name?: string, literalName?: string) => {
    if (match === '\\${') return '${';
    const variable = name ?? literalName;
    if (variable === undefined) {
      throw new ScriptTemplateError(
        templatePath,
        undefined,
        `Malformed placeholder in ${templatePath}: expected \${name} or \${literal(name)}; write \\\${ for a literal \${`,
      );
    }
    if (!Object.hasOwn(variables, variable)) {
      throw new ScriptTemplateError(
        templatePath,
        variable,
        `Template ${templatePath} uses the variable '${variable}', which is not defined; defined: ${Object.keys(variables).join(', ')}`,
      );
    }
    const value = variables[variable];
    return name === undefined ? toLiteral(value, variable, templatePath) : toDisplay(value);
  });
}

function toDisplay(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(toDisplay).join(', ');
  return String(value);
}

function toLiteral(value: unknown, variable: string, templatePath: string): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    return `[${value.map((element: unknown) => toLiteral(element, variable, templatePath)).join(', ')}]`;
  }
  throw new ScriptTemplateError(
    templatePath,
    variable,
    `Template ${templatePath} asks for literal(${variable}), but its value is not a string, a number, a boolean, an array or null`,
  );
}

const NEEDS_ESCAPE = /[\\'\u0000-\u001f\u2028\u2029]/g;

function quote(text: string): string {
  return `'${text.replace(NEEDS_ESCAPE, escapeCharacter)}'`;
}

function escapeCharacter(character: string): string {
  switch (character) {
    case '\\':
      return '\\\\';
    case "'":
      return "\\'";
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
    default:
      return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
  }
}

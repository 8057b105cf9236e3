import { ScriptTemplateError } from '../errors/script-template-error.js';
import { escapeStringText, escapeTemplateValue } from './escape-template-value.js';
import { templateContexts, type TemplateContext } from './template-context.js';

/** `\${`, `${name}` or `${literal(name)}`; a `${` of any other shape is caught as malformed. */
const PLACEHOLDER = /\\\$\{|\$\{\s*(?:([A-Za-z_$][\w$]*)|literal\(\s*([A-Za-z_$][\w$]*)\s*\))\s*\}|\$\{/g;

/**
 * Renders the template that writes new migration scripts (`script.ts.tmpl`):
 *
 * - `${name}` inserts the display form of a variable: a string as is, an array joined with
 *   `, `, `null` / `undefined` as nothing, anything else through `String()`. Where the
 *   placeholder stands inside a comment, a string or a template literal, the text is written
 *   so that it stays there (see `escapeTemplateValue`): a message holding `*\/`, quotes,
 *   backticks or line breaks still makes a script that loads, and its doc comment reads back
 *   as the message; in code (`${upgrades}`) it is inserted as is;
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
  // The template as literal text (with `\${` already a `${`) around each placeholder.
  const texts = [''];
  const placeholders: RegExpMatchArray[] = [];
  let copied = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    texts[texts.length - 1] += template.slice(copied, match.index) + (match[0] === '\\${' ? '${' : '');
    copied = match.index + match[0].length;
    if (match[0] === '\\${') continue;
    checkPlaceholder(match, variables, templatePath);
    placeholders.push(match);
    texts.push('');
  }
  texts[texts.length - 1] += template.slice(copied);

  // Where each placeholder stands, found in the template with one-character stand-ins.
  let standIn = texts[0] as string;
  const positions = placeholders.map((match, index) => {
    const position = standIn.length;
    standIn += `${match[2] === undefined ? '_' : '0'}${texts[index + 1] as string}`;
    return position;
  });
  const contexts = templateContexts(standIn, positions);

  return placeholders.reduce((output, match, index) => {
    const [, name, literalName] = match;
    const value = variables[(name ?? literalName) as string];
    const position = positions[index] as number;
    const rendered =
      name === undefined
        ? toLiteral(value, literalName as string, templatePath)
        : escapeTemplateValue(
            toDisplay(value),
            contexts[index] as TemplateContext,
            standIn.charAt(position - 1),
            /^\\*.?/.exec(standIn.slice(position + 1))?.[0] ?? '',
          );
    return output + rendered + (texts[index + 1] as string);
  }, texts[0] as string);
}

/** Throws for a malformed `${...}` or a variable not in `variables`. */
function checkPlaceholder(
  match: RegExpMatchArray,
  variables: Readonly<Record<string, unknown>>,
  templatePath: string,
): void {
  const variable = match[1] ?? match[2];
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

function quote(text: string): string {
  return `'${escapeStringText(text, "'")}'`;
}

/**
 * Hand-written revision scripts, for graphs the `revision` command cannot make (cycles,
 * duplicate labels, dangling parents). The same description renders as one of our `.ts`
 * scripts (DESIGN 2.1) or as a Python Alembic `.py` script.
 */

/** A revision id, a list of them, or nothing. */
export type RevisionReference = string | readonly string[] | null;

/** What a hand-written script declares. */
export interface ScriptDescription {
  /** `revision` (omit with `omitRevision` to test the file-name fallback). */
  readonly revision: string;
  readonly downRevision: RevisionReference;
  readonly branchLabels?: RevisionReference;
  readonly dependsOn?: RevisionReference;
  /** First line of the doc comment (default `message <revision>`). */
  readonly message?: string;
  /** Leave the `revision` declaration out. */
  readonly omitRevision?: boolean;
}

/** A TypeScript literal for a reference. */
function typeScriptLiteral(value: RevisionReference | undefined): string {
  if (value === null || value === undefined) {
    return 'null';
  }
  if (typeof value === 'string') {
    return `'${value}'`;
  }
  return `[${value.map((item) => `'${item}'`).join(', ')}]`;
}

/** A Python literal for a reference (tuples, as Alembic writes them). */
function pythonLiteral(value: RevisionReference | undefined): string {
  if (value === null || value === undefined) {
    return 'None';
  }
  if (typeof value === 'string') {
    return `'${value}'`;
  }
  return `(${value.map((item) => `'${item}'`).join(', ')}${value.length === 1 ? ',' : ''})`;
}

/** The "Revises:" text of a header. */
function revisesText(value: RevisionReference): string {
  if (value === null) {
    return '';
  }
  return typeof value === 'string' ? value : value.join(', ');
}

/** Renders one of our `.ts` revision scripts. */
export function typeScriptScript(description: ScriptDescription): string {
  const message = description.message ?? `message ${description.revision}`;
  const lines = [
    '/**',
    ` * ${message}`,
    ' *',
    ` * Revision ID: ${description.revision}`,
    ` * Revises: ${revisesText(description.downRevision)}`,
    ' * Create Date: 2026-01-01 00:00:00.000000',
    ' */',
  ];
  if (!description.omitRevision) {
    lines.push(`export const revision = '${description.revision}';`);
  }
  lines.push(
    `export const downRevision: string | string[] | null = ${typeScriptLiteral(description.downRevision)};`,
    `export const branchLabels: string | string[] | null = ${typeScriptLiteral(description.branchLabels)};`,
    `export const dependsOn: string | string[] | null = ${typeScriptLiteral(description.dependsOn)};`,
    '',
    'export async function upgrade(): Promise<void> {}',
    '',
    'export async function downgrade(): Promise<void> {}',
    '',
  );
  return lines.join('\n');
}

/** Renders a Python Alembic `.py` revision script. */
export function pythonScript(description: ScriptDescription): string {
  const message = description.message ?? `message ${description.revision}`;
  const lines = [
    `"""${message}`,
    '',
    `Revision ID: ${description.revision}`,
    `Revises: ${revisesText(description.downRevision)}`,
    'Create Date: 2026-01-01 00:00:00.000000',
    '',
    '"""',
  ];
  if (!description.omitRevision) {
    lines.push(`revision = '${description.revision}'`);
  }
  lines.push(
    `down_revision = ${pythonLiteral(description.downRevision)}`,
    `branch_labels = ${pythonLiteral(description.branchLabels)}`,
    `depends_on = ${pythonLiteral(description.dependsOn)}`,
    '',
    '',
    'def upgrade():',
    '    pass',
    '',
    '',
    'def downgrade():',
    '    pass',
    '',
  );
  return lines.join('\n');
}

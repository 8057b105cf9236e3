/** One version script of a `DialectMigrationProject`: its id, parent, imports and the bodies of `upgrade()` / `downgrade()`. */
export interface VersionScript {
  readonly revision: string;
  readonly downRevision: string | null;
  /** Names imported from `@alembic/core` besides `op`. */
  readonly imports?: readonly string[];
  /** Names imported from the project's dialect package (e.g. `nvarchar` from `@alembic/dialect-mssql`). */
  readonly dialectImports?: readonly string[];
  /** The body of `upgrade()`, indented as it should appear in the file. */
  readonly upgrade: string;
  /** The body of `downgrade()` (default: empty). */
  readonly downgrade?: string;
}

/**
 * The source of `script`'s file, `<revision>_step.ts`, in the project's script format:
 * `dialectImports` are imported from `dialectPackage`.
 *
 * @internal
 */
export function versionScriptSource(script: VersionScript, dialectPackage: string): string {
  const imports = ['op', ...(script.imports ?? [])].join(', ');
  const dialectImports =
    script.dialectImports === undefined || script.dialectImports.length === 0
      ? ''
      : `import { ${script.dialectImports.join(', ')} } from '${dialectPackage}';\n`;
  return `import { ${imports} } from '@alembic/core';
${dialectImports}
export const revision = ${JSON.stringify(script.revision)};
export const downRevision: string | null = ${JSON.stringify(script.downRevision)};
export const branchLabels = null;
export const dependsOn = null;

export async function upgrade(): Promise<void> {
${script.upgrade}
}

export async function downgrade(): Promise<void> {
${script.downgrade ?? ''}
}
`;
}

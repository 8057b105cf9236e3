import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { AlembicError } from '../errors/alembic-error.js';
import { CommandError } from '../errors/command-error.js';
import { ScriptTemplateError } from '../errors/script-template-error.js';
import { describeLoadError } from '../loader/describe-load-error.js';
import { toRevisionReference } from '../revision/revision.js';
import type { RevisionPlan } from './revision-plan.js';
import { readScriptHeader } from './script-header.js';
import { renderScriptTemplate } from './script-template.js';
import { Script } from './script.js';

const TYPESCRIPT_FILE = /\.(?:ts|mts|cts)$/;

/**
 * Renders the script of a planned revision from the environment's template and checks it before
 * anything is written: it must parse (esbuild, as the loader compiles it) and its header, read
 * back as the listing commands read it, must declare the planned id, parents, branch labels and
 * dependencies.
 *
 * @param templateArguments extra variables (`imports`, `upgrades`, `downgrades`, ...).
 * @throws ScriptTemplateError (`ALEMBIC_TEMPLATE`) for a template that cannot be rendered, or
 *   renders a script that would not load or would say something else; CommandError
 *   `ALEMBIC_TEMPLATE_WITHOUT_BRANCH_LABELS` when branch labels were asked for and the template
 *   does not write them.
 * @internal
 */
export async function renderRevision(
  plan: RevisionPlan,
  templateArguments: Readonly<Record<string, unknown>> = {},
): Promise<string> {
  const { templatePath } = plan;
  const source = renderScriptTemplate(
    readFileSync(templatePath, 'utf8'),
    {
      message: plan.message ?? 'empty message',
      upRevision: plan.revisionId,
      downRevision: toRevisionReference(plan.parentIds),
      branchLabels: plan.branchLabels.length > 0 ? plan.branchLabels : null,
      dependsOn: plan.dependsOn === null ? null : toRevisionReference(plan.dependsOn),
      createDate: plan.createDate.text,
      imports: '',
      upgrades: '',
      downgrades: '',
      ...templateArguments,
    },
    templatePath,
  );
  await checkSyntax(source, plan);
  checkHeader(source, plan);
  return source;
}

async function checkSyntax(source: string, plan: RevisionPlan): Promise<void> {
  const { transform } = await import('esbuild');
  try {
    await transform(source, { loader: TYPESCRIPT_FILE.test(plan.path) ? 'ts' : 'js', sourcefile: basename(plan.path) });
  } catch (error) {
    const described = describeLoadError(error, plan.path);
    if (described === undefined) throw error;
    throw new ScriptTemplateError(
      plan.templatePath,
      undefined,
      `The script rendered from ${plan.templatePath} would not load (${described.message.replace(/^Could not load /, '')}); nothing written`,
    );
  }
}

function checkHeader(source: string, plan: RevisionPlan): void {
  let script: Script;
  try {
    script = Script.fromHeader(readScriptHeader(source, plan.path), plan.path);
  } catch (error) {
    if (!AlembicError.isInstance(error)) throw error;
    throw new ScriptTemplateError(
      plan.templatePath,
      undefined,
      `The script rendered from ${plan.templatePath} would not be read (${error.message}); nothing written`,
    );
  }
  if (plan.branchLabels.length > 0 && script.declaredBranchLabels.length === 0) {
    throw new CommandError(
      `Version ${plan.revisionId} specified branch_labels ${plan.branchLabels.join(', ')}, however the ` +
        `migration file ${basename(plan.path)} does not have them; have you upgraded your script template to include the 'branchLabels' export?`,
      { code: 'ALEMBIC_TEMPLATE_WITHOUT_BRANCH_LABELS' },
    );
  }
  const differences = [
    differs('revision', script.revision, plan.revisionId),
    differs('downRevision', script.versionedDownRevisions, plan.parentIds),
    differs('branchLabels', script.declaredBranchLabels, plan.branchLabels),
    differs('dependsOn', toList(script.dependencies), plan.dependsOn ?? []),
  ].filter((difference): difference is string => difference !== undefined);
  if (differences.length > 0) {
    throw new ScriptTemplateError(
      plan.templatePath,
      undefined,
      `The script rendered from ${plan.templatePath} declares ${differences.join(', ')}; nothing written`,
    );
  }
}

function toList(reference: string | readonly string[] | null): readonly string[] {
  if (reference === null) return [];
  return typeof reference === 'string' ? [reference] : reference;
}

function differs(
  name: string,
  found: string | readonly string[],
  wanted: string | readonly string[],
): string | undefined {
  const shown = (value: string | readonly string[]): string => JSON.stringify(value);
  return shown(found) === shown(wanted) ? undefined : `${name} ${shown(found)} instead of ${shown(wanted)}`;
}

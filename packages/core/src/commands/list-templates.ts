import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { OutputStreams } from '../config/config.js';
import { templatesDirectory } from './templates-directory.js';

/** One template `init` can write. */
export interface TemplateDescription {
  readonly name: string;
  /** The first line of its README. */
  readonly description: string;
}

/** The templates `init --template` accepts, sorted by name. */
export function availableTemplates(): TemplateDescription[] {
  const root = templatesDirectory();
  return readdirSync(root)
    .filter((name) => statSync(join(root, name)).isDirectory())
    .sort()
    .map((name) => ({
      name,
      description:
        readFileSync(join(root, name, 'README.md'), 'utf8')
          .split('\n')[0]
          ?.trim() ?? '',
    }));
}

/**
 * Prints the available templates, as `alembic list-templates` does.
 */
export function listTemplates(output: Pick<OutputStreams, 'stdout'>): void {
  output.stdout('Available templates:\n');
  for (const template of availableTemplates()) output.stdout(`${template.name} - ${template.description}`);
  output.stdout("\nTemplates are used via the 'init' command, e.g.:\n\n  alembic init --template generic ./migrations");
}

import { createRequire } from 'node:module';
import type { Config } from '../config/config.js';
import { CommandError } from '../errors/command-error.js';
import type { Script } from '../script/script.js';
import { ScriptDirectory } from '../script/script-directory.js';
import { readCurrentHeads } from './read-current-heads.js';
import { splitCommandLine } from '../script/split-command-line.js';

/** Editors tried, in order, when neither `$EDITOR` nor `$VISUAL` is set. */
const FALLBACK_EDITORS = ['sensible-editor', 'editor', 'nano', 'vim', 'code'];

/**
 * Opens the script(s) an identifier names in `$EDITOR` (or `$VISUAL`, or a common editor),
 * waiting for the editor to exit.
 *
 * @throws CommandError `ALEMBIC_NO_EDITOR` (`No editor found: set $EDITOR or $VISUAL ...`) when
 *   neither variable is set and no common editor is installed, or when the one they name is
 *   not found; `ALEMBIC_EDITOR` when the editor fails.
 */
export async function edit(
  config: Config,
  identifier: string,
  environment: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const scripts = ScriptDirectory.fromConfig(config);
  if (identifier === 'current') {
    const heads = await readCurrentHeads(config, scripts);
    if (heads.length === 0) throw new CommandError('No current revisions', { code: 'ALEMBIC_NO_REVISION_FILES' });
    return openInEditor(scripts.getRevisions(heads), environment);
  }
  return openInEditor(scripts.getRevisions(identifier), environment, identifier);
}

function openInEditor(selected: readonly Script[], environment: NodeJS.ProcessEnv, identifier = 'current'): void {
  if (selected.length === 0) {
    throw new CommandError(`No revision files indicated by symbol '${identifier}'`, {
      code: 'ALEMBIC_NO_REVISION_FILES',
    });
  }
  const variable = environment.EDITOR ? 'EDITOR' : environment.VISUAL ? 'VISUAL' : undefined;
  const candidates =
    variable === undefined
      ? FALLBACK_EDITORS.map((name) => [name])
      : [configuredEditor(variable, environment[variable] as string)];
  // Loaded here, not at start-up: most commands never start a process.
  const { spawnSync } = createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process');
  for (const script of selected) {
    let failure: string | undefined;
    let opened = false;
    for (const [command, ...arguments_] of candidates) {
      const result = spawnSync(command as string, [...arguments_, script.path], { stdio: 'inherit' });
      if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
        if (variable === undefined) continue;
        throw new CommandError(
          `Editor '${command as string}' (from $${variable}) was not found; set $EDITOR or $VISUAL to an installed editor`,
          { code: 'ALEMBIC_NO_EDITOR' },
        );
      }
      if (result.error !== undefined) failure = result.error.message;
      else if (result.status !== 0)
        failure = `${command as string} exited with status ${result.status ?? result.signal}`;
      else opened = true;
      break;
    }
    if (failure !== undefined)
      throw new CommandError(`Error executing editor (${failure})`, { code: 'ALEMBIC_EDITOR' });
    if (!opened) {
      throw new CommandError(`No editor found: set $EDITOR or $VISUAL (tried ${FALLBACK_EDITORS.join(', ')})`, {
        code: 'ALEMBIC_NO_EDITOR',
      });
    }
  }
}

/** The command line `$EDITOR` or `$VISUAL` holds, split into words. */
function configuredEditor(variable: string, commandLine: string): string[] {
  let words: string[];
  try {
    words = splitCommandLine(commandLine);
  } catch (error) {
    throw new CommandError(
      `$${variable} cannot be read as a command (${(error as Error).message}); set $EDITOR or $VISUAL to an editor`,
      {
        code: 'ALEMBIC_NO_EDITOR',
      },
    );
  }
  if (words.length === 0) {
    throw new CommandError(`$${variable} is blank; set $EDITOR or $VISUAL to an editor`, { code: 'ALEMBIC_NO_EDITOR' });
  }
  return words;
}

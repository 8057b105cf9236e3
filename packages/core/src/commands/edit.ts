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
    throw new CommandError(`No revision files indicated by symbol '${identifier}'`, { code: 'ALEMBIC_NO_REVISION_FILES' });
  }
  const configured = environment.EDITOR || environment.VISUAL;
  const candidates = configured ? [splitCommandLine(configured)] : FALLBACK_EDITORS.map((name) => [name]);
  // Loaded here, not at start-up: most commands never start a process.
  const { spawnSync } = createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process');
  for (const script of selected) {
    let lastError = 'no editor found; set $EDITOR';
    let opened = false;
    for (const [command, ...arguments_] of candidates) {
      const result = spawnSync(command as string, [...arguments_, script.path], { stdio: 'inherit' });
      if (result.error !== undefined) {
        lastError = result.error.message;
        if ((result.error as NodeJS.ErrnoException).code === 'ENOENT' && !configured) continue;
        break;
      }
      if (result.status !== 0) {
        lastError = `${command} exited with status ${result.status ?? result.signal}`;
        break;
      }
      opened = true;
      break;
    }
    if (!opened) throw new CommandError(`Error executing editor (${lastError})`, { code: 'ALEMBIC_EDITOR' });
  }
}

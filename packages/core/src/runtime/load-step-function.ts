import { importModule } from '../loader/import-module.js';
import type { Operations } from '../operations/operations.js';
import { ScriptFileError } from '../errors/script-file-error.js';
import type { Script } from '../script/script.js';

/** A migration's `upgrade` or `downgrade`. */
export type StepFunction = (operations: Operations, runArguments: Readonly<Record<string, unknown>>) => unknown;

/**
 * Imports a migration script (only when it runs: listing commands never do) and returns its
 * `upgrade` or `downgrade` function.
 */
export async function loadStepFunction(script: Script, name: 'upgrade' | 'downgrade'): Promise<StepFunction> {
  const namespace = await importModule(script.path);
  const exported = namespace[name] ?? (namespace.default as Record<string, unknown> | undefined)?.[name];
  if (typeof exported !== 'function') {
    throw new ScriptFileError(script.path, undefined, `Migration ${script.path} does not export a '${name}' function`);
  }
  return exported as StepFunction;
}

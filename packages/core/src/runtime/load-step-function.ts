import { importModule } from '../loader/import-module.js';
import { loadScriptBundle } from '../loader/script-bundle.js';
import type { Operations } from '../operations/operations.js';
import { ScriptFileError } from '../errors/script-file-error.js';
import type { Script } from '../script/script.js';

/** A migration's `upgrade` or `downgrade`. */
export type StepFunction = (operations: Operations, runArguments: Readonly<Record<string, unknown>>) => unknown;

/** Finds a migration's `upgrade` or `downgrade` function. */
export type StepFunctionLoader = (script: Script, name: 'upgrade' | 'downgrade') => Promise<StepFunction>;

/**
 * Imports a migration script (only when a run plans it: listing commands never do) and returns its
 * `upgrade` or `downgrade` function.
 */
export async function loadStepFunction(script: Script, name: 'upgrade' | 'downgrade'): Promise<StepFunction> {
  return stepFunctionOf(await importModule(script.path), script, name);
}

/**
 * A loader for a run of many steps: the scripts are bundled into one module (see
 * `loader/script-bundle.ts`) and each is evaluated when the loader is asked for it (the runtime
 * asks for every script of the plan, in order, before the first step); a script the bundle left
 * out is imported on its own.
 */
export async function createStepFunctionLoader(
  scripts: readonly Script[],
  cacheDirectory: string,
): Promise<StepFunctionLoader> {
  const bundled = await loadScriptBundle(
    scripts.map((script) => script.path),
    cacheDirectory,
  );
  if (bundled.size === 0) return loadStepFunction;
  return async (script, name) => {
    const load = bundled.get(script.path);
    if (load === undefined) return loadStepFunction(script, name);
    return stepFunctionOf(await load(), script, name);
  };
}

function stepFunctionOf(
  namespace: Record<string, unknown>,
  script: Script,
  name: 'upgrade' | 'downgrade',
): StepFunction {
  const exported = namespace[name] ?? (namespace.default as Record<string, unknown> | undefined)?.[name];
  if (typeof exported !== 'function') {
    throw new ScriptFileError(script.path, undefined, `Migration ${script.path} does not export a '${name}' function`);
  }
  return exported as StepFunction;
}

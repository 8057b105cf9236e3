import { readFileSync } from 'node:fs';
import { replaceCacheFile } from '../script/replace-cache-file.js';
import { Script as VmScript } from 'node:vm';

/** Returns the module namespace of one script, evaluating it on the first call. */
export type ScriptModuleLoader = () => Promise<Record<string, unknown>>;

/** A `require()` of an import that esbuild turned from ESM interop back into a plain call. */
const INTEROP_REQUIRE = /__toESM\((require\("(?:[^"\\]|\\.)*"\))(?:,\s*1)?\)/g;
/** What must be left of the interop helper once its calls are gone: its definition only. */
const INTEROP_CALL = /__toESM\(/g;

/**
 * Turns esbuild's CommonJS output of a script bundle into the source of a classic script that
 * V8 can keep a code cache for (ES modules get none on Node 20): a function of `require`,
 * `module` and `exports`, in strict mode as ES modules are.
 *
 * Every import of the scripts is external and comes back as `require("<specifier>")`; the
 * caller answers each with the ES module namespace of that import (imported beforehand by an
 * ordinary module in the same directory). esbuild wraps some of those calls in `__toESM()` to
 * give CommonJS modules a default export; with real namespaces that would be wrong, so those
 * wrappers are removed. Anything else that uses `__toESM` means the output is not what this
 * expects: `undefined`, and the caller keeps the ES module bundle.
 */
export function toClassicBundleSource(commonJsOutput: string): string | undefined {
  const unwrapped = commonJsOutput.replace(INTEROP_REQUIRE, '$1');
  if ((unwrapped.match(INTEROP_CALL) ?? []).length > 0) return undefined;
  return `(function (require, module, exports) {"use strict";\n${unwrapped}\n})`;
}

/**
 * Runs a classic script bundle and returns its loaders, using (and, when missing or refused,
 * writing) V8's code cache for it: on a warm run the 2,000-script bundle is not parsed again.
 *
 * @param sourcePath the classic bundle (`toClassicBundleSource` output)
 * @param codeCachePath where its code cache is kept
 * @param modules the namespaces of its imports, by specifier
 */
export function runClassicBundle(
  sourcePath: string,
  codeCachePath: string,
  modules: Readonly<Record<string, unknown>>,
): Record<string, ScriptModuleLoader> {
  const source = readFileSync(sourcePath, 'utf8');
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(codeCachePath);
  } catch {
    // not written yet
  }
  const script = new VmScript(source, { filename: sourcePath, cachedData });
  const wrapper = script.runInThisContext() as (
    require: (specifier: string) => unknown,
    module: { exports: Record<string, unknown> },
    exports: Record<string, unknown>,
  ) => void;
  const module = { exports: {} as Record<string, unknown> };
  const requireImport = (specifier: string): unknown => {
    if (!Object.hasOwn(modules, specifier))
      throw new Error(`The script bundle ${sourcePath} has no import ${specifier}`);
    return modules[specifier];
  };
  wrapper(requireImport, module, module.exports);
  if (cachedData === undefined || script.cachedDataRejected === true) {
    try {
      replaceCacheFile(codeCachePath, script.createCachedData());
    } catch {
      // an unwritable cache only costs speed
    }
  }
  return (module.exports.default ?? {}) as Record<string, ScriptModuleLoader>;
}

/**
 * The ES module that imports everything a classic bundle requires, from the bundle's own
 * directory (so each import resolves as the relocated bundle's would), and exports the
 * namespaces by specifier.
 */
export function classicBundleImportsModule(specifiers: readonly string[]): string {
  const lines = specifiers.map((specifier, index) => `import * as m${index} from ${JSON.stringify(specifier)};`);
  const entries = specifiers.map((specifier, index) => `  ${JSON.stringify(specifier)}: m${index},`);
  return `${lines.join('\n')}\nexport const classicBundle = true;\nexport default {\n${entries.join('\n')}\n};\n`;
}

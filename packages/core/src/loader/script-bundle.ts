import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'esbuild';
import { pruneCacheDirectory } from '../script/prune-cache-directory.js';
import { replaceCacheFile } from '../script/replace-cache-file.js';
import { firstDecoratorLine } from './decorator-compiler.js';
import { enableTypeScriptImports } from './import-module.js';
import { addUserFile, serveBundle } from './module-hooks.js';
import { packageVersion } from './package-version.js';

/** Part of the cache key: a change of how bundles are built must not reuse old ones. */
const BUNDLE_SETTINGS = 'script-bundle-esm-served-beside-scripts-2';

/** Below this many scripts, importing them one by one costs less than a bundle. */
export const MINIMUM_BUNDLED_SCRIPTS = 16;

/** Files that are always ES modules (`.ts` is imported as one, see `module-hooks.ts`). */
const BUNDLEABLE_FILE = /\.(?:ts|mts|mjs)$/;

/**
 * Code that depends on the file's own location (`import.meta`, `require`, `__dirname`, an
 * `import()` of a computed name): such a script is imported on its own.
 */
const LOCATION_DEPENDENT = /\bimport\.meta\b|\brequire\b|\b__dirname\b|\b__filename\b|\bimport\s*\(\s*(?!['"])/;

/** Returns the module namespace of one script, evaluating it on the first call. */
type ScriptModuleLoader = () => Promise<Record<string, unknown>>;

/**
 * Loads many migration scripts of one directory as one ES module: an esbuild bundle of the
 * scripts (with a source map, so stack traces name each `.ts` file and line), kept in the cache
 * under a hash of the scripts' paths and contents. Importing 2,000 scripts one by one costs
 * about 0.7 s more than one bundle (a module to resolve, read and compile each).
 *
 * The module hooks serve the bundle at a URL inside the scripts' directory (no file is written
 * there), so its imports resolve as the scripts' own do: packages and `@alembic/*` from the same
 * `node_modules`; a helper beside the scripts stays an import of that file (its absolute URL), a
 * module shared with everything else that imports it. Each script's top-level code runs only when
 * its loader is called (the runtime calls them all, in plan order, before the first step).
 * Scripts whose code depends on their own location (`import.meta`, `require`, `__dirname`) or
 * that use decorators are left out and imported on their own.
 *
 * Returns a loader per bundled path; an empty map when there are too few scripts or when the
 * bundle cannot be built (a syntax error, say): the caller then imports the scripts one by one,
 * which reports errors with their file and line.
 */
export async function loadScriptBundle(
  paths: readonly string[],
  cacheDirectory: string,
): Promise<ReadonlyMap<string, ScriptModuleLoader>> {
  const candidates = paths.filter((path) => BUNDLEABLE_FILE.test(path));
  if (candidates.length < MINIMUM_BUNDLED_SCRIPTS) return new Map();
  const directory = dirname(candidates[0] as string);
  const hash = createHash('sha1').update(`${BUNDLE_SETTINGS}-esbuild@${packageVersion('esbuild', import.meta.url)}`);
  const bundled: string[] = [];
  for (const path of candidates) {
    if (dirname(path) !== directory) return new Map();
    let source: string;
    try {
      source = readFileSync(path, 'utf8');
    } catch {
      return new Map();
    }
    if (LOCATION_DEPENDENT.test(source) || firstDecoratorLine(source) !== undefined) continue;
    bundled.push(path);
    hash.update(`\0${path}\0`).update(source);
  }
  if (bundled.length < MINIMUM_BUNDLED_SCRIPTS) return new Map();
  const key = hash.digest('hex');
  const bundlePath = join(cacheDirectory, 'bundles', `${key}.mjs`);
  let code: string;
  try {
    code = readFileSync(bundlePath, 'utf8');
  } catch {
    const built = await buildBundle(bundled, directory, bundlePath);
    if (built === undefined) return new Map();
    code = built;
  }
  enableTypeScriptImports();
  for (const path of bundled) addUserFile(path);
  const url = serveBundle(directory, key, code);
  let namespace: { default?: Record<string, ScriptModuleLoader> };
  try {
    namespace = (await import(url)) as typeof namespace;
  } catch {
    // An import that does not resolve or link (no script has run yet): importing the scripts one
    // by one reports it naming the script.
    return new Map();
  }
  return new Map(Object.entries(namespace.default ?? {}));
}

/**
 * Keeps the scripts in the bundle and every other relative import out of it, as an import of
 * the file's absolute URL (resolved as esbuild resolves it: `./x.js` finds `./x.ts`).
 */
function scriptsOnly(scripts: ReadonlySet<string>): Plugin {
  const own = Symbol('alembic.script-bundle.resolution');
  return {
    name: 'alembic-scripts-only',
    setup(builder) {
      builder.onResolve({ filter: /^\.\.?(?:\/|$)/ }, async (args) => {
        if (args.pluginData === own || args.kind === 'entry-point') return undefined;
        const resolved = await builder.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          importer: args.importer,
          pluginData: own,
        });
        if (resolved.errors.length > 0 || resolved.external) return { path: args.path, external: true };
        if (scripts.has(resolved.path)) return { path: resolved.path };
        return { path: pathToFileURL(resolved.path).href, external: true };
      });
    },
  };
}

/** Builds the bundle and writes it (and its source map) to the cache; `undefined` on failure. */
async function buildBundle(
  scripts: readonly string[],
  directory: string,
  bundlePath: string,
): Promise<string | undefined> {
  const entry = `export default {\n${scripts
    .map((path) => `  ${JSON.stringify(path)}: () => import(${JSON.stringify(path)}),`)
    .join('\n')}\n};\n`;
  let code: string;
  let sourceMap: string | undefined;
  try {
    const { build } = await import('esbuild');
    const result = await build({
      stdin: { contents: entry, loader: 'js', sourcefile: 'alembic-script-bundle.js', resolveDir: directory },
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'node',
      target: 'node22',
      splitting: false,
      // As `compile-typescript.ts` compiles a single file: no tsconfig, no custom conditions.
      tsconfigRaw: {},
      conditions: [],
      mainFields: ['main'],
      packages: 'external',
      plugins: [scriptsOnly(new Set(scripts))],
      logLevel: 'silent',
      // Less to parse when the bundle loads (names are kept, for stack traces).
      minifyWhitespace: true,
      minifySyntax: true,
      outfile: bundlePath,
      sourcemap: 'external',
    });
    code = result.outputFiles.find((file) => file.path === bundlePath)?.text ?? '';
    sourceMap = result.outputFiles.find((file) => file.path === `${bundlePath}.map`)?.text;
  } catch {
    return undefined;
  }
  if (sourceMap !== undefined) {
    // The bundle is served at a URL in the scripts' directory: the map is named relative to it
    // (Node does not follow an absolute `file:` URL there).
    const mapUrl = relative(directory, `${bundlePath}.map`).split(sep).join('/');
    code = `${code.replace(/\/\/# sourceMappingURL=\S+\s*$/, '')}//# sourceMappingURL=${mapUrl}\n`;
  }
  try {
    if (sourceMap !== undefined) replaceCacheFile(`${bundlePath}.map`, sourceMap);
    replaceCacheFile(bundlePath, code);
    pruneCacheDirectory(dirname(dirname(bundlePath)));
  } catch {
    // an unwritable cache: the bundle is used this once
  }
  return code;
}

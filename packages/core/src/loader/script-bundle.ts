import { readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { alembicCacheDirectory } from '../script/cache-directory.js';
import { pruneCacheDirectory } from '../script/prune-cache-directory.js';
import { replaceCacheFile } from '../script/replace-cache-file.js';
import {
  classicBundleImportsModule,
  runClassicBundle,
  toClassicBundleSource,
  type ScriptModuleLoader,
} from './classic-bundle.js';
import { firstDecoratorLine } from './decorator-compiler.js';
import { evaluationMarker, importMarked } from './evaluation-marker.js';
import { cliFallbackResolver, importThroughHooks } from './import-module.js';
import {
  LOCATION_DEPENDENT,
  alembicPackageSources,
  mentionedAlembicPackages,
  relocationPlugin,
  sameAlembicPackageSources,
  type FallbackResolver,
} from './relocated-imports.js';
import {
  formatRelocationHeader,
  readRelocationHeader,
  sourceMapBelowHeader,
  type RelocationHeader,
} from './relocation-header.js';

/** Part of the cache key: a change of how bundles are built must not reuse old ones. */
const BUNDLE_SETTINGS = 'script-bundle-esm-node20-lazy-minified-relocated-3';

/** Below this many scripts, importing them one by one costs less than starting esbuild. */
export const MINIMUM_BUNDLED_SCRIPTS = 16;

/** Files that are always ES modules (`.ts` compiles to one, see `typescript-hooks.ts`). */
const BUNDLEABLE_FILE = /\.(?:ts|mts|mjs)$/;

export type { ScriptModuleLoader } from './classic-bundle.js';

/** A script file to bundle, with the state (`mtimeMs:size`) it was last seen in, when known. */
export interface BundledScriptFile {
  readonly path: string;
  readonly fileStamp?: string;
}

/**
 * Loads many migration scripts as one module: one esbuild bundle of every planned script,
 * kept in the cache directory under a key made of the scripts' paths and file states, so a
 * second run of the same plan imports a single file instead of one file per script. Its
 * imports are rewritten to resolve from the cache as from the scripts (`relocated-imports.ts`),
 * so it loads without module hooks unless a script needs them (a TypeScript helper, say).
 *
 * The bundle keeps each script's behaviour as a separate import would: a script's top-level
 * code runs only when its loader is called (the runtime calls them in plan order before the
 * first step); imports of anything that is
 * not a planned script (helpers, packages, `@alembic/*`) stay imports of the same files, so
 * they are shared with the rest of the program. Scripts whose code depends on their own
 * location (`import.meta`, `require`, `__dirname`, `import()` of a computed name) and JavaScript files whose module kind
 * depends on a `package.json` are left out.
 *
 * Returns a loader per bundled path; an empty map when there are too few scripts or when
 * anything goes wrong (a syntax error, an unresolvable import): the caller then imports the
 * scripts one by one, which reports errors with their file and line as usual.
 */
export async function loadScriptBundle(
  files: readonly BundledScriptFile[],
  cacheDirectory: string,
): Promise<ReadonlyMap<string, ScriptModuleLoader>> {
  const candidates = files.filter((file) => BUNDLEABLE_FILE.test(file.path));
  if (candidates.length < MINIMUM_BUNDLED_SCRIPTS) return new Map();
  const key = await bundleKey(candidates);
  if (key === undefined) return new Map();
  const bundlePath = join(cacheDirectory, 'bundles', `${key}.mjs`);
  const paths = candidates.map((file) => file.path);
  const fallback = cliFallbackResolver();
  let header = readRelocationHeader(bundlePath);
  if (
    header === undefined ||
    (header.needsHooks === undefined &&
      header.unusable === undefined &&
      !sameAlembicPackageSources(header.alembicPackages, dirname(paths[0] as string), fallback))
  ) {
    header = await writeBundle(paths, bundlePath, key, cacheDirectory, fallback);
    if (header === undefined) return new Map();
  }
  // A bundle of these very scripts failed to load before: they load one by one.
  if (header.unusable !== undefined) return new Map();
  try {
    let namespace: Record<string, unknown>;
    if (header.needsHooks === undefined) {
      const imported = await importMarked(pathToFileURL(bundlePath).href, key);
      if (!imported.started) throw imported.error;
      namespace = imported.namespace;
    } else {
      namespace = await importThroughHooks(bundlePath);
    }
    const loaders =
      namespace.classicBundle === true
        ? runClassicBundle(
            classicBundlePath(bundlePath),
            codeCachePath(bundlePath),
            namespace.default as Record<string, unknown>,
          )
        : (namespace.default as Record<string, ScriptModuleLoader> | undefined);
    return new Map(Object.entries(loaders ?? {}));
  } catch (error) {
    // An import it names does not load from there (gone, or only the original file's own
    // resolution finds it): the scripts load one by one, now and on later runs of this plan.
    markUnusable(bundlePath, header, error);
    return new Map();
  }
}

async function bundleKey(files: readonly BundledScriptFile[]): Promise<string | undefined> {
  const { createHash } = await import('node:crypto');
  const hash = createHash('sha1').update(BUNDLE_SETTINGS);
  for (const file of files) {
    let stamp = file.fileStamp;
    if (stamp === undefined) {
      const stats = statSync(file.path, { throwIfNoEntry: false });
      if (stats === undefined) return undefined;
      stamp = `${stats.mtimeMs}:${stats.size}`;
    }
    hash.update('\0').update(file.path).update('\0').update(stamp);
  }
  return hash.digest('hex');
}

/**
 * Whether packages imported by the scripts resolve from the bundle's place in the cache as
 * they do from the scripts: the cache is the one every script's directory finds first.
 */
function cacheServesEveryScript(paths: readonly string[], cacheDirectory: string): boolean {
  const directories = new Set(paths.map((path) => dirname(path)));
  return [...directories].every((directory) => alembicCacheDirectory(directory) === cacheDirectory);
}

/**
 * Builds the bundle of `paths` (those that can be bundled) into `bundlePath`, its imports
 * rewritten to resolve from there as from the scripts (see `relocated-imports.ts`).
 * Returns its header, or `undefined` when there is no bundle to use.
 */
async function writeBundle(
  paths: readonly string[],
  bundlePath: string,
  key: string,
  cacheDirectory: string,
  fallback: FallbackResolver | undefined,
): Promise<RelocationHeader | undefined> {
  // Scripts that find another node_modules first would resolve packages differently from
  // the bundle (the hooks cannot help: they resolve from where the bundle is). No bundle.
  if (!cacheServesEveryScript(paths, cacheDirectory)) return undefined;
  const sources = new Set<string>();
  const alembicPackageNames = new Set<string>();
  for (const path of paths) {
    let source: string;
    try {
      source = readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
    // Decorated scripts load one by one, through the hooks' decorator compiler.
    if (LOCATION_DEPENDENT.test(source) || firstDecoratorLine(source) !== undefined) continue;
    sources.add(path);
    mentionedAlembicPackages(source, alembicPackageNames);
  }
  if (sources.size === 0) return undefined;
  const entry = `export default {\n${[...sources]
    .map((path) => `  ${JSON.stringify(path)}: () => import(${JSON.stringify(path)}),`)
    .join('\n')}\n};\n`;
  const alembicPackages = alembicPackageSources(alembicPackageNames, dirname(paths[0] as string), fallback);
  const resolveDir = dirname(paths[0] as string);
  /** One esbuild run over the scripts; `undefined` when it fails (a syntax error, say). */
  const buildAs = async (format: 'esm' | 'cjs') => {
    const relocation = relocationPlugin({ alembicPackages, fallback, bundled: sources });
    try {
      const { build } = await import('esbuild');
      const result = await build({
        stdin: { contents: entry, loader: 'js', sourcefile: 'alembic-script-bundle.js', resolveDir },
        bundle: true,
        write: false,
        format,
        platform: 'node',
        target: 'node20',
        splitting: false,
        // As `typescript-hooks.ts` compiles a single file: no tsconfig, no custom conditions.
        tsconfigRaw: {},
        conditions: [],
        mainFields: ['main'],
        // Packages and built-ins stay imports, resolved as from the scripts; a helper beside
        // the scripts stays its own module, imported by absolute URL.
        packages: 'external',
        plugins: [relocation.plugin],
        logLevel: 'silent',
        // Less to parse when the bundle loads (names are kept, for stack traces).
        minifyWhitespace: true,
        minifySyntax: true,
        outfile: bundlePath,
        metafile: true,
        // For `node --enable-source-maps`: stack traces then name the scripts, not the bundle.
        ...(format === 'esm' ? { sourcemap: 'linked' as const, banner: { js: evaluationMarker(key) } } : {}),
      });
      const needsHooks = relocation.needsHooks();
      const header: RelocationHeader = needsHooks === undefined ? { alembicPackages } : { needsHooks, alembicPackages };
      const imports = Object.values(result.metafile.outputs).flatMap((output) => output.imports);
      return {
        header,
        imports,
        code: result.outputFiles.find((file) => file.path === bundlePath)?.text ?? '',
        sourceMap: result.outputFiles.find((file) => file.path === `${bundlePath}.map`)?.text,
      };
    } catch {
      return undefined;
    }
  };

  // First choice: a classic script V8 keeps a code cache for (top-level await, a dynamic
  // import or a JSON import in a script rule it out), beside the module that imports for it.
  const classic = await buildAs('cjs');
  if (classic !== undefined) {
    const imported = classic.imports.filter((item) => item.external);
    const classicSource = toClassicBundleSource(classic.code);
    const plainImports = imported.every((item) => item.kind === 'require-call' && !item.path.endsWith('.json'));
    if (classicSource !== undefined && plainImports) {
      const specifiers = [...new Set(imported.map((item) => item.path))];
      const importsModule = `${evaluationMarker(key)}\n${classicBundleImportsModule(specifiers)}`;
      return writeBundleFiles(bundlePath, classic.header, importsModule, [
        [classicBundlePath(bundlePath), classicSource],
      ]);
    }
  }
  const module = await buildAs('esm');
  if (module === undefined) return undefined;
  return writeBundleFiles(
    bundlePath,
    module.header,
    module.code,
    module.sourceMap === undefined ? [] : [[`${bundlePath}.map`, sourceMapBelowHeader(module.sourceMap)]],
  );
}

/** Replaces a bundle that failed to load by a record saying so (read by the next runs). */
function markUnusable(bundlePath: string, header: RelocationHeader, error: unknown): void {
  for (const path of [classicBundlePath(bundlePath), codeCachePath(bundlePath)]) rmSync(path, { force: true });
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  writeBundleFiles(
    bundlePath,
    { alembicPackages: header.alembicPackages, unusable: reason ?? 'failed to load' },
    '',
    [],
  );
}

/** Where the classic script of a bundle lives, beside its `.mjs`. */
function classicBundlePath(bundlePath: string): string {
  return bundlePath.replace(/\.mjs$/, '.classic.js');
}

/** Where V8's code cache of a classic bundle lives. */
function codeCachePath(bundlePath: string): string {
  return bundlePath.replace(/\.mjs$/, '.code-cache');
}

/** Writes a bundle's module (header first) and its companion files; `undefined` if it cannot. */
function writeBundleFiles(
  bundlePath: string,
  header: RelocationHeader,
  moduleCode: string,
  companions: ReadonlyArray<readonly [path: string, content: string]>,
): RelocationHeader | undefined {
  try {
    // A code cache of an earlier classic script of this key would not match the new one.
    rmSync(codeCachePath(bundlePath), { force: true });
    // Companions first: the module is what says a bundle exists.
    for (const [path, content] of companions) replaceCacheFile(path, content);
    replaceCacheFile(bundlePath, formatRelocationHeader(header) + moduleCode);
    pruneCacheDirectory(dirname(dirname(bundlePath)));
    return header;
  } catch {
    // An unwritable cache: import the scripts one by one.
    return undefined;
  }
}

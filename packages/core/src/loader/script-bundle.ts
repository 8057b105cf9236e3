import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { pruneCacheDirectory } from '../script/prune-cache-directory.js';
import { importModule } from './import-module.js';

/** Part of the cache key: a change of how bundles are built must not reuse old ones. */
const BUNDLE_SETTINGS = 'script-bundle-esm-node20-lazy-minified-2';

/** Below this many scripts, importing them one by one costs less than starting esbuild. */
export const MINIMUM_BUNDLED_SCRIPTS = 16;

/** Files that are always ES modules (`.ts` compiles to one, see `typescript-hooks.ts`). */
const BUNDLEABLE_FILE = /\.(?:ts|mts|mjs)$/;

/** Code that depends on the file's own location; such a script is imported on its own. */
const LOCATION_DEPENDENT = /\bimport\.meta\b|\brequire\s*\(|\b__dirname\b|\b__filename\b/;

/** Marks the resolutions the bundler plugin asks esbuild for itself (to avoid recursion). */
const OWN_RESOLUTION = Symbol('alembic.bundle.resolution');

/** Returns the module namespace of one script, evaluating it on the first call. */
export type ScriptModuleLoader = () => Promise<Record<string, unknown>>;

/** A script file to bundle, with the state (`mtimeMs:size`) it was last seen in, when known. */
export interface BundledScriptFile {
  readonly path: string;
  readonly fileStamp?: string;
}

/**
 * Loads many migration scripts as one module: one esbuild bundle of every planned script,
 * kept in the cache directory under a key made of the scripts' paths and file states, so a
 * second run of the same plan imports a single file instead of going through the module
 * hooks once per script.
 *
 * The bundle keeps each script's behaviour as a separate import would: a script's top-level
 * code runs only when its loader is called (when its step runs); imports of anything that is
 * not a planned script (helpers, packages, `@alembic/*`) stay imports of the same files, so
 * they are shared with the rest of the program. Scripts whose code depends on their own
 * location (`import.meta`, `require`, `__dirname`) and JavaScript files whose module kind
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
  if (!existsSync(bundlePath)) {
    const written = await writeBundle(
      candidates.map((file) => file.path),
      bundlePath,
    );
    if (!written) return new Map();
  }
  try {
    const namespace = await importModule(bundlePath);
    const loaders = namespace.default as Record<string, ScriptModuleLoader> | undefined;
    return new Map(Object.entries(loaders ?? {}));
  } catch {
    // A stale bundle (an import it names has gone): drop it; the scripts load one by one.
    rmSync(bundlePath, { force: true });
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

/** Builds the bundle of `paths` (those that can be bundled) into `bundlePath`. */
async function writeBundle(paths: readonly string[], bundlePath: string): Promise<boolean> {
  const sources = new Set<string>();
  for (const path of paths) {
    let source: string;
    try {
      source = readFileSync(path, 'utf8');
    } catch {
      return false;
    }
    if (!LOCATION_DEPENDENT.test(source)) sources.add(path);
  }
  if (sources.size === 0) return false;
  const entry = `export default {\n${[...sources]
    .map((path) => `  ${JSON.stringify(path)}: () => import(${JSON.stringify(path)}),`)
    .join('\n')}\n};\n`;
  let code: string;
  let sourceMap: string | undefined;
  try {
    const { build } = await import('esbuild');
    const result = await build({
      stdin: { contents: entry, loader: 'js', sourcefile: 'alembic-script-bundle.js', resolveDir: dirname(paths[0] as string) },
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      splitting: false,
      // As `typescript-hooks.ts` compiles a single file: no tsconfig, no custom conditions.
      tsconfigRaw: {},
      conditions: [],
      mainFields: ['main'],
      // Packages and built-ins stay imports, resolved by Node (and the hooks' `@alembic/*`
      // fallback) when the bundle loads, as for a separate import.
      packages: 'external',
      logLevel: 'silent',
      // Less to parse when the bundle loads (names are kept, for stack traces).
      minifyWhitespace: true,
      minifySyntax: true,
      // For `node --enable-source-maps`: stack traces then name the scripts, not the bundle.
      outfile: bundlePath,
      sourcemap: 'linked',
      plugins: [
        {
          name: 'alembic-script-bundle',
          setup(builder) {
            // A helper beside the scripts stays its own module, imported by absolute URL (a
            // callback per relative import only: each is a round trip to esbuild's process).
            builder.onResolve({ filter: /^\.\.?(?:\/|$)/ }, async (args) => {
              if (args.pluginData === OWN_RESOLUTION) return undefined;
              const resolved = await builder.resolve(args.path, {
                kind: args.kind,
                resolveDir: args.resolveDir,
                importer: args.importer,
                pluginData: OWN_RESOLUTION,
              });
              if (resolved.errors.length > 0) return { errors: resolved.errors };
              if (sources.has(resolved.path)) return { path: resolved.path };
              return { path: pathToFileURL(resolved.path).href, external: true };
            });
          },
        },
      ],
    });
    code = result.outputFiles.find((file) => file.path === bundlePath)?.text ?? '';
    sourceMap = result.outputFiles.find((file) => file.path === `${bundlePath}.map`)?.text;
  } catch {
    return false;
  }
  try {
    mkdirSync(join(bundlePath, '..'), { recursive: true });
    if (sourceMap !== undefined) writeFileSync(`${bundlePath}.map`, sourceMap);
    const temporary = `${bundlePath}.${process.pid}.tmp`;
    writeFileSync(temporary, code);
    renameSync(temporary, bundlePath);
    pruneCacheDirectory(dirname(dirname(bundlePath)));
    return true;
  } catch {
    // An unwritable cache: import the scripts one by one.
    return false;
  }
}

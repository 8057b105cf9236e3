import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { pruneCacheDirectory } from '../script/prune-cache-directory.js';
import { replaceCacheFile } from '../script/replace-cache-file.js';
import { firstDecoratorLine } from './decorator-compiler.js';
import { describeLoadError } from './describe-load-error.js';
import { evaluationMarker, importMarked } from './evaluation-marker.js';
import {
  LOCATION_DEPENDENT,
  alembicPackageSources,
  mentionedAlembicPackages,
  relocationPlugin,
  sameAlembicPackageSources,
  type AlembicPackageSources,
  type FallbackResolver,
} from './relocated-imports.js';
import {
  formatRelocationHeader,
  readRelocationHeader,
  sourceMapBelowHeader,
  type RelocationHeader,
} from './relocation-header.js';

/** Part of the cache key: a change of how modules are relocated must not reuse old output. */
const RELOCATION_SETTINGS = 'relocated-esm-node20-inline-sourcemap-1';

/** Files that are always ES modules (`.ts` compiles to one, as in `typescript-hooks.ts`). */
const RELOCATABLE_FILE = /\.(?:ts|mts|mjs)$/;

/**
 * Imports a TypeScript or ES module file without module hooks: the file is compiled once
 * (esbuild, types stripped) into the cache directory, with its imports rewritten to resolve as
 * they would from the file itself (see `relocated-imports.ts`), and the compiled copy is
 * imported from there. Starting Node's module hooks costs a thread and about 50-100 ms on
 * every command; most `alembic.config.ts`, `env.ts` and scripts do not need them.
 *
 * The copy is a module of its own URL: code that imports the original file itself (rare for a
 * config, `env.ts` or a migration) gets a second instance of it, as it does of a script run
 * from a bundle.
 *
 * The compiled copy is kept by content hash and says in its first line what it was compiled
 * against; a file that only the hooks can load (see `relocationPlugin`, `LOCATION_DEPENDENT`)
 * is remembered as such too, so it is not compiled again on every run.
 *
 * @param cacheDirectory the cache directory of the file's own directory (`alembicCacheDirectory`)
 * @returns the module namespace, or `undefined` when the file must be imported through the
 *   hooks (nothing of it has run then)
 * @throws ScriptFileError for a syntax error (file and line); whatever the module's own code throws
 */
export async function importRelocatedModule(
  path: string,
  freshnessQuery: string | undefined,
  cacheDirectory: string,
  fallback: FallbackResolver | undefined,
): Promise<Record<string, unknown> | undefined> {
  if (!RELOCATABLE_FILE.test(path)) return undefined;
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  // Decorators need a compiler that emits their metadata: the hooks have it.
  if (LOCATION_DEPENDENT.test(source) || firstDecoratorLine(source) !== undefined) return undefined;
  const { createHash } = await import('node:crypto');
  const key = createHash('sha1')
    .update(RELOCATION_SETTINGS)
    .update('\0')
    .update(path)
    .update('\0')
    .update(source)
    .digest('hex');
  const compiledPath = join(cacheDirectory, 'compiled', `${key}.mjs`);
  let header = readRelocationHeader(compiledPath);
  if (
    header === undefined ||
    (header.needsHooks === undefined && !sameAlembicPackageSources(header.alembicPackages, dirname(path), fallback))
  ) {
    const alembicPackages = alembicPackageSources(mentionedAlembicPackages(source), dirname(path), fallback);
    header = await compileRelocated(path, source, compiledPath, key, alembicPackages, fallback);
  }
  if (header === undefined || header.needsHooks !== undefined) return undefined;
  const url = pathToFileURL(compiledPath).href + (freshnessQuery === undefined ? '' : `?${freshnessQuery}`);
  const imported = await importMarked(url, key);
  return imported.started ? imported.namespace : undefined;
}

/** esbuild's loader for a file that may be relocated. */
function loaderOf(path: string): 'ts' | 'js' {
  return path.endsWith('.mjs') ? 'js' : 'ts';
}

/** Compiles `path` into `compiledPath`; `undefined` when it cannot be (the hooks will). */
async function compileRelocated(
  path: string,
  source: string,
  compiledPath: string,
  key: string,
  alembicPackages: AlembicPackageSources,
  fallback: FallbackResolver | undefined,
): Promise<RelocationHeader | undefined> {
  const relocation = relocationPlugin({ alembicPackages, fallback });
  let code: string;
  let needsHooks: string | undefined;
  try {
    const { build } = await import('esbuild');
    const output = await build({
      // The source that was hashed, not the file again: it may have changed since.
      stdin: { contents: source, sourcefile: path, resolveDir: dirname(path), loader: loaderOf(path) },
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      // As `typescript-hooks.ts` compiles a file: no tsconfig, nothing left out.
      tsconfigRaw: {},
      treeShaking: false,
      packages: 'external',
      logLevel: 'silent',
      outfile: compiledPath,
      sourcemap: 'external',
      banner: { js: evaluationMarker(key) },
      plugins: [relocation.plugin],
    });
    code = output.outputFiles.find((file) => file.path === compiledPath)?.text ?? '';
    const sourceMap = output.outputFiles.find((file) => file.path === `${compiledPath}.map`)?.text;
    if (sourceMap !== undefined) code = withInlineSourceMap(code, sourceMap, compiledPath);
    needsHooks = relocation.needsHooks();
  } catch (error) {
    const located = (error as { errors?: Array<{ location?: unknown }> } | null)?.errors?.some(
      (message) => message.location,
    );
    if (located) throw describeLoadError(error, path) ?? error;
    return undefined;
  }
  const header: RelocationHeader = needsHooks === undefined ? { alembicPackages } : { needsHooks, alembicPackages };
  try {
    replaceCacheFile(compiledPath, formatRelocationHeader(header) + (header.needsHooks === undefined ? code : ''));
    pruneCacheDirectory(dirname(dirname(compiledPath)));
  } catch {
    // An unwritable cache: the hooks compile in memory.
    return undefined;
  }
  return header;
}

/**
 * Replaces the output's link to an external source map with the map itself, moved one line
 * down for the header line that goes above the code.
 */
function withInlineSourceMap(code: string, sourceMap: string, compiledPath: string): string {
  const link = `//# sourceMappingURL=${basename(compiledPath)}.map`;
  const body = code.includes(link) ? code.slice(0, code.lastIndexOf(link)) : code;
  return `${body}//# sourceMappingURL=data:application/json;base64,${Buffer.from(sourceMapBelowHeader(sourceMap)).toString('base64')}\n`;
}

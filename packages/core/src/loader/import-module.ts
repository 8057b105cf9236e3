import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { alembicCacheDirectory } from '../script/cache-directory.js';
import { decoratorLoadError } from './decorator-compiler.js';
import { describeLoadError } from './describe-load-error.js';
import { registerTypeScriptLoader } from './register-typescript-loader.js';
import { registerRequireTypeScriptHook } from './require-typescript-hook.js';
import type { FallbackResolver } from './relocated-imports.js';
import { importRelocatedModule } from './relocated-module.js';

const TYPESCRIPT_FILE = /\.(?:ts|mts|cts)$/;

/** Where the built hooks module lives, relative to this package's entry point. */
function hooksUrl(): URL {
  return new URL('./typescript-hooks.js', import.meta.url);
}

/**
 * Resolves `@alembic/*` from this installation, as the hooks' fallback does (`import.meta`
 * resolves from this file). The CommonJS build has no `import.meta.resolve`: none there.
 */
export function cliFallbackResolver(): FallbackResolver | undefined {
  const resolveFromHere = (import.meta as { resolve?: (specifier: string) => string }).resolve;
  return typeof resolveFromHere === 'function' ? (specifier) => resolveFromHere(specifier) : undefined;
}

/**
 * Imports a JavaScript, TypeScript or JSON file by path and returns its module namespace.
 * `freshnessQuery` makes Node evaluate the file again instead of returning its cached module.
 * TypeScript and ES module files are imported from a compiled copy in the cache when they can
 * be (see `relocated-module.ts`), else through the module hooks (see `typescript-hooks.ts`).
 * A syntax error becomes a `ScriptFileError` naming the file and line.
 */
export async function importModule(path: string, freshnessQuery?: string): Promise<Record<string, unknown>> {
  if (path.endsWith('.json')) {
    return { default: JSON.parse(readFileSync(path, 'utf8')) as unknown };
  }
  const relocated = await importRelocatedModule(
    path,
    freshnessQuery,
    alembicCacheDirectory(dirname(path)),
    cliFallbackResolver(),
  );
  if (relocated !== undefined) return relocated;
  return importThroughHooks(path, freshnessQuery);
}

/**
 * Imports a file through the module hooks, registering them first: TypeScript compiled on the
 * way in, `@alembic/*` resolved from the CLI when the project has none.
 */
export async function importThroughHooks(path: string, freshnessQuery?: string): Promise<Record<string, unknown>> {
  // Also for JavaScript: the hooks resolve `@alembic/*` from the CLI when the project has none.
  registerTypeScriptLoader(() => ({
    hooksUrl: hooksUrl(),
    fallbackParentUrl: import.meta.url,
    cacheDirectory: alembicCacheDirectory(dirname(path)),
  }));
  // A TypeScript file may lead to `require()` of others (a CommonJS project's entity globs).
  if (TYPESCRIPT_FILE.test(path)) registerRequireTypeScriptHook(import.meta.url);
  try {
    const url = pathToFileURL(path).href + (freshnessQuery === undefined ? '' : `?${freshnessQuery}`);
    return (await import(url)) as Record<string, unknown>;
  } catch (error) {
    throw (
      describeLoadError(error, path) ?? decoratorLoadError(error) ?? (await locateSyntaxError(error, path)) ?? error
    );
  }
}

/**
 * Node reports a syntax error in an ES module without its line; esbuild, asked to parse the
 * file, says where it is.
 */
async function locateSyntaxError(error: unknown, path: string): Promise<Error | undefined> {
  if (!(error instanceof SyntaxError) || TYPESCRIPT_FILE.test(path)) return undefined;
  try {
    const { transform } = await import('esbuild');
    await transform(readFileSync(path, 'utf8'), { loader: 'js', format: 'esm', sourcefile: path });
  } catch (parseError) {
    return describeLoadError(parseError, path);
  }
  return undefined;
}

/**
 * Makes sure TypeScript files load in this process however they are loaded: installs the
 * module hooks (for `import()`) and the `require()` hook, once. `importModule` needs neither
 * for most files; call this before handing a library paths of TypeScript files it loads
 * itself, as TypeORM does with `entities: ['src/entities/*.ts']`.
 *
 * @param directory where compiled files are cached (that directory's alembic cache); default
 *   the working directory
 */
export function enableTypeScriptImports(directory: string = process.cwd()): void {
  registerTypeScriptLoader(() => ({
    hooksUrl: hooksUrl(),
    fallbackParentUrl: import.meta.url,
    cacheDirectory: alembicCacheDirectory(directory),
  }));
  registerRequireTypeScriptHook(import.meta.url);
}

/**
 * Lets `require()` load TypeScript files (`.ts`, `.cts`, decorated ones included) in this
 * process, without Node's module hooks: enough for CommonJS code, and for libraries that
 * `require()` the files they are given, and it costs no loader thread. Once per process;
 * {@link enableTypeScriptImports} includes it.
 */
export function enableTypeScriptRequire(): void {
  registerRequireTypeScriptHook(import.meta.url);
}

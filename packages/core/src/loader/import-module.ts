import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { decoratorLoadError } from './decorator-compiler.js';
import { describeLoadError } from './describe-load-error.js';
import { addUserFile, registerTypeScriptHooks } from './module-hooks.js';

const TYPESCRIPT_FILE = /\.(?:ts|mts|cts)$/;

/**
 * Imports a JavaScript, TypeScript or JSON file by path and returns its module namespace.
 * `freshnessQuery` makes Node evaluate the file again instead of returning its cached module.
 * Everything goes through the module hooks (`module-hooks.ts`): TypeScript compiled on the way
 * in (cached by content), `@alembic/*` resolved from the CLI when the project has none.
 * A syntax error becomes a `ScriptFileError` naming the file and line.
 */
export async function importModule(path: string, freshnessQuery?: string): Promise<Record<string, unknown>> {
  if (path.endsWith('.json')) {
    return { default: JSON.parse(readFileSync(path, 'utf8')) as unknown };
  }
  // Also for JavaScript: the hooks resolve `@alembic/*` from the CLI when the project has none.
  registerTypeScriptHooks(import.meta.url);
  addUserFile(path);
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
 * Makes sure TypeScript files load in this process however they are loaded, by `import` or by
 * `require()`: installs the module hooks, once. Call this before handing a library paths of
 * TypeScript files it loads itself, as TypeORM does with `entities: ['src/entities/*.ts']`.
 */
export function enableTypeScriptImports(): void {
  registerTypeScriptHooks(import.meta.url);
}

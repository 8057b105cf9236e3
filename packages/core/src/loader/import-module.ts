import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { alembicCacheDirectory } from '../script/cache-directory.js';
import { registerTypeScriptLoader } from './register-typescript-loader.js';
import { ScriptFileError } from '../errors/script-file-error.js';

const TYPESCRIPT_FILE = /\.(?:ts|mts|cts)$/;

/** Where the built hooks module lives, relative to this package's entry point. */
function hooksUrl(): URL {
  return new URL('./typescript-hooks.js', import.meta.url);
}

/**
 * Imports a JavaScript, TypeScript or JSON file by path and returns its module namespace.
 * `freshnessQuery` makes Node evaluate the file again instead of returning its cached module.
 * TypeScript goes through esbuild (see `typescript-hooks.ts`); a syntax error becomes a
 * `ScriptFileError` naming the file and line.
 */
export async function importModule(path: string, freshnessQuery?: string): Promise<Record<string, unknown>> {
  if (path.endsWith('.json')) {
    return { default: JSON.parse(readFileSync(path, 'utf8')) as unknown };
  }
  // Also for JavaScript: the hooks resolve `@alembic/*` from the CLI when the project has none.
  registerTypeScriptLoader(() => ({
    hooksUrl: hooksUrl(),
    fallbackParentUrl: import.meta.url,
    cacheDirectory: alembicCacheDirectory(dirname(path)),
  }));
  try {
    const url = pathToFileURL(path).href + (freshnessQuery === undefined ? '' : `?${freshnessQuery}`);
    return (await import(url)) as Record<string, unknown>;
  } catch (error) {
    throw describeLoadError(error, path) ?? (await locateSyntaxError(error, path)) ?? error;
  }
}

/**
 * Node reports a syntax error in an ES module without its line; esbuild, asked to parse the
 * file, says where it is.
 */
async function locateSyntaxError(error: unknown, path: string): Promise<ScriptFileError | undefined> {
  if (!(error instanceof SyntaxError) || TYPESCRIPT_FILE.test(path)) return undefined;
  try {
    const { transform } = await import('esbuild');
    await transform(readFileSync(path, 'utf8'), { loader: 'js', format: 'esm', sourcefile: path });
  } catch (parseError) {
    return describeLoadError(parseError, path);
  }
  return undefined;
}

interface EsbuildMessage {
  readonly text: string;
  readonly location?: { readonly file: string; readonly line: number; readonly column: number } | null;
}

/** Turns an esbuild or V8 syntax error into a one-line `ScriptFileError`; other errors pass. */
function describeLoadError(error: unknown, path: string): ScriptFileError | undefined {
  const errors = (error as { errors?: EsbuildMessage[] } | null)?.errors;
  if (Array.isArray(errors) && errors.length > 0) {
    const first = errors[0] as EsbuildMessage;
    const where = first.location ? `${first.location.file}:${first.location.line}:${first.location.column + 1}` : path;
    return new ScriptFileError(path, first.location?.line, `Could not load ${where}: ${first.text}`);
  }
  if (error instanceof SyntaxError) {
    const stackLine = /^(file:\/\/\S+|\/\S+):(\d+)/m.exec(error.stack ?? '');
    if (stackLine === null) return undefined;
    const where = `${stackLine[1]?.replace(/^file:\/\//, '')}:${stackLine[2]}`;
    return new ScriptFileError(path, Number(stackLine[2]), `Could not load ${where}: ${error.message}`);
  }
  return undefined;
}

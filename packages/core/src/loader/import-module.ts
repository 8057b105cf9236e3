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
  if (TYPESCRIPT_FILE.test(path)) {
    registerTypeScriptLoader(hooksUrl(), import.meta.url, alembicCacheDirectory(dirname(path)));
  }
  try {
    const url = pathToFileURL(path).href + (freshnessQuery === undefined ? '' : `?${freshnessQuery}`);
    return (await import(url)) as Record<string, unknown>;
  } catch (error) {
    throw describeLoadError(error, path) ?? error;
  }
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
    const where = stackLine ? `${stackLine[1]?.replace(/^file:\/\//, '')}:${stackLine[2]}` : path;
    return new ScriptFileError(path, stackLine ? Number(stackLine[2]) : undefined, `Could not load ${where}: ${error.message}`);
  }
  return undefined;
}

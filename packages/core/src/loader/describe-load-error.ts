import { isAbsolute, relative, sep } from 'node:path';
import { ScriptFileError } from '../errors/script-file-error.js';

/** A file as esbuild names it in its messages: relative to the working directory when inside it. */
function shownPath(file: string): string {
  if (!isAbsolute(file)) return file;
  const fromHere = relative(process.cwd(), file);
  return fromHere === '' || fromHere === '..' || fromHere.startsWith(`..${sep}`) || isAbsolute(fromHere)
    ? file
    : fromHere;
}

interface EsbuildMessage {
  readonly text: string;
  readonly location?: { readonly file: string; readonly line: number; readonly column: number } | null;
}

/**
 * Turns an esbuild or V8 syntax error into a one-line `ScriptFileError` naming the file and
 * line; other errors give `undefined`.
 */
export function describeLoadError(error: unknown, path: string): ScriptFileError | undefined {
  const errors = (error as { errors?: EsbuildMessage[] } | null)?.errors;
  if (Array.isArray(errors) && errors.length > 0) {
    const first = errors[0] as EsbuildMessage;
    const where = first.location
      ? `${shownPath(first.location.file)}:${first.location.line}:${first.location.column + 1}`
      : path;
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

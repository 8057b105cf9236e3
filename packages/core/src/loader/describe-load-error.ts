import { ScriptFileError } from '../errors/script-file-error.js';
import { displayPath } from '../script/display-path.js';

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
      ? `${displayPath(first.location.file)}:${first.location.line}:${first.location.column + 1}`
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

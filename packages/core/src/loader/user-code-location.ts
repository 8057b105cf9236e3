import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { displayPath } from '../script/display-path.js';
import { isUserFile } from './module-hooks.js';
import { realPathOf } from './real-path.js';

/** `at name (file:line:column)` or `at file:line:column`, the file a path or a `file:` URL. */
const FRAME = /^\s*at (?:.*? \()?((?:file:\/\/|\/|[A-Za-z]:\\).*?):(\d+):\d+\)?$/;

/** One frame of a stack trace: the file (a path) and its 1-based line. */
interface StackFrame {
  readonly path: string;
  readonly line: number;
}

/**
 * The frames of `error`'s stack trace that name a file, in order. With source maps on (the
 * module hooks switch them on), frames of compiled TypeScript name the `.ts` file and line.
 */
function stackFrames(error: unknown): StackFrame[] {
  const stack = error instanceof Error ? error.stack : undefined;
  if (typeof stack !== 'string') return [];
  const frames: StackFrame[] = [];
  for (const text of stack.split('\n')) {
    const match = FRAME.exec(text);
    if (match === null) continue;
    const file = match[1] as string;
    let path = file;
    if (file.startsWith('file://')) {
      try {
        path = fileURLToPath(file.split('?', 1)[0] as string);
      } catch {
        continue;
      }
    }
    frames.push({ path, line: Number(match[2]) });
  }
  return frames;
}

/**
 * The line of `path` in `error`'s stack trace (its innermost frame there), if it has one; a
 * path through a symbolic link (a project under a linked folder) matches the file's real path.
 */
export function lineInStack(error: unknown, path: string): number | undefined {
  const frames = stackFrames(error);
  const direct = frames.find((frame) => frame.path === path);
  if (direct !== undefined) return direct.line;
  const real = realPathOf(path);
  return real === path ? undefined : frames.find((frame) => frame.path === real)?.line;
}

/**
 * Where in the user's own code (a file loaded through the loader: config, `env.ts`, a
 * migration, a TypeScript helper) `error` was thrown: `file:line` of the innermost such frame,
 * the file relative to the working directory when inside it; `undefined` when no frame is.
 */
export function userCodeLocation(error: unknown): string | undefined {
  const frame = stackFrames(error).find(
    (candidate) => isUserFile(candidate.path) && !candidate.path.includes(`${sep}node_modules${sep}`),
  );
  if (frame === undefined) return undefined;
  return `${displayPath(frame.path)}:${frame.line}`;
}

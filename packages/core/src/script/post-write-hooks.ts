import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PostWriteHookError } from '../errors/post-write-hook-error.js';
import { splitCommandLine } from './split-command-line.js';

/** The token in a hook's `options` that stands for the new script's path. */
export const REVISION_SCRIPT_FILENAME = 'REVISION_SCRIPT_FILENAME';

/**
 * Runs a program on the new script (Alembic's `exec` hook).
 *
 * ```ts
 * { name: 'ruff', type: 'exec', executable: 'ruff', options: 'check --fix REVISION_SCRIPT_FILENAME' }
 * ```
 */
export interface ExecPostWriteHook {
  readonly name: string;
  readonly type: 'exec';
  /** A program found on `PATH`, or a path (relative to the project directory). */
  readonly executable: string;
  /** Arguments, split as a shell would (no shell runs); see {@link REVISION_SCRIPT_FILENAME}. */
  readonly options?: string;
  /** Working directory of the program, relative to the project directory. */
  readonly cwd?: string;
}

/**
 * Runs an npm package's bin, found in the nearest `node_modules/.bin` from the project directory
 * upward (Alembic's `console_scripts` hook).
 *
 * ```ts
 * { name: 'prettier', type: 'bin', entrypoint: 'prettier', options: '--write' }
 * ```
 */
export interface BinPostWriteHook {
  readonly name: string;
  readonly type: 'bin';
  /** The bin's name, as in `node_modules/.bin/<entrypoint>`. */
  readonly entrypoint: string;
  /** Arguments, split as a shell would (no shell runs); see {@link REVISION_SCRIPT_FILENAME}. */
  readonly options?: string;
  /** Working directory of the program, relative to the project directory. */
  readonly cwd?: string;
}

/** Calls a function with the new script's path (Alembic's registered hook functions). */
export interface FunctionPostWriteHook {
  readonly name: string;
  readonly type: 'function';
  readonly run: (filePath: string) => void | Promise<void>;
}

/** A post-write hook, as listed in the config's `postWriteHooks`. */
export type PostWriteHook = ExecPostWriteHook | BinPostWriteHook | FunctionPostWriteHook;

/** Where hooks run and where their progress goes. */
export interface RunPostWriteHooksOptions {
  /** The project directory: where `bin` hooks are looked up from, and the default working directory. */
  readonly cwd: string;
  /** Receives progress lines (`Running post write hook 'x' ...`, `  done`). */
  readonly print: (line: string) => void;
}

/**
 * Runs the post-write hooks on a newly written script, in order, as Alembic does after
 * `revision`: each prints `Running post write hook '<name>' ...`, then `  done` (or `  FAILED`
 * before its error is thrown). Programs get the arguments from `options`, where each
 * `REVISION_SCRIPT_FILENAME` is replaced by `filePath`; without that token, `filePath` comes
 * first, then the options (Alembic prepends it). Their standard output and error pass through;
 * standard input is closed.
 *
 * @throws PostWriteHookError (`ALEMBIC_POST_WRITE_HOOK`), a one-line message naming the hook, for
 * a missing or unknown `type`, a missing `executable`/`entrypoint`/`run`, a program that cannot be
 * found or started, a non-zero exit status or a signal, or a function hook that throws. The
 * hooks after it do not run.
 */
export async function runPostWriteHooks(
  filePath: string,
  hooks: readonly PostWriteHook[],
  options: RunPostWriteHooksOptions,
): Promise<void> {
  for (const hook of hooks) {
    options.print(`Running post write hook '${hook.name}' ...`);
    try {
      await runHook(filePath, hook, options.cwd);
    } catch (error) {
      options.print('  FAILED');
      throw error;
    }
    options.print('  done');
  }
}

/**
 * Checks the hooks as far as can be done without running them (a known `type`, its required
 * key, a `bin` entry point that exists), so `revision` refuses before it writes anything.
 *
 * @throws PostWriteHookError as {@link runPostWriteHooks} does for the same problems.
 */
export function checkPostWriteHooks(hooks: readonly PostWriteHook[], projectDirectory: string): void {
  for (const hook of hooks) prepareHook(hook, projectDirectory);
}

async function runHook(filePath: string, hook: PostWriteHook, projectDirectory: string): Promise<void> {
  await prepareHook(hook, projectDirectory)(filePath);
}

/** Validates one hook and returns what runs it on a file. */
function prepareHook(hook: PostWriteHook, projectDirectory: string): (filePath: string) => Promise<void> {
  switch (hook.type) {
    case 'exec': {
      const executable = requireKey(hook, 'executable');
      const command =
        executable.includes('/') || executable.includes('\\') ? resolve(projectDirectory, executable) : executable;
      return (filePath) => runProgram(hook, command, executable, filePath, projectDirectory);
    }
    case 'bin': {
      const entrypoint = requireKey(hook, 'entrypoint');
      const command = findBin(entrypoint, projectDirectory);
      if (command === undefined) {
        throw new PostWriteHookError(
          hook.name,
          `Post write hook '${hook.name}': could not find '${entrypoint}' in node_modules/.bin from ${projectDirectory} upward; install the package that provides it, or use type 'exec'`,
        );
      }
      return (filePath) => runProgram(hook, command, entrypoint, filePath, projectDirectory);
    }
    case 'function': {
      const run = hook.run;
      if (typeof run !== 'function') {
        throw new PostWriteHookError(
          hook.name,
          `Post write hook '${hook.name}' (type 'function') needs a 'run' function`,
        );
      }
      return async (filePath) => {
        try {
          await run(filePath);
        } catch (error) {
          throw new PostWriteHookError(hook.name, `Post write hook '${hook.name}' failed: ${firstLine(error)}`, {
            cause: error,
          });
        }
      };
    }
    default: {
      // The config may come from plain JavaScript: report what the types would have.
      const { name, type } = hook as { name: string; type?: unknown };
      const problem = type === undefined ? "has no 'type'" : `has an unknown type '${String(type)}'`;
      throw new PostWriteHookError(name, `Post write hook '${name}' ${problem}; use 'exec', 'bin' or 'function'`);
    }
  }
}

function requireKey(hook: ExecPostWriteHook | BinPostWriteHook, key: 'executable' | 'entrypoint'): string {
  const value: unknown = (hook as unknown as Record<string, unknown>)[key];
  if (typeof value !== 'string' || value === '') {
    throw new PostWriteHookError(hook.name, `Post write hook '${hook.name}' (type '${hook.type}') needs '${key}'`);
  }
  return value;
}

/** `node_modules/.bin/<entrypoint>` in `directory` or the nearest ancestor that has it. */
function findBin(entrypoint: string, directory: string): string | undefined {
  for (let current = resolve(directory); ; current = dirname(current)) {
    const candidate = join(current, 'node_modules', '.bin', entrypoint);
    if (statSync(candidate, { throwIfNoEntry: false })?.isFile()) return candidate;
    if (dirname(current) === current) return undefined;
  }
}

function programArguments(hook: ExecPostWriteHook | BinPostWriteHook, filePath: string): string[] {
  const text = hook.options ?? '';
  let tokens: string[];
  try {
    tokens = splitCommandLine(text);
  } catch (error) {
    throw new PostWriteHookError(
      hook.name,
      `Post write hook '${hook.name}': cannot split options ${JSON.stringify(text)}: ${firstLine(error)}`,
      {
        cause: error,
      },
    );
  }
  if (!text.includes(REVISION_SCRIPT_FILENAME)) return [filePath, ...tokens];
  return tokens.map((token) => token.replaceAll(REVISION_SCRIPT_FILENAME, filePath));
}

async function runProgram(
  hook: ExecPostWriteHook | BinPostWriteHook,
  command: string,
  displayName: string,
  filePath: string,
  projectDirectory: string,
): Promise<void> {
  const args = programArguments(hook, filePath);
  const cwd = hook.cwd === undefined ? projectDirectory : resolve(projectDirectory, hook.cwd);
  // Loaded here, not at start-up: most commands never start a process.
  const { spawn } = await import('node:child_process');
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', (error: NodeJS.ErrnoException) => {
      let reason = `could not run '${displayName}': ${error.message}`;
      if (error.code === 'ENOENT') {
        reason = statSync(cwd, { throwIfNoEntry: false })?.isDirectory()
          ? `could not find executable '${displayName}'`
          : `its working directory ${cwd} does not exist`;
      }
      reject(new PostWriteHookError(hook.name, `Post write hook '${hook.name}': ${reason}`, { cause: error }));
    });
    child.once('close', (code, signal) => {
      if (code === 0) resolvePromise();
      else {
        const outcome = signal === null ? `exited with code ${String(code)}` : `was killed by ${signal}`;
        reject(new PostWriteHookError(hook.name, `Post write hook '${hook.name}' failed: '${displayName}' ${outcome}`));
      }
    });
  });
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n', 1)[0] as string;
}

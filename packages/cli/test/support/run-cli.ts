/**
 * Helpers for the CLI end-to-end and differential tests: temporary project directories,
 * running our CLI (`dist/bin.js`) in them as a user would, and running Python Alembic (the
 * `alembic` command of the Debian package) in them for comparison.
 *
 * Only Node builtins are used.
 */
import { spawnSync } from 'node:child_process';
import {
  accessSync,
  constants as fileSystemConstants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, relative, resolve, sep } from 'node:path';

/** What one process run produced. */
export interface CommandResult {
  /** Exit status (`null` when killed by a signal). */
  readonly status: number | null;
  /** Everything written to standard output. */
  readonly stdout: string;
  /** Everything written to standard error. */
  readonly stderr: string;
}

/** Options for one run of a command in a project directory. */
export interface RunOptions {
  /** Variables added to (or, with `undefined`, removed from) the child's environment. */
  readonly environment?: Readonly<Record<string, string | undefined>>;
  /** Working directory relative to the project root (default: the root). */
  readonly workingDirectory?: string;
}

/** Options for one run of Python Alembic. */
export interface PythonRunOptions extends RunOptions {
  /**
   * `PYTHONHASHSEED` for the run (default `'0'`). Alembic orders some lists (branch labels,
   * "Branches into:", the children under a branch point) by Python set iteration; changing
   * the seed shows which parts of an output are such orders.
   */
  readonly hashSeed?: string;
  /**
   * Load version files sorted by file name (default `true`). Alembic 1.8 (the Debian package)
   * reads a versions directory in `os.listdir` order, which on ext4 is hash order; Alembic 1.10+
   * and our CLI sort by file name (reference 3.5). With `true` the run goes through a small
   * launcher that sorts `Script._list_py_dir` and then calls Alembic's own `main`; nothing else
   * is changed. With `false` the `alembic` command on PATH runs as is.
   */
  readonly sortedLoadOrder?: boolean;
}

/** The built CLI entry point (override with `ALEMBIC_CLI_BIN`). */
export const cliBinPath: string = process.env['ALEMBIC_CLI_BIN'] ?? resolve(__dirname, '..', '..', 'dist', 'bin.js');

/** Whether `dist/bin.js` exists (the CLI has been built). */
export function cliIsBuilt(): boolean {
  return existsSync(cliBinPath);
}

/** Environment variables that would make a run depend on the machine it runs on. */
const environmentVariablesToDrop = [
  'ALEMBIC_CONFIG',
  'EDITOR',
  'VISUAL',
  'DATABASE_URL',
  'FORCE_COLOR',
  'NODE_OPTIONS',
];

/** The base environment of every child: the test's own, minus machine-dependent variables. */
function childEnvironment(overrides: Readonly<Record<string, string | undefined>> | undefined): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = { ...process.env };
  for (const name of environmentVariablesToDrop) {
    delete environment[name];
  }
  environment['TZ'] = 'UTC';
  environment['NO_COLOR'] = '1';
  environment['COLUMNS'] = '200';
  for (const [name, value] of Object.entries(overrides ?? {})) {
    if (value === undefined) {
      delete environment[name];
    } else {
      environment[name] = value;
    }
  }
  return environment;
}

/**
 * The environment a child process gets (the one {@link TemporaryProject.run} uses), for tests
 * that start processes themselves (concurrent runs, signals).
 */
export function cliChildEnvironment(overrides?: Readonly<Record<string, string | undefined>>): NodeJS.ProcessEnv {
  return childEnvironment(overrides);
}

/** Turns a `spawnSync` outcome into a {@link CommandResult}, failing loudly on spawn errors. */
function toCommandResult(outcome: ReturnType<typeof spawnSync>, description: string): CommandResult {
  if (outcome.error) {
    throw new Error(`could not run ${description}: ${outcome.error.message}`);
  }
  return {
    status: outcome.status,
    stdout: String(outcome.stdout),
    stderr: String(outcome.stderr),
  };
}

/** A temporary project directory; removed by {@link removeAllProjects}. */
export class TemporaryProject {
  /** Absolute, symlink-free path of the project root. */
  readonly root: string;

  /** Creates the directory (see {@link createProject}). */
  constructor(namePrefix: string) {
    this.root = realpathSync(mkdtempSync(join(tmpdir(), `alembic-${namePrefix}-`)));
  }

  /** Absolute path of a path given relative to the project root. */
  path(...relativeParts: string[]): string {
    return join(this.root, ...relativeParts);
  }

  /** Path relative to the project root, with `/` separators. */
  relativePath(absolutePath: string): string {
    return relative(this.root, absolutePath).split(sep).join('/');
  }

  /** Runs our CLI (`node dist/bin.js ...args`) in the project. */
  run(commandArguments: readonly string[], options: RunOptions = {}): CommandResult {
    if (!cliIsBuilt()) {
      throw new Error(`the CLI is not built: ${cliBinPath} is missing (run \`pnpm build\` in packages/cli)`);
    }
    const outcome = spawnSync(process.execPath, [cliBinPath, ...commandArguments], {
      cwd: this.path(options.workingDirectory ?? '.'),
      env: childEnvironment(options.environment),
      encoding: 'utf8',
      timeout: 60_000,
    });
    return toCommandResult(outcome, `our CLI ${commandArguments.join(' ')}`);
  }

  /** Runs Python Alembic in the project (see {@link PythonRunOptions}). */
  runPython(commandArguments: readonly string[], options: PythonRunOptions = {}): CommandResult {
    const python = locatePythonAlembic();
    if (python === null) {
      throw new Error(`Python Alembic is not available: ${pythonAlembicSkipReason()}`);
    }
    const sortedLoadOrder = options.sortedLoadOrder ?? true;
    const program = sortedLoadOrder ? python.interpreter : python.command;
    const programArguments = sortedLoadOrder
      ? [...python.interpreterArguments, sortedLoadLauncherPath(), ...commandArguments]
      : [...commandArguments];
    const outcome = spawnSync(program, programArguments, {
      cwd: this.path(options.workingDirectory ?? '.'),
      env: childEnvironment({
        PYTHONHASHSEED: options.hashSeed ?? '0',
        PYTHONDONTWRITEBYTECODE: '1',
        PYTHONWARNINGS: 'ignore',
        ...options.environment,
      }),
      encoding: 'utf8',
      timeout: 60_000,
    });
    return toCommandResult(outcome, `python alembic ${commandArguments.join(' ')}`);
  }

  /** Writes a file (creating parent directories); `mode` e.g. `0o755` for scripts. */
  write(relativePath: string, content: string, mode?: number): string {
    const target = this.path(relativePath);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content, mode === undefined ? undefined : { mode });
    return target;
  }

  /** Reads a file as UTF-8. */
  read(relativePath: string): string {
    return readFileSync(this.path(relativePath), 'utf8');
  }

  /** Whether a file or directory exists. */
  exists(relativePath: string): boolean {
    return existsSync(this.path(relativePath));
  }

  /** Whether a path is a directory. */
  isDirectory(relativePath: string): boolean {
    return this.exists(relativePath) && statSync(this.path(relativePath)).isDirectory();
  }

  /** Removes a file or directory (recursively). */
  remove(relativePath: string): void {
    rmSync(this.path(relativePath), { recursive: true, force: true });
  }

  /** Every file below a directory, as sorted paths relative to that directory (`/`-separated). */
  listFiles(relativeDirectory: string): string[] {
    const base = this.path(relativeDirectory);
    if (!existsSync(base)) {
      return [];
    }
    const found: string[] = [];
    const walk = (directory: string): void => {
      for (const entry of readdirSync(directory, { withFileTypes: true })) {
        const entryPath = join(directory, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== '__pycache__') {
            walk(entryPath);
          }
        } else {
          found.push(relative(base, entryPath).split(sep).join('/'));
        }
      }
    };
    walk(base);
    return found.sort();
  }

  /** Deletes the whole project directory (unless `ALEMBIC_TEST_KEEP` is set). */
  dispose(): void {
    if (!process.env['ALEMBIC_TEST_KEEP']) {
      rmSync(this.root, { recursive: true, force: true });
    }
  }
}

const liveProjects: TemporaryProject[] = [];

/** Makes a new temporary project directory, tracked for {@link removeAllProjects}. */
export function createProject(namePrefix = 'e2e'): TemporaryProject {
  const project = new TemporaryProject(namePrefix);
  liveProjects.push(project);
  return project;
}

/** Removes every project made by {@link createProject} so far (use in `afterEach`/`afterAll`). */
export function removeAllProjects(): void {
  for (const project of liveProjects.splice(0)) {
    project.dispose();
  }
}

/** How to start Python Alembic on this machine. */
interface PythonAlembic {
  /** The `alembic` command found on PATH. */
  readonly command: string;
  /** The interpreter named by the command's `#!` line. */
  readonly interpreter: string;
  /** Arguments between the interpreter and the script (from `#!/usr/bin/env python3 -X`). */
  readonly interpreterArguments: readonly string[];
}

let cachedPythonAlembic: PythonAlembic | null | undefined;
let cachedSkipReason = '';

/**
 * Every executable named `commandName` on PATH, in PATH order. Inside `npm`/`pnpm` scripts and
 * `npx`, PATH starts with `node_modules/.bin`, where `alembic` is our own CLI; callers filter.
 */
function findAllOnPath(commandName: string): string[] {
  const found: string[] = [];
  for (const directory of (process.env['PATH'] ?? '').split(delimiter)) {
    if (directory === '') {
      continue;
    }
    const candidate = join(directory, commandName);
    try {
      accessSync(candidate, fileSystemConstants.X_OK);
      if (statSync(candidate).isFile() && !found.includes(candidate)) {
        found.push(candidate);
      }
    } catch {
      // not here
    }
  }
  return found;
}

/** The interpreter and its arguments from a script's `#!` line, if it names Python. */
function pythonShebang(command: string): { interpreter: string; interpreterArguments: string[] } | null {
  let firstLine: string;
  try {
    firstLine = readFileSync(command, 'utf8').slice(0, 500).split('\n', 1)[0] ?? '';
  } catch {
    return null;
  }
  if (!firstLine.startsWith('#!') || !/python/.test(firstLine)) {
    return null;
  }
  const shebangWords = firstLine.slice(2).trim().split(/\s+/);
  let interpreter = shebangWords[0] ?? '';
  let interpreterArguments = shebangWords.slice(1);
  if (interpreter.endsWith('/env') && interpreterArguments.length > 0) {
    interpreter = interpreterArguments[0] ?? '';
    interpreterArguments = interpreterArguments.slice(1);
  }
  return { interpreter, interpreterArguments };
}

/**
 * Locates Python Alembic and its interpreter, checking that it imports; `null` when unusable.
 * `ALEMBIC_PYTHON_COMMAND` names the command explicitly; otherwise the first `alembic` on PATH
 * whose `#!` line names Python (skipping our own CLI in `node_modules/.bin`).
 */
function locatePythonAlembic(): PythonAlembic | null {
  if (cachedPythonAlembic !== undefined) {
    return cachedPythonAlembic;
  }
  cachedPythonAlembic = null;
  const explicit = process.env['ALEMBIC_PYTHON_COMMAND'];
  const candidates = explicit ? [explicit] : findAllOnPath('alembic');
  const pythonCandidates = candidates
    .filter((candidate) => !candidate.split(sep).includes('node_modules'))
    .map((candidate) => ({ command: candidate, shebang: pythonShebang(candidate) }));
  const chosen = pythonCandidates.find((candidate) => candidate.shebang !== null);
  if (chosen === undefined || chosen.shebang === null) {
    if (explicit) {
      cachedSkipReason = `ALEMBIC_PYTHON_COMMAND=${explicit} is not a Python script`;
    } else {
      cachedSkipReason =
        candidates.length === 0
          ? 'the `alembic` command (Python Alembic) is not on PATH'
          : `no \`alembic\` on PATH is a Python script (found: ${candidates.join(', ')})`;
    }
    return null;
  }
  const { interpreter, interpreterArguments } = chosen.shebang;
  const probe = spawnSync(interpreter, [...interpreterArguments, '-c', 'import alembic; print(alembic.__version__)'], {
    encoding: 'utf8',
    env: childEnvironment(undefined),
  });
  if (probe.error || probe.status !== 0) {
    cachedSkipReason = `${interpreter} (from ${chosen.command}) cannot import alembic: ${
      probe.error?.message ?? probe.stderr
    }`;
    return null;
  }
  cachedPythonAlembic = { command: chosen.command, interpreter, interpreterArguments };
  return cachedPythonAlembic;
}

/** Whether Python Alembic can be run here. */
export function pythonAlembicAvailable(): boolean {
  return locatePythonAlembic() !== null;
}

/** Why Python Alembic cannot be run here (empty string when it can). */
export function pythonAlembicSkipReason(): string {
  locatePythonAlembic();
  return cachedSkipReason;
}

/** The version Python Alembic reports (`alembic --version` without the program name). */
export function pythonAlembicVersion(): string {
  const python = locatePythonAlembic();
  if (python === null) {
    return '';
  }
  const probe = spawnSync(python.command, ['--version'], {
    encoding: 'utf8',
    env: childEnvironment(undefined),
  });
  return `${probe.stdout}${probe.stderr}`.trim().replace(/^alembic\s+/, '');
}

/**
 * Python source of the launcher used for `sortedLoadOrder`: sorts the names Alembic's
 * `Script._list_py_dir` returns, then runs Alembic's own command line.
 */
const sortedLoadLauncherSource = `import sys
from alembic.script.base import Script

_list_py_dir = Script._list_py_dir.__func__


def _sorted_list_py_dir(cls, scriptdir, path):
    return sorted(_list_py_dir(cls, scriptdir, path))


Script._list_py_dir = classmethod(_sorted_list_py_dir)

from alembic.config import main

main(prog="alembic")
`;

/**
 * Writes the sorted-load launcher to a fixed path under the temporary directory (shared by
 * every test process; written atomically when missing or different) and returns that path.
 */
function sortedLoadLauncherPath(): string {
  const directory = join(tmpdir(), 'alembic-test-python-launcher');
  const target = join(directory, 'alembic_sorted_load.py');
  let current: string | undefined;
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    current = undefined;
  }
  if (current !== sortedLoadLauncherSource) {
    mkdirSync(directory, { recursive: true });
    const staging = `${target}.${process.pid}.tmp`;
    writeFileSync(staging, sortedLoadLauncherSource);
    renameSync(staging, target);
  }
  return target;
}

/** Splits output into lines, dropping the one empty string after a final newline. */
export function outputLines(output: string): string[] {
  const lines = output.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') {
    lines.pop();
  }
  return lines;
}

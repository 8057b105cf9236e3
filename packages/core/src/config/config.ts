import { isAbsolute, resolve } from 'node:path';
import type { AlembicConfig, AlembicConfigValues } from './alembic-config.js';

/** Where a command's messages go. */
export interface OutputStreams {
  /** Writes one line (a newline is added) of regular output. */
  readonly stdout: (line: string) => void;
  /** Writes one line of diagnostics: progress, warnings. */
  readonly stderr: (line: string) => void;
}

/** Everything needed to build a {@link Config}. */
export interface ConfigInit {
  /** The config file, or `null` when the values were given in code. */
  readonly configFile: string | null;
  /** The directory relative paths are resolved from. */
  readonly directory: string;
  /** The config's keys (see {@link AlembicConfig}), and any of your own for `env.ts`. */
  readonly values: AlembicConfig | AlembicConfigValues;
  /** `-x key=value` arguments for `env.ts`. */
  readonly xArguments?: readonly string[];
  /** Silence regular output (`-q`). */
  readonly quiet?: boolean;
  readonly output?: OutputStreams;
  /**
   * Where else to look for dialect packages when the project has none installed (the CLI
   * passes its own installation, so a global `alembic` finds the dialects installed with it).
   */
  readonly searchDirectories?: readonly string[];
}

const defaultOutput: OutputStreams = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
};

/**
 * The configuration a command runs with: the config file's values, the command line's `-x`
 * arguments and where output goes. The counterpart of Alembic's `Config` object.
 *
 * ```ts
 * const config = new Config({ configFile: null, directory: process.cwd(), values: { scriptLocation: 'migrations' } });
 * await heads(config);
 * ```
 */
export class Config {
  readonly configFile: string | null;
  readonly directory: string;
  /** The config's keys, typed; a key of your own reads as `unknown`. */
  readonly values: AlembicConfigValues;
  readonly xArguments: readonly string[];
  readonly quiet: boolean;
  readonly output: OutputStreams;
  readonly searchDirectories: readonly string[];

  constructor(init: ConfigInit) {
    this.configFile = init.configFile;
    this.directory = init.directory;
    this.values = init.values as AlembicConfigValues;
    this.xArguments = init.xArguments ?? [];
    this.quiet = init.quiet ?? false;
    this.output = init.output ?? defaultOutput;
    this.searchDirectories = init.searchDirectories ?? [];
  }

  /** Absolute form of a path from the config (relative to the config's directory). */
  resolvePath(path: string): string {
    return isAbsolute(path) ? path : resolve(this.directory, path);
  }

  /** The migration environment directory, absolute. */
  get scriptLocation(): string {
    return this.resolvePath(this.values.scriptLocation);
  }

  /** Prints a line of regular output unless quiet. */
  print(line: string): void {
    if (!this.quiet) this.output.stdout(line);
  }

  /** Prints a diagnostic line (to stderr) unless quiet. */
  log(line: string): void {
    if (!this.quiet) this.output.stderr(line);
  }

  /** Prints a warning (to stderr), even when quiet. */
  warn(message: string): void {
    this.output.stderr(`WARNING: ${message}`);
  }
}

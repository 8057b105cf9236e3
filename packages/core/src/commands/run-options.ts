import { CommandError } from '../errors/command-error.js';
import type { EnvironmentOptions } from '../runtime/environment-context.js';

/** Options shared by the commands that run migrations. */
export interface RunOptions {
  /** `--sql`: print the SQL instead of running it. */
  readonly sql?: boolean;
  /** `--tag`: a value `env.ts` can read with `context.getTagArgument()`. */
  readonly tag?: string | null;
  /** `--no-lock`: skip the migration lock (for connection poolers that cannot hold one). */
  readonly noLock?: boolean;
  /**
   * `--lock-timeout`: seconds to wait for the migration lock before failing (`0`: fail at once
   * if it is held); overrides the config's `lockTimeout`. Default: wait as long as it takes.
   */
  readonly lockTimeout?: number;
  /** `--statement-timeout`: seconds any statement may run; overrides the config's `statementTimeout`. */
  readonly statementTimeout?: number;
}

/**
 * The timeouts of `options`, checked (a number of seconds, 0 or more; the statement timeout
 * more than 0), in the shape `runEnvironment` takes.
 *
 * @throws CommandError naming the option.
 */
export function timeoutOptions(options: RunOptions): { lockTimeout?: number; statementTimeout?: number } {
  const { lockTimeout, statementTimeout } = options;
  if (lockTimeout !== undefined && !(Number.isFinite(lockTimeout) && lockTimeout >= 0)) {
    throw new CommandError(`lockTimeout must be a number of seconds, 0 or more (got ${String(lockTimeout)})`);
  }
  if (statementTimeout !== undefined && !(Number.isFinite(statementTimeout) && statementTimeout > 0)) {
    throw new CommandError(
      `statementTimeout must be a number of seconds greater than 0 (got ${String(statementTimeout)})`,
    );
  }
  return {
    ...(lockTimeout === undefined ? {} : { lockTimeout }),
    ...(statementTimeout === undefined ? {} : { statementTimeout }),
  };
}

/**
 * What every command that runs `env.ts` passes on from its {@link RunOptions}: `--sql`, `--tag`,
 * `--no-lock` and the checked timeouts, in the shape `runEnvironment` takes.
 *
 * @throws CommandError naming a timeout option out of range.
 */
export function environmentOptions(
  options: RunOptions,
): Pick<EnvironmentOptions, 'asSql' | 'tag' | 'noLock' | 'lockTimeout' | 'statementTimeout'> {
  return {
    asSql: options.sql ?? false,
    tag: options.tag ?? null,
    noLock: options.noLock ?? false,
    ...timeoutOptions(options),
  };
}

/** Splits an offline `start:end` range; `undefined` start when there is no colon. */
export function splitRange(revision: string): { start: string | undefined; end: string } {
  const colon = revision.indexOf(':');
  if (colon < 0) return { start: undefined, end: revision };
  return { start: revision.slice(0, colon), end: revision.slice(colon + 1) };
}

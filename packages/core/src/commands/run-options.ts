/** Options shared by the commands that run migrations. */
export interface RunOptions {
  /** `--sql`: print the SQL instead of running it. */
  readonly sql?: boolean;
  /** `--tag`: a value `env.ts` can read with `context.getTagArgument()`. */
  readonly tag?: string | null;
  /** `--no-lock`: skip the migration lock (for connection poolers that cannot hold one). */
  readonly noLock?: boolean;
}

/** Splits an offline `start:end` range; `undefined` start when there is no colon. */
export function splitRange(revision: string): { start: string | undefined; end: string } {
  const colon = revision.indexOf(':');
  if (colon < 0) return { start: undefined, end: revision };
  return { start: revision.slice(0, colon), end: revision.slice(colon + 1) };
}

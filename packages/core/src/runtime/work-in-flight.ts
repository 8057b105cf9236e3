import { NeverSettledError } from '../errors/never-settled-error.js';
import { processWide } from './process-wide.js';

/**
 * A part of a command that is running now and might never finish: `env.ts`, a migration's
 * `upgrade()` / `downgrade()`, an open transaction.
 */
export interface WorkInFlight {
  /** What to name when it never finishes: `upgrade a -> b (migrations/versions/b_x.ts)`, `migrations/env.ts`. */
  readonly subject?: string;
  /** Who awaited the promise that never settled: `upgrade()`, `it`. */
  readonly awaiting?: string;
  /**
   * Undoes what can be undone once the work can never finish (rolls its transaction back);
   * resolves to what was done, for the message (`its transaction was rolled back`).
   */
  readonly abandon?: () => Promise<string | undefined>;
}

/** The work in flight, outermost first; shared by every copy of core in the process. */
function registry(): WorkInFlight[] {
  return processWide('alembic.runtime.workInFlight', (): WorkInFlight[] => []);
}

/** Runs `work`, recording it as in flight until its promise settles. */
export async function trackWork<T>(entry: WorkInFlight, work: () => Promise<T>): Promise<T> {
  const list = registry();
  list.push(entry);
  try {
    return await work();
  } finally {
    const index = list.lastIndexOf(entry);
    if (index >= 0) list.splice(index, 1);
  }
}

/** Whether a command's `env.ts`, migration or transaction is running now. */
export function hasWorkInFlight(): boolean {
  return registry().length > 0;
}

function describeFailure(error: unknown): string {
  return error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error);
}

/**
 * For a process whose event loop emptied while a command was still running (Node would exit
 * with status 13 and no word): the error naming the innermost migration, else `env.ts`, that
 * never finished, after abandoning every piece of work in flight, innermost first (open
 * transactions are rolled back). Undefined when nothing is in flight.
 *
 * ```ts
 * process.once('beforeExit', async () => {
 *   const error = await abandonUnsettledWork();
 *   if (error !== undefined) { console.error(`FAILED: ${error.message}`); process.exit(1); }
 * });
 * ```
 */
export async function abandonUnsettledWork(): Promise<NeverSettledError | undefined> {
  const list = registry();
  const entries = list.splice(0).reverse();
  if (entries.length === 0) return undefined;
  const named = entries.find((entry) => entry.subject !== undefined);
  const outcomes: string[] = [];
  for (const entry of entries) {
    if (entry.abandon === undefined) continue;
    try {
      const outcome = await entry.abandon();
      if (outcome !== undefined) outcomes.push(outcome);
    } catch (error) {
      outcomes.push(`rolling back failed: ${describeFailure(error)}`);
    }
  }
  const subject = named?.subject ?? 'The command';
  const awaiting = named?.awaiting ?? 'it';
  const outcome = outcomes.length === 0 ? '' : `; ${outcomes.join('; ')}`;
  return new NeverSettledError(
    subject,
    `${subject} never finished: ${awaiting} awaited a promise that nothing was left to settle ` +
      `(no query, timer or I/O pending: a promise never resolved, or a callback never called?)${outcome}`,
  );
}

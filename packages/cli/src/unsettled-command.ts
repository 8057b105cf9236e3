import { type CliIo, isAskingUser } from './cli-io.js';
import { ExitCode } from './exit-codes.js';

const FALLBACK = 'The command never finished: it awaited a promise that nothing was left to settle';

/** How often, and for how long in a row, a run must look stalled before it is reported. */
const STALL_CHECK_MILLISECONDS = 250;
const STALL_CHECKS = 8;

/**
 * Speaks up for a command that can never finish. When a migration or `env.ts` awaits a promise
 * that nothing is left to settle, either Node's event loop empties with the command still
 * pending (SQLite: Node would exit with status 13 and say nothing), or only the database's idle
 * socket keeps it alive (a server: the run would wait forever in silence). Either way, core
 * rolls back what is open and names the migration (or `env.ts`), the CLI prints one `FAILED:`
 * line and exits with status 1. The second case is seen by polling: the run counts as stalled
 * after two seconds in which every connection core opened was idle and nothing but those
 * sockets and the standard streams kept the process alive (see core's `stalledForever()`), and no
 * question was waiting for the user's answer.
 * Returns the function that stops watching, once the command has settled.
 */
export function watchUnsettledCommand(io: CliIo): () => void {
  let reporting = false;
  const reportOnce = (): void => {
    if (reporting) {
      // The rollback itself left nothing to wait for: give up on it.
      finish(io, FALLBACK);
      return;
    }
    reporting = true;
    clearInterval(poll);
    void report(io);
  };
  let stalledChecks = 0;
  const poll = setInterval(() => {
    void stalled().then((isStalled) => {
      stalledChecks = isStalled ? stalledChecks + 1 : 0;
      if (stalledChecks >= STALL_CHECKS && !reporting) reportOnce();
    });
  }, STALL_CHECK_MILLISECONDS);
  poll.unref();
  process.on('beforeExit', reportOnce);
  return () => {
    clearInterval(poll);
    process.off('beforeExit', reportOnce);
  };
}

let coreInternals: Promise<typeof import('@alembic/core/internal')> | undefined;

/** Whether a command is running and can no longer make progress. */
async function stalled(): Promise<boolean> {
  if (isAskingUser()) return false;
  coreInternals ??= import('@alembic/core/internal');
  const internal = await coreInternals;
  return internal.hasWorkInFlight() && internal.stalledForever();
}

async function report(io: CliIo): Promise<void> {
  let message = FALLBACK;
  try {
    const core = await import('@alembic/core');
    const error = await core.abandonUnsettledWork();
    if (error !== undefined) message = core.maskPassword(error.message);
  } catch (error) {
    message = `${FALLBACK} (${error instanceof Error ? error.message : String(error)})`;
  }
  finish(io, message);
}

function finish(io: CliIo, message: string): never {
  io.stderr(`FAILED: ${message}\n`);
  io.flush();
  process.exit(ExitCode.failure);
}

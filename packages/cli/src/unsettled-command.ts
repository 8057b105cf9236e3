import type { CliIo } from './cli-io.js';
import { ExitCode } from './exit-codes.js';

const FALLBACK = 'The command never finished: it awaited a promise that nothing was left to settle';

/**
 * Speaks up for a command that can never finish. When a migration or `env.ts` awaits a promise
 * that nothing is left to settle, Node's event loop empties with the command still pending,
 * and Node would exit with status 13 and say nothing. Instead, on `beforeExit`: core rolls back
 * what is open and names the migration (or `env.ts`), the CLI prints one `FAILED:` line and
 * exits with status 1. Returns the function that stops watching, once the command has settled.
 */
export function watchUnsettledCommand(io: CliIo): () => void {
  let reporting = false;
  const onBeforeExit = (): void => {
    if (reporting) {
      // The rollback itself left nothing to wait for: give up on it.
      finish(io, FALLBACK);
      return;
    }
    reporting = true;
    void report(io);
  };
  process.on('beforeExit', onBeforeExit);
  return () => {
    process.off('beforeExit', onBeforeExit);
  };
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

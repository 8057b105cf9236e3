import { readFileSync } from 'node:fs';
import type { CliIo } from './cli-io.js';
import { ExitCode } from './exit-codes.js';
import { failedMessage } from './failed-message.js';
import { commandHelp, commandUsage, mainHelp, mainUsage } from './help-text.js';
import { findCommand } from './command-table.js';
import { type ParsedArguments, parseArguments } from './parse-arguments.js';
import { COMMAND_RUNNERS } from './run-command.js';
import { UsageError } from './usage-error.js';

function cliVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

/**
 * Runs the `alembic` command line and returns the exit status. Output goes through `io`; only
 * the parser and help are loaded until a command runs, which keeps `--help` fast.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed: ParsedArguments;
  try {
    parsed = parseArguments(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const command = error.commandName ? findCommand(error.commandName) : undefined;
    io.stderr(`${command ? commandUsage(command) : mainUsage()}\nalembic: error: ${error.message}\n`);
    return ExitCode.usage;
  }
  const { globals, command, values } = parsed;
  if (globals.version === true) {
    io.stdout(`alembic ${cliVersion()}\n`);
    return ExitCode.success;
  }
  if (globals.help === true) {
    io.stdout(`${command ? commandHelp(command) : mainHelp()}\n`);
    return ExitCode.success;
  }
  if (command === undefined) {
    io.stderr(`${mainUsage()}\nalembic: error: too few arguments\n`);
    return ExitCode.usage;
  }
  const runner = COMMAND_RUNNERS[command.name];
  if (runner === undefined) throw new Error(`No runner for command ${command.name}`);
  const core = await import('@alembic/core');
  try {
    await runner({ core, globals, values, io });
    return ExitCode.success;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${commandUsage(command)}\nalembic: error: ${error.message}\n`);
      return ExitCode.usage;
    }
    if (globals.raiseerr === true) {
      // Node prints the whole error, its properties and causes (or a thrown string): none may
      // show a password.
      const { rewriteErrorText } = await import('@alembic/core/internal');
      throw typeof error === 'string'
        ? core.maskPassword(error)
        : rewriteErrorText(error, core.maskPassword, { everyProperty: true });
    }
    if (core.AlembicError.isInstance(error)) {
      io.stderr(`FAILED: ${core.maskPassword(failedMessage(error.message))}\n`);
      return ExitCode.failure;
    }
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    // Where in the user's env.ts (or a file it imports) the error came from, when it did.
    const { userCodeLocation } = await import('@alembic/core/internal');
    const location = userCodeLocation(error);
    const at = location === undefined ? '' : ` (at ${location})`;
    io.stderr(`FAILED: ${core.maskPassword(failedMessage(message))}${at}\n(run with --raiseerr for the stack trace)\n`);
    return ExitCode.failure;
  }
}

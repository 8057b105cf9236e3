import { fileURLToPath } from 'node:url';
import type { RunOptions } from '@alembic/core';
import type { CliIo } from './cli-io.js';
import type { ParsedValues } from './parse-arguments.js';
import { parseRenames } from './rename-arguments.js';
import { parseSeconds } from './seconds-argument.js';
import { UsageError } from './usage-error.js';

type Core = typeof import('@alembic/core');

/** Everything a command runner gets. */
export interface CommandRun {
  readonly core: Core;
  readonly globals: ParsedValues;
  readonly values: ParsedValues;
  readonly io: CliIo;
}

const text = (value: ParsedValues[string]): string | undefined => (typeof value === 'string' ? value : undefined);
const list = (value: ParsedValues[string]): string[] | undefined => (Array.isArray(value) ? value : undefined);
const flag = (value: ParsedValues[string]): boolean => value === true;

async function loadCommandConfig({ core, globals, io }: CommandRun): Promise<InstanceType<Core['Config']>> {
  const loaded = await core.loadConfig(io.cwd, text(globals.config));
  return new core.Config({
    configFile: loaded.configFile,
    directory: loaded.directory,
    values: loaded.values,
    xArguments: list(globals.x) ?? [],
    quiet: flag(globals.quiet),
    output: { stdout: (line) => io.stdout(`${line}\n`), stderr: (line) => io.stderr(`${line}\n`) },
    searchDirectories: [fileURLToPath(new URL('.', import.meta.url))],
  });
}

/** `--lock-timeout` and `--statement-timeout`, checked (a usage error otherwise). */
function timeouts({ values }: CommandRun, commandName: string): { lockTimeout?: number; statementTimeout?: number } {
  const lockTimeout = parseSeconds(text(values.lockTimeout), '--lock-timeout', commandName, 'zero');
  const statementTimeout = parseSeconds(text(values.statementTimeout), '--statement-timeout', commandName, 'positive');
  return {
    ...(lockTimeout === undefined ? {} : { lockTimeout }),
    ...(statementTimeout === undefined ? {} : { statementTimeout }),
  };
}

function runOptions(run: CommandRun, commandName: string): RunOptions {
  const { values } = run;
  return {
    sql: flag(values.sql),
    tag: text(values.tag) ?? null,
    noLock: flag(values.noLock),
    ...timeouts(run, commandName),
  };
}

/** Runs one parsed command against `@alembic/core`. */
export const COMMAND_RUNNERS: Readonly<Record<string, (run: CommandRun) => Promise<void>>> = {
  init: async ({ core, values, globals, io }) => {
    core.init(text(values.directory) as string, {
      template: text(values.template),
      cwd: io.cwd,
      output: { stdout: (line) => (flag(globals.quiet) ? undefined : io.stdout(`${line}\n`)) },
    });
  },
  'list-templates': async ({ core, io }) => {
    core.listTemplates({ stdout: (line) => io.stdout(`${line}\n`) });
  },
  revision: async (run) => {
    const { values, io } = run;
    const autogenerate = flag(values.autogenerate);
    if (autogenerate && flag(values.sql)) {
      throw new UsageError(
        '--sql cannot be used with --autogenerate: autogenerate compares the models with the live database',
        'revision',
      );
    }
    const renames = parseRenames(list(values.rename) ?? [], list(values.renameTable) ?? []);
    if (renames.length > 0 && !autogenerate) {
      throw new UsageError('--rename and --rename-table only apply with --autogenerate', 'revision');
    }
    const ask = io.ask;
    await run.core.revision(await loadCommandConfig(run), {
      message: text(values.message),
      autogenerate,
      sql: flag(values.sql),
      head: text(values.head),
      splice: flag(values.splice),
      branchLabel: text(values.branchLabel),
      versionPath: text(values.versionPath),
      revisionId: text(values.revisionId),
      dependsOn: list(values.dependsOn),
      renames,
      ...(ask === undefined
        ? {}
        : { confirm: async (question: string) => /^\s*y(es)?\s*$/i.test(await ask(`${question} [y/N] `)) }),
    });
  },
  check: async (run) => {
    await run.core.check(await loadCommandConfig(run));
  },
  merge: async (run) => {
    const { values } = run;
    await run.core.merge(await loadCommandConfig(run), list(values.revisions) ?? [], {
      message: text(values.message),
      branchLabel: text(values.branchLabel),
      revisionId: text(values.revisionId),
      splice: flag(values.splice),
    });
  },
  heads: async (run) => {
    run.core.heads(await loadCommandConfig(run), {
      verbose: flag(run.values.verbose),
      resolveDependencies: flag(run.values.resolveDependencies),
    });
  },
  branches: async (run) => {
    run.core.branches(await loadCommandConfig(run), { verbose: flag(run.values.verbose) });
  },
  history: async (run) => {
    await run.core.history(await loadCommandConfig(run), {
      revisionRange: text(run.values.revisionRange),
      verbose: flag(run.values.verbose),
      indicateCurrent: flag(run.values.indicateCurrent),
    });
  },
  show: async (run) => {
    await run.core.show(await loadCommandConfig(run), text(run.values.revision) as string);
  },
  edit: async (run) => {
    await run.core.edit(await loadCommandConfig(run), text(run.values.revision) as string, run.io.env);
  },
  upgrade: async (run) => {
    const options = runOptions(run, 'upgrade');
    await run.core.upgrade(await loadCommandConfig(run), text(run.values.revision) as string, options);
  },
  downgrade: async (run) => {
    const options = runOptions(run, 'downgrade');
    await run.core.downgrade(await loadCommandConfig(run), text(run.values.revision) as string, options);
  },
  stamp: async (run) => {
    const options = runOptions(run, 'stamp');
    await run.core.stamp(await loadCommandConfig(run), list(run.values.revisions) ?? [], {
      ...options,
      purge: flag(run.values.purge),
    });
  },
  current: async (run) => {
    await run.core.current(await loadCommandConfig(run), {
      verbose: flag(run.values.verbose),
      checkHeads: flag(run.values.checkHeads),
    });
  },
  'ensure-version': async (run) => {
    const options = { sql: flag(run.values.sql), ...timeouts(run, 'ensure-version') };
    await run.core.ensureVersion(await loadCommandConfig(run), options);
  },
};

import { COMMANDS, GLOBAL_OPTIONS, type CommandSpec, type OptionSpec } from './command-table.js';

function optionUsage(option: OptionSpec): string {
  const flag = option.flags[0] as string;
  return option.valueName ? `[${flag} ${option.valueName}]` : `[${flag}]`;
}

function optionLines(options: readonly OptionSpec[]): string[] {
  return options.map((option) => {
    const flags = option.flags.map((flag) => (option.valueName ? `${flag} ${option.valueName}` : flag)).join(', ');
    return `  ${flags.padEnd(30)} ${option.help}`;
  });
}

/** One-line usage of a command: `usage: alembic revision [-m MESSAGE] ...`. */
export function commandUsage(command: CommandSpec): string {
  const positionals = command.positionals.map((positional) =>
    positional.variadic ? `${positional.key} [${positional.key} ...]` : positional.key,
  );
  return ['usage: alembic', command.name, ...command.options.map(optionUsage), ...positionals].join(' ');
}

/** The usage line of the whole CLI. */
export function mainUsage(): string {
  return 'usage: alembic [--version] [-c CONFIG] [-x X] [-q] [--raiseerr] <command> ...';
}

/** `alembic --help`. */
export function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return [
    mainUsage(),
    '',
    'Database migrations for TypeScript, after Alembic.',
    '',
    'commands:',
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'options:',
    ...optionLines(GLOBAL_OPTIONS),
    '',
    "Run 'alembic <command> --help' for a command's options.",
  ].join('\n');
}

/** `alembic <command> --help`. */
export function commandHelp(command: CommandSpec): string {
  const lines = [commandUsage(command), '', command.summary];
  if (command.positionals.length > 0) {
    lines.push('', 'positional arguments:');
    for (const positional of command.positionals) lines.push(`  ${positional.key.padEnd(30)} ${positional.help}`);
  }
  if (command.options.length > 0) lines.push('', 'options:', ...optionLines(command.options));
  lines.push('', 'global options:', ...optionLines(GLOBAL_OPTIONS));
  return lines.join('\n');
}

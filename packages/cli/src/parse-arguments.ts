import { findCommand, GLOBAL_OPTIONS, type CommandSpec, type OptionSpec } from './command-table.js';
import { UsageError } from './usage-error.js';

/** Parsed option and positional values, by key. */
export type ParsedValues = Record<string, string | boolean | string[] | undefined>;

/** The result of parsing a command line. */
export interface ParsedArguments {
  readonly globals: ParsedValues;
  /** `undefined` when only global options were given (`--version`, `--help`). */
  readonly command: CommandSpec | undefined;
  readonly values: ParsedValues;
}

const NEGATIVE_NUMBER = /^-\d/;

function findOption(options: readonly OptionSpec[], flag: string): OptionSpec | undefined {
  return options.find((option) => option.flags.includes(flag));
}

function store(values: ParsedValues, option: OptionSpec, value: string | boolean): void {
  if (option.repeatable) {
    const list = (values[option.key] as string[] | undefined) ?? [];
    list.push(value as string);
    values[option.key] = list;
  } else {
    values[option.key] = value;
  }
}

/**
 * Parses `alembic [global options] <command> [options] [arguments]`. Global options may also
 * follow the command. Accepts `--opt value`, `--opt=value`, `-o value` and `-ovalue`; a word
 * like `-1` or `-2:head` is a positional (a relative revision), not an option.
 */
export function parseArguments(argv: readonly string[]): ParsedArguments {
  const globals: ParsedValues = {};
  const values: ParsedValues = {};
  const positionals: string[] = [];
  let command: CommandSpec | undefined;
  let onlyPositionals = false;

  for (let index = 0; index < argv.length; index += 1) {
    const word = argv[index] as string;
    if (onlyPositionals || !word.startsWith('-') || word === '-' || NEGATIVE_NUMBER.test(word)) {
      if (command === undefined) {
        command = findCommand(word);
        if (command === undefined)
          throw new UsageError(`invalid choice: '${word}' (run 'alembic --help' for the commands)`);
      } else {
        positionals.push(word);
      }
      continue;
    }
    if (word === '--') {
      onlyPositionals = true;
      continue;
    }
    let flag = word;
    let inlineValue: string | undefined;
    if (word.startsWith('--') && word.includes('=')) {
      flag = word.slice(0, word.indexOf('='));
      inlineValue = word.slice(word.indexOf('=') + 1);
    } else if (!word.startsWith('--') && word.length > 2) {
      flag = word.slice(0, 2);
      inlineValue = word.slice(2);
    }
    const commandOption = command ? findOption(command.options, flag) : undefined;
    const option = commandOption ?? findOption(GLOBAL_OPTIONS, flag);
    if (option === undefined) {
      throw new UsageError(`unrecognized arguments: ${word}`, command?.name);
    }
    const target = commandOption ? values : globals;
    if (option.valueName === undefined) {
      if (inlineValue !== undefined && word.startsWith('--')) {
        throw new UsageError(`argument ${flag}: ignored explicit argument '${inlineValue}'`, command?.name);
      }
      if (inlineValue !== undefined) throw new UsageError(`unrecognized arguments: ${word}`, command?.name);
      store(target, option, true);
      continue;
    }
    let value = inlineValue;
    if (value === undefined) {
      index += 1;
      value = argv[index];
      if (value === undefined) {
        throw new UsageError(`argument ${option.flags.join('/')}: expected one argument`, command?.name);
      }
    }
    store(target, option, value);
  }

  if (command !== undefined) {
    const specs = command.positionals;
    for (const [position, spec] of specs.entries()) {
      if (spec.variadic) {
        values[spec.key] = positionals.slice(position);
        if ((values[spec.key] as string[]).length === 0) {
          throw new UsageError(`the following arguments are required: ${spec.key}`, command.name);
        }
        positionals.length = 0;
        break;
      }
      const value = positionals[position];
      if (value === undefined) throw new UsageError(`the following arguments are required: ${spec.key}`, command.name);
      values[spec.key] = value;
    }
    const extra = specs.some((spec) => spec.variadic) ? [] : positionals.slice(specs.length);
    if (extra.length > 0) throw new UsageError(`unrecognized arguments: ${extra.join(' ')}`, command.name);
  }
  return { globals, command, values };
}

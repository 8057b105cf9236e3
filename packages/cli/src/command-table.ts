/** One option a command (or the CLI as a whole) accepts. */
export interface OptionSpec {
  /** Key the parsed value is stored under. */
  readonly key: string;
  /** Spellings: `-m`, `--message`. */
  readonly flags: readonly string[];
  /** Takes a value (`-m MESSAGE`); otherwise a switch. */
  readonly valueName?: string;
  /** May be given several times; values collect in a list. */
  readonly repeatable?: boolean;
  readonly help: string;
}

/** One positional argument. */
export interface PositionalSpec {
  readonly key: string;
  readonly help: string;
  /** Takes every remaining positional word (at least one). */
  readonly variadic?: boolean;
}

/** One `alembic` subcommand. */
export interface CommandSpec {
  readonly name: string;
  /** Other accepted names (Alembic's `list_templates` spelling). */
  readonly aliases?: readonly string[];
  readonly summary: string;
  readonly positionals: readonly PositionalSpec[];
  readonly options: readonly OptionSpec[];
}

/** A switch such as `--sql`. */
function switchOption(key: string, flags: readonly string[], help: string): OptionSpec {
  return { key, flags, help };
}

/** An option that takes a value, such as `--tag TAG`. */
function valueOption(key: string, flags: readonly string[], valueName: string, help: string): OptionSpec {
  return { key, flags, valueName, help };
}

const verbose = switchOption('verbose', ['-v', '--verbose'], 'Use more verbose output');
const sql = switchOption('sql', ['--sql'], "Don't emit SQL to database - dump to standard output instead");
const tag = valueOption('tag', ['--tag'], 'TAG', "Arbitrary 'tag' name - can be used by custom env.ts scripts.");
const noLock = switchOption(
  'noLock',
  ['--no-lock'],
  'Do not take the migration lock (for connection poolers that cannot hold one)',
);
const lockTimeout = valueOption(
  'lockTimeout',
  ['--lock-timeout'],
  'SECONDS',
  'Fail if another run holds the migration lock for longer than SECONDS (0: do not wait). Default (config lockTimeout): wait until it is free, saying so after 1 s',
);
const statementTimeout = valueOption(
  'statementTimeout',
  ['--statement-timeout'],
  'SECONDS',
  'Cancel any statement running longer than SECONDS (PostgreSQL statement_timeout, MariaDB max_statement_time, MySQL max_execution_time: SELECT only; SQL Server request timeout; SQLite has none). Default (config statementTimeout): no limit',
);

/** Options accepted before or after any command. */
export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  {
    key: 'config',
    flags: ['-c', '--config'],
    valueName: 'FILE',
    help: 'Config file (default: alembic.config.{ts,js,json} in the working directory, or $ALEMBIC_CONFIG)',
  },
  {
    key: 'x',
    flags: ['-x'],
    valueName: 'KEY=VALUE',
    repeatable: true,
    help: 'Additional arguments consumed by custom env.ts scripts, e.g. -x setting1=somesetting',
  },
  { key: 'quiet', flags: ['-q', '--quiet'], help: 'Do not log to stdout' },
  { key: 'raiseerr', flags: ['--raiseerr'], help: 'Raise a full stack trace on error' },
  { key: 'help', flags: ['-h', '--help'], help: 'Show help and exit' },
  { key: 'version', flags: ['--version'], help: 'Show the version and exit' },
];

/** Every command, in the order `--help` lists them. */
export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'init',
    summary: 'Initialize a new scripts directory.',
    positionals: [{ key: 'directory', help: 'Location of scripts directory' }],
    options: [
      {
        key: 'template',
        flags: ['-t', '--template'],
        valueName: 'TEMPLATE',
        help: "Setup template for use with 'init' (default: generic)",
      },
    ],
  },
  {
    name: 'list-templates',
    aliases: ['list_templates'],
    summary: 'List available templates.',
    positionals: [],
    options: [],
  },
  {
    name: 'revision',
    summary: 'Create a new revision file.',
    positionals: [],
    options: [
      {
        key: 'message',
        flags: ['-m', '--message'],
        valueName: 'MESSAGE',
        help: "Message string to use with 'revision'",
      },
      {
        key: 'autogenerate',
        flags: ['--autogenerate'],
        help: 'Populate revision script with candidate migration operations, based on comparison of database to model.',
      },
      sql,
      {
        key: 'head',
        flags: ['--head'],
        valueName: 'HEAD',
        help: 'Specify head revision or <branchname>@head to base new revision on.',
      },
      { key: 'splice', flags: ['--splice'], help: "Allow a non-head revision as the 'head' to splice onto" },
      {
        key: 'branchLabel',
        flags: ['--branch-label'],
        valueName: 'BRANCH_LABEL',
        help: "Specify a branch label to apply to the new revision: ASCII letters, digits, '_' and '.' (not first), not an existing revision id or branch label",
      },
      {
        key: 'versionPath',
        flags: ['--version-path'],
        valueName: 'VERSION_PATH',
        help: 'Specify specific path from config for version file',
      },
      {
        key: 'revisionId',
        flags: ['--rev-id'],
        valueName: 'REV_ID',
        help: "Specify a hardcoded revision id instead of generating one: ASCII letters, digits, '_' and '.' (not first), at most 32 characters (versionNumWidth), not head, heads, base or current",
      },
      {
        key: 'dependsOn',
        flags: ['--depends-on'],
        valueName: 'DEPENDS_ON',
        repeatable: true,
        help: 'Specify one or more revision identifiers which this revision should depend on.',
      },
      {
        key: 'rename',
        flags: ['--rename'],
        valueName: 'TABLE.OLD=NEW',
        repeatable: true,
        help: 'With --autogenerate: column OLD of TABLE was renamed to NEW (instead of a drop and an add)',
      },
      {
        key: 'renameTable',
        flags: ['--rename-table'],
        valueName: 'OLD=NEW',
        repeatable: true,
        help: 'With --autogenerate: table OLD was renamed to NEW (instead of a drop and a create)',
      },
    ],
  },
  {
    name: 'check',
    summary: 'Check if revision command with autogenerate has pending upgrade ops.',
    positionals: [],
    options: [],
  },
  {
    name: 'merge',
    summary: 'Merge two revisions together. Creates a new migration file.',
    positionals: [{ key: 'revisions', help: 'two or more revisions, or "heads" for all heads', variadic: true }],
    options: [
      {
        key: 'message',
        flags: ['-m', '--message'],
        valueName: 'MESSAGE',
        help: "Message string to use with 'revision'",
      },
      {
        key: 'branchLabel',
        flags: ['--branch-label'],
        valueName: 'BRANCH_LABEL',
        help: "Specify a branch label to apply to the new revision: ASCII letters, digits, '_' and '.' (not first), not an existing revision id or branch label",
      },
      {
        key: 'revisionId',
        flags: ['--rev-id'],
        valueName: 'REV_ID',
        help: "Specify a hardcoded revision id instead of generating one: ASCII letters, digits, '_' and '.' (not first), at most 32 characters (versionNumWidth), not head, heads, base or current",
      },
      { key: 'splice', flags: ['--splice'], help: 'Allow revisions that are not heads to be merged' },
    ],
  },
  {
    name: 'upgrade',
    summary: 'Upgrade to a later version.',
    positionals: [{ key: 'revision', help: 'revision identifier' }],
    options: [sql, tag, noLock, lockTimeout, statementTimeout],
  },
  {
    name: 'downgrade',
    summary: 'Revert to a previous version.',
    positionals: [{ key: 'revision', help: 'revision identifier' }],
    options: [sql, tag, noLock, lockTimeout, statementTimeout],
  },
  {
    name: 'stamp',
    summary: "'stamp' the revision table with the given revision; don't run any migrations.",
    positionals: [{ key: 'revisions', help: 'revision identifier(s)', variadic: true }],
    options: [
      sql,
      tag,
      { key: 'purge', flags: ['--purge'], help: 'Unconditionally erase the version table before stamping' },
      noLock,
      lockTimeout,
      statementTimeout,
    ],
  },
  {
    name: 'current',
    summary: 'Display the current revision for a database.',
    positionals: [],
    options: [
      verbose,
      {
        key: 'checkHeads',
        flags: ['-c', '--check-heads'],
        help: 'Check if all head revisions are applied to the database. Raises an error if not.',
      },
    ],
  },
  {
    name: 'ensure-version',
    aliases: ['ensure_version'],
    summary: 'Create the alembic version table if it does not exist already.',
    positionals: [],
    options: [sql, lockTimeout, statementTimeout],
  },
  {
    name: 'heads',
    summary: 'Show current available heads in the script directory.',
    positionals: [],
    options: [
      verbose,
      {
        key: 'resolveDependencies',
        flags: ['--resolve-dependencies'],
        help: 'Treat dependency versions as down revisions',
      },
    ],
  },
  {
    name: 'branches',
    summary: 'Show current branch points.',
    positionals: [],
    options: [verbose],
  },
  {
    name: 'history',
    summary: 'List changeset scripts in chronological order.',
    positionals: [],
    options: [
      {
        key: 'revisionRange',
        flags: ['-r', '--rev-range'],
        valueName: 'REV_RANGE',
        help: 'Specify a revision range; format is [start]:[end]',
      },
      verbose,
      { key: 'indicateCurrent', flags: ['-i', '--indicate-current'], help: 'Indicate the current revision' },
    ],
  },
  {
    name: 'show',
    summary: 'Show the revision(s) denoted by the given symbol.',
    positionals: [{ key: 'revision', help: 'revision identifier' }],
    options: [],
  },
  {
    name: 'edit',
    summary: 'Edit revision script(s) using $EDITOR.',
    positionals: [{ key: 'revision', help: 'revision identifier' }],
    options: [],
  },
];

/** Finds a command by name or alias. */
export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((command) => command.name === name || command.aliases?.includes(name));
}

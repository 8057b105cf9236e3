/** Exit statuses of the `alembic` command. */
export const ExitCode = {
  /** The command did what was asked. */
  success: 0,
  /** The command failed (`FAILED: ...`), or `check` / `current --check-heads` found a difference. */
  failure: 1,
  /** The command line itself was wrong: unknown command or option, missing argument. */
  usage: 2,
} as const;

/** The command line is malformed; the CLI prints the message with a usage hint and exits 2. */
export class UsageError extends Error {
  /** The command whose usage to show, when known. */
  readonly commandName: string | undefined;

  constructor(message: string, commandName?: string) {
    super(message);
    this.name = 'UsageError';
    this.commandName = commandName;
  }
}

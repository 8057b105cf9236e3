/** Where `--sql` output goes and how statements are terminated. */
export interface OfflineOutputOptions {
  /** Receives one line per call (no newline). */
  readonly write: (line: string) => void;
  /** Appended to each statement: `;` on most dialects. */
  readonly statementTerminator: string;
  /** A line written after every statement (`GO` on SQL Server). */
  readonly batchSeparator?: string | undefined;
}

/**
 * The offline (`--sql`) writer: each statement terminated and followed by a blank line, as
 * Alembic prints them, so the output can be handed to a DBA or piped into a database shell.
 */
export class OfflineOutput {
  readonly #options: OfflineOutputOptions;

  constructor(options: OfflineOutputOptions) {
    this.#options = options;
  }

  /** Writes one SQL statement. */
  statement(sql: string): void {
    this.#options.write(`${sql.trim()}${this.#options.statementTerminator}`);
    this.#options.write('');
    if (this.#options.batchSeparator !== undefined) {
      this.#options.write(this.#options.batchSeparator);
      this.#options.write('');
    }
  }

  /** Writes text as it is (a `-- Running upgrade a -> b` comment). */
  raw(text: string): void {
    this.#options.write(text);
    this.#options.write('');
  }
}

import { CommandError } from '../errors/command-error.js';
import type { MigrationStep, VersionChange } from './migration-step.js';

/** Applies version table changes: the database in online mode, SQL text offline. */
export interface VersionTableWriter {
  /** Applies one change; returns the number of rows it touched, when known. */
  apply(change: VersionChange): Promise<number | undefined>;
  /** The version table's name, for messages. */
  readonly tableName: string;
  /** Whether a touched-row count is trustworthy (online, with a sane driver). */
  readonly checksRowCount: boolean;
}

/**
 * Keeps the set of heads the version table holds, and moves it step by step: one row per head,
 * as Alembic does, so a database can move between Python Alembic and this tool.
 */
export class HeadMaintainer {
  readonly #heads: Set<string>;
  readonly #writer: VersionTableWriter;

  constructor(heads: Iterable<string>, writer: VersionTableWriter) {
    this.#heads = new Set(heads);
    this.#writer = writer;
  }

  /** The heads as they stand now. */
  get heads(): ReadonlySet<string> {
    return this.#heads;
  }

  /** Records that `step` ran. */
  async updateToStep(step: MigrationStep): Promise<void> {
    for (const change of step.versionChanges(this.#heads)) await this.#apply(change);
  }

  async #apply(change: VersionChange): Promise<void> {
    if (change.kind === 'insert') {
      this.#heads.add(change.version);
    } else if (change.kind === 'delete') {
      this.#heads.delete(change.version);
    } else {
      this.#heads.delete(change.from);
      this.#heads.add(change.to);
    }
    const touched = await this.#writer.apply(change);
    if (!this.#writer.checksRowCount || touched === undefined) return;
    checkVersionRowCount(change, this.#writer.tableName, touched);
  }
}

/**
 * Throws unless an UPDATE or DELETE of the version table touched exactly one row (another
 * process changed the table under the run).
 */
export function checkVersionRowCount(change: VersionChange, tableName: string, touched: number): void {
  if (change.kind === 'insert' || touched === 1) return;
  const what =
    change.kind === 'delete' ? `deleting '${change.version}'` : `updating '${change.from}' to '${change.to}'`;
  throw new CommandError(
    `Online migration expected to match one row when ${what} in '${tableName}'; ${touched} found`,
    {
      code: 'ALEMBIC_VERSION_TABLE_MISMATCH',
    },
  );
}

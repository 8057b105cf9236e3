/**
 * One entry of the bad-input corpus: a project prepared in some broken way, the command a user
 * types, and the one line the CLI must answer with. The runner (`bad-input.e2e.test.ts`) checks
 * every case the same way: the exit status, that one line and nothing else, no stack trace, no
 * password, and the database and the files exactly as they were.
 */
import type { CaseProject } from './case-project.js';

/** Where a case's database lives. */
export type Backend = 'sqlite' | 'postgresql' | 'mariadb';

/**
 * What the CLI must answer. Messages may use `<project>` (the project directory), `<sandbox>`
 * (its parent) and `<database>` (the case's database name); a RegExp is matched against the
 * message after those replacements.
 */
export type ExpectedAnswer =
  /** Exit 1 and one line `FAILED: <message>` on stderr. */
  | { readonly failed: string | RegExp }
  /** Exit 2 (a usage error): the command's usage line, then `alembic: error: <message>`. */
  | { readonly usage: string | RegExp };

/** One bad input. */
export interface BadInputCase {
  /** Unique among the cases of its file; the test title. */
  readonly name: string;
  /** The command line after `alembic`, run in the project directory. */
  readonly arguments: readonly string[];
  readonly expected: ExpectedAnswer;
  /** Breaks the project (files, database rows) before the "before" snapshot. */
  readonly setup?: (project: CaseProject) => void | Promise<void>;
  /** Databases the case runs on (default: SQLite only). */
  readonly backends?: readonly Backend[];
  /** Variables added to (or with `undefined` removed from) the command's environment. */
  readonly environment?: (project: CaseProject) => Readonly<Record<string, string | undefined>>;
  /** Strings that must appear nowhere in the output, besides the URL password of the case's database. */
  readonly secrets?: readonly string[];
  /** Output lines that may accompany the answer (a notice that a lock is being waited for). */
  readonly allowedLines?: readonly RegExp[];
}

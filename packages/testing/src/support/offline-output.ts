import type { DialectCapabilities } from '@alembic/core/dialect';

/** Offline (`--sql`) output taken apart: statements in order, comments, and what is malformed. */
export interface ParsedOfflineOutput {
  /** Statements without their terminator, in order. */
  readonly statements: readonly string[];
  /** `-- Running upgrade a -> b` and other comment entries, in order. */
  readonly comments: readonly string[];
  /** Entries that are neither a comment, nor a separator, nor a terminated statement. */
  readonly unterminated: readonly string[];
}

/**
 * Splits what an offline run printed (one entry per write: a statement with its terminator, a
 * blank line, the batch separator, a comment) using the dialect's `statementTerminator` and
 * `batchSeparator`.
 */
export function parseOfflineOutput(entries: readonly string[], capabilities: DialectCapabilities): ParsedOfflineOutput {
  const statements: string[] = [];
  const comments: string[] = [];
  const unterminated: string[] = [];
  const terminator = capabilities.statementTerminator;
  for (const entry of entries) {
    const text = entry.trim();
    if (text === '' || (capabilities.batchSeparator !== undefined && text === capabilities.batchSeparator)) continue;
    if (text.startsWith('--')) {
      comments.push(text);
    } else if (terminator === '' || text.endsWith(terminator)) {
      statements.push(text.slice(0, text.length - terminator.length).trim());
    } else {
      unterminated.push(text);
    }
  }
  return { statements, comments, unterminated };
}

/** A statement with identifier quotes (`"`, backticks, brackets) removed and spaces collapsed, for dialect-neutral comparisons. */
export function withoutIdentifierQuotes(statement: string): string {
  return statement
    .replace(/["`[\]]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

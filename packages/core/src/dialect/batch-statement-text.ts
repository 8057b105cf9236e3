/**
 * The text of one round trip holding `statements` in order, between `open` (left out when
 * undefined) and `close` (a savepoint and its release, say), for a connection's `executeBatch`. Each `;` starts a line of
 * its own, so a statement ending in a `--` comment does not swallow it.
 *
 * ```ts
 * batchStatementText(['CREATE TABLE a (id INT) -- first', 'DROP TABLE b'], 'SAVEPOINT s', 'RELEASE SAVEPOINT s');
 * // 'SAVEPOINT s\n;\nCREATE TABLE a (id INT) -- first\n;\nDROP TABLE b\n;\nRELEASE SAVEPOINT s'
 * ```
 */
export function batchStatementText(statements: readonly string[], open: string | undefined, close: string): string {
  return [...(open === undefined ? [] : [open]), ...statements, close].join('\n;\n');
}

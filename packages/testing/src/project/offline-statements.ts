/**
 * The statements of offline (`--sql`) output as one string: split at terminators (`;` at a line
 * end), leading comment lines left out, whitespace collapsed, empty and comment-only entries dropped.
 */
export function offlineStatements(output: string): string[] {
  return output
    .split(/;\s*\n/)
    .map((statement) =>
      statement
        .replace(/^(\s*--[^\n]*\n)+/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((statement) => statement !== '' && !statement.startsWith('--'));
}

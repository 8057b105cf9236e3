/**
 * `'text'` as a T-SQL string literal, quotes doubled; `N'text'` (Unicode) with `national`.
 *
 * ```ts
 * tsqlString("O'Brien"); // "'O''Brien'"
 * tsqlString('Kunden', { national: true }); // "N'Kunden'"
 * ```
 */
export function tsqlString(text: string, options: { readonly national?: boolean } = {}): string {
  return `${options.national ? 'N' : ''}'${text.replaceAll("'", "''")}'`;
}

/**
 * `name` in brackets, `]` doubled: T-SQL's always-safe quoting (what `QUOTENAME()` returns).
 *
 * ```ts
 * bracketIdentifier('my]table'); // '[my]]table]'
 * ```
 */
export function bracketIdentifier(name: string): string {
  return `[${name.replaceAll(']', ']]')}]`;
}

const WORD = /[\p{L}\p{N}_]+/gu;

/**
 * Turns a revision message into the `slug` token of new revision file names, as Alembic does:
 * the words of the message (runs of Unicode letters, digits and `_`, like Python's `\w`) joined by
 * `_` and lower-cased. A slug longer than `truncateLength` is cut to `truncateLength` characters
 * (code points, as Python counts), everything after the last `_` of the cut is dropped, and a `_`
 * is appended, so the name ends at a word boundary.
 *
 * ```ts
 * slugifyMessage("Add the 'account' table!", 40); // 'add_the_account_table'
 * slugifyMessage('this is a really long name with lots of characters', 20); // 'this_is_a_really_'
 * ```
 */
export function slugifyMessage(message: string | null | undefined, truncateLength: number): string {
  const slug = (message ?? '').match(WORD)?.join('_').toLowerCase() ?? '';
  if (slug.length <= truncateLength) return slug;
  // Count code points so that letters outside the BMP count once, as in Python.
  const characters = Array.from(slug);
  if (characters.length <= truncateLength) return slug;
  const cut = characters.slice(0, truncateLength).join('');
  const lastUnderscore = cut.lastIndexOf('_');
  return (lastUnderscore === -1 ? cut : cut.slice(0, lastUnderscore)) + '_';
}

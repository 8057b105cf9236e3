/** A piece of SQL text split around named parameters. */
export type SqlSegment = { readonly text: string } | { readonly parameterName: string };

const WORD_CHARACTER = /\w/;

/**
 * Splits SQL at `:name` parameters, with SQLAlchemy `text()` rules: a colon preceded by a word
 * character or another colon is not a parameter (so `x::integer` casts survive), a name followed
 * by a single colon is not one either (`:value::integer` is a parameter with a cast), and `\:`
 * stands for a literal colon.
 *
 * ```ts
 * splitNamedParameters('UPDATE t SET a = :value WHERE b::text = \\:x');
 * // [{ text: 'UPDATE t SET a = ' }, { parameterName: 'value' }, { text: ' WHERE b::text = :x' }]
 * ```
 */
export function splitNamedParameters(sql: string): SqlSegment[] {
  const segments: SqlSegment[] = [];
  let text = '';
  let position = 0;
  while (position < sql.length) {
    const character = sql[position] as string;
    if (character === '\\' && sql[position + 1] === ':') {
      text += ':';
      position += 2;
      continue;
    }
    if (character === ':') {
      const previous = position > 0 ? (sql[position - 1] as string) : '';
      let end = position + 1;
      while (end < sql.length && WORD_CHARACTER.test(sql[end] as string)) {
        end += 1;
      }
      const isParameter =
        end > position + 1 &&
        previous !== ':' &&
        !WORD_CHARACTER.test(previous) &&
        previous !== '\\' &&
        (sql[end] !== ':' || sql[end + 1] === ':');
      if (isParameter) {
        if (text.length > 0) {
          segments.push({ text });
          text = '';
        }
        segments.push({ parameterName: sql.slice(position + 1, end) });
        position = end;
        continue;
      }
    }
    text += character;
    position += 1;
  }
  if (text.length > 0) {
    segments.push({ text });
  }
  return segments;
}

/** PostgreSQL's `NAMEDATALEN - 1`: the longest identifier, in bytes. */
const MAX_IDENTIFIER_LENGTH = 63;

function clip(text: string, length: number): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= length) {
    return text;
  }
  // Cut at a character boundary, as PostgreSQL's pg_mbcliplen does.
  let result = bytes.subarray(0, length).toString('utf8');
  while (Buffer.byteLength(result, 'utf8') > length || result.endsWith('\uFFFD')) {
    result = result.slice(0, -1);
  }
  return result;
}

/**
 * The name PostgreSQL makes up for an object it names itself: `<table>_<part>_<label>`, the
 * longer of the table name and the part shortened first until the whole fits in 63 bytes
 * (`makeObjectName` in PostgreSQL's sources).
 *
 * ```ts
 * postgresObjectName('account', 'email', 'key'); // 'account_email_key'
 * postgresObjectName('account', undefined, 'pkey'); // 'account_pkey'
 * ```
 */
export function postgresObjectName(tableName: string, part: string | undefined, label: string): string {
  let tableLength = Buffer.byteLength(tableName, 'utf8');
  let partLength = part === undefined ? 0 : Buffer.byteLength(part, 'utf8');
  const available = MAX_IDENTIFIER_LENGTH - (label.length + 1) - (part === undefined ? 0 : 1);
  while (tableLength + partLength > available) {
    if (tableLength > partLength) {
      tableLength -= 1;
    } else {
      partLength -= 1;
    }
  }
  const head = clip(tableName, tableLength);
  return part === undefined ? `${head}_${label}` : `${head}_${clip(part, partLength)}_${label}`;
}

/**
 * Whether `name` is one PostgreSQL would make up for an unnamed object of `tableName`: for one
 * of the `parts` (column lists joined by `_`; `undefined` for none), with `label` (`key`,
 * `fkey`, `check`, `pkey`), or with the number PostgreSQL appends to the label when the name is
 * taken (`account_email_key1`).
 *
 * ```ts
 * isPostgresGeneratedName('account_email_key', 'account', [['email']], 'key'); // true
 * ```
 */
export function isPostgresGeneratedName(
  name: string,
  tableName: string,
  parts: readonly (readonly string[] | undefined)[],
  label: string,
): boolean {
  if (!name.includes(`_${label}`)) {
    return false;
  }
  const numbered = new RegExp(`_(${label}\\d*)$`).exec(name);
  if (numbered === null) {
    return false;
  }
  const actualLabel = numbered[1] as string;
  return parts.some((columns) => postgresObjectName(tableName, columns?.join('_'), actualLabel) === name);
}

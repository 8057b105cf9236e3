import * as types from '@alembic/core/dialect';
import type { ColumnType } from '@alembic/core/dialect';

/** What besides `COLUMN_TYPE` decides a reflected type. */
export interface MysqlTypeDetails {
  /** `COLLATION_NAME` of the column. */
  readonly collation?: string | null;
  /** The table's default collation: a column collation equal to it is left out. */
  readonly tableCollation?: string | null;
}

const TYPE_PATTERN = /^\s*([a-z]+)\s*(?:\((.*)\))?\s*(.*?)\s*$/is;

/**
 * The base types that are one neutral type whatever their arguments (`int(11)` is `integer()`),
 * by name (column types are frozen, so one value serves every column).
 */
const TYPES_WHATEVER_THE_ARGUMENTS: ReadonlyMap<string, ColumnType> = new Map<string, ColumnType>([
  ['int', types.integer()],
  ['integer', types.integer()],
  ['bigint', types.bigInteger()],
  ['smallint', types.smallInteger()],
  ['bool', types.boolean()],
  ['boolean', types.boolean()],
  ['date', types.date()],
  ['json', types.json()],
  ['uuid', types.uuid()],
]);

/**
 * Splits a list of SQL string literals (`'a','it''s'`) as `information_schema` writes the
 * values of an `ENUM` or `SET`: quotes doubled, backslash escapes.
 *
 * ```ts
 * parseMysqlStringList("'a','it''s'"); // ['a', "it's"]
 * ```
 */
export function parseMysqlStringList(text: string): string[] {
  const values: string[] = [];
  let position = 0;
  while (position < text.length) {
    while (text[position] === ',' || text[position] === ' ') {
      position += 1;
    }
    if (position >= text.length) {
      break;
    }
    if (text[position] !== "'") {
      throw new Error(`Unexpected ${JSON.stringify(text.slice(position))} in a list of SQL strings`);
    }
    position += 1;
    let value = '';
    while (position < text.length) {
      const character = text[position] as string;
      if (character === "'" && text[position + 1] === "'") {
        value += "'";
        position += 2;
      } else if (character === "'") {
        position += 1;
        break;
      } else if (character === '\\' && position + 1 < text.length) {
        value += unescapeCharacter(text[position + 1] as string);
        position += 2;
      } else {
        value += character;
        position += 1;
      }
    }
    values.push(value);
  }
  return values;
}

/** The character a MySQL backslash escape stands for (`\n`, `\t`, `\0`, `\\`, `\'`...). */
export function unescapeCharacter(character: string): string {
  const escapes: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', '0': '\0', b: '\b', Z: '\x1a' };
  return escapes[character] ?? character;
}

function numbersOf(argumentsText: string | undefined): number[] {
  return (argumentsText ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map(Number);
}

/**
 * The neutral type of a reflected column from `information_schema.COLUMNS.COLUMN_TYPE`:
 * `int(11)` → `integer()`, `tinyint(1)` → `boolean()`, `varchar(50)` → `string(50)`,
 * `decimal(10,2)` → `numeric(10, 2)`, `enum('a','b')` → `enumType(['a', 'b'])`,
 * `varbinary(16)` → `largeBinary(16)`, `uuid` → `uuid()` (MariaDB); anything the neutral
 * model has no kind for (`int(10) unsigned`, `mediumtext`, `datetime(6)`, `char(36)`...) is a
 * `rawType` with the server's spelling in upper case, so it renders back as it was.
 *
 * ```ts
 * parseMysqlColumnType('varchar(20)', { collation: 'utf8mb4_bin', tableCollation: 'utf8mb4_general_ci' });
 * // string(20, { collation: 'utf8mb4_bin' })
 * ```
 */
export function parseMysqlColumnType(columnType: string, details: MysqlTypeDetails = {}): ColumnType {
  const match = TYPE_PATTERN.exec(columnType);
  const raw = (): ColumnType => types.rawType(columnType.trim().toUpperCase());
  if (match === null) {
    return raw();
  }
  const base = (match[1] as string).toLowerCase();
  const argumentsText = match[2];
  const modifiers = (match[3] ?? '').trim();
  if (base === 'enum') {
    return modifiers === '' ? types.enumType(parseMysqlStringList(argumentsText ?? '')) : raw();
  }
  if (base === 'set') {
    return types.rawType(`SET(${argumentsText ?? ''})`);
  }
  if (modifiers !== '') {
    return raw();
  }
  const withoutArguments = TYPES_WHATEVER_THE_ARGUMENTS.get(base);
  if (withoutArguments !== undefined) {
    return withoutArguments;
  }
  const collation =
    details.collation !== undefined && details.collation !== null && details.collation !== details.tableCollation
      ? details.collation
      : undefined;
  const collationOption = collation === undefined ? {} : { collation };
  const [first, second] = numbersOf(argumentsText);
  switch (base) {
    case 'tinyint':
      return first === 1 ? types.boolean() : raw();
    case 'varchar':
      return first === undefined ? raw() : types.string(first, collationOption);
    case 'text':
      return argumentsText === undefined ? types.text(collationOption) : raw();
    case 'decimal':
    case 'numeric':
      return types.numeric(first, second);
    case 'float':
      return argumentsText === undefined ? types.float() : raw();
    case 'datetime':
      return argumentsText === undefined || first === 0 ? types.dateTime() : raw();
    case 'time':
      return argumentsText === undefined || first === 0 ? types.time() : raw();
    case 'blob':
      return argumentsText === undefined ? types.largeBinary() : raw();
    case 'varbinary':
      return first === undefined ? raw() : types.largeBinary(first);
    default:
      return raw();
  }
}

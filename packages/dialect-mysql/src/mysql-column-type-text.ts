import { parseMysqlStringList } from './mysql-type-parser.js';

/** Type names the server reports under another name (`INTEGER` is reported as `int`). */
const ALIASES: Readonly<Record<string, string>> = {
  integer: 'int',
  int4: 'int',
  int1: 'tinyint',
  int2: 'smallint',
  int3: 'mediumint',
  middleint: 'mediumint',
  int8: 'bigint',
  bool: 'tinyint(1)',
  boolean: 'tinyint(1)',
  dec: 'decimal',
  numeric: 'decimal',
  fixed: 'decimal',
  real: 'double',
  'double precision': 'double',
  float4: 'float',
  float8: 'double',
  'character varying': 'varchar',
  character: 'char',
  'national char': 'char',
  'national varchar': 'varchar',
  nchar: 'char',
  nvarchar: 'varchar',
  'long varchar': 'mediumtext',
  'long varbinary': 'mediumblob',
  long: 'mediumtext',
};

const INTEGER_TYPES: ReadonlySet<string> = new Set(['tinyint', 'smallint', 'mediumint', 'int', 'bigint']);
const FRACTIONAL_SECOND_TYPES: ReadonlySet<string> = new Set(['datetime', 'timestamp', 'time']);
/** Types whose length defaults to 1: `CHAR` is `char(1)`. */
const LENGTH_ONE_TYPES: ReadonlySet<string> = new Set(['char', 'binary', 'bit']);
const NUMERIC_TYPES: ReadonlySet<string> = new Set([...INTEGER_TYPES, 'decimal', 'float', 'double', 'bit']);

const TYPE_TEXT =
  /^\s*((?:double\s+precision|character\s+varying|national\s+(?:var)?char|long\s+var(?:char|binary)|[a-z][a-z0-9]*))\s*(?:\((.*)\))?\s*(.*?)\s*$/is;
const COLLATION_OR_CHARSET = /\s*\b(?:collate\s+\S+|(?:character\s+set|charset)\s+\S+)/gi;

/** A canonical `COLUMN_TYPE` text, split in its base name, arguments and modifiers. */
interface TypeParts {
  readonly base: string;
  readonly argumentsText: string | undefined;
  readonly modifiers: string;
}

function splitTypeText(text: string): TypeParts | undefined {
  const match = TYPE_TEXT.exec(text);
  if (match === null) {
    return undefined;
  }
  return {
    base: (match[1] as string).toLowerCase().replace(/\s+/g, ' '),
    argumentsText: match[2],
    modifiers: (match[3] ?? '')
      .replace(COLLATION_OR_CHARSET, '')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .replace(/(^|\s)signed\b/, '$1')
      .replace(/\s+/g, ' ')
      .trim(),
  };
}

/**
 * A column type as `information_schema.COLUMNS.COLUMN_TYPE` reports it once the server has
 * stored it, from the type text of a DDL statement or of `COLUMN_TYPE` itself, with what only
 * differs by server version taken out:
 *
 * - aliases resolved: `INTEGER` → `int`, `BOOL` → `tinyint(1)`, `NUMERIC` → `decimal`, `REAL` →
 *   `double`, `FLOAT(30)` → `double`;
 * - implied arguments written: `decimal` → `decimal(10,0)`, `decimal(5)` → `decimal(5,0)`,
 *   `char` → `char(1)`;
 * - integer display widths dropped (MySQL 8.0.19+ no longer reports them), except
 *   `tinyint(1)`, the boolean, and widths of `ZEROFILL` columns; `datetime(0)` → `datetime`;
 *   `year(4)` → `year`; the `signed` keyword dropped;
 * - `COLLATE` / `CHARACTER SET` left out (collations are compared apart), enum and set values
 *   written back as `'a','b'`.
 *
 * Names are lower case, enum and set values keep theirs.
 *
 * ```ts
 * canonicalMysqlColumnType('INTEGER'); // 'int'
 * canonicalMysqlColumnType('int(10) unsigned'); // 'int unsigned'
 * canonicalMysqlColumnType('NUMERIC'); // 'decimal(10,0)'
 * canonicalMysqlColumnType("ENUM('a', 'B')"); // "enum('a','B')"
 * ```
 */
export function canonicalMysqlColumnType(text: string): string {
  const parts = splitTypeText(text);
  if (parts === undefined) {
    return text.trim().toLowerCase();
  }
  const alias = ALIASES[parts.base];
  if (alias?.includes('(')) {
    return joinType(alias, undefined, parts.modifiers);
  }
  const base = alias ?? parts.base;
  const argumentsText = parts.argumentsText;
  if (base === 'enum' || base === 'set') {
    const values = parseMysqlStringList((argumentsText ?? '').trim());
    return joinType(
      `${base}(${values.map((value) => `'${value.replaceAll("'", "''")}'`).join(',')})`,
      undefined,
      parts.modifiers,
    );
  }
  const numbers = (argumentsText ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (INTEGER_TYPES.has(base)) {
    const keepWidth = (base === 'tinyint' && numbers[0] === '1') || /\bzerofill\b/.test(parts.modifiers);
    return joinType(base, keepWidth ? numbers : undefined, parts.modifiers);
  }
  if (base === 'decimal') {
    return joinType(base, [numbers[0] ?? '10', numbers[1] ?? '0'], parts.modifiers);
  }
  if (base === 'float' && numbers.length === 1) {
    return joinType(Number(numbers[0]) > 24 ? 'double' : 'float', undefined, parts.modifiers);
  }
  if (FRACTIONAL_SECOND_TYPES.has(base) && numbers[0] === '0') {
    return joinType(base, undefined, parts.modifiers);
  }
  if (base === 'year') {
    return joinType(base, undefined, parts.modifiers);
  }
  if (LENGTH_ONE_TYPES.has(base) && numbers.length === 0) {
    return joinType(base, ['1'], parts.modifiers);
  }
  return joinType(base, argumentsText === undefined ? undefined : numbers, parts.modifiers);
}

function joinType(base: string, numbers: readonly string[] | undefined, modifiers: string): string {
  const withArguments = numbers === undefined || numbers.length === 0 ? base : `${base}(${numbers.join(',')})`;
  return modifiers === '' ? withArguments : `${withArguments} ${modifiers}`;
}

/**
 * True when a canonical column type (see {@link canonicalMysqlColumnType}) holds numbers, so
 * that its defaults compare as numbers (`'0'` = `0` = `0.00`): the integer types (the boolean
 * `tinyint(1)` too), `decimal`, `float`, `double`, `bit`.
 *
 * ```ts
 * isMysqlNumericColumnType('decimal(10,2)'); // true
 * ```
 */
export function isMysqlNumericColumnType(canonicalType: string): boolean {
  const parts = splitTypeText(canonicalType);
  return parts !== undefined && NUMERIC_TYPES.has(ALIASES[parts.base]?.replace(/\(.*$/, '') ?? parts.base);
}

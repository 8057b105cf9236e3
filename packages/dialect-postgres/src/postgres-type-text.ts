/** A type written in SQL, spelled as PostgreSQL's `format_type()` would print it. */
export interface FormattedPostgresType {
  /** `'character varying(50)'`, `'timestamp(3) with time zone'`, `'integer[]'`. */
  readonly formattedType: string;
  /** The `COLLATE` clause's collation, unquoted, when the SQL had one. */
  readonly collation?: string;
}

const COLLATE_CLAUSE = /\s+collate\s+("(?:[^"]|"")+"|[a-z_][a-z0-9_$.]*)\s*$/i;
const ARRAY_SUFFIX = /(?:\s*\[\s*\d*\s*\]|\s+array(?:\s*\[\s*\d*\s*\])?)+$/i;
const TIME_ZONE = /\s+(with|without)\s+time\s+zone$/i;
const NAME_AND_ARGUMENTS = /^([a-z_][a-z0-9_ ]*?)\s*(?:\(\s*([^)]*?)\s*\))?$/i;

/** Base type names and their canonical name, arguments aside. */
const ALIASES: Readonly<Record<string, string>> = {
  int: 'integer',
  int4: 'integer',
  integer: 'integer',
  serial: 'integer',
  serial4: 'integer',
  int8: 'bigint',
  bigint: 'bigint',
  bigserial: 'bigint',
  serial8: 'bigint',
  int2: 'smallint',
  smallint: 'smallint',
  smallserial: 'smallint',
  serial2: 'smallint',
  bool: 'boolean',
  boolean: 'boolean',
  float8: 'double precision',
  'double precision': 'double precision',
  float4: 'real',
  real: 'real',
  decimal: 'numeric',
  numeric: 'numeric',
  varchar: 'character varying',
  'character varying': 'character varying',
  'char varying': 'character varying',
  char: 'character',
  character: 'character',
  bpchar: 'bpchar',
  varbit: 'bit varying',
  'bit varying': 'bit varying',
  timestamptz: 'timestamp with time zone',
  timetz: 'time with time zone',
};

function unquoteCollation(collation: string): string {
  return collation.startsWith('"') ? collation.slice(1, -1).replaceAll('""', '"') : collation.toLowerCase();
}

/** `"Foo"` stays quoted; `"foo"` (needs no quotes) and `FOO` become `foo`. */
function identifierText(text: string): string {
  if (text.startsWith('"')) {
    const inner = text.slice(1, -1).replaceAll('""', '"');
    return /^[a-z_][a-z0-9_$]*$/.test(inner) ? inner : text;
  }
  return text.toLowerCase();
}

function baseTypeText(name: string, argumentsText: string | undefined, timeZone: string | undefined): string {
  const canonical = ALIASES[name] ?? name;
  const numbers = argumentsText === undefined ? [] : argumentsText.split(',').map((part) => part.trim());
  const suffix = numbers.length === 0 ? '' : `(${numbers.join(',')})`;
  switch (canonical) {
    case 'numeric':
      return numbers.length === 1 ? `numeric(${numbers[0]},0)` : `numeric${suffix}`;
    case 'float': {
      const precision = Number(numbers[0] ?? 53);
      return precision <= 24 ? 'real' : 'double precision';
    }
    case 'character':
      return `character${suffix || '(1)'}`;
    case 'bpchar':
      return numbers.length === 0 ? 'bpchar' : `character${suffix}`;
    case 'bit':
      return `bit${suffix || '(1)'}`;
    case 'timestamp':
    case 'time':
      return `${canonical}${suffix} ${timeZone === 'with' ? 'with' : 'without'} time zone`;
    case 'timestamp with time zone':
    case 'time with time zone':
      return canonical.replace(' with', `${suffix} with`);
    default:
      return `${canonical}${suffix}`;
  }
}

/**
 * A column type written in SQL (as a DDL compiler or a user writes it) spelled the way
 * PostgreSQL's `format_type()` prints the type it creates: aliases resolved (`INT4` →
 * `integer`, `VARCHAR(50)` → `character varying(50)`, `TIMESTAMPTZ` → `timestamp with time
 * zone`, `SERIAL` → `integer`), implied arguments made explicit (`FLOAT` → `double precision`,
 * `FLOAT(10)` → `real`, `NUMERIC(10)` → `numeric(10,0)`, `CHAR` → `character(1)`), any array
 * as one `[]`, and a `COLLATE` clause split off. Names it does not know pass through
 * lower-cased (quoted ones as they are).
 *
 * ```ts
 * formatPostgresTypeText('NUMERIC(10, 2)'); // { formattedType: 'numeric(10,2)' }
 * formatPostgresTypeText('VARCHAR(20) COLLATE "C"'); // { formattedType: 'character varying(20)', collation: 'C' }
 * ```
 */
export function formatPostgresTypeText(sqlText: string): FormattedPostgresType {
  let text = sqlText.trim();
  let collation: string | undefined;
  const collate = COLLATE_CLAUSE.exec(text);
  if (collate !== null) {
    collation = unquoteCollation(collate[1] as string);
    text = text.slice(0, collate.index).trim();
  }
  const array = ARRAY_SUFFIX.exec(text);
  if (array !== null) {
    text = text.slice(0, array.index).trim();
  }
  let timeZone: string | undefined;
  const zone = TIME_ZONE.exec(text);
  if (zone !== null) {
    timeZone = (zone[1] as string).toLowerCase();
    text = text.slice(0, zone.index).trim();
  }
  const parts = NAME_AND_ARGUMENTS.exec(text);
  let formattedType: string;
  if (parts === null) {
    formattedType = identifierText(text) + (timeZone === undefined ? '' : ` ${timeZone} time zone`);
  } else {
    const name = (parts[1] as string).toLowerCase().replace(/\s+/g, ' ');
    formattedType = baseTypeText(name, parts[2], timeZone);
  }
  return {
    formattedType: array === null ? formattedType : `${formattedType}[]`,
    ...(collation === undefined ? {} : { collation }),
  };
}

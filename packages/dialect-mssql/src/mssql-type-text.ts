import type { MssqlTypeRow } from './mssql-type-parser.js';

const TYPE_TEXT =
  /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\(\s*(max|\d+)\s*(?:,\s*(\d+)\s*)?\))?\s*(?:COLLATE\s+(\S+))?\s*$/i;

/** Other spellings of system types, as `sys.types` names them. */
const ALIASES: Readonly<Record<string, string>> = { integer: 'int', dec: 'decimal', rowversion: 'timestamp' };

/** Types whose `max_length` counts two bytes per character. */
const NATIONAL_TYPES: ReadonlySet<string> = new Set(['nvarchar', 'nchar']);
/** Types with a length (`max_length`). */
const LENGTH_TYPES: ReadonlySet<string> = new Set(['varchar', 'nvarchar', 'char', 'nchar', 'varbinary', 'binary']);
/** Types with a fractional-seconds scale, 7 when not written. */
const TIME_TYPES: ReadonlySet<string> = new Set(['time', 'datetime2', 'datetimeoffset']);

/**
 * What `sys.columns` would report for a column declared with `text` (a type as the compiler
 * writes it: `VARCHAR(50)`, `NVARCHAR(max)`, `NUMERIC(10, 2)`, `FLOAT`, `DATETIMEOFFSET`,
 * `VARCHAR(20) COLLATE Latin1_General_CS_AS`), with SQL Server's defaults filled in: lengths in
 * bytes (`NVARCHAR(20)` is 40, `max` is -1, no length is 1), `DECIMAL` / `NUMERIC` without
 * arguments are `(18, 0)`, `INTEGER` is `int`, `FLOAT(n)` is `real` up to 24 and `float` (53) above, time types
 * have scale 7. Undefined for text it cannot read (a user-defined type with a schema, say).
 *
 * ```ts
 * mssqlTypeRowFromText('NVARCHAR(20)'); // { type_name: 'nvarchar', max_length: 40, precision: 0, scale: 0 }
 * ```
 */
export function mssqlTypeRowFromText(text: string): MssqlTypeRow | undefined {
  const match = TYPE_TEXT.exec(text);
  if (match === null) {
    return undefined;
  }
  const [, rawName, first, second, collation] = match;
  const written = (rawName as string).toLowerCase();
  let name = ALIASES[written] ?? written;
  const collationName = collation === undefined ? {} : { collation_name: collation };
  if (LENGTH_TYPES.has(name)) {
    const characters = first === undefined ? 1 : first.toLowerCase() === 'max' ? -1 : Number(first);
    const bytes = characters === -1 ? -1 : NATIONAL_TYPES.has(name) ? characters * 2 : characters;
    return { type_name: name, max_length: bytes, precision: 0, scale: 0, ...collationName };
  }
  if (name === 'decimal' || name === 'numeric') {
    return {
      type_name: name,
      max_length: 0,
      precision: first === undefined ? 18 : Number(first),
      scale: second === undefined ? 0 : Number(second),
    };
  }
  if (name === 'float' || name === 'real') {
    const precision = name === 'real' || (first !== undefined && Number(first) <= 24) ? 24 : 53;
    name = precision === 24 ? 'real' : 'float';
    return { type_name: name, max_length: precision === 24 ? 4 : 8, precision, scale: 0 };
  }
  if (TIME_TYPES.has(name)) {
    return { type_name: name, max_length: 0, precision: 0, scale: first === undefined ? 7 : Number(first) };
  }
  if (first !== undefined) {
    return undefined;
  }
  return { type_name: name, max_length: 0, precision: 0, scale: 0, ...collationName };
}

import * as types from '@alembic/core/dialect';
import type { ColumnType } from '@alembic/core/dialect';

const DECLARED_TYPE = /^([A-Z_][A-Z0-9_ ]*?)\s*(?:\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\))?$/;

/** The declarations without arguments that map to a neutral type, and that type. */
const TYPES_WITHOUT_ARGUMENTS = new Map<string, (collation: { collation?: string }) => ColumnType>([
  ['INTEGER', () => types.integer()],
  ['BIGINT', () => types.bigInteger()],
  ['SMALLINT', () => types.smallInteger()],
  ['TEXT', (collation) => types.text(collation)],
  ['BOOLEAN', () => types.boolean()],
  ['DATE', () => types.date()],
  ['DATETIME', () => types.dateTime()],
  ['TIME', () => types.time()],
  ['FLOAT', () => types.float()],
  ['JSON', () => types.json()],
  ['BLOB', () => types.largeBinary()],
]);

/**
 * The neutral type of a column declared with `declaredType` (`PRAGMA table_xinfo`'s `type`).
 * A declaration maps to a neutral type only where rendering that type gives the same
 * declaration back (`VARCHAR(50)`, `NUMERIC(10, 2)`, `DATETIME`, `BOOLEAN`...), so a batch rebuild
 * keeps every column's declared type; anything else (`REAL`, `CHAR(32)`, `DECIMAL`, no type at
 * all) is kept verbatim as a raw type.
 *
 * ```ts
 * parseSqliteType('varchar(50)'); // string(50)
 * parseSqliteType('REAL');        // rawType('REAL')
 * ```
 */
export function parseSqliteType(declaredType: string, options: { collation?: string } = {}): ColumnType {
  const declared = declaredType.trim();
  const match = DECLARED_TYPE.exec(declared.toUpperCase().replace(/\s+/g, ' '));
  if (match === null) {
    return types.rawType(declared);
  }
  const [, name, first, second] = match;
  const length = first === undefined ? undefined : Number(first);
  const scale = second === undefined ? undefined : Number(second);
  const withoutArguments = first === undefined;
  const collation = options.collation === undefined ? {} : { collation: options.collation };
  switch (name) {
    case 'VARCHAR':
      return scale === undefined ? types.string(length, collation) : types.rawType(declared);
    case 'NUMERIC':
      return types.numeric(length, scale);
  }
  if (!withoutArguments) {
    return types.rawType(declared);
  }
  return TYPES_WITHOUT_ARGUMENTS.get(name as string)?.(collation) ?? types.rawType(declared);
}

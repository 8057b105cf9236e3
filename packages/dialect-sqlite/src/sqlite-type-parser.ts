import * as types from '@alembic/core/dialect';
import type { ColumnType } from '@alembic/core/dialect';

const DECLARED_TYPE = /^([A-Z_][A-Z0-9_ ]*?)\s*(?:\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\))?$/;

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
  switch (name) {
    case 'INTEGER':
      return types.integer();
    case 'BIGINT':
      return types.bigInteger();
    case 'SMALLINT':
      return types.smallInteger();
    case 'TEXT':
      return types.text(collation);
    case 'BOOLEAN':
      return types.boolean();
    case 'DATE':
      return types.date();
    case 'DATETIME':
      return types.dateTime();
    case 'TIME':
      return types.time();
    case 'FLOAT':
      return types.float();
    case 'JSON':
      return types.json();
    case 'BLOB':
      return types.largeBinary();
    default:
      return types.rawType(declared);
  }
}

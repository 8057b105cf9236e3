import type { ColumnType } from '../schema/column-types.js';
import { floatTypeText, isPlainType, numericTypeText, plainTypeText } from '../schema/generic-type-text.js';

/**
 * A column type as short generic SQL, for diff tuples, data-loss warnings and log lines:
 * `VARCHAR(50)`, `NUMERIC(10, 2)`, `DATETIME WITH TIME ZONE`, `ENUM('a', 'b')`, a raw type's
 * own text. Not dialect SQL: the same type reads the same on every dialect.
 *
 * ```ts
 * describeColumnType(string(50)); // 'VARCHAR(50)'
 * ```
 */
export function describeColumnType(type: ColumnType): string {
  if (isPlainType(type)) return plainTypeText(type);
  switch (type.kind) {
    case 'string':
      return withCollation(type.length === undefined ? 'VARCHAR' : `VARCHAR(${type.length})`, type.collation);
    case 'text':
      return withCollation('TEXT', type.collation);
    case 'dateTime':
      return type.timezone ? 'DATETIME WITH TIME ZONE' : 'DATETIME';
    case 'time':
      return type.timezone ? 'TIME WITH TIME ZONE' : 'TIME';
    case 'numeric':
      return numericTypeText(type);
    case 'float':
      return floatTypeText(type);
    case 'largeBinary':
      return type.length === undefined ? 'BLOB' : `BLOB(${type.length})`;
    case 'enum': {
      const values = type.values.map((value) => `'${value.replaceAll("'", "''")}'`).join(', ');
      return type.name === undefined ? `ENUM(${values})` : `ENUM(${values}, name='${type.name}')`;
    }
    case 'uuid':
      return 'UUID';
    case 'raw':
      return type.sql;
  }
}

function withCollation(text: string, collation: string | undefined): string {
  return collation === undefined ? text : `${text} COLLATE "${collation}"`;
}

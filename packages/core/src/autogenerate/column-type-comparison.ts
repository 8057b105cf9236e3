import type { ColumnType, ColumnTypeKind } from '../schema/column-types.js';
import { structurallyEqual } from './structural-equality.js';

/**
 * Properties of a type that say how to create it, not what it is: the CHECK a boolean or enum
 * brings along, whether an enum is native. They are never compared.
 */
const CREATION_PROPERTIES: ReadonlySet<string> = new Set(['createConstraint', 'nativeEnum']);

/**
 * Autogenerate's default type rule, on normalized types: the types differ when their kinds
 * differ, or when a property set on the MODEL side (length, precision, scale, timezone, values,
 * collation, an enum's name) differs from the database side's. A property the model leaves
 * unset is not compared (Alembic's rule: `string()` matches any `VARCHAR(n)`). Raw types
 * compare their SQL text, ignoring case and spacing.
 *
 * ```ts
 * columnTypesDiffer(string(100), string(50)); // true
 * columnTypesDiffer(string(), string(50)); // false
 * ```
 */
export function columnTypesDiffer(modelType: ColumnType, databaseType: ColumnType): boolean {
  if (modelType.kind !== databaseType.kind) {
    return true;
  }
  if (modelType.kind === 'raw' && databaseType.kind === 'raw') {
    return canonicalRawType(modelType.sql) !== canonicalRawType(databaseType.sql);
  }
  const databaseProperties = databaseType as unknown as Readonly<Record<string, unknown>>;
  for (const [key, value] of Object.entries(modelType)) {
    if (key === 'kind' || value === undefined || CREATION_PROPERTIES.has(key)) continue;
    // A boolean's name is the name of its CHECK, not part of the type.
    if (modelType.kind === 'boolean' && key === 'name') continue;
    if (!structurallyEqual(value, databaseProperties[key])) {
      return true;
    }
  }
  return false;
}

function canonicalRawType(text: string): string {
  return text
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/\s*([(),])\s*/g, '$1')
    .toLowerCase();
}

/** Families of kinds a value can move between without being reinterpreted. */
type TypeFamily = 'number' | 'text' | 'temporal' | 'boolean' | 'json' | 'binary' | 'uuid' | 'raw';

const FAMILY: Readonly<Record<ColumnTypeKind, TypeFamily>> = {
  smallInteger: 'number',
  integer: 'number',
  bigInteger: 'number',
  numeric: 'number',
  float: 'number',
  string: 'text',
  text: 'text',
  enum: 'text',
  date: 'temporal',
  dateTime: 'temporal',
  time: 'temporal',
  boolean: 'boolean',
  json: 'json',
  largeBinary: 'binary',
  uuid: 'uuid',
  raw: 'raw',
};

/**
 * True when a column of type `left` may plausibly have been renamed into a column of type
 * `right` (both in one family: numbers, character data, dates and times...). Rename candidates
 * are only suggested between such columns.
 */
export function typesCompatible(left: ColumnType, right: ColumnType): boolean {
  return FAMILY[left.kind] === FAMILY[right.kind];
}

const INTEGER_RANK: Readonly<Partial<Record<ColumnTypeKind, number>>> = { smallInteger: 1, integer: 2, bigInteger: 3 };

/** Changes of kind that keep every value. */
const WIDENING: ReadonlySet<string> = new Set([
  'smallInteger>integer',
  'smallInteger>bigInteger',
  'integer>bigInteger',
  'smallInteger>numeric',
  'integer>numeric',
  'bigInteger>numeric',
  'smallInteger>float',
  'integer>float',
  'bigInteger>float',
  'numeric>float',
  'float>numeric',
  'string>text',
  'enum>string',
  'enum>text',
  'date>dateTime',
  'boolean>smallInteger',
  'boolean>integer',
  'boolean>bigInteger',
  'uuid>string',
  'uuid>text',
]);

/**
 * Whether changing a column from `existing` to `next` can lose data, as `'narrows'` (same family,
 * less room: a shorter string, less precision or scale, a smaller integer, text to a bounded
 * string, fewer enum values), `'converts'` (unrelated kinds, or a raw type involved), or
 * undefined (the change keeps every value).
 *
 * ```ts
 * typeChangeLoss(string(100), string(50)); // 'narrows'
 * typeChangeLoss(integer(), bigInteger()); // undefined
 * ```
 */
export function typeChangeLoss(existing: ColumnType, next: ColumnType): 'narrows' | 'converts' | undefined {
  if (existing.kind !== next.kind) {
    if (WIDENING.has(`${existing.kind}>${next.kind}`)) {
      return existing.kind === 'enum' && next.kind === 'string' && next.length !== undefined
        ? next.length < Math.max(0, ...existing.values.map((value) => value.length))
          ? 'narrows'
          : undefined
        : undefined;
    }
    const existingRank = INTEGER_RANK[existing.kind];
    const nextRank = INTEGER_RANK[next.kind];
    if (existingRank !== undefined && nextRank !== undefined) {
      return nextRank < existingRank ? 'narrows' : undefined;
    }
    if (FAMILY[existing.kind] === FAMILY[next.kind] && FAMILY[next.kind] !== 'raw') {
      return 'narrows';
    }
    return 'converts';
  }
  switch (next.kind) {
    case 'string':
    case 'largeBinary': {
      const before = (existing as { length?: number }).length;
      return next.length !== undefined && (before === undefined || next.length < before) ? 'narrows' : undefined;
    }
    case 'numeric': {
      const before = existing as typeof next;
      const lessPrecision =
        next.precision !== undefined && (before.precision === undefined || next.precision < before.precision);
      const lessScale = next.scale !== undefined && before.scale !== undefined && next.scale < before.scale;
      return lessPrecision || lessScale ? 'narrows' : undefined;
    }
    case 'float': {
      const before = (existing as typeof next).precision;
      return next.precision !== undefined && before !== undefined && next.precision < before ? 'narrows' : undefined;
    }
    case 'enum': {
      const kept = new Set(next.values);
      return (existing as typeof next).values.some((value) => !kept.has(value)) ? 'narrows' : undefined;
    }
    case 'raw':
      return canonicalRawType(next.sql) === canonicalRawType((existing as typeof next).sql) ? undefined : 'converts';
    default:
      return undefined;
  }
}

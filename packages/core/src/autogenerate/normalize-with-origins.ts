import type { IndexModel } from '../schema/index-model.js';
import type { TableConstraintModel, TableModel } from '../schema/table.js';
import type { SchemaNormalizer, SchemaSide } from './schema-normalizer.js';
import { stableText } from './structural-equality.js';

/** A constraint (other than the primary key) or an index: what compare matches within a table. */
export type TableObjectModel = TableConstraintModel | IndexModel;

/** A normalized constraint or index, with the object it came from. */
export interface NormalizedObject {
  /** As the normalizer left it; compare looks at this one. */
  readonly normalized: TableObjectModel;
  /**
   * The object of the table given to the normalizer that it came from; operations are built
   * from this one (its real name, its real kind: MySQL's normalizer turns a unique index into a
   * unique constraint, and dropping it is still `dropIndex`).
   */
  readonly original: TableObjectModel;
}

/** A table through the normalizer, its constraints and indexes paired with their originals. */
export interface NormalizedTable {
  readonly original: TableModel;
  readonly normalized: TableModel;
  readonly objects: readonly NormalizedObject[];
}

/** Carried through the normalizer on each constraint and index, to find its original. */
const ORIGIN_KEY = '__autogenerateOrigin';
const IGNORED_KEYS: ReadonlySet<string> = new Set([ORIGIN_KEY]);

/**
 * Runs `table` through the normalizer and pairs every normalized constraint and index with the
 * object it came from. Normalizers may rename, drop, add or re-kind objects, so the pairing
 * goes: the same object (a hook that changed nothing), an origin mark each object carries
 * through the normalizer (kept by hooks that copy objects with `{ ...object }`), the object
 * whose normalization on its own gives the same result, else the normalized object itself.
 *
 * ```ts
 * const { normalized, objects } = normalizeWithOrigins(normalizer, reflected, 'database');
 * ```
 */
export function normalizeWithOrigins(
  normalizer: SchemaNormalizer,
  table: TableModel,
  side: SchemaSide,
): NormalizedTable {
  const originals: TableObjectModel[] = [...table.constraints, ...table.indexes];
  const marked: TableModel = {
    ...table,
    constraints: table.constraints.map((constraint, position) => ({ ...constraint, [ORIGIN_KEY]: position })),
    indexes: table.indexes.map((index, position) => ({ ...index, [ORIGIN_KEY]: table.constraints.length + position })),
  };
  const result = normalizer.normalizeTable(marked, side);
  const constraints = result.constraints.map(unmarked);
  const indexes = result.indexes.map(unmarked);
  const normalized: TableModel = { ...result, constraints, indexes };
  const produced: readonly TableObjectModel[] = [...result.constraints, ...result.indexes];

  const claimed = new Set<number>();
  const origins: (TableObjectModel | undefined)[] = produced.map((item) => {
    const direct = originals.indexOf(item);
    const position = direct >= 0 ? direct : originPosition(item);
    if (position === undefined || claimed.has(position)) return undefined;
    claimed.add(position);
    return originals[position];
  });

  if (origins.includes(undefined)) {
    const alone = new Map<number, readonly string[]>();
    const aloneTexts = (position: number): readonly string[] => {
      let texts = alone.get(position);
      if (texts === undefined) {
        const original = originals[position] as TableObjectModel;
        const single = normalizer.normalizeTable(
          {
            ...table,
            constraints: original.kind === 'index' ? [] : [original],
            indexes: original.kind === 'index' ? [original] : [],
          },
          side,
        );
        texts = [...single.constraints, ...single.indexes].map((item) => stableText(item, IGNORED_KEYS));
        alone.set(position, texts);
      }
      return texts;
    };
    produced.forEach((item, index) => {
      if (origins[index] !== undefined) return;
      const text = stableText(item, IGNORED_KEYS);
      const position = originals.findIndex(
        (_, candidate) => !claimed.has(candidate) && aloneTexts(candidate).includes(text),
      );
      if (position >= 0) {
        claimed.add(position);
        origins[index] = originals[position];
      }
    });
  }

  const cleaned = [...constraints, ...indexes];
  return {
    original: table,
    normalized,
    objects: cleaned.map((item, index) => ({ normalized: item, original: origins[index] ?? item })),
  };
}

function originPosition(item: TableObjectModel): number | undefined {
  const position = (item as unknown as Record<string, unknown>)[ORIGIN_KEY];
  return typeof position === 'number' ? position : undefined;
}

function unmarked<T extends TableObjectModel>(item: T): T {
  if (!(ORIGIN_KEY in item)) return item;
  // A loop, not `{ [ORIGIN_KEY]: _, ...rest }`: V8's rest copy is slow, and this runs per object.
  const rest: Record<string, unknown> = {};
  for (const key of Object.keys(item)) {
    if (key !== ORIGIN_KEY) rest[key] = (item as unknown as Record<string, unknown>)[key];
  }
  return rest as unknown as T;
}

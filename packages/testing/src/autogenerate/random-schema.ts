import * as schema from '@alembic/core';
import type { ColumnType, ServerDefault } from '@alembic/core';
import type { DialectCapabilities } from '@alembic/core/dialect';
import type { ColumnDraft, TableDraft } from './schema-draft.js';
import type { SeededRandom } from './seeded-random.js';

/** Table names of random schemas start with this (`rs_t1`, `rs_t2`...). */
export const RANDOM_TABLE_PREFIX = 'rs_t';

/** Short tags of the generic types, used in column names (`c3_int`). */
const TYPE_TAGS = [
  'int',
  'big',
  'small',
  'str',
  'text',
  'bool',
  'date',
  'dt',
  'time',
  'num',
  'float',
  'json',
  'bin',
  'uuid',
  'enum',
] as const;

/** The tag of a generic type. */
export type TypeTag = (typeof TYPE_TAGS)[number];

/** How each tag's type is made: some draw a length, a precision or a scale. */
const TYPE_OF_TAG: Readonly<Record<TypeTag, (random: SeededRandom, enumName: string) => ColumnType>> = {
  int: () => schema.integer(),
  big: () => schema.bigInteger(),
  small: () => schema.smallInteger(),
  str: (random) => schema.string(random.pick([10, 40, 100, 255])),
  text: () => schema.text(),
  bool: () => schema.boolean(),
  date: () => schema.date(),
  dt: () => schema.dateTime(),
  time: () => schema.time(),
  num: (random) => schema.numeric(random.pick([8, 10, 12]), random.pick([0, 2, 4])),
  float: () => schema.float(),
  json: () => schema.json(),
  bin: () => schema.largeBinary(),
  uuid: () => schema.uuid(),
  enum: (_random, enumName) => schema.enumType(['red', 'green', 'blue'], { name: enumName }),
};

/** A random type for a tag (lengths and precisions vary). */
export function typeOf(tag: TypeTag, random: SeededRandom, enumName: string): ColumnType {
  return TYPE_OF_TAG[tag](random, enumName);
}

/** The tags a dialect's random schemas use: every generic type, enums where native. */
export function typeTags(capabilities: DialectCapabilities): readonly TypeTag[] {
  return TYPE_TAGS.filter((tag) => tag !== 'enum' || capabilities.nativeEnum);
}

/** Types whose columns can be indexed and be part of unique constraints everywhere. */
export function isIndexable(type: ColumnType): boolean {
  return ['integer', 'bigInteger', 'smallInteger', 'string', 'date', 'dateTime', 'numeric', 'boolean'].includes(
    type.kind,
  );
}

/** Types with an integer value (checks and partial index conditions compare them with 0). */
export function isIntegral(type: ColumnType): boolean {
  return ['integer', 'bigInteger', 'smallInteger'].includes(type.kind);
}

/** A server default a user would write for the type, or undefined when the type gets none. */
export function randomDefault(type: ColumnType, random: SeededRandom): ServerDefault | undefined {
  switch (type.kind) {
    case 'integer':
    case 'bigInteger':
    case 'smallInteger':
      return random.chance(0.5) ? String(random.integer(-5, 99)) : schema.sql(String(random.integer(0, 99)));
    case 'string':
      return random.pick(['', 'abc', "it's", 'n/a']);
    case 'boolean':
      return schema.sql(random.pick(['true', 'false']));
    case 'dateTime':
      return schema.sql('CURRENT_TIMESTAMP');
    case 'numeric':
      return random.pick(type.scale === undefined || type.scale === 0 ? ['0', '12'] : ['0', '1.5', '12']);
    case 'enum':
      return 'green';
    default:
      return undefined;
  }
}

/** A comment, sometimes with a quote in it. */
export function randomComment(random: SeededRandom): string {
  return random.pick(['a comment', "the owner's note", 'values in cents', 'see docs']);
}

/** A new column of a random type named `c<number>_<tag>`. */
export function randomColumn(
  table: TableDraft,
  number: number,
  random: SeededRandom,
  capabilities: DialectCapabilities,
): ColumnDraft {
  const tag = random.pick(typeTags(capabilities));
  const name = `c${number}_${tag}`;
  const type = typeOf(tag, random, `${table.name}_${name}_kind`);
  const draft: ColumnDraft = { name, type, nullable: random.chance(0.6) };
  if (random.chance(0.3)) {
    const serverDefault = randomDefault(type, random);
    if (serverDefault !== undefined) draft.serverDefault = serverDefault;
  }
  if (capabilities.supportsComments && random.chance(0.15)) draft.comment = randomComment(random);
  return draft;
}

/** The number the next `c<number>_...` column of the table gets. */
export function nextColumnNumber(table: TableDraft): number {
  return (
    table.columns.reduce((highest, entry) => Math.max(highest, Number(/^c(\d+)_/.exec(entry.name)?.[1] ?? 0)), 0) + 1
  );
}

/** Adds a random index, unique constraint or check over the table's columns (when it has fitting ones). */
export function addRandomConstraint(
  table: TableDraft,
  random: SeededRandom,
  capabilities: DialectCapabilities,
  serial: number,
  options: { readonly named?: boolean } = {},
): boolean {
  const foreignKeyColumns = new Set(table.foreignKeys.map((entry) => entry.column));
  const indexable = table.columns.filter((entry) => isIndexable(entry.type) && !foreignKeyColumns.has(entry.name));
  const integral = table.columns.filter((entry) => isIntegral(entry.type) && !foreignKeyColumns.has(entry.name));
  const kind = random.pick(['index', 'unique', 'check'] as const);
  const taken = new Set([...table.uniques, ...table.indexes].map((entry) => entry.columns.join(',')));
  const chooseColumns = (): string[] | undefined => {
    const chosen = random.sample(indexable, random.integer(1, 2)).map((entry) => entry.name);
    return chosen.length === 0 || taken.has(chosen.join(',')) ? undefined : chosen;
  };
  if (kind === 'check') {
    if (integral.length === 0) return false;
    const target = random.pick(integral).name;
    table.checks.push({ name: `ck_${table.name}_${serial}`, condition: `${target} >= -100` });
    return true;
  }
  const columns = chooseColumns();
  if (columns === undefined) return false;
  if (kind === 'unique') {
    table.uniques.push(
      options.named === true || random.chance(0.5) ? { name: `uq_${table.name}_${serial}`, columns } : { columns },
    );
    return true;
  }
  const entry = { name: `ix_${table.name}_${serial}`, columns, unique: random.chance(0.2) };
  const condition = integral[0];
  if (capabilities.supportsPartialIndexes && condition !== undefined && random.chance(0.25)) {
    table.indexes.push({ ...entry, where: `${condition.name} > 0` });
  } else {
    table.indexes.push(entry);
  }
  return true;
}

/**
 * A foreign key column `<referred>_id` of `table` to `referred`, with a random ON DELETE;
 * `named` (for a key added to an existing table, or one closing a cycle) always names it, as
 * the downgrade can only drop a named key.
 */
export function addRandomForeignKey(
  table: TableDraft,
  referred: string,
  random: SeededRandom,
  options: { readonly named?: boolean } = {},
): boolean {
  const columnName = `${referred.slice(RANDOM_TABLE_PREFIX.length - 1)}_id`;
  if (table.columns.some((entry) => entry.name === columnName)) return false;
  const nullable = random.chance(0.7);
  table.columns.push({ name: columnName, type: schema.integer(), nullable });
  const onDelete = random.pick([undefined, 'CASCADE', 'RESTRICT', ...(nullable ? ['SET NULL'] : [])]);
  table.foreignKeys.push({
    ...(options.named === true || random.chance(0.5) ? { name: `fk_${table.name}_${columnName}` } : {}),
    column: columnName,
    referredTable: referred,
    ...(onDelete === undefined ? {} : { onDelete }),
  });
  return true;
}

/** A new table `name` with 1-6 random columns and a few constraints. */
export function randomTable(name: string, random: SeededRandom, capabilities: DialectCapabilities): TableDraft {
  const draft: TableDraft = { name, columns: [], uniques: [], indexes: [], foreignKeys: [], checks: [] };
  if (capabilities.supportsIdentityColumns && random.chance(0.2)) {
    draft.identity = random.chance(0.5)
      ? { always: random.chance(0.5) }
      : { always: false, start: random.integer(1, 100), increment: random.integer(1, 5) };
  }
  const columnCount = random.integer(1, 6);
  for (let count = 0; count < columnCount; count += 1)
    draft.columns.push(randomColumn(draft, nextColumnNumber(draft), random, capabilities));
  const candidate = draft.columns.find((entry) => entry.type.kind === 'string' && !entry.nullable);
  if (candidate !== undefined && random.chance(0.3)) candidate.unique = true;
  if (capabilities.supportsComments && random.chance(0.3)) draft.comment = randomComment(random);
  return draft;
}

/**
 * A random schema of 2-8 tables: columns of every generic type (native enums where the dialect
 * has them), nullable or not, server defaults, comments where supported, identity keys where
 * supported, unique constraints (named and unnamed), indexes (unique, multi-column, partial
 * where supported), named checks, and foreign keys between the tables (now and then one that
 * points forward, making a cycle).
 */
export function randomTables(random: SeededRandom, capabilities: DialectCapabilities): TableDraft[] {
  const count = random.integer(2, 8);
  const tables: TableDraft[] = [];
  for (let number = 1; number <= count; number += 1)
    tables.push(randomTable(`${RANDOM_TABLE_PREFIX}${number}`, random, capabilities));
  for (const [position, draft] of tables.entries()) {
    for (const earlier of tables.slice(0, position))
      if (random.chance(0.35)) addRandomForeignKey(draft, earlier.name, random);
    const later = tables[position + 1];
    if (later !== undefined && random.chance(0.1)) addRandomForeignKey(draft, later.name, random, { named: true });
    const constraintCount = random.integer(0, 3);
    for (let serial = 1; serial <= constraintCount; serial += 1)
      addRandomConstraint(draft, random, capabilities, serial);
  }
  const position = new Map(tables.map((draft, index) => [draft.name, index]));
  const cyclic = tables.some((draft) =>
    draft.foreignKeys.some((key) => (position.get(key.referredTable) ?? 0) > (position.get(draft.name) ?? 0)),
  );
  // Which key of a cycle autogenerate adds after the tables is its choice; named keys keep the downgrade possible.
  if (cyclic)
    for (const draft of tables) for (const key of draft.foreignKeys) key.name ??= `fk_${draft.name}_${key.column}`;
  return tables;
}

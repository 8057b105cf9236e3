import { bigInteger, numeric, string, text } from '@alembic/core';
import type { DialectCapabilities } from '@alembic/core/dialect';
import {
  addRandomConstraint,
  addRandomForeignKey,
  nextColumnNumber,
  randomColumn,
  randomComment,
  randomDefault,
  randomTable,
  RANDOM_TABLE_PREFIX,
} from './random-schema.js';
import type { ColumnDraft, TableDraft } from './schema-draft.js';
import { isConstrained, withoutColumn } from './schema-draft.js';
import type { SeededRandom } from './seeded-random.js';

/**
 * One kind of change the mutator makes: false when it does not apply to the table, else true or
 * the name of the table it made.
 */
type Mutation = (
  tables: TableDraft[],
  table: TableDraft,
  random: SeededRandom,
  capabilities: DialectCapabilities,
  serial: number,
) => boolean | string;

/** Columns the mutator may change freely: not referenced by a constraint or index. */
function freeColumns(table: TableDraft): ColumnDraft[] {
  return table.columns.filter((entry) => !isConstrained(table, entry.name));
}

function pickFree(
  table: TableDraft,
  random: SeededRandom,
  accept: (entry: ColumnDraft) => boolean,
): ColumnDraft | undefined {
  const candidates = freeColumns(table).filter(accept);
  return candidates.length === 0 ? undefined : random.pick(candidates);
}

const MUTATIONS: Readonly<Record<string, Mutation>> = {
  addTable: (tables, table, random, capabilities) => {
    const number =
      tables.reduce((highest, entry) => Math.max(highest, Number(entry.name.slice(RANDOM_TABLE_PREFIX.length))), 0) + 1;
    const added = randomTable(`${RANDOM_TABLE_PREFIX}${number}`, random, capabilities);
    if (random.chance(0.6)) addRandomForeignKey(added, table.name, random);
    tables.push(added);
    return added.name;
  },
  dropTable: (tables, table) => {
    if (tables.length < 2) return false;
    tables.splice(tables.indexOf(table), 1);
    for (const other of tables)
      for (const key of other.foreignKeys.filter((entry) => entry.referredTable === table.name))
        withoutColumn(other, key.column);
    return true;
  },
  addColumn: (_tables, table, random, capabilities) => {
    const added = randomColumn(table, nextColumnNumber(table), random, capabilities);
    if (!added.nullable && added.serverDefault === undefined) added.nullable = true;
    table.columns.push(added);
    return true;
  },
  dropColumn: (_tables, table, random) => {
    if (table.columns.length === 0) return false;
    withoutColumn(table, random.pick(table.columns).name);
    return true;
  },
  toggleNullable: (_tables, table, random) => {
    const target = pickFree(table, random, () => true);
    if (target === undefined) return false;
    target.nullable = !target.nullable;
    return true;
  },
  widenString: (_tables, table, random) => {
    const target = pickFree(table, random, (entry) => entry.type.kind === 'string' && (entry.type.length ?? 0) < 255);
    if (target === undefined || target.type.kind !== 'string') return false;
    target.type = string((target.type.length ?? 0) + 50);
    return true;
  },
  stringToText: (_tables, table, random) => {
    const target = pickFree(
      table,
      random,
      (entry) => entry.type.kind === 'string' && entry.serverDefault === undefined,
    );
    if (target === undefined) return false;
    target.type = text();
    return true;
  },
  integerToBigInteger: (_tables, table, random) => {
    const target = pickFree(table, random, (entry) => entry.type.kind === 'integer');
    if (target === undefined) return false;
    target.type = bigInteger();
    return true;
  },
  widenNumeric: (_tables, table, random) => {
    const target = pickFree(table, random, (entry) => entry.type.kind === 'numeric');
    if (target === undefined || target.type.kind !== 'numeric') return false;
    target.type = numeric((target.type.precision ?? 10) + 2, target.type.scale);
    return true;
  },
  changeDefault: (_tables, table, random) => {
    const target = pickFree(table, random, (entry) => randomDefault(entry.type, random) !== undefined);
    if (target === undefined) return false;
    if (target.serverDefault !== undefined && random.chance(0.5)) {
      delete target.serverDefault;
      return true;
    }
    const next = randomDefault(target.type, random);
    if (next === undefined || JSON.stringify(next) === JSON.stringify(target.serverDefault)) return false;
    target.serverDefault = next;
    return true;
  },
  addConstraint: (_tables, table, random, capabilities, serial) =>
    addRandomConstraint(table, random, capabilities, serial, { named: true }),
  dropConstraint: (_tables, table, random) => {
    const lists = [table.uniques, table.indexes, table.checks].filter((list) => list.length > 0);
    if (lists.length === 0) return false;
    const list: unknown[] = random.pick(lists);
    list.splice(random.integer(0, list.length - 1), 1);
    return true;
  },
  addForeignKey: (tables, table, random) => {
    const referred = random.pick(tables);
    return referred !== table && addRandomForeignKey(table, referred.name, random, { named: true });
  },
  dropForeignKey: (_tables, table, random) => {
    if (table.foreignKeys.length === 0) return false;
    table.foreignKeys.splice(random.integer(0, table.foreignKeys.length - 1), 1);
    return true;
  },
  changeOnDelete: (_tables, table, random) => {
    // An unnamed key changed is dropped and created again unnamed: irreversible, so named keys only.
    const named = table.foreignKeys.filter((entry) => entry.name !== undefined);
    const key = named.length === 0 ? undefined : random.pick(named);
    if (key === undefined) return false;
    const nullable = table.columns.find((entry) => entry.name === key.column)?.nullable ?? false;
    const next = random.pick(
      ['CASCADE', 'RESTRICT', ...(nullable ? ['SET NULL'] : [])].filter((action) => action !== key.onDelete),
    );
    key.onDelete = next;
    return true;
  },
  changeComment: (_tables, table, random, capabilities) => {
    if (!capabilities.supportsComments) return false;
    if (random.chance(0.5)) {
      if (table.comment === undefined) table.comment = randomComment(random);
      else delete table.comment;
      return true;
    }
    const target = table.columns.length === 0 ? undefined : random.pick(table.columns);
    if (target === undefined) return false;
    if (target.comment === undefined) target.comment = randomComment(random);
    else delete target.comment;
    return true;
  },
};

/**
 * Changes the drafts in place with 1-4 random changes (tables added and dropped, columns added,
 * dropped, made nullable or NOT NULL, widened, turned to TEXT or BIGINT, defaults set, changed
 * and removed, indexes, uniques, checks and foreign keys added and dropped, ON DELETE changed,
 * comments set and removed). Columns used by a constraint or index keep their type and
 * nullability. Returns the names of the changes made.
 */
export function mutateTables(tables: TableDraft[], random: SeededRandom, capabilities: DialectCapabilities): string[] {
  const wanted = random.integer(1, 4);
  const made: string[] = [];
  const names = Object.keys(MUTATIONS);
  for (let attempt = 0; made.length < wanted && attempt < 200; attempt += 1) {
    const name = random.pick(names);
    const table = random.pick(tables);
    const outcome = MUTATIONS[name]?.(tables, table, random, capabilities, 50 + attempt) ?? false;
    if (outcome !== false) made.push(`${name}(${outcome === true ? table.name : outcome})`);
  }
  return made;
}

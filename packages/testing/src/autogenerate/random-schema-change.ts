import type { DialectCapabilities } from '@alembic/core/dialect';
import type { SchemaChange } from './autogenerate-round-trip.js';
import { mutateTables } from './mutate-schema.js';
import { randomTables } from './random-schema.js';
import { cloneDrafts, draftsToMetadata } from './schema-draft.js';
import { SeededRandom } from './seeded-random.js';

/** A random schema and a random change of it, both from one seed. */
export interface RandomSchemaChange extends SchemaChange {
  readonly seed: number;
  /** The changes the mutator made (`addColumn(rs_t2)`, ...), for the failure message. */
  readonly changes: readonly string[];
}

/**
 * The schema of `seed` (2-8 tables, see `randomTables`) and the same schema with 1-4 random
 * changes: the same seed always gives the same pair, for the dialect's capabilities.
 *
 * ```ts
 * const { before, after, changes } = randomSchemaChange(17, dialect.capabilities);
 * ```
 */
export function randomSchemaChange(seed: number, capabilities: DialectCapabilities): RandomSchemaChange {
  const random = new SeededRandom(seed);
  const tables = randomTables(random, capabilities);
  const changed = cloneDrafts(tables);
  const changes = mutateTables(changed, random, capabilities);
  return { seed, changes, before: draftsToMetadata(tables), after: draftsToMetadata(changed) };
}

import { describe, expect, it } from '@jest/globals';
import { defaultCapabilities, defineCapabilities } from '@alembic/core/dialect';
import { randomSchemaChange } from './random-schema-change.js';
import { SeededRandom } from './seeded-random.js';

const SEEDS = Array.from({ length: 50 }, (_unused, position) => position + 1);
const NATIVE = defineCapabilities({ nativeEnum: true, supportsPartialIndexes: true, supportsIdentityColumns: true });

describe('SeededRandom', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const sequence = (seed: number): number[] => {
      const random = new SeededRandom(seed);
      return Array.from({ length: 5 }, () => random.integer(0, 1_000_000));
    };
    expect(sequence(7)).toEqual(sequence(7));
    expect(sequence(7)).not.toEqual(sequence(8));
  });

  it('keeps integers within their bounds', () => {
    const random = new SeededRandom(3);
    const values = Array.from({ length: 1000 }, () => random.integer(2, 8));
    expect(Math.min(...values)).toBe(2);
    expect(Math.max(...values)).toBe(8);
  });
});

describe('randomSchemaChange', () => {
  it('is a function of the seed', () => {
    expect(JSON.stringify(randomSchemaChange(11, NATIVE))).toBe(JSON.stringify(randomSchemaChange(11, NATIVE)));
  });

  it('builds 2-8 valid tables and a different model after the change, for every seed', () => {
    for (const seed of SEEDS) {
      const change = randomSchemaChange(seed, defaultCapabilities);
      expect(change.before.tables.length).toBeGreaterThanOrEqual(2);
      expect(change.before.tables.length).toBeLessThanOrEqual(8);
      expect(change.changes.length).toBeGreaterThan(0);
      expect(JSON.stringify(change.after)).not.toBe(JSON.stringify(change.before));
    }
  });

  it('uses every generic type, foreign keys, uniques, indexes and checks over 50 seeds', () => {
    const kinds = new Set<string>();
    const constraintKinds = new Set<string>();
    for (const seed of SEEDS) {
      for (const model of randomSchemaChange(seed, NATIVE).before.tables) {
        for (const entry of model.columns) kinds.add(entry.type.kind);
        for (const entry of model.constraints) constraintKinds.add(entry.kind);
        for (const entry of model.indexes)
          constraintKinds.add(entry.where === undefined ? (entry.unique ? 'uniqueIndex' : 'index') : 'partialIndex');
      }
    }
    expect([...kinds].sort()).toEqual(
      [
        'bigInteger',
        'boolean',
        'date',
        'dateTime',
        'enum',
        'float',
        'integer',
        'json',
        'largeBinary',
        'numeric',
        'smallInteger',
        'string',
        'text',
        'time',
        'uuid',
      ].sort(),
    );
    expect([...constraintKinds].sort()).toEqual([
      'checkConstraint',
      'foreignKeyConstraint',
      'index',
      'partialIndex',
      'uniqueConstraint',
      'uniqueIndex',
    ]);
  });

  it('leaves out what the dialect lacks: native enums, partial indexes, comments, identity', () => {
    const plain = defineCapabilities({
      nativeEnum: false,
      supportsPartialIndexes: false,
      supportsComments: false,
      supportsIdentityColumns: false,
    });
    for (const seed of SEEDS) {
      for (const model of [
        ...randomSchemaChange(seed, plain).before.tables,
        ...randomSchemaChange(seed, plain).after.tables,
      ]) {
        expect(
          model.columns.some(
            (entry) => entry.type.kind === 'enum' || entry.comment !== undefined || entry.identity !== undefined,
          ),
        ).toBe(false);
        expect(model.indexes.some((entry) => entry.where !== undefined)).toBe(false);
        expect(model.comment).toBeUndefined();
      }
    }
  });
});

import { expect } from '@jest/globals';
import { constraintNameText } from '@alembic/core/dialect';
import { constraintNames, hasUniqueNamed, indexNames } from '../../support/model-queries.js';
import { tableOf } from '../../support/schema-snapshot.js';
import type { RoundTripCases } from './round-trip-fixture.js';

/** Round trips of indexes and constraints. */
export const CONSTRAINT_ROUND_TRIPS: Pick<
  RoundTripCases,
  | 'createIndex'
  | 'dropIndex'
  | 'createUniqueConstraint'
  | 'createForeignKey'
  | 'createCheckConstraint'
  | 'createPrimaryKey'
  | 'dropConstraint'
> = {
  createIndex: [
    {
      title: 'a two-column index',
      upgrade: (op) => op.createIndex('ix_child_parent_label', 'child', ['parent_id', 'label']),
      downgrade: (op) => op.dropIndex('ix_child_parent_label', 'child'),
      expectUpgraded: ({ snapshot }) => {
        const found = tableOf(snapshot, 'child').indexes.find(
          (entry) => entry.name !== undefined && constraintNameText(entry.name) === 'ix_child_parent_label',
        );
        expect(found?.columns).toEqual(['parent_id', 'label']);
        expect(found?.unique).toBe(false);
      },
    },
    {
      title: 'a unique index',
      upgrade: (op) => op.createIndex('ix_parent_name', 'parent', ['name'], { unique: true }),
      downgrade: (op) => op.dropIndex('ix_parent_name', 'parent'),
      expectUpgraded: ({ snapshot }) =>
        expect(hasUniqueNamed(tableOf(snapshot, 'parent'), 'ix_parent_name')).toBe(true),
    },
    {
      title: 'a partial index (WHERE)',
      requires: { supportsPartialIndexes: true },
      upgrade: (op) => op.createIndex('ix_parent_note', 'parent', ['note'], { where: 'note IS NOT NULL' }),
      downgrade: (op) => op.dropIndex('ix_parent_note', 'parent'),
      expectUpgraded: ({ snapshot }) => {
        const found = tableOf(snapshot, 'parent').indexes.find(
          (entry) => entry.name !== undefined && constraintNameText(entry.name) === 'ix_parent_note',
        );
        expect(found?.where).toMatch(/note IS NOT NULL/i);
      },
    },
  ],
  dropIndex: [
    {
      title: 'an index dropped and re-created',
      upgrade: (op) => op.dropIndex('ix_child_label', 'child'),
      downgrade: (op) => op.createIndex('ix_child_label', 'child', ['label']),
      expectUpgraded: ({ snapshot }) => expect(indexNames(tableOf(snapshot, 'child'))).not.toContain('ix_child_label'),
    },
  ],
  createUniqueConstraint: [
    {
      title: 'a named unique constraint on a table holding rows',
      requires: { supportsAlterConstraints: true },
      upgrade: (op) => op.createUniqueConstraint('uq_loose_code', 'loose', ['code']),
      downgrade: (op) => op.dropConstraint('uq_loose_code', 'loose', { type: 'unique' }),
      expectUpgraded: ({ snapshot }) => expect(hasUniqueNamed(tableOf(snapshot, 'loose'), 'uq_loose_code')).toBe(true),
    },
  ],
  createForeignKey: [
    {
      title: 'a named foreign key with ON DELETE CASCADE',
      requires: { supportsAlterConstraints: true },
      upgrade: (op) =>
        op.createForeignKey('fk_loose_parent', 'loose', 'parent', ['parent_id'], ['id'], { onDelete: 'CASCADE' }),
      downgrade: (op) => op.dropConstraint('fk_loose_parent', 'loose', { type: 'foreignkey' }),
      expectUpgraded: ({ snapshot }) => {
        const found = tableOf(snapshot, 'loose').constraints.find(
          (constraint) =>
            constraint.kind === 'foreignKeyConstraint' &&
            constraint.name !== undefined &&
            constraintNameText(constraint.name) === 'fk_loose_parent',
        );
        expect(found).toMatchObject({
          columns: ['parent_id'],
          referredTable: 'parent',
          referredColumns: ['id'],
          onDelete: 'CASCADE',
        });
      },
    },
  ],
  createCheckConstraint: [
    {
      title: 'a named check constraint',
      requires: { supportsAlterConstraints: true },
      upgrade: (op) => op.createCheckConstraint('ck_loose_code', 'loose', "code <> ''"),
      downgrade: (op) => op.dropConstraint('ck_loose_code', 'loose', { type: 'check' }),
      expectUpgraded: ({ snapshot }) =>
        expect(constraintNames(tableOf(snapshot, 'loose'), 'checkConstraint')).toContain('ck_loose_code'),
    },
  ],
  createPrimaryKey: [
    {
      title: 'a primary key on a table without one',
      requires: { supportsAlterConstraints: true },
      upgrade: (op) => op.createPrimaryKey('pk_loose', 'loose', ['id']),
      downgrade: (op) => op.dropConstraint('pk_loose', 'loose', { type: 'primary' }),
      expectUpgraded: ({ snapshot }) => expect(tableOf(snapshot, 'loose').primaryKey?.columns).toEqual(['id']),
    },
  ],
  dropConstraint: [
    {
      title: 'a foreign key dropped and re-created',
      requires: { supportsAlterConstraints: true },
      upgrade: (op) => op.dropConstraint('fk_child_parent', 'child', { type: 'foreignkey' }),
      downgrade: (op) => op.createForeignKey('fk_child_parent', 'child', 'parent', ['parent_id'], ['id']),
      expectUpgraded: ({ snapshot }) =>
        expect(constraintNames(tableOf(snapshot, 'child'), 'foreignKeyConstraint')).toEqual([]),
    },
    {
      title: 'a unique constraint dropped and re-created',
      requires: { supportsAlterConstraints: true },
      prepare: (op) => op.createUniqueConstraint('uq_parent_name', 'parent', ['name']),
      unprepare: (op) => op.dropConstraint('uq_parent_name', 'parent', { type: 'unique' }),
      upgrade: (op) => op.dropConstraint('uq_parent_name', 'parent', { type: 'unique' }),
      downgrade: (op) => op.createUniqueConstraint('uq_parent_name', 'parent', ['name']),
      expectUpgraded: ({ snapshot }) =>
        expect(hasUniqueNamed(tableOf(snapshot, 'parent'), 'uq_parent_name')).toBe(false),
    },
  ],
};

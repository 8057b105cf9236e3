import { describe, expect } from '@jest/globals';
import { constraintNameText, tableExists } from '@alembic/core/dialect';
import type { DatabaseConnection } from '@alembic/core';
import type { ConformanceHarness } from '../conformance-harness.js';
import type { ConformanceMigration, ConformanceProject, RunSettings } from '../support/conformance-project.js';
import { connectedTests } from '../support/connected-test.js';
import { columnNames, columnOf } from '../support/model-queries.js';
import { introspectorOf } from '../support/schema-snapshot.js';
import { useSuiteDatabase } from '../support/suite-database.js';

/** A migration that does nothing: the version table is what these tests watch. */
function step(revision: string, downRevision: ConformanceMigration['downRevision']): ConformanceMigration {
  return { revision, downRevision, upgrade: () => undefined, downgrade: () => undefined };
}

/** A command, its target, and the version rows expected after it. */
type Move = readonly ['upgrade' | 'downgrade', string, readonly string[]];

/** Alembic's fixture graph: aaa1 -> bbb2 -> {ccc3, ddd4}, merged by eee5. */
const BRANCH_AND_MERGE: readonly ConformanceMigration[] = [
  step('aaa1', null),
  step('bbb2', 'aaa1'),
  step('ccc3', 'bbb2'),
  step('ddd4', 'bbb2'),
  step('eee5', ['ccc3', 'ddd4']),
];

/** `version_num` of every row of the version table, sorted, read with plain SQL. */
async function versionRows(connection: DatabaseConnection, versionTable = 'alembic_version'): Promise<string[]> {
  const { rows } = await connection.query<Record<string, unknown>>(`SELECT version_num FROM ${versionTable}`);
  return rows.map((row) => String(row.version_num ?? Object.values(row)[0])).sort();
}

/**
 * The version table: created by the first run as Alembic creates it (`version_num VARCHAR(32)
 * NOT NULL`, primary key `<table>_pkc`), one row per head through branches, merges and
 * unmerges, exact rows after each step, its name and the column width configurable.
 */
export function defineVersionTableSuite(harness: ConformanceHarness): void {
  describe('version table', () => {
    const suite = useSuiteDatabase(harness, 'version_table');
    const itConnected = connectedTests(suite);
    const settingsWith = (extra: RunSettings = {}): RunSettings => ({
      ...(suite.url === undefined ? {} : { url: suite.url }),
      ...extra,
    });

    async function moveThrough(
      project: ConformanceProject,
      connection: DatabaseConnection,
      moves: readonly Move[],
      settings: RunSettings = settingsWith(),
    ): Promise<void> {
      for (const [command, target, expected] of moves) {
        await project[command](connection, target, settings);
        expect({ after: `${command} ${target}`, rows: await versionRows(connection, settings.versionTable) }).toEqual({
          after: `${command} ${target}`,
          rows: [...expected].sort(),
        });
      }
    }

    itConnected(
      'is created by the first run: version_num VARCHAR(32) NOT NULL, primary key alembic_version_pkc',
      async (connection) => {
        const project = suite.project([step('aaa1', null)]);
        const introspector = introspectorOf(harness.dialect, connection);
        // What the runtime asks before each command: the dialect's hasTable, else getTable.
        const exists = (name: string): Promise<boolean> => tableExists(introspector, name);
        expect(await introspector.getTable('alembic_version')).toBeUndefined();
        expect(await exists('alembic_version')).toBe(false);
        await project.upgrade(connection, 'heads', settingsWith());
        expect(await exists('alembic_version')).toBe(true);
        const versionTable = await introspector.getTable('alembic_version');
        expect(versionTable === undefined ? [] : columnNames(versionTable)).toEqual(['version_num']);
        const versionNum = columnOf(versionTable!, 'version_num');
        expect(versionNum).toMatchObject({ nullable: false, type: { kind: 'string', length: 32 } });
        expect(versionTable?.primaryKey?.columns).toEqual(['version_num']);
        // Where the database keeps primary key names, it is Alembic's (MySQL names every one PRIMARY; its introspector leaves the name out).
        const keyName = versionTable?.primaryKey?.name;
        if (keyName !== undefined) expect(constraintNameText(keyName)).toBe('alembic_version_pkc');
        expect(await versionRows(connection)).toEqual(['aaa1']);
      },
    );

    /**
     * A test that runs `migrations` through `moves` and then down to base, reading the version
     * rows after each move (none left at base).
     */
    const itMovesDownToBase = (title: string, migrations: readonly ConformanceMigration[], moves: readonly Move[]) =>
      itConnected(title, (connection) =>
        moveThrough(suite.project(migrations), connection, [...moves, ['downgrade', 'base', []]]),
      );

    itMovesDownToBase(
      'holds one row per head through a branch, a merge, an unmerge and back to base',
      BRANCH_AND_MERGE,
      [
        ['upgrade', 'aaa1', ['aaa1']],
        ['upgrade', 'bbb2', ['bbb2']],
        ['upgrade', 'ccc3', ['ccc3']],
        ['upgrade', 'ddd4', ['ccc3', 'ddd4']],
        ['upgrade', 'eee5', ['eee5']],
        ['downgrade', 'ddd4', ['ccc3', 'ddd4']],
        // Already current: nothing to do (Alembic's rule).
        ['downgrade', 'ccc3', ['ccc3', 'ddd4']],
        ['downgrade', 'bbb2', ['bbb2']],
        ['upgrade', 'ddd4', ['ddd4']],
        ['upgrade', 'ccc3', ['ccc3', 'ddd4']],
        ['upgrade', 'heads', ['eee5']],
      ],
    );

    itMovesDownToBase(
      'holds a row for each of two independent bases, and drops one branch without touching the other',
      [
        { ...step('acc1', null), branchLabels: 'accounts' },
        step('acc2', 'acc1'),
        { ...step('net1', null), branchLabels: 'network' },
      ],
      [
        ['upgrade', 'heads', ['acc2', 'net1']],
        ['downgrade', 'accounts@base', ['net1']],
        ['upgrade', 'accounts@head', ['acc2', 'net1']],
        ['downgrade', 'network@base', ['acc2']],
      ],
    );

    itConnected(
      'takes a configured name (primary key named after it) and a wider version_num for long ids',
      async (connection) => {
        const longId = `rev_${'0123456789'.repeat(5)}`;
        const project = suite.project([step('aaa1', null), step(longId, 'aaa1')]);
        const settings = settingsWith({ versionTable: 'alembic_version_wide', versionNumWidth: 64 });
        await moveThrough(project, connection, [['upgrade', 'heads', [longId]]], settings);
        const versionTable = await introspectorOf(harness.dialect, connection).getTable('alembic_version_wide');
        expect(columnOf(versionTable!, 'version_num').type).toMatchObject({ kind: 'string', length: 64 });
        const keyName = versionTable?.primaryKey?.name;
        if (keyName !== undefined) expect(constraintNameText(keyName)).toBe('alembic_version_wide_pkc');
        expect(await project.currentHeads(connection, settings)).toEqual([longId]);
        expect(await introspectorOf(harness.dialect, connection).getTable('alembic_version')).toBeUndefined();
      },
    );

    itConnected('is read by a read-only look without being created', async (connection) => {
      const project = suite.project([step('aaa1', null)]);
      expect(await project.currentHeads(connection, settingsWith({ versionTable: 'alembic_version_absent' }))).toEqual(
        [],
      );
      expect(await introspectorOf(harness.dialect, connection).getTable('alembic_version_absent')).toBeUndefined();
    });
  });
}

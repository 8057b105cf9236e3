import { describe, expect, it } from '@jest/globals';
import { OPERATION_KINDS } from '@alembic/core';
import type { Dialect } from '@alembic/core';
import type { ConformanceHarness } from '../conformance-harness.js';
import { itWhen } from '../support/capability-gate.js';
import type { ConformanceMigration } from '../support/conformance-project.js';
import { ConformanceProject } from '../support/conformance-project.js';
import { parseOfflineOutput, withoutIdentifierQuotes } from '../support/offline-output.js';
import { ROUND_TRIPS, roundTripMigrations } from './round-trip/round-trip-migrations.js';

/** The dialect with `connect()` and introspection taken away: offline runs must need neither. */
function withoutConnection(dialect: Dialect): Dialect {
  return Object.freeze({
    ...dialect,
    connect: async () => {
      throw new Error(`offline (--sql) output must not connect, yet the ${dialect.name} dialect was asked to`);
    },
    createIntrospector: () => {
      throw new Error(`offline (--sql) output must not read the schema, yet the ${dialect.name} dialect was asked to`);
    },
  });
}

/** Offline output with `version_num` statements reduced to a neutral form. */
function versionStatements(statements: readonly string[]): string[] {
  return statements.map(withoutIdentifierQuotes).filter((statement) => /\balembic_version\b/.test(statement));
}

/**
 * Offline (`--sql`) output: the dialect compiles every operation (the round-trip migrations,
 * upgrade and downgrade) with no connection; every statement is terminated; the version
 * table's DDL and its INSERT / UPDATE / DELETE are present; BEGIN / COMMIT exactly when DDL is
 * transactional; a downgrade to base never drops the version table. Needs no server.
 */
export function defineOfflineSqlSuite(harness: ConformanceHarness): void {
  describe('offline SQL', () => {
    const dialect = withoutConnection(harness.dialect);
    const { capabilities } = harness.dialect;
    const transaction = capabilities.offlineTransactionStatements ?? { begin: 'BEGIN', commit: 'COMMIT' };

    function checkShape(stdout: readonly string[], command: 'upgrade' | 'downgrade'): string[] {
      const parsed = parseOfflineOutput(stdout, capabilities);
      expect(parsed.unterminated).toEqual([]);
      if (capabilities.transactionalDdl) {
        expect(parsed.statements[0]).toBe(transaction.begin);
        expect(parsed.statements.at(-1)).toBe(transaction.commit);
      } else {
        expect(parsed.statements).not.toContain(transaction.begin);
        expect(parsed.statements).not.toContain(transaction.commit);
      }
      expect(parsed.comments.some((comment) => comment.startsWith(`-- Running ${command}`))).toBe(true);
      return [...parsed.statements];
    }

    for (const kind of OPERATION_KINDS) {
      for (const entry of ROUND_TRIPS[kind] ?? []) {
        // A rebuilding batch needs the table's definition: live runs reflect it, offline ones need copyFrom (Alembic's rule too).
        const requires =
          kind === 'batchAlterTable' ? { ...entry.requires, requiresBatchRecreate: false } : (entry.requires ?? {});
        itWhen(capabilities, requires, `${kind}: ${entry.title}`, async () => {
          const project = new ConformanceProject(dialect, roundTripMigrations(entry));
          try {
            const upgrade = checkShape((await project.offline('upgrade', 'base:case')).stdout, 'upgrade');
            const upgradeVersions = versionStatements(upgrade);
            expect(upgradeVersions[0]).toMatch(
              /^CREATE TABLE alembic_version \(\s*version_num [A-Z0-9]+\(32(?: CHAR)?\) NOT NULL,\s*CONSTRAINT alembic_version_pkc PRIMARY KEY \(version_num\)\s*\)/,
            );
            expect(upgradeVersions).toContain("INSERT INTO alembic_version (version_num) VALUES ('fixture')");
            expect(upgradeVersions.at(-1)).toMatch(
              /^UPDATE alembic_version SET version_num='case' WHERE alembic_version.version_num = '(fixture|prepare)'$/,
            );

            const downgrade = checkShape((await project.offline('downgrade', 'case:base')).stdout, 'downgrade');
            const downgradeVersions = versionStatements(downgrade);
            expect(downgradeVersions.at(-1)).toBe(
              "DELETE FROM alembic_version WHERE alembic_version.version_num = 'fixture'",
            );
            expect(downgradeVersions.some((statement) => /^(CREATE|DROP) TABLE/.test(statement))).toBe(false);
          } finally {
            project.dispose();
          }
        });
      }
    }

    it('writes the version table moves of a branch and a merge as Alembic does', async () => {
      const step = (revision: string, downRevision: ConformanceMigration['downRevision']): ConformanceMigration => ({
        revision,
        downRevision,
        upgrade: () => undefined,
        downgrade: () => undefined,
      });
      const project = new ConformanceProject(dialect, [
        step('aaa1', null),
        step('bbb2', 'aaa1'),
        step('ccc3', 'bbb2'),
        step('ddd4', 'bbb2'),
        step('eee5', ['ccc3', 'ddd4']),
      ]);
      try {
        const { stdout } = await project.offline('upgrade', 'heads');
        const parsed = parseOfflineOutput(stdout, capabilities);
        const branches = parsed.comments
          .filter((comment) => comment.startsWith('-- Running upgrade bbb2 -> '))
          .map((comment) => comment.slice(-4));
        expect([...branches].sort()).toEqual(['ccc3', 'ddd4']);
        const [first, second] = branches as [string, string];
        expect(parsed.comments).toEqual([
          '-- Running upgrade  -> aaa1',
          '-- Running upgrade aaa1 -> bbb2',
          `-- Running upgrade bbb2 -> ${first}`,
          `-- Running upgrade bbb2 -> ${second}`,
          '-- Running upgrade ccc3, ddd4 -> eee5',
        ]);
        expect(versionStatements(parsed.statements).slice(1)).toEqual([
          "INSERT INTO alembic_version (version_num) VALUES ('aaa1')",
          "UPDATE alembic_version SET version_num='bbb2' WHERE alembic_version.version_num = 'aaa1'",
          `UPDATE alembic_version SET version_num='${first}' WHERE alembic_version.version_num = 'bbb2'`,
          `INSERT INTO alembic_version (version_num) VALUES ('${second}')`,
          "DELETE FROM alembic_version WHERE alembic_version.version_num = 'ccc3'",
          "UPDATE alembic_version SET version_num='eee5' WHERE alembic_version.version_num = 'ddd4'",
        ]);
      } finally {
        project.dispose();
      }
    });

    it('creates the version table with a configured name and width', async () => {
      const project = new ConformanceProject(dialect, [
        { revision: 'aaa1', downRevision: null, upgrade: () => undefined, downgrade: () => undefined },
      ]);
      try {
        const { stdout } = await project.offline('upgrade', 'heads', {
          versionTable: 'alembic_version_wide',
          versionNumWidth: 64,
        });
        const statements = parseOfflineOutput(stdout, capabilities).statements.map(withoutIdentifierQuotes);
        expect(
          statements.some((statement) =>
            /^CREATE TABLE alembic_version_wide \(\s*version_num [A-Z0-9]+\(64(?: CHAR)?\) NOT NULL,\s*CONSTRAINT alembic_version_wide_pkc PRIMARY KEY \(version_num\)/.test(
              statement,
            ),
          ),
        ).toBe(true);
        expect(statements).toContain("INSERT INTO alembic_version_wide (version_num) VALUES ('aaa1')");
      } finally {
        project.dispose();
      }
    });
  });
}

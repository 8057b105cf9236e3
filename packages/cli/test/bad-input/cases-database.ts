/**
 * Databases in states a command cannot go on from: a version table naming a revision no script
 * has, or of a shape that is not Alembic's, targets the current revisions cannot reach, relative
 * targets that walk past the base or the heads, a file that is not a database, and a migration
 * lock another run holds for longer than `--lock-timeout`.
 */
import type { BadInputCase } from './bad-input-case.js';
import type { CaseProject } from './case-project.js';

const ALL_BACKENDS = ['sqlite', 'postgresql', 'mariadb'] as const;

/** Three revisions on disk; the database has aaaa applied. */
async function atFirstOfThree(project: CaseProject): Promise<void> {
  project.chain(['aaaa', 'bbbb', 'cccc']);
  await project.markApplied(['aaaa'], ['aaaa']);
}

/** Two revisions on disk, both applied. */
async function atHeadOfTwo(project: CaseProject): Promise<void> {
  project.chain(['aaaa', 'bbbb']);
  await project.markApplied(['aaaa', 'bbbb'], ['bbbb']);
}

/** Two revisions on disk; the version table names one no script has. */
async function atUnknownRevision(project: CaseProject): Promise<void> {
  project.chain(['aaaa', 'bbbb']);
  await project.markApplied(['aaaa'], ['zzzz']);
}

/** Two revisions on disk; a version table without `version_num`. */
async function withStrangeVersionTable(project: CaseProject): Promise<void> {
  project.chain(['aaaa', 'bbbb']);
  await project.execute(
    "CREATE TABLE alembic_version (version VARCHAR(32));\nINSERT INTO alembic_version VALUES ('aaaa');",
  );
}

export const DATABASE_CASES: readonly BadInputCase[] = [
  {
    name: 'upgrade from a revision no script has',
    backends: ALL_BACKENDS,
    setup: atUnknownRevision,
    arguments: ['upgrade', 'head'],
    expected: { failed: "Can't locate revision identified by 'zzzz'" },
  },
  {
    name: 'downgrade from a revision no script has',
    backends: ALL_BACKENDS,
    setup: atUnknownRevision,
    arguments: ['downgrade', 'base'],
    expected: { failed: "Can't locate revision identified by 'zzzz'" },
  },
  {
    name: 'current on a revision no script has',
    setup: atUnknownRevision,
    arguments: ['current'],
    expected: { failed: "No such revision or branch 'zzzz'" },
  },
  {
    name: 'stamp over a revision no script has',
    setup: atUnknownRevision,
    arguments: ['stamp', 'head'],
    expected: { failed: "Can't locate revision identified by 'zzzz'" },
  },
  {
    name: 'a version table without version_num',
    backends: ALL_BACKENDS,
    setup: withStrangeVersionTable,
    arguments: ['upgrade', 'head'],
    expected: { failed: /version_num/ },
  },
  {
    name: 'current on a version table without version_num',
    setup: withStrangeVersionTable,
    arguments: ['current'],
    expected: { failed: /version_num/ },
  },
  {
    name: 'a version table holding a number',
    setup: async (project) => {
      project.chain(['aaaa']);
      await project.execute(
        'CREATE TABLE alembic_version (version_num INTEGER);\nINSERT INTO alembic_version VALUES (5);',
      );
    },
    arguments: ['current'],
    expected: { failed: 'revision identifier 5 is not a string; ensure database driver settings are correct' },
  },
  {
    name: 'version rows where one descends from the other',
    setup: async (project) => {
      project.chain(['aaaa', 'bbbb']);
      await project.markApplied(['aaaa', 'bbbb'], ['aaaa', 'bbbb']);
    },
    arguments: ['upgrade', 'head'],
    expected: { failed: 'Requested revision bbbb overlaps with other requested revisions aaaa' },
  },
  {
    name: 'downgrade to a revision above the current one',
    backends: ALL_BACKENDS,
    setup: atFirstOfThree,
    arguments: ['downgrade', 'cccc'],
    expected: { failed: 'Destination cccc is not a valid downgrade target from current head(s)' },
  },
  {
    name: 'downgrade past the base',
    backends: ALL_BACKENDS,
    setup: atHeadOfTwo,
    arguments: ['downgrade', '-5'],
    expected: { failed: "Relative revision -5 didn't produce 5 migrations" },
  },
  {
    name: 'upgrade past the head',
    setup: atFirstOfThree,
    arguments: ['upgrade', '+5'],
    expected: { failed: "Relative revision +5 didn't produce 5 migrations" },
  },
  {
    name: 'downgrade by a positive step',
    setup: atFirstOfThree,
    arguments: ['downgrade', '+1'],
    expected: { failed: "Relative revision +1 didn't produce 1 migrations" },
  },
  {
    name: 'an SQLite file that is not a database',
    setup: (project) => {
      project.chain(['aaaa']);
      project.write('alembic.db', 'these are not the pages of an SQLite database, just some text\n'.repeat(20));
    },
    arguments: ['upgrade', 'head'],
    expected: { failed: /SQLITE_NOTADB: file is not a database/ },
  },
  {
    name: 'the migration lock held past --lock-timeout',
    backends: ALL_BACKENDS,
    setup: async (project) => {
      await project.holdMigrationLock();
      project.migration({ revision: 'bbbb', downRevision: 'aaaa' });
    },
    arguments: ['upgrade', 'head', '--lock-timeout', '1'],
    allowedLines: [/^Waiting for the migration lock of /],
    expected: { failed: /^Gave up after 1 s waiting for the migration lock of / },
  },
];

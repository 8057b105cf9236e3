/**
 * End-to-end tests of the commands that run migrations, as a user types them in a project made
 * with `alembic init` (generic template, SQLite default URL): upgrade, downgrade, stamp,
 * current, ensure-version, history -i / -r current:, show current, --tag and -x.
 *
 * Every migration creates (and drops) one table `t_<rev>`, so after each command the test
 * checks both what ran (the `Running ...` lines and the tables) and the version table (one row
 * per head, exactly). Expected values are Alembic's (reference sections 4 and 10.2 cases 14-17
 * and 35, Appendix B), observed with Python Alembic where the reference is silent.
 */
import { writeFileSync } from 'node:fs';

import {
  databaseState,
  executeOnDatabase,
  expectFailure,
  expectSuccess,
  initMigrationProject,
  runOk,
  runningSteps,
  stateOf,
  writeChain,
  writeMigration,
  type DatabaseState,
} from './support/migration-project.js';
import { outputLines, removeAllProjects, type TemporaryProject } from './support/run-cli.js';

jest.setTimeout(120_000);

afterEach(() => {
  removeAllProjects();
});

/** The linear chain of cases 14 and 15 (a -> b -> c -> d -> e). */
const LINEAR = ['aaaa', 'bbbb', 'cccc', 'dddd', 'eeee'] as const;

/** The revisions of {@link LINEAR} up to and including `head`. */
function linearUpTo(head: string | null): string[] {
  return head === null ? [] : LINEAR.slice(0, LINEAR.indexOf(head as (typeof LINEAR)[number]) + 1);
}

/** The state of the linear chain at `head` (table-creating migrations applied up to it). */
function linearState(head: string | null): DatabaseState {
  return stateOf(head === null ? [] : [head], linearUpTo(head));
}

function linearProject(): TemporaryProject {
  const project = initMigrationProject('linear');
  writeChain(project, LINEAR);
  return project;
}

/**
 * The branched graph of case 16: a -> b -> {c1 (c1branch) -> d1, c2 (c2branch) -> d2}, written
 * so that the load order is a, b, c1, d1, c2, d2 (file names sort that way).
 */
function branchedProject(): TemporaryProject {
  const project = initMigrationProject('branched');
  writeMigration(project, { revision: 'aaaa', downRevision: null, fileName: '01_aaaa.ts' });
  writeMigration(project, { revision: 'bbbb', downRevision: 'aaaa', fileName: '02_bbbb.ts' });
  writeMigration(project, { revision: 'c1c1', downRevision: 'bbbb', branchLabels: 'c1branch', fileName: '03_c1c1.ts' });
  writeMigration(project, { revision: 'd1d1', downRevision: 'c1c1', fileName: '04_d1d1.ts' });
  writeMigration(project, { revision: 'c2c2', downRevision: 'bbbb', branchLabels: 'c2branch', fileName: '05_c2c2.ts' });
  writeMigration(project, { revision: 'd2d2', downRevision: 'c2c2', fileName: '06_d2d2.ts' });
  return project;
}

/** Which revisions of the branched graph are applied when the heads are `heads`. */
function branchedApplied(heads: readonly string[]): string[] {
  const parents: Record<string, string | null> = {
    aaaa: null,
    bbbb: 'aaaa',
    c1c1: 'bbbb',
    d1d1: 'c1c1',
    c2c2: 'bbbb',
    d2d2: 'c2c2',
  };
  const applied = new Set<string>();
  for (const head of heads) {
    let revision: string | null = head;
    while (revision !== null) {
      applied.add(revision);
      revision = parents[revision] ?? null;
    }
  }
  return [...applied];
}

function branchedState(heads: readonly string[]): DatabaseState {
  return stateOf(heads, branchedApplied(heads));
}

/** One command run from a prepared state. */
interface RunCase {
  /** Commands that bring the database to the starting state (none: a fresh project). */
  readonly setup: readonly (readonly string[])[];
  readonly command: readonly string[];
  /** The `Running ...` lines expected, in order (without the `, rev x` message). */
  readonly steps?: readonly string[];
  /** The state after the command. */
  readonly state?: DatabaseState;
  /** The command fails with this message; the state must not change. */
  readonly failure?: string;
}

async function checkCase(project: TemporaryProject, runCase: RunCase): Promise<void> {
  for (const setupCommand of runCase.setup) {
    runOk(project, setupCommand);
  }
  const before = await databaseState(project);
  const result = project.run(runCase.command);
  if (runCase.failure !== undefined) {
    expectFailure(result, runCase.failure);
    expect(runningSteps(result)).toEqual([]);
    expect(await databaseState(project)).toEqual(before);
    return;
  }
  expectSuccess(result);
  expect(runningSteps(result)).toEqual(runCase.steps ?? []);
  expect(await databaseState(project)).toEqual(runCase.state);
}

const up = (from: string, to: string): string => `upgrade ${from} -> ${to}`;
const down = (from: string, to: string): string => `downgrade ${from} -> ${to}`;

// ---------------------------------------------------------------------------------------------

describe('identifiers on a linear chain (cases 14 and 15)', () => {
  const cases: Array<[string, RunCase]> = [
    [
      'upgrade head from nothing runs every migration; one row',
      {
        setup: [],
        command: ['upgrade', 'head'],
        steps: [up('', 'aaaa'), up('aaaa', 'bbbb'), up('bbbb', 'cccc'), up('cccc', 'dddd'), up('dddd', 'eeee')],
        state: linearState('eeee'),
      },
    ],
    [
      'upgrade heads is the same on one head',
      {
        setup: [],
        command: ['upgrade', 'heads'],
        steps: [up('', 'aaaa'), up('aaaa', 'bbbb'), up('bbbb', 'cccc'), up('cccc', 'dddd'), up('dddd', 'eeee')],
        state: linearState('eeee'),
      },
    ],
    [
      'upgrade to an absolute id',
      {
        setup: [],
        command: ['upgrade', 'cccc'],
        steps: [up('', 'aaaa'), up('aaaa', 'bbbb'), up('bbbb', 'cccc')],
        state: linearState('cccc'),
      },
    ],
    [
      'upgrade to a prefix (ids of four or more characters match any unique prefix)',
      {
        setup: [],
        command: ['upgrade', 'cc'],
        steps: [up('', 'aaaa'), up('aaaa', 'bbbb'), up('bbbb', 'cccc')],
        state: linearState('cccc'),
      },
    ],
    [
      'upgrade +2 from nothing',
      {
        setup: [],
        command: ['upgrade', '+2'],
        steps: [up('', 'aaaa'), up('aaaa', 'bbbb')],
        state: linearState('bbbb'),
      },
    ],
    [
      'upgrade +2 from a runs b and c',
      {
        setup: [['upgrade', 'aaaa']],
        command: ['upgrade', '+2'],
        steps: [up('aaaa', 'bbbb'), up('bbbb', 'cccc')],
        state: linearState('cccc'),
      },
    ],
    [
      'upgrade b+2 from a runs b, c and d',
      {
        setup: [['upgrade', 'aaaa']],
        command: ['upgrade', 'bbbb+2'],
        steps: [up('aaaa', 'bbbb'), up('bbbb', 'cccc'), up('cccc', 'dddd')],
        state: linearState('dddd'),
      },
    ],
    [
      'upgrade d-2 from a runs b',
      {
        setup: [['upgrade', 'aaaa']],
        command: ['upgrade', 'dddd-2'],
        steps: [up('aaaa', 'bbbb')],
        state: linearState('bbbb'),
      },
    ],
    [
      'upgrade base+1 from nothing runs a',
      { setup: [], command: ['upgrade', 'base+1'], steps: [up('', 'aaaa')], state: linearState('aaaa') },
    ],
    [
      'upgrade -2 from b fails',
      {
        setup: [['upgrade', 'bbbb']],
        command: ['upgrade', '-2'],
        failure: "Relative revision -2 didn't produce 2 migrations",
      },
    ],
    [
      'upgrade +5 from b fails',
      {
        setup: [['upgrade', 'bbbb']],
        command: ['upgrade', '+5'],
        failure: "Relative revision +5 didn't produce 5 migrations",
      },
    ],
    [
      'upgrade head at head does nothing',
      { setup: [['upgrade', 'head']], command: ['upgrade', 'head'], steps: [], state: linearState('eeee') },
    ],
    [
      'upgrade to an unknown revision fails',
      {
        setup: [['upgrade', 'bbbb']],
        command: ['upgrade', 'ffff'],
        failure: "Can't locate revision identified by 'ffff'",
      },
    ],
    [
      'downgrade -1 from c runs down c',
      {
        setup: [['upgrade', 'cccc']],
        command: ['downgrade', '-1'],
        steps: [down('cccc', 'bbbb')],
        state: linearState('bbbb'),
      },
    ],
    [
      'downgrade -3 from e runs down e, d, c',
      {
        setup: [['upgrade', 'eeee']],
        command: ['downgrade', '-3'],
        steps: [down('eeee', 'dddd'), down('dddd', 'cccc'), down('cccc', 'bbbb')],
        state: linearState('bbbb'),
      },
    ],
    [
      'downgrade a+2 from d runs down d',
      {
        setup: [['upgrade', 'dddd']],
        command: ['downgrade', 'aaaa+2'],
        steps: [down('dddd', 'cccc')],
        state: linearState('cccc'),
      },
    ],
    [
      'downgrade c-2 from d runs down d, c, b',
      {
        setup: [['upgrade', 'dddd']],
        command: ['downgrade', 'cccc-2'],
        steps: [down('dddd', 'cccc'), down('cccc', 'bbbb'), down('bbbb', 'aaaa')],
        state: linearState('aaaa'),
      },
    ],
    [
      'downgrade to an absolute id and to a prefix',
      {
        setup: [
          ['upgrade', 'eeee'],
          ['downgrade', 'dddd'],
        ],
        command: ['downgrade', 'bb'],
        steps: [down('dddd', 'cccc'), down('cccc', 'bbbb')],
        state: linearState('bbbb'),
      },
    ],
    [
      'downgrade -5 from b fails',
      {
        setup: [['upgrade', 'bbbb']],
        command: ['downgrade', '-5'],
        failure: "Relative revision -5 didn't produce 5 migrations",
      },
    ],
    [
      'downgrade +2 from b fails',
      {
        setup: [['upgrade', 'bbbb']],
        command: ['downgrade', '+2'],
        failure: "Relative revision +2 didn't produce 2 migrations",
      },
    ],
    [
      'downgrade to a prefix of b from nothing fails',
      {
        setup: [],
        command: ['downgrade', 'bbb'],
        failure: 'Destination bbb is not a valid downgrade target from current head(s)',
      },
    ],
    [
      'downgrade to a descendant fails',
      {
        setup: [['upgrade', 'bbbb']],
        command: ['downgrade', 'cc'],
        failure: 'Destination cc is not a valid downgrade target from current head(s)',
      },
    ],
    [
      'downgrade to the current revision does nothing',
      { setup: [['upgrade', 'cccc']], command: ['downgrade', 'cccc'], steps: [], state: linearState('cccc') },
    ],
    [
      'downgrade base runs everything down and keeps the (empty) version table',
      {
        setup: [['upgrade', 'eeee']],
        command: ['downgrade', 'base'],
        steps: [
          down('eeee', 'dddd'),
          down('dddd', 'cccc'),
          down('cccc', 'bbbb'),
          down('bbbb', 'aaaa'),
          down('aaaa', ''),
        ],
        state: { versions: [], tables: [] },
      },
    ],
    [
      'stamp base from d deletes the row in one step (case 17)',
      {
        setup: [['upgrade', 'dddd']],
        command: ['stamp', 'base'],
        steps: ['stamp_revision dddd -> '],
        state: { versions: [], tables: linearState('dddd').tables },
      },
    ],
    [
      'stamp moves the row without running migrations',
      {
        setup: [['upgrade', 'bbbb']],
        command: ['stamp', 'dddd'],
        steps: ['stamp_revision bbbb -> dddd'],
        state: { versions: ['dddd'], tables: linearState('bbbb').tables },
      },
    ],
    [
      'stamp down to an ancestor',
      {
        setup: [['upgrade', 'dddd']],
        command: ['stamp', 'bbbb'],
        steps: ['stamp_revision dddd -> bbbb'],
        state: { versions: ['bbbb'], tables: linearState('dddd').tables },
      },
    ],
    [
      'stamp head from nothing inserts the head',
      {
        setup: [],
        command: ['stamp', 'head'],
        steps: ['stamp_revision  -> eeee'],
        state: { versions: ['eeee'], tables: [] },
      },
    ],
  ];

  it.each(cases)('%s', async (_description, runCase) => {
    await checkCase(linearProject(), runCase);
  });
});

describe('identifiers on a branched graph (cases 16 and 17)', () => {
  const allUp = [
    up('', 'aaaa'),
    up('aaaa', 'bbbb'),
    up('bbbb', 'c2c2'),
    up('c2c2', 'd2d2'),
    up('bbbb', 'c1c1'),
    up('c1c1', 'd1d1'),
  ];
  const multipleHeads =
    "Multiple head revisions are present for given argument 'head'; please specify a specific target revision, " +
    "'<branchname>@head' to narrow to a specific head, or 'heads' for all heads";
  const cases: Array<[string, RunCase]> = [
    [
      'upgrade heads runs b, c2, d2, c1, d1 (load order a, b, c1, d1, c2, d2); one row per head',
      { setup: [], command: ['upgrade', 'heads'], steps: allUp, state: branchedState(['d1d1', 'd2d2']) },
    ],
    [
      'upgrade head with two heads fails',
      { setup: [['upgrade', 'bbbb']], command: ['upgrade', 'head'], failure: multipleHeads },
    ],
    [
      'downgrade a from both heads runs down d1, c1, d2, c2, b',
      {
        setup: [['upgrade', 'heads']],
        command: ['downgrade', 'aaaa'],
        steps: [
          down('d1d1', 'c1c1'),
          down('c1c1', 'bbbb'),
          down('d2d2', 'c2c2'),
          down('c2c2', 'bbbb'),
          down('bbbb', 'aaaa'),
        ],
        state: branchedState(['aaaa']),
      },
    ],
    [
      'upgrade c2branch@head-1 from b runs c2',
      {
        setup: [['upgrade', 'bbbb']],
        command: ['upgrade', 'c2branch@head-1'],
        steps: [up('bbbb', 'c2c2')],
        state: branchedState(['c2c2']),
      },
    ],
    [
      'downgrade c2branch@base+2 from both heads runs down d2, c2',
      {
        setup: [['upgrade', 'heads']],
        command: ['downgrade', 'c2branch@base+2'],
        steps: [down('d2d2', 'c2c2'), down('c2c2', 'bbbb')],
        state: branchedState(['d1d1']),
      },
    ],
    [
      'downgrade c1branch@-1 from both heads runs down d1',
      {
        setup: [['upgrade', 'heads']],
        command: ['downgrade', 'c1branch@-1'],
        steps: [down('d1d1', 'c1c1')],
        state: branchedState(['c1c1', 'd2d2']),
      },
    ],
    [
      'upgrade +1 from c1 and c2 is ambiguous',
      {
        setup: [
          ['upgrade', 'c1c1'],
          ['upgrade', 'c2c2'],
        ],
        command: ['upgrade', '+1'],
        failure: 'Ambiguous upgrade from multiple current revisions',
      },
    ],
    [
      'upgrade c2branch@+1 from c1 and c2 runs d2',
      {
        setup: [
          ['upgrade', 'c1c1'],
          ['upgrade', 'c2c2'],
        ],
        command: ['upgrade', 'c2branch@+1'],
        steps: [up('c2c2', 'd2d2')],
        state: branchedState(['c1c1', 'd2d2']),
      },
    ],
    [
      'upgrade c2branch@+1 where the branch is not applied yet runs c2',
      {
        setup: [['upgrade', 'c1branch@head']],
        command: ['upgrade', 'c2branch@+1'],
        steps: [up('bbbb', 'c2c2')],
        state: branchedState(['c2c2', 'd1d1']),
      },
    ],
    [
      'upgrade c1branch@head from nothing runs a, b, c1, d1',
      {
        setup: [],
        command: ['upgrade', 'c1branch@head'],
        steps: [up('', 'aaaa'), up('aaaa', 'bbbb'), up('bbbb', 'c1c1'), up('c1c1', 'd1d1')],
        state: branchedState(['d1d1']),
      },
    ],
    [
      'upgrade of a branch label alone goes to the labelled revision',
      {
        setup: [['upgrade', 'bbbb']],
        command: ['upgrade', 'c1branch'],
        steps: [up('bbbb', 'c1c1')],
        state: branchedState(['c1c1']),
      },
    ],
    [
      'upgrade base+1 from nothing runs a',
      { setup: [], command: ['upgrade', 'base+1'], steps: [up('', 'aaaa')], state: branchedState(['aaaa']) },
    ],
    [
      'downgrade -1 from nothing fails',
      { setup: [], command: ['downgrade', '-1'], failure: "Relative revision -1 didn't produce 1 migrations" },
    ],
    [
      'downgrade c1branch@base downgrades the whole lineage of c1branch, to base',
      {
        setup: [['upgrade', 'heads']],
        command: ['downgrade', 'c1branch@base'],
        steps: [
          down('d1d1', 'c1c1'),
          down('c1c1', 'bbbb'),
          down('d2d2', 'c2c2'),
          down('c2c2', 'bbbb'),
          down('bbbb', 'aaaa'),
          down('aaaa', ''),
        ],
        state: { versions: [], tables: [] },
      },
    ],
    [
      'stamp b from d1 and c2 is one step: delete d1, update c2 to b (case 17)',
      {
        setup: [
          ['upgrade', 'd1d1'],
          ['upgrade', 'c2c2'],
        ],
        command: ['stamp', 'bbbb'],
        steps: ['stamp_revision d1d1, c2c2 -> bbbb'],
        state: { versions: ['bbbb'], tables: branchedState(['d1d1', 'c2c2']).tables },
      },
    ],
    [
      'stamp c1branch@base from d1 and c2 deletes d1 only',
      {
        setup: [
          ['upgrade', 'd1d1'],
          ['upgrade', 'c2c2'],
        ],
        command: ['stamp', 'c1branch@base'],
        steps: ['stamp_revision d1d1 -> '],
        state: { versions: ['c2c2'], tables: branchedState(['d1d1', 'c2c2']).tables },
      },
    ],
    [
      'stamp with several revisions inserts one row each',
      {
        setup: [],
        command: ['stamp', 'd1d1', 'd2d2'],
        steps: ['stamp_revision  -> d1d1', 'stamp_revision  -> d2d2'],
        state: { versions: ['d1d1', 'd2d2'], tables: [] },
      },
    ],
    [
      'stamp heads inserts every head',
      {
        setup: [],
        command: ['stamp', 'heads'],
        steps: ['stamp_revision  -> d1d1', 'stamp_revision  -> d2d2'],
        state: { versions: ['d1d1', 'd2d2'], tables: [] },
      },
    ],
    [
      'stamp of a label@head moves only that branch',
      {
        setup: [
          ['upgrade', 'c1c1'],
          ['upgrade', 'c2c2'],
        ],
        command: ['stamp', 'c2branch@head'],
        steps: ['stamp_revision c2c2 -> d2d2'],
        state: { versions: ['c1c1', 'd2d2'], tables: branchedState(['c1c1', 'c2c2']).tables },
      },
    ],
  ];

  it.each(cases)('%s', async (_description, runCase) => {
    await checkCase(branchedProject(), runCase);
  });

  it('downgrade -1 from two heads warns that it is ambiguous and downgrades one head', async () => {
    const project = branchedProject();
    runOk(project, ['upgrade', 'heads']);
    const result = runOk(project, ['downgrade', '-1']);
    expect(result.stderr).toContain('downgrade -1 from multiple heads is ambiguous;');
    // Which head: the first current head as the version table lists them (row order: upgrade
    // heads wrote d2d2's row first), as Python Alembic does on the same database.
    expect(runningSteps(result)).toEqual([down('d2d2', 'c2c2')]);
    expect(await databaseState(project)).toEqual(branchedState(['c2c2', 'd1d1']));
  });

  it('label@+N, label@head and label@-N in sequence (as Python Alembic runs them)', async () => {
    const project = branchedProject();
    // label@+N counts from the database's position in that branch's lineage (here: base), so
    // c1branch@+2 from nothing stops at bbbb.
    const sequence: Array<[string[], string[], string[]]> = [
      [['upgrade', 'c1branch@+2'], [up('', 'aaaa'), up('aaaa', 'bbbb')], ['bbbb']],
      [['upgrade', 'c2branch@head'], [up('bbbb', 'c2c2'), up('c2c2', 'd2d2')], ['d2d2']],
      [['upgrade', 'c1branch@+1'], [up('bbbb', 'c1c1')], ['c1c1', 'd2d2']],
      [['upgrade', 'c1branch@+1'], [up('c1c1', 'd1d1')], ['d1d1', 'd2d2']],
      [['downgrade', 'c2branch@-2'], [down('d2d2', 'c2c2'), down('c2c2', 'bbbb')], ['d1d1']],
      [['downgrade', 'c1branch@-1'], [down('d1d1', 'c1c1')], ['c1c1']],
      [['downgrade', 'c1branch@-1'], [down('c1c1', 'bbbb')], ['bbbb']],
    ];
    for (const [command, steps, heads] of sequence) {
      const result = runOk(project, command);
      expect({ command, steps: runningSteps(result) }).toEqual({ command, steps });
      expect({ command, state: await databaseState(project) }).toEqual({ command, state: branchedState(heads) });
    }
  });
});

describe('stamp', () => {
  it('--purge empties a version table holding an unknown revision, then stamps', async () => {
    const project = branchedProject();
    runOk(project, ['stamp', 'aaaa']);
    await executeOnDatabase(project.path('alembic.db'), "UPDATE alembic_version SET version_num = 'zzzz'");
    expectFailure(project.run(['stamp', 'bbbb']), "Can't locate revision identified by 'zzzz'");
    expect((await databaseState(project)).versions).toEqual(['zzzz']);
    const result = runOk(project, ['stamp', '--purge', 'c1c1', 'd2d2', 'aaaa']);
    expect(runningSteps(result)).toEqual([
      'stamp_revision  -> c1c1',
      'stamp_revision  -> d2d2',
      'stamp_revision  -> aaaa',
    ]);
    expect(await databaseState(project)).toEqual({ versions: ['aaaa', 'c1c1', 'd2d2'], tables: [] });
  });

  it('--purge on a fresh database creates the table and stamps', async () => {
    const project = linearProject();
    runOk(project, ['stamp', '--purge', 'cccc']);
    expect(await databaseState(project)).toEqual({ versions: ['cccc'], tables: [] });
  });

  it('stamp base on a fresh database leaves an empty version table', async () => {
    const project = linearProject();
    const result = runOk(project, ['stamp', 'base']);
    expect(runningSteps(result)).toEqual([]);
    expect(await databaseState(project)).toEqual({ versions: [], tables: [] });
  });

  it('stamp of an unknown revision fails and creates nothing', async () => {
    const project = linearProject();
    expectFailure(project.run(['stamp', 'ffff']), "Can't locate revision identified by 'ffff'");
    expect((await databaseState(project)).versions).toBeNull();
  });

  it('then upgrade runs only what lies above the stamp', async () => {
    const project = linearProject();
    runOk(project, ['stamp', 'cccc']);
    const result = runOk(project, ['upgrade', 'head']);
    expect(runningSteps(result)).toEqual([up('cccc', 'dddd'), up('dddd', 'eeee')]);
    expect(await databaseState(project)).toEqual({ versions: ['eeee'], tables: ['t_dddd', 't_eeee'] });
  });
});

// ---------------------------------------------------------------------------------------------

describe('current', () => {
  it('never creates alembic_version, and prints nothing on a fresh database', async () => {
    const project = linearProject();
    const result = runOk(project, ['current']);
    expect(result.stdout).toBe('');
    expect(await databaseState(project)).toEqual({ versions: null, tables: [] });
    runOk(project, ['current', '-v']);
    expect((await databaseState(project)).versions).toBeNull();
  });

  it('prints each current revision, with (head) where it is one', () => {
    const project = branchedProject();
    runOk(project, ['upgrade', 'c1c1']);
    expect(runOk(project, ['current']).stdout).toBe('c1c1\n');
    runOk(project, ['upgrade', 'heads']);
    expect(outputLines(runOk(project, ['current']).stdout).sort()).toEqual(['d1d1 (head)', 'd2d2 (head)']);
  });

  it('-v prints "Current revision(s) for <url>:" and the verbose entries', () => {
    const project = linearProject();
    runOk(project, ['upgrade', 'bbbb']);
    const lines = outputLines(runOk(project, ['current', '-v']).stdout);
    expect(lines[0]).toBe('Current revision(s) for sqlite:///alembic.db:');
    expect(lines[1]).toBe('Rev: bbbb');
    expect(lines[2]).toBe('Parent: aaaa');
    expect(lines[3]).toBe(`Path: ${project.path('migrations/versions/bbbb_rev.ts')}`);
    expect(lines.slice(4)).toEqual([
      '',
      '    rev bbbb',
      '    ',
      '    Revision ID: bbbb',
      '    Revises: aaaa',
      '    Create Date: 2026-01-01 00:00:00.000000',
      '',
    ]);
  });

  it('-v masks the password of the URL env.ts configures', () => {
    const project = linearProject();
    const environmentPath = project.path('migrations/env.ts');
    const original = project.read('migrations/env.ts');
    writeFileSync(
      environmentPath,
      original.replace(
        'context.configure({ connection, targetMetadata });',
        "context.configure({ connection, targetMetadata, url: 'postgresql://scott:tiger@db.example.com:5432/app' });",
      ),
    );
    expect(project.read('migrations/env.ts')).not.toBe(original);
    runOk(project, ['upgrade', 'aaaa']);
    const result = runOk(project, ['current', '-v']);
    expect(outputLines(result.stdout)[0]).toBe(
      'Current revision(s) for postgresql://scott:***@db.example.com:5432/app:',
    );
    expect(`${result.stdout}${result.stderr}`).not.toContain('tiger');
  });

  it.each([['postgresql://scott:tiger@db.example.com/app'], ['sqlite://scott:tiger@localhost/alembic.db']])(
    'a password in a URL that cannot be used (%s) never appears in the error',
    async (url) => {
      const project = linearProject();
      for (const command of [['current'], ['current', '-v'], ['upgrade', 'head']]) {
        const result = project.run(command, { environment: { DATABASE_URL: url } });
        expect(result.status).toBe(1);
        expect(result.stderr).toMatch(/^FAILED: /m);
        expect(`${result.stdout}${result.stderr}`).not.toContain('tiger');
      }
    },
  );

  it('the URL named in an error has its password masked', () => {
    const project = linearProject();
    const result = project.run(['current'], {
      environment: { DATABASE_URL: 'sqlite://scott:tiger@localhost/alembic.db' },
    });
    expectFailure(result, /'sqlite:\/\/scott:\*\*\*@localhost\/alembic\.db'/);
  });

  it('the DATABASE_URL of the generic template is used', async () => {
    const project = linearProject();
    runOk(project, ['upgrade', 'bbbb'], { environment: { DATABASE_URL: 'sqlite:///other.db' } });
    expect(await databaseState(project, 'other.db')).toEqual(linearState('bbbb'));
    expect(await databaseState(project)).toEqual({ versions: null, tables: [] });
  });
});

describe('current --check-heads (case 35, with a dependency)', () => {
  /** a1 -> a2 -> a3 ; b1 -> b2 (depends on a2) -> b3: heads a3 and b3. */
  function dependencyProject(): TemporaryProject {
    const project = initMigrationProject('check-heads');
    writeMigration(project, { revision: 'a1a1', downRevision: null, branchLabels: 'alpha' });
    writeMigration(project, { revision: 'a2a2', downRevision: 'a1a1' });
    writeMigration(project, { revision: 'a3a3', downRevision: 'a2a2' });
    writeMigration(project, { revision: 'b1b1', downRevision: null, branchLabels: 'beta' });
    writeMigration(project, { revision: 'b2b2', downRevision: 'b1b1', dependsOn: 'a2a2' });
    writeMigration(project, { revision: 'b3b3', downRevision: 'b2b2' });
    return project;
  }

  async function setRows(project: TemporaryProject, rows: readonly string[]): Promise<void> {
    runOk(project, ['ensure-version']);
    await executeOnDatabase(
      project.path('alembic.db'),
      ['DELETE FROM alembic_version;', ...rows.map((row) => `INSERT INTO alembic_version VALUES ('${row}');`)].join(
        '\n',
      ),
    );
  }

  it('passes (exit 0) when the database is on every head', async () => {
    const project = dependencyProject();
    runOk(project, ['upgrade', 'heads']);
    expect(await databaseState(project)).toEqual(
      stateOf(['a3a3', 'b3b3'], ['a1a1', 'a2a2', 'a3a3', 'b1b1', 'b2b2', 'b3b3']),
    );
    const result = runOk(project, ['current', '--check-heads']);
    expect(outputLines(result.stdout).sort()).toEqual(['a3a3 (head)', 'b3b3 (head)']);
  });

  it.each([[['a2a2']], [['a3a3']], [['b3b3']], [['a2a2', 'b3b3']], [['a3a3', 'b2b2']], [[]]])(
    'fails (exit 1) with rows %j',
    async (rows) => {
      const project = dependencyProject();
      await setRows(project, rows);
      expectFailure(project.run(['current', '--check-heads']), 'Database is not on all head revisions');
      expectSuccess(project.run(['current']));
    },
  );

  it('fails on a fresh database and does not create the version table', async () => {
    const project = dependencyProject();
    expectFailure(project.run(['current', '--check-heads']), 'Database is not on all head revisions');
    expect((await databaseState(project)).versions).toBeNull();
  });

  it('after stamp b2, current lists a2 (its dependency) and b2', async () => {
    const project = dependencyProject();
    runOk(project, ['stamp', 'b2b2']);
    expect((await databaseState(project)).versions).toEqual(['b2b2']);
    expect(outputLines(runOk(project, ['current']).stdout).sort()).toEqual(['a2a2', 'b2b2']);
  });

  it('upgrade b2 runs its dependency a2 first and keeps one row', async () => {
    const project = dependencyProject();
    const result = runOk(project, ['upgrade', 'b2b2']);
    expect(runningSteps(result)).toEqual([up('', 'a1a1'), up('a1a1', 'a2a2'), up('', 'b1b1'), up('b1b1', 'b2b2')]);
    expect(await databaseState(project)).toEqual(stateOf(['b2b2'], ['a1a1', 'a2a2', 'b1b1', 'b2b2']));
  });
});

// ---------------------------------------------------------------------------------------------

describe('history -i, history -r current:, show current', () => {
  it('history -i marks the current revision', () => {
    const project = linearProject();
    runOk(project, ['upgrade', 'bbbb']);
    expect(outputLines(runOk(project, ['history', '-i']).stdout)).toEqual([
      'dddd -> eeee (head), rev eeee',
      'cccc -> dddd, rev dddd',
      'bbbb -> cccc, rev cccc',
      'aaaa -> bbbb (current), rev bbbb',
      '<base> -> aaaa, rev aaaa',
    ]);
  });

  it('history -r current: lists from the current revision up', () => {
    const project = linearProject();
    runOk(project, ['upgrade', 'bbbb']);
    expect(outputLines(runOk(project, ['history', '-r', 'current:']).stdout)).toEqual([
      'dddd -> eeee (head), rev eeee',
      'cccc -> dddd, rev dddd',
      'bbbb -> cccc, rev cccc',
      'aaaa -> bbbb, rev bbbb',
    ]);
  });

  it('show current prints the entry of the current revision', () => {
    const project = linearProject();
    runOk(project, ['upgrade', 'bbbb']);
    const lines = outputLines(runOk(project, ['show', 'current']).stdout);
    expect(lines.slice(0, 3)).toEqual([
      'Rev: bbbb',
      'Parent: aaaa',
      `Path: ${project.path('migrations/versions/bbbb_rev.ts')}`,
    ]);
    expect(lines).toContain('    Revision ID: bbbb');
  });

  it('on a fresh database they create nothing', async () => {
    const project = linearProject();
    expect(outputLines(runOk(project, ['history', '-i']).stdout)).toHaveLength(5);
    expect(runOk(project, ['show', 'current']).stdout).toBe('');
    expect(outputLines(runOk(project, ['history', '-r', 'current:']).stdout)).toHaveLength(5);
    expect((await databaseState(project)).versions).toBeNull();
  });
});

describe('ensure-version', () => {
  it('creates the empty version table, once', async () => {
    const project = linearProject();
    runOk(project, ['ensure-version']);
    expect(await databaseState(project)).toEqual({ versions: [], tables: [] });
    runOk(project, ['upgrade', 'aaaa']);
    runOk(project, ['ensure-version']);
    expect(await databaseState(project)).toEqual(linearState('aaaa'));
  });

  it("the table is Alembic's: version_num VARCHAR(32) NOT NULL, primary key alembic_version_pkc", async () => {
    const project = linearProject();
    runOk(project, ['ensure-version']);
    const { queryDatabase } = await import('./support/migration-project.js');
    const rows = await queryDatabase(
      project.path('alembic.db'),
      "SELECT sql FROM sqlite_master WHERE name = 'alembic_version'",
    );
    expect(String(rows[0]?.['sql']).replace(/\s+/g, ' ')).toBe(
      'CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))',
    );
  });

  it('--sql prints the CREATE TABLE and touches no database', async () => {
    const project = linearProject();
    const result = runOk(project, ['ensure-version', '--sql']);
    expect(result.stdout).toContain('CREATE TABLE alembic_version (');
    expect(project.exists('alembic.db')).toBe(false);
  });
});

describe('--tag and -x reach env.ts', () => {
  function projectPrinting(expression: string): TemporaryProject {
    const project = linearProject();
    const source = project.read('migrations/env.ts');
    project.write(
      'migrations/env.ts',
      source.replace(
        'if (context.isOfflineMode()) {',
        `context.print(\`env sees: \${JSON.stringify(${expression})}\`);\n\nif (context.isOfflineMode()) {`,
      ),
    );
    return project;
  }

  function seen(stdout: string): unknown[] {
    return outputLines(stdout)
      .filter((line) => line.startsWith('env sees: '))
      .map((line) => JSON.parse(line.slice('env sees: '.length)) as unknown);
  }

  it('--tag is context.getTagArgument() for upgrade, downgrade and stamp; absent it is undefined', () => {
    const project = projectPrinting('context.getTagArgument() ?? null');
    expect(seen(runOk(project, ['upgrade', 'head', '--tag', 'release-42']).stdout)).toEqual(['release-42']);
    expect(seen(runOk(project, ['downgrade', '--tag', 'back', '-1']).stdout)).toEqual(['back']);
    expect(seen(runOk(project, ['stamp', '--tag', 'stamped', 'head']).stdout)).toEqual(['stamped']);
    expect(seen(runOk(project, ['upgrade', '--sql', '--tag', 'offline', 'base:aaaa']).stdout)).toEqual(['offline']);
    expect(seen(runOk(project, ['current']).stdout)).toEqual([null]);
  });

  it('-x key=value is context.getXArgument({ asDictionary: true })', () => {
    const project = projectPrinting('context.getXArgument({ asDictionary: true })');
    const result = runOk(project, ['-x', 'tenant=acme', '-x', 'dsn=a=b', '-x', 'flag', 'upgrade', 'head']);
    expect(seen(result.stdout)).toEqual([{ tenant: 'acme', dsn: 'a=b', flag: '' }]);
    expect(seen(runOk(project, ['current']).stdout)).toEqual([{}]);
  });

  it('-x values as given with context.getXArgument()', () => {
    const project = projectPrinting('context.getXArgument()');
    expect(seen(runOk(project, ['-x', 'a=1', '-x', 'b=2', 'current']).stdout)).toEqual([['a=1', 'b=2']]);
  });
});

// ---------------------------------------------------------------------------------------------

describe("Appendix B's transcript", () => {
  it('upgrade head fails; upgrade heads; merge; downgrade -1 is an ambiguous walk; downgrade ccc3; downgrade base', async () => {
    const project = initMigrationProject('appendix-b');
    writeMigration(project, { revision: 'aaa1', downRevision: null, message: 'create account table' });
    writeMigration(project, { revision: 'bbb2', downRevision: 'aaa1', message: 'add a column' });
    writeMigration(project, { revision: 'ccc3', downRevision: 'bbb2', message: 'third' });
    writeMigration(project, { revision: 'ddd4', downRevision: 'bbb2', branchLabels: 'xbranch', message: 'branch x' });
    const all = ['aaa1', 'bbb2', 'ccc3', 'ddd4'];

    expect(outputLines(runOk(project, ['history']).stdout)).toEqual([
      'bbb2 -> ccc3 (head), third',
      'bbb2 -> ddd4 (xbranch) (head), branch x',
      'aaa1 -> bbb2 (branchpoint), add a column',
      '<base> -> aaa1, create account table',
    ]);
    expect(outputLines(runOk(project, ['branches']).stdout)).toEqual([
      'bbb2 (branchpoint)',
      '     -> ccc3 (head)',
      '     -> ddd4 (xbranch) (head)',
      '',
    ]);

    const upgradeHead = project.run(['upgrade', 'head']);
    expectFailure(
      upgradeHead,
      "Multiple head revisions are present for given argument 'head'; please specify a specific target revision, " +
        "'<branchname>@head' to narrow to a specific head, or 'heads' for all heads",
    );
    expect(await databaseState(project)).toEqual({ versions: null, tables: [] });

    const upgradeHeads = runOk(project, ['upgrade', 'heads']);
    expect(outputLines(upgradeHeads.stderr).filter((line) => line.startsWith('Running '))).toEqual([
      'Running upgrade  -> aaa1, create account table',
      'Running upgrade aaa1 -> bbb2, add a column',
      'Running upgrade bbb2 -> ddd4, branch x',
      'Running upgrade bbb2 -> ccc3, third',
    ]);
    expect(await databaseState(project)).toEqual(stateOf(['ccc3', 'ddd4'], all));
    // Python prints these in set-iteration order (ddd4 first in Appendix B); ours is deterministic.
    expect(outputLines(runOk(project, ['current']).stdout).sort()).toEqual(['ccc3 (head)', 'ddd4 (head)']);

    const merge = runOk(project, ['merge', '-m', 'merge it', 'heads', '--rev-id', 'eee5']);
    expect(merge.stdout).toMatch(/^Generating \/.*eee5_merge_it\.ts \.\.\. {2}done$/m);
    expect(outputLines(runOk(project, ['history']).stdout)[0]).toBe(
      'ccc3, ddd4 -> eee5 (xbranch) (head) (mergepoint), merge it',
    );

    const upgradeMerge = runOk(project, ['upgrade', 'head']);
    expect(outputLines(upgradeMerge.stderr).filter((line) => line.startsWith('Running '))).toEqual([
      'Running upgrade ccc3, ddd4 -> eee5, merge it',
    ]);
    expect(await databaseState(project)).toEqual(stateOf(['eee5'], all));
    expect(runOk(project, ['current']).stdout).toBe('eee5 (head) (mergepoint)\n');

    expectFailure(project.run(['downgrade', '-1']), 'Ambiguous walk');
    expect(await databaseState(project)).toEqual(stateOf(['eee5'], all));

    const downgradeToC = runOk(project, ['downgrade', 'ccc3']);
    expect(outputLines(downgradeToC.stderr).filter((line) => line.startsWith('Running '))).toEqual([
      'Running downgrade eee5 -> ccc3, ddd4, merge it',
    ]);
    expect(await databaseState(project)).toEqual(stateOf(['ccc3', 'ddd4'], all));
    // No longer heads: eee5 is.
    expect(outputLines(runOk(project, ['current']).stdout).sort()).toEqual(['ccc3', 'ddd4']);

    const downgradeBase = runOk(project, ['downgrade', 'base']);
    expect(outputLines(downgradeBase.stderr).filter((line) => line.startsWith('Running '))).toEqual([
      'Running downgrade ccc3 -> bbb2, third',
      'Running downgrade ddd4 -> bbb2, branch x',
      'Running downgrade bbb2 -> aaa1, add a column',
      'Running downgrade aaa1 -> , create account table',
    ]);
    expect(await databaseState(project)).toEqual({ versions: [], tables: [] });
    expect(runOk(project, ['current']).stdout).toBe('');
  });
});

/**
 * End-to-end tests of failures and concurrency (DESIGN 3 and 5): a migration failing half-way
 * on SQLite (transactional DDL) leaves nothing behind and the CLI says which revision, file,
 * statement and database message; a run killed mid-migration leaves a consistent database that
 * a plain re-run completes; two `upgrade head` processes started together apply each migration
 * exactly once (the migration lock, SQLite's write lock); `--no-lock` is accepted.
 */
import {
  databaseState,
  expectFailure,
  initMigrationProject,
  queryDatabase,
  runOk,
  runningSteps,
  startCli,
  stateOf,
  waitFor,
  writeChain,
  writeMigration,
  type DatabaseState,
} from './support/migration-project.js';
import { outputLines, removeAllProjects, type TemporaryProject } from './support/run-cli.js';

jest.setTimeout(120_000);

afterEach(() => {
  removeAllProjects();
});

/** Lines of a migration body that leave a marker file and then wait (to be killed). */
function sleepingBody(table: string, marker: string): string {
  return [
    `  await op.execute('CREATE TABLE ${table} (id INTEGER)');`,
    `  await op.execute("INSERT INTO ${table} VALUES (1)");`,
    `  (await import('node:fs')).writeFileSync(${JSON.stringify(marker)}, String(process.pid));`,
    '  await new Promise((resolve) => setTimeout(resolve, 60_000));',
  ].join('\n');
}

/** Replaces the online `context.configure(...)` of the generic env.ts. */
function configureOnline(project: TemporaryProject, extraOptions: string): void {
  const source = project.read('migrations/env.ts');
  const original = 'context.configure({ connection, targetMetadata });';
  expect(source).toContain(original);
  project.write(
    'migrations/env.ts',
    source.replace(original, `context.configure({ connection, targetMetadata, ${extraOptions} });`),
  );
}

// ---------------------------------------------------------------------------------------------

describe('a migration that fails half-way', () => {
  function failingProject(): TemporaryProject {
    const project = initMigrationProject('failing');
    writeMigration(project, { revision: 'aaaa', downRevision: null });
    writeMigration(project, {
      revision: 'bbbb',
      downRevision: 'aaaa',
      upgrade: [
        "  await op.execute('CREATE TABLE t_bbbb (id INTEGER)');",
        "  await op.execute('INSERT INTO t_bbbb VALUES (1)');",
        "  await op.execute('INSERT INTO no_such_table VALUES (1)');",
      ].join('\n'),
    });
    writeMigration(project, { revision: 'cccc', downRevision: 'bbbb' });
    return project;
  }

  it('leaves the database exactly as before; one FAILED line names revision, file, statement, message', async () => {
    const project = failingProject();
    runOk(project, ['upgrade', 'aaaa']);
    const before = await databaseState(project);
    expect(before).toEqual(stateOf(['aaaa'], ['aaaa']));

    const result = project.run(['upgrade', 'head']);
    expectFailure(
      result,
      'upgrade aaaa -> bbbb (migrations/versions/bbbb_rev.ts) failed while running "INSERT INTO no_such_table VALUES (1)": ' +
        'SQLITE_ERROR: no such table: no_such_table',
    );
    expect(outputLines(result.stderr).filter((line) => line.startsWith('FAILED'))).toHaveLength(1);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(runningSteps(result)).toEqual(['upgrade aaaa -> bbbb']);
    expect(await databaseState(project)).toEqual(before);
  });

  it('from an empty database: nothing stays, not even the version table', async () => {
    const project = failingProject();
    const result = project.run(['upgrade', 'head']);
    expectFailure(result, /^upgrade aaaa -> bbbb \(migrations\/versions\/bbbb_rev\.ts\) failed while running/);
    expect(runningSteps(result)).toEqual(['upgrade  -> aaaa', 'upgrade aaaa -> bbbb']);
    expect(await databaseState(project)).toEqual({ versions: null, tables: [] });
  });

  it('with transactionPerMigration the migrations before the failing one stay, the failing one does not', async () => {
    const project = failingProject();
    configureOnline(project, 'transactionPerMigration: true');
    expectFailure(project.run(['upgrade', 'head']), /bbbb_rev\.ts\) failed while running "INSERT INTO no_such_table/);
    expect(await databaseState(project)).toEqual(stateOf(['aaaa'], ['aaaa']));
  });

  it('a clean re-run after fixing the migration completes', async () => {
    const project = failingProject();
    runOk(project, ['upgrade', 'aaaa']);
    expectFailure(project.run(['upgrade', 'head']), /no such table: no_such_table/);
    writeMigration(project, { revision: 'bbbb', downRevision: 'aaaa' });
    const result = runOk(project, ['upgrade', 'head']);
    expect(runningSteps(result)).toEqual(['upgrade aaaa -> bbbb', 'upgrade bbbb -> cccc']);
    expect(await databaseState(project)).toEqual(stateOf(['cccc'], ['aaaa', 'bbbb', 'cccc']));
  });

  it('a failing downgrade leaves the database as before', async () => {
    const project = initMigrationProject('failing-down');
    writeMigration(project, { revision: 'aaaa', downRevision: null });
    writeMigration(project, {
      revision: 'bbbb',
      downRevision: 'aaaa',
      downgrade: ["  await op.execute('DROP TABLE t_bbbb');", "  await op.execute('DROP TABLE t_missing');"].join('\n'),
    });
    runOk(project, ['upgrade', 'head']);
    const before = await databaseState(project);
    const result = project.run(['downgrade', 'base']);
    expectFailure(
      result,
      'downgrade bbbb -> aaaa (migrations/versions/bbbb_rev.ts) failed while running "DROP TABLE t_missing": ' +
        'SQLITE_ERROR: no such table: t_missing',
    );
    expect(await databaseState(project)).toEqual(before);
  });

  it('a migration that throws a plain Error: FAILED names the revision, the file and the message', async () => {
    const project = initMigrationProject('throwing');
    writeMigration(project, { revision: 'aaaa', downRevision: null });
    writeMigration(project, {
      revision: 'bbbb',
      downRevision: 'aaaa',
      upgrade: [
        "  await op.execute('CREATE TABLE t_bbbb (id INTEGER)');",
        "  throw new Error('refusing to run: data needs a manual fix first');",
      ].join('\n'),
    });
    runOk(project, ['upgrade', 'aaaa']);
    const before = await databaseState(project);
    const result = project.run(['upgrade', 'head']);
    const throwLine =
      project
        .read('migrations/versions/bbbb_rev.ts')
        .split('\n')
        .findIndex((line) => line.includes('refusing to run')) + 1;
    // The location names the line of the migration that threw.
    expectFailure(
      result,
      `upgrade aaaa -> bbbb (migrations/versions/bbbb_rev.ts:${throwLine}) failed: refusing to run: data needs a manual fix first`,
    );
    // The statement before the throw succeeded: it is not what failed.
    expect(result.stderr).not.toContain('while running "CREATE TABLE t_bbbb');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(await databaseState(project)).toEqual(before);
  });

  it('a migration that throws something that is not an Error', async () => {
    const project = initMigrationProject('throwing-string');
    writeMigration(project, { revision: 'aaaa', downRevision: null, upgrade: "  throw 'plain string';" });
    const result = project.run(['upgrade', 'head']);
    expectFailure(result, 'upgrade  -> aaaa (migrations/versions/aaaa_rev.ts) failed: plain string');
    expect(await databaseState(project)).toEqual({ versions: null, tables: [] });
  });

  it('--raiseerr prints the stack trace', () => {
    const project = initMigrationProject('raiseerr');
    writeMigration(project, { revision: 'aaaa', downRevision: null, upgrade: "  throw new Error('kaboom');" });
    const result = project.run(['--raiseerr', 'upgrade', 'head']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('kaboom');
    expect(result.stderr).toMatch(/^\s+at /m);
  });
});

// ---------------------------------------------------------------------------------------------

describe('a killed run', () => {
  function sleepingProject(): TemporaryProject {
    const project = initMigrationProject('killed');
    writeMigration(project, { revision: 'aaaa', downRevision: null });
    writeMigration(project, { revision: 'bbbb', downRevision: 'aaaa' });
    writeMigration(project, {
      revision: 'cccc',
      downRevision: 'bbbb',
      upgrade: sleepingBody('t_cccc', 'started-cccc'),
    });
    writeMigration(project, { revision: 'dddd', downRevision: 'cccc' });
    return project;
  }

  /** Starts `upgrade head`, waits until cccc's upgrade() sleeps, sends the signal. */
  async function killDuringMigration(project: TemporaryProject, signal: NodeJS.Signals): Promise<void> {
    const run = startCli(project, ['upgrade', 'head']);
    await waitFor(() => project.exists('started-cccc'), 'the migration cccc to start');
    expect(run.child.kill(signal)).toBe(true);
    const result = await run.finished;
    expect(result.status === null ? result.signal : result.status).not.toBe(0);
    project.remove('started-cccc');
  }

  /** After the kill: `current`, the database and a re-run. */
  async function expectRecoverable(project: TemporaryProject, before: DatabaseState): Promise<void> {
    const current = runOk(project, ['current']);
    expect(current.stdout).toBe(before.versions?.length ? `${before.versions[0]}\n` : '');
    expect(await databaseState(project)).toEqual(before);
    // The re-run must not sleep: let cccc's upgrade() be a plain one now.
    writeMigration(project, { revision: 'cccc', downRevision: 'bbbb' });
    const rerun = runOk(project, ['upgrade', 'head']);
    expect(runningSteps(rerun).at(-1)).toBe('upgrade cccc -> dddd');
    expect(await databaseState(project)).toEqual(stateOf(['dddd'], ['aaaa', 'bbbb', 'cccc', 'dddd']));
  }

  it.each(['SIGKILL', 'SIGTERM', 'SIGINT'] as const)(
    '%s while a migration sleeps inside upgrade() leaves the state before the run',
    async (signal) => {
      const project = sleepingProject();
      runOk(project, ['upgrade', 'aaaa']);
      const before = await databaseState(project);
      await killDuringMigration(project, signal);
      await expectRecoverable(project, before);
    },
  );

  it('SIGKILL with transactionPerMigration keeps the migrations committed before it (or none), consistently', async () => {
    const project = sleepingProject();
    configureOnline(project, 'transactionPerMigration: true');
    await killDuringMigration(project, 'SIGKILL');
    const state = await databaseState(project);
    // The version rows and the tables agree: whatever is recorded was applied, nothing else.
    const recorded = state.versions ?? [];
    const applied =
      recorded.length === 0
        ? []
        : ['aaaa', 'bbbb', 'cccc', 'dddd'].slice(
            0,
            ['aaaa', 'bbbb', 'cccc', 'dddd'].indexOf(recorded[0] as string) + 1,
          );
    expect(recorded.length).toBeLessThanOrEqual(1);
    expect(state.tables).toEqual(applied.map((revision) => `t_${revision}`));
    writeMigration(project, { revision: 'cccc', downRevision: 'bbbb' });
    runOk(project, ['upgrade', 'head']);
    expect(await databaseState(project)).toEqual(stateOf(['dddd'], ['aaaa', 'bbbb', 'cccc', 'dddd']));
  });

  it('a run waiting for the lock of a killed run goes on once it is gone', async () => {
    const project = sleepingProject();
    const first = startCli(project, ['upgrade', 'head']);
    await waitFor(() => project.exists('started-cccc'), 'the migration cccc to start');
    // The second run waits for SQLite's write lock (held by the first run's transaction).
    writeMigration(project, { revision: 'cccc', downRevision: 'bbbb' });
    const second = startCli(project, ['upgrade', 'head']);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(second.child.exitCode).toBeNull();
    first.child.kill('SIGKILL');
    await first.finished;
    const result = await second.finished;
    expect(result.status).toBe(0);
    expect(await databaseState(project)).toEqual(stateOf(['dddd'], ['aaaa', 'bbbb', 'cccc', 'dddd']));
  });
});

// ---------------------------------------------------------------------------------------------

describe('concurrent upgrades', () => {
  /** Migrations that each record themselves in applied_log and take a little time. */
  function loggingProject(count: number): TemporaryProject {
    const project = initMigrationProject('concurrent');
    const ids = Array.from({ length: count }, (_, index) => `r${String(index + 1).padStart(3, '0')}`);
    ids.forEach((revision, index) => {
      writeMigration(project, {
        revision,
        downRevision: index === 0 ? null : (ids[index - 1] as string),
        upgrade: [
          "  await op.execute('CREATE TABLE IF NOT EXISTS applied_log (revision TEXT, pid INTEGER)');",
          `  await op.execute(\`INSERT INTO applied_log VALUES ('${revision}', \${process.pid})\`);`,
          `  await op.execute('CREATE TABLE t_${revision} (id INTEGER)');`,
          '  await new Promise((resolve) => setTimeout(resolve, 60));',
        ].join('\n'),
      });
    });
    return project;
  }

  async function appliedLog(project: TemporaryProject): Promise<string[]> {
    return (await queryDatabase(project.path('alembic.db'), 'SELECT revision FROM applied_log ORDER BY rowid')).map(
      (row) => String(row['revision']),
    );
  }

  const ids = Array.from({ length: 8 }, (_, index) => `r${String(index + 1).padStart(3, '0')}`);

  it.each([
    ['one transaction per run (the generic env.ts)', ''],
    ['transactionPerMigration', 'transactionPerMigration: true'],
  ])('two upgrade head processes started together apply each migration once: %s', async (_description, option) => {
    const project = loggingProject(8);
    if (option !== '') configureOnline(project, option);
    const runs = [startCli(project, ['upgrade', 'head']), startCli(project, ['upgrade', 'head'])];
    const results = await Promise.all(runs.map((run) => run.finished));
    for (const result of results) {
      expect({ status: result.status, stderr: result.stderr.includes('FAILED') ? result.stderr : '' }).toEqual({
        status: 0,
        stderr: '',
      });
    }
    expect(await appliedLog(project)).toEqual(ids);
    const ran = results.map((result) => runningSteps(result).length).sort((left, right) => left - right);
    expect(ran).toEqual([0, 8]);
    const state = await databaseState(project);
    expect(state.versions).toEqual(['r008']);
    expect(state.tables).toEqual(['applied_log', ...ids.map((revision) => `t_${revision}`)]);
  });

  it('four processes started together', async () => {
    const project = loggingProject(8);
    const results = await Promise.all(Array.from({ length: 4 }, () => startCli(project, ['upgrade', 'head']).finished));
    expect(results.map((result) => result.status)).toEqual([0, 0, 0, 0]);
    expect(await appliedLog(project)).toEqual(ids);
    expect((await databaseState(project)).versions).toEqual(['r008']);
  });

  it('an upgrade and a current started together: current neither fails nor waits for the lock forever', async () => {
    const project = loggingProject(8);
    const upgrade = startCli(project, ['upgrade', 'head']);
    const current = startCli(project, ['current']);
    const [upgradeResult, currentResult] = await Promise.all([upgrade.finished, current.finished]);
    expect(upgradeResult.status).toBe(0);
    expect(currentResult.status).toBe(0);
    expect(await appliedLog(project)).toEqual(ids);
  });
});

describe('--no-lock', () => {
  it('is accepted by upgrade, downgrade and stamp', async () => {
    const project = initMigrationProject('no-lock');
    writeChain(project, ['aaaa', 'bbbb', 'cccc']);
    runOk(project, ['upgrade', 'head', '--no-lock']);
    expect(await databaseState(project)).toEqual(stateOf(['cccc'], ['aaaa', 'bbbb', 'cccc']));
    runOk(project, ['downgrade', '--no-lock', 'aaaa']);
    expect(await databaseState(project)).toEqual(stateOf(['aaaa'], ['aaaa']));
    runOk(project, ['stamp', '--no-lock', 'cccc']);
    expect(await databaseState(project)).toEqual({ versions: ['cccc'], tables: ['t_aaaa'] });
  });

  it('with transactionPerMigration', async () => {
    const project = initMigrationProject('no-lock-per-migration');
    writeChain(project, ['aaaa', 'bbbb']);
    configureOnline(project, 'transactionPerMigration: true');
    runOk(project, ['upgrade', '--no-lock', 'head']);
    expect(await databaseState(project)).toEqual(stateOf(['bbbb'], ['aaaa', 'bbbb']));
  });
});

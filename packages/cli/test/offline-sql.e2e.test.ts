/**
 * End-to-end tests of offline mode (`--sql`): the SQL printed for upgrade, downgrade and stamp
 * ranges, the version table statements, the `-- Running ...` comments, BEGIN / COMMIT as the
 * environment configures transactions, and values rendered inline (reference section 8, 10.2
 * cases 19 and 22-26, Appendix B).
 *
 * Our SQLite dialect runs DDL in transactions (DESIGN 3), so its offline output has `BEGIN;` /
 * `COMMIT;`, which Python Alembic's SQLite output does not; statements are otherwise the same.
 * Statements are compared with runs of whitespace collapsed (Alembic prints CREATE TABLE over
 * several lines; the layout is not part of the contract), and the output must consist of
 * blocks each followed by one blank line, as Alembic prints them.
 */
import {
  databaseState,
  expectFailure,
  expectSuccess,
  initMigrationProject,
  runOk,
  writeMigration,
} from './support/migration-project.js';
import { outputLines, removeAllProjects, type CommandResult, type TemporaryProject } from './support/run-cli.js';

jest.setTimeout(120_000);

afterEach(() => {
  removeAllProjects();
});

const CREATE_VERSION_TABLE =
  'CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));';

const insert = (revision: string): string => `INSERT INTO alembic_version (version_num) VALUES ('${revision}');`;
const update = (from: string, to: string): string =>
  `UPDATE alembic_version SET version_num='${to}' WHERE alembic_version.version_num = '${from}';`;
const remove = (revision: string): string =>
  `DELETE FROM alembic_version WHERE alembic_version.version_num = '${revision}';`;

/**
 * The blocks of an offline output (statements and comments), whitespace collapsed. Checks the
 * layout on the way: every block is followed by exactly one blank line.
 */
function sqlBlocks(stdout: string): string[] {
  const lines = outputLines(stdout);
  const blocks: string[] = [];
  let current: string[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === '') {
      if (current.length === 0) {
        throw new Error(`two blank lines in a row at line ${index + 1} of:\n${stdout}`);
      }
      blocks.push(current.join(' ').replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/ \)/g, ')').trim());
      current = [];
    } else {
      current.push(line);
    }
  });
  if (current.length > 0) {
    throw new Error(`the last block is not followed by a blank line:\n${stdout}`);
  }
  return blocks;
}

/** Runs an offline command that must succeed and must not touch the database. */
async function offline(project: TemporaryProject, commandArguments: readonly string[]): Promise<string[]> {
  const before = await databaseState(project);
  const result = project.run(commandArguments);
  expectSuccess(result);
  expect(await databaseState(project)).toEqual(before);
  return sqlBlocks(result.stdout);
}

/** The generic env.ts with extra `context.configure()` options in the offline branch. */
function configureOffline(project: TemporaryProject, extraOptions: string): void {
  const source = project.read('migrations/env.ts');
  const original = 'context.configure({ url: context.config.values.url, targetMetadata, literalBinds: true });';
  expect(source).toContain(original);
  project.write(
    'migrations/env.ts',
    source.replace(
      original,
      `context.configure({ url: context.config.values.url, targetMetadata, literalBinds: true, ${extraOptions} });`,
    ),
  );
}

// ---------------------------------------------------------------------------------------------

/** Appendix B's graph with empty migrations: aaa1 -> bbb2 -> {ccc3, ddd4 (xbranch)} -> eee5. */
function appendixBProject(withMerge: boolean): TemporaryProject {
  const project = initMigrationProject('offline-b');
  const empty = { upgrade: '', downgrade: '' };
  writeMigration(project, { revision: 'aaa1', downRevision: null, message: 'create account table', ...empty });
  writeMigration(project, { revision: 'bbb2', downRevision: 'aaa1', message: 'add a column', ...empty });
  writeMigration(project, { revision: 'ccc3', downRevision: 'bbb2', message: 'third', ...empty });
  writeMigration(project, {
    revision: 'ddd4',
    downRevision: 'bbb2',
    branchLabels: 'xbranch',
    message: 'branch x',
    ...empty,
  });
  if (withMerge) {
    writeMigration(project, { revision: 'eee5', downRevision: ['ccc3', 'ddd4'], message: 'merge it', ...empty });
  }
  return project;
}

describe('case 19: upgrade head --sql through a branch and a merge', () => {
  it('emits exactly the version table statements and comments, in one transaction', async () => {
    const project = appendixBProject(true);
    const result = project.run(['upgrade', 'head', '--sql']);
    expectSuccess(result);
    expect(sqlBlocks(result.stdout)).toEqual([
      'BEGIN;',
      CREATE_VERSION_TABLE,
      '-- Running upgrade -> aaa1',
      insert('aaa1'),
      '-- Running upgrade aaa1 -> bbb2',
      update('aaa1', 'bbb2'),
      '-- Running upgrade bbb2 -> ddd4',
      update('bbb2', 'ddd4'),
      '-- Running upgrade bbb2 -> ccc3',
      insert('ccc3'),
      '-- Running upgrade ccc3, ddd4 -> eee5',
      remove('ccc3'),
      update('ddd4', 'eee5'),
      'COMMIT;',
    ]);
    // The comment keeps Alembic's two spaces after "upgrade" for a step from base.
    expect(outputLines(result.stdout)).toContain('-- Running upgrade  -> aaa1');
    // The SQL goes to stdout; the progress lines to stderr.
    expect(outputLines(result.stderr).filter((line) => line.startsWith('Running '))).toEqual([
      'Running upgrade  -> aaa1, create account table',
      'Running upgrade aaa1 -> bbb2, add a column',
      'Running upgrade bbb2 -> ddd4, branch x',
      'Running upgrade bbb2 -> ccc3, third',
      'Running upgrade ccc3, ddd4 -> eee5, merge it',
    ]);
    expect(project.exists('alembic.db')).toBe(false);
  });

  it('Appendix B: stamp --sql ccc3 ddd4 inserts both', async () => {
    const project = appendixBProject(false);
    expect(await offline(project, ['stamp', '--sql', 'ccc3', 'ddd4'])).toEqual([
      'BEGIN;',
      CREATE_VERSION_TABLE,
      '-- Running stamp_revision -> ccc3',
      insert('ccc3'),
      '-- Running stamp_revision -> ddd4',
      insert('ddd4'),
      'COMMIT;',
    ]);
  });

  it('downgrade eee5:base --sql unmerges, deletes, and never drops the version table', async () => {
    const project = appendixBProject(true);
    const blocks = await offline(project, ['downgrade', 'eee5:base', '--sql']);
    expect(blocks[0]).toBe('BEGIN;');
    expect(blocks.at(-1)).toBe('COMMIT;');
    expect(blocks.filter((block) => block.startsWith('-- Running'))).toEqual([
      '-- Running downgrade eee5 -> ccc3, ddd4',
      '-- Running downgrade ccc3 -> bbb2',
      '-- Running downgrade ddd4 -> bbb2',
      '-- Running downgrade bbb2 -> aaa1',
      '-- Running downgrade aaa1 ->',
    ]);
    expect(blocks.join('\n')).not.toMatch(/DROP TABLE/);
    expect(blocks.at(-2)).toBe(remove('aaa1'));
  });
});

// ---------------------------------------------------------------------------------------------

/** Three revisions a -> b -> c executing `CREATE STEP n` / `DROP STEP n` (three_rev_fixture). */
const A = 'a1b2c3d4e5f6';
const B = 'b1c2d3e4f5a6';
const C = 'c1d2e3f4a5b6';

function threeRevisionProject(): TemporaryProject {
  const project = initMigrationProject('offline-three');
  [A, B, C].forEach((revision, index) => {
    writeMigration(project, {
      revision,
      downRevision: index === 0 ? null : ([A, B, C][index - 1] as string),
      upgrade: `  await op.execute('CREATE STEP ${index + 1}');`,
      downgrade: `  await op.execute('DROP STEP ${index + 1}');`,
    });
  });
  return project;
}

const steps = (blocks: readonly string[]): string[] => blocks.filter((block) => / STEP \d;$/.test(block));

describe('ranges (case 22)', () => {
  it('upgrade a --sql: the version table, the INSERT and step 1 only', async () => {
    const blocks = await offline(threeRevisionProject(), ['upgrade', A, '--sql']);
    expect(blocks).toEqual([
      'BEGIN;',
      CREATE_VERSION_TABLE,
      `-- Running upgrade -> ${A}`,
      'CREATE STEP 1;',
      insert(A),
      'COMMIT;',
    ]);
  });

  it('upgrade b:c --sql: no CREATE TABLE, an UPDATE and step 3 only', async () => {
    const blocks = await offline(threeRevisionProject(), ['upgrade', `${B}:${C}`, '--sql']);
    expect(blocks).toEqual(['BEGIN;', `-- Running upgrade ${B} -> ${C}`, 'CREATE STEP 3;', update(B, C), 'COMMIT;']);
  });

  it('upgrade with partial ids in the range', async () => {
    const blocks = await offline(threeRevisionProject(), ['upgrade', `${A.slice(0, 6)}:${C.slice(0, 5)}`, '--sql']);
    expect(steps(blocks)).toEqual(['CREATE STEP 2;', 'CREATE STEP 3;']);
    expect(blocks).toContain(update(A, B));
    expect(blocks).toContain(update(B, C));
  });

  it('upgrade base:head --sql equals upgrade head --sql', async () => {
    const project = threeRevisionProject();
    expect(await offline(project, ['upgrade', 'base:head', '--sql'])).toEqual(
      await offline(project, ['upgrade', 'head', '--sql']),
    );
  });

  it('downgrade c:base --sql: steps 3, 2, 1 and no DROP TABLE alembic_version', async () => {
    const blocks = await offline(threeRevisionProject(), ['downgrade', `${C}:base`, '--sql']);
    expect(blocks).toEqual([
      'BEGIN;',
      `-- Running downgrade ${C} -> ${B}`,
      'DROP STEP 3;',
      update(C, B),
      `-- Running downgrade ${B} -> ${A}`,
      'DROP STEP 2;',
      update(B, A),
      `-- Running downgrade ${A} ->`,
      'DROP STEP 1;',
      remove(A),
      'COMMIT;',
    ]);
  });

  it('downgrade c:a --sql: steps 3 and 2 only', async () => {
    const blocks = await offline(threeRevisionProject(), ['downgrade', `${C}:${A}`, '--sql']);
    expect(steps(blocks)).toEqual(['DROP STEP 3;', 'DROP STEP 2;']);
    expect(blocks.at(-2)).toBe(update(B, A));
  });

  it('an offline run never reads the database: it starts from the range, not from the version table', async () => {
    const project = threeRevisionProject();
    runOk(project, ['stamp', 'head']);
    const blocks = await offline(project, ['upgrade', 'head', '--sql']);
    expect(steps(blocks)).toEqual(['CREATE STEP 1;', 'CREATE STEP 2;', 'CREATE STEP 3;']);
  });
});

describe('stamp --sql (cases 23 and 24)', () => {
  it('stamp a:head --sql updates a to c, also with a 7-character prefix', async () => {
    const project = threeRevisionProject();
    const expected = ['BEGIN;', `-- Running stamp_revision ${A} -> ${C}`, update(A, C), 'COMMIT;'];
    expect(await offline(project, ['stamp', `${A}:head`, '--sql'])).toEqual(expected);
    expect(await offline(project, ['stamp', `${A.slice(0, 7)}:head`, '--sql'])).toEqual(expected);
  });

  it('stamp head --sql creates the table and inserts c', async () => {
    expect(await offline(threeRevisionProject(), ['stamp', 'head', '--sql'])).toEqual([
      'BEGIN;',
      CREATE_VERSION_TABLE,
      `-- Running stamp_revision -> ${C}`,
      insert(C),
      'COMMIT;',
    ]);
  });

  it('stamp b c --sql inserts both', async () => {
    const blocks = await offline(threeRevisionProject(), ['stamp', B, C, '--sql']);
    expect(blocks.filter((block) => block.startsWith('INSERT'))).toEqual([insert(B), insert(C)]);
  });

  it('stamp c:base --sql deletes c', async () => {
    expect(await offline(threeRevisionProject(), ['stamp', `${C}:base`, '--sql'])).toEqual([
      'BEGIN;',
      `-- Running stamp_revision ${C} ->`,
      remove(C),
      'COMMIT;',
    ]);
  });

  it('stamp --sql with two different starting revisions fails', async () => {
    const project = threeRevisionProject();
    const result = project.run(['stamp', '--sql', `${B}:${C}`, `${A}:${C}`]);
    expectFailure(result, 'Stamp operation with --sql only supports a single starting revision at a time');
    expect(result.stdout).toBe('');
  });

  it('stamp --purge --sql fails', () => {
    const result = threeRevisionProject().run(['stamp', '--purge', '--sql', 'head']);
    expectFailure(result, "Can't use --purge with --sql mode");
    expect(result.stdout).toBe('');
  });
});

describe('misused ranges (case 25)', () => {
  it('downgrade b --sql (no range) fails', () => {
    const result = threeRevisionProject().run(['downgrade', B, '--sql']);
    expectFailure(result, 'downgrade with --sql requires <fromrev>:<torev>');
    expect(result.stdout).toBe('');
  });

  it.each([
    ['upgrade', `${A}:${B}`],
    ['downgrade', `${B}:${A}`],
  ])('online %s %s fails with "Range revision not allowed" and changes nothing', async (command, range) => {
    const project = threeRevisionProject();
    const result = project.run([command, range]);
    expectFailure(result, 'Range revision not allowed');
    expect(await databaseState(project)).toEqual({ versions: null, tables: [] });
  });

  it('an upgrade range whose end is below its start emits no migration (as Python Alembic)', async () => {
    expect(await offline(threeRevisionProject(), ['upgrade', `${C}:${A}`, '--sql'])).toEqual(['BEGIN;', 'COMMIT;']);
  });
});

// ---------------------------------------------------------------------------------------------

describe('transactions in offline output (case 26)', () => {
  it('by default (transactional DDL): one BEGIN before everything and one COMMIT after', async () => {
    const blocks = await offline(threeRevisionProject(), ['upgrade', 'head', '--sql']);
    expect(blocks.join('\n')).toMatch(/^BEGIN;\s+CREATE TABLE.*STEP 1.*STEP 2.*STEP 3.*?\nCOMMIT;$/s);
    expect(blocks.filter((block) => block === 'BEGIN;' || block === 'COMMIT;')).toEqual(['BEGIN;', 'COMMIT;']);
  });

  it('transactionPerMigration: BEGIN / COMMIT around each migration, the CREATE TABLE inside the first', async () => {
    const project = threeRevisionProject();
    configureOffline(project, 'transactionPerMigration: true');
    expect(await offline(project, ['upgrade', 'head', '--sql'])).toEqual([
      'BEGIN;',
      CREATE_VERSION_TABLE,
      `-- Running upgrade -> ${A}`,
      'CREATE STEP 1;',
      insert(A),
      'COMMIT;',
      'BEGIN;',
      `-- Running upgrade ${A} -> ${B}`,
      'CREATE STEP 2;',
      update(A, B),
      'COMMIT;',
      'BEGIN;',
      `-- Running upgrade ${B} -> ${C}`,
      'CREATE STEP 3;',
      update(B, C),
      'COMMIT;',
    ]);
  });

  it("transactionalDdl: false: no BEGIN, no COMMIT (Python Alembic's SQLite output)", async () => {
    const project = threeRevisionProject();
    configureOffline(project, 'transactionalDdl: false');
    const blocks = await offline(project, ['upgrade', 'head', '--sql']);
    expect(blocks).not.toContain('BEGIN;');
    expect(blocks).not.toContain('COMMIT;');
    expect(blocks[0]).toBe(CREATE_VERSION_TABLE);
    expect(steps(blocks)).toEqual(['CREATE STEP 1;', 'CREATE STEP 2;', 'CREATE STEP 3;']);
  });

  it('transactionalDdl: false with transactionPerMigration: still no BEGIN / COMMIT', async () => {
    const project = threeRevisionProject();
    configureOffline(project, 'transactionalDdl: false, transactionPerMigration: true');
    const blocks = await offline(project, ['upgrade', 'head', '--sql']);
    expect(blocks.filter((block) => block === 'BEGIN;' || block === 'COMMIT;')).toEqual([]);
  });
});

describe('values are inlined offline', () => {
  it('bulkInsert, execute with parameters and inlineLiteral render literals', async () => {
    const project = initMigrationProject('offline-values');
    writeMigration(project, {
      revision: 'aaaa',
      downRevision: null,
      imports: "import { column, integer, string } from '@alembic/core';",
      upgrade: [
        "  const account = await op.createTable('account', [column('id', integer(), { primaryKey: true }), column('name', string(50))]);",
        "  await op.bulkInsert(account, [{ id: 1, name: 'John' }, { id: 2, name: \"O'Brien\" }, { id: 3, name: null }]);",
        "  await op.execute('UPDATE account SET name = :name WHERE id = :id', { name: \"it's\", id: 2 });",
        "  await op.execute('UPDATE account SET name = :name WHERE id = :id', { name: op.inlineLiteral('account 2'), id: 3 });",
      ].join('\n'),
      downgrade: "  await op.dropTable('account');",
    });
    const blocks = await offline(project, ['upgrade', 'head', '--sql']);
    expect(blocks).toEqual([
      'BEGIN;',
      CREATE_VERSION_TABLE,
      '-- Running upgrade -> aaaa',
      'CREATE TABLE account (id INTEGER NOT NULL, name VARCHAR(50), PRIMARY KEY (id));',
      "INSERT INTO account (id, name) VALUES (1, 'John');",
      "INSERT INTO account (id, name) VALUES (2, 'O''Brien');",
      'INSERT INTO account (id, name) VALUES (3, NULL);',
      "UPDATE account SET name = 'it''s' WHERE id = 2;",
      "UPDATE account SET name = 'account 2' WHERE id = 3;",
      insert('aaaa'),
      'COMMIT;',
    ]);
    // The same migration online binds the values and gives the same data.
    runOk(project, ['upgrade', 'head']);
    const { queryDatabase } = await import('./support/migration-project.js');
    expect(await queryDatabase(project.path('alembic.db'), 'SELECT id, name FROM account ORDER BY id')).toEqual([
      { id: 1, name: 'John' },
      { id: 2, name: "it's" },
      { id: 3, name: 'account 2' },
    ]);
  });

  it('a migration that needs the database offline fails clearly', () => {
    const project = initMigrationProject('offline-bind');
    writeMigration(project, {
      revision: 'aaaa',
      downRevision: null,
      upgrade: "  await op.batchAlterTable('account', (batch) => { batch.dropColumn('name'); });",
    });
    const result = project.run(['upgrade', 'head', '--sql']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^FAILED: .*aaaa/m);
  });
});

describe('env.ts sees the range', () => {
  it('getStartingRevisionArgument() and getRevisionArgument() are resolved ids', () => {
    const project = threeRevisionProject();
    const source = project.read('migrations/env.ts');
    project.write(
      'migrations/env.ts',
      source.replace(
        'async function runMigrationsOffline(): Promise<void> {',
        'async function runMigrationsOffline(): Promise<void> {\n' +
          '  console.error(`range: ${JSON.stringify([context.getStartingRevisionArgument(), context.getRevisionArgument()])}`);',
      ),
    );
    const rangeLine = (result: CommandResult): unknown => {
      expectSuccess(result);
      const line = outputLines(result.stderr).find((candidate) => candidate.startsWith('range: '));
      return JSON.parse((line ?? 'range: "missing"').slice('range: '.length));
    };
    expect(rangeLine(project.run(['upgrade', `${A.slice(0, 5)}:head`, '--sql']))).toEqual([A, C]);
    expect(rangeLine(project.run(['downgrade', `${C}:base`, '--sql']))).toEqual([C, null]);
  });
});

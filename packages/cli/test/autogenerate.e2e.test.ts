/**
 * End-to-end tests of `revision --autogenerate` and `check` on SQLite, as a user types them: a
 * project made with `alembic init`, a models file declaring `metadata([...])`, `env.ts` passing
 * it as `targetMetadata`, then generate, upgrade, check, change a model, and so on. Expected
 * messages are Alembic's (reference 1.2 and 7), adapted where the brief says so.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

import {
  expectFailure,
  expectSuccess,
  initMigrationProject,
  queryDatabase,
  runOk,
} from './support/migration-project.js';
import {
  cliBinPath,
  cliChildEnvironment,
  outputLines,
  removeAllProjects,
  type CommandResult,
  type TemporaryProject,
} from './support/run-cli.js';

jest.setTimeout(120_000);

afterEach(() => {
  removeAllProjects();
});

const TARGET_LINE = 'const targetMetadata = undefined;';

/** A project after `alembic init migrations` whose env.ts takes its models from `models.ts`. */
function autogenerateProject(models: string, configure?: string): TemporaryProject {
  const project = initMigrationProject('autogenerate');
  writeModels(project, models);
  let environment = project.read('migrations/env.ts');
  if (!environment.includes(TARGET_LINE))
    throw new Error('the generic env.ts no longer declares targetMetadata as expected');
  environment = environment.replace(TARGET_LINE, "import { targetMetadata } from '../models';");
  if (configure !== undefined) {
    environment = environment.replace(
      'context.configure({ connection, targetMetadata });',
      `context.configure({ connection, targetMetadata, ${configure} });`,
    );
  }
  project.write('migrations/env.ts', environment);
  return project;
}

/** Writes `models.ts`: the helpers imported, then `targetMetadata = metadata([tables])`. */
function writeModels(project: TemporaryProject, tables: string): void {
  project.write(
    'models.ts',
    `import { column, dateTime, index, integer, metadata, sql, string, table } from '@alembic/core';\n\n` +
      `export const targetMetadata = metadata([\n${tables}\n]);\n`,
  );
}

const ACCOUNT = `  table('account', [
    column('id', integer(), { primaryKey: true }),
    column('name', string(50), { nullable: false }),
    column('created', dateTime(), { serverDefault: sql('CURRENT_TIMESTAMP') }),
  ]),`;

const ADDRESS = `  table('address', [
    column('id', integer(), { primaryKey: true }),
    column('account_id', integer(), { nullable: false, references: 'account.id', index: true }),
    column('street', string(100)),
  ]),`;

/** The revision files, by name. */
function versionFiles(project: TemporaryProject): string[] {
  return readdirSync(project.path('migrations/versions'))
    .filter((name) => name.endsWith('.ts'))
    .sort();
}

/** The content of the one revision file whose name contains `slug`. */
function revisionFile(project: TemporaryProject, slug: string): string {
  const matching = versionFiles(project).filter((name) => name.includes(slug));
  if (matching.length !== 1)
    throw new Error(`expected one revision file named *${slug}*, found ${matching.join(', ') || 'none'}`);
  return project.read(`migrations/versions/${matching[0] as string}`);
}

/** The columns of a table, as `name TYPE [NOT NULL]`. */
async function columnsOf(project: TemporaryProject, tableName: string): Promise<string[]> {
  const rows = await queryDatabase(
    project.path('alembic.db'),
    `SELECT name, type, "notnull" FROM pragma_table_info('${tableName}') ORDER BY cid`,
  );
  return rows.map((row) => `${String(row.name)} ${String(row.type)}${row.notnull === 1 ? ' NOT NULL' : ''}`);
}

/** Table and index names of the database (without the version table and SQLite's own). */
async function schemaObjects(project: TemporaryProject): Promise<string[]> {
  const rows = await queryDatabase(
    project.path('alembic.db'),
    "SELECT type || ' ' || name AS entry FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name <> 'alembic_version' ORDER BY type, name",
  );
  return rows.map((row) => String(row.entry));
}

function expectUsageError(result: CommandResult, message: string): void {
  expect({ status: result.status, stdout: result.stdout, lastLine: outputLines(result.stderr).at(-1) }).toEqual({
    status: 2,
    stdout: '',
    lastLine: `alembic: error: ${message}`,
  });
  expect(result.stderr).not.toContain('FAILED');
}

describe('revision --autogenerate and check', () => {
  it('generates, upgrades, checks, generates a change, and downgrades back', async () => {
    // Plain operations here; batch blocks, SQLite's default, have their own test below.
    const project = autogenerateProject(`${ACCOUNT}\n${ADDRESS}`, 'renderAsBatch: false');

    const first = runOk(project, ['revision', '--autogenerate', '-m', 'create tables']);
    expect(outputLines(first.stderr)).toEqual([
      "Detected added table 'account'",
      "Detected added table 'address'",
      "Detected added index 'ix_address_account_id' on 'account_id'",
    ]);
    expect(first.stdout).toMatch(
      /^Generating .*migrations\/versions\/[0-9a-f]{12}_create_tables\.ts \.\.\. {2}done\n$/,
    );
    const created = revisionFile(project, 'create_tables');
    expect(created).toContain(
      "import { column, dateTime, foreignKeyConstraint, index, integer, sql, string, table } from '@alembic/core';",
    );
    expect(created).toContain(
      [
        '  // ### commands auto generated by Alembic - please adjust! ###',
        "  await op.createTable('account', [",
        "    column('id', integer(), { primaryKey: true }),",
        "    column('name', string(50), { nullable: false }),",
        "    column('created', dateTime(), { serverDefault: sql('CURRENT_TIMESTAMP') }),",
        '  ]);',
        "  await op.createTable('address', [",
        "    column('id', integer(), { primaryKey: true }),",
        "    column('account_id', integer(), { nullable: false }),",
        "    column('street', string(100)),",
        "    foreignKeyConstraint(['account_id'], 'account', ['id']),",
        "    index(op.f('ix_address_account_id'), ['account_id']),",
        '  ]);',
        '  // ### end Alembic commands ###',
      ].join('\n'),
    );
    expect(created).toMatch(
      /export async function downgrade\(\): Promise<void> \{\n.*\n.*\n {2}await op\.dropTable\('address', \{\n {4}existingTable: table\('address', \[/,
    );

    runOk(project, ['upgrade', 'head']);
    expect(await schemaObjects(project)).toEqual(['index ix_address_account_id', 'table account', 'table address']);
    const clean = runOk(project, ['check']);
    expect(clean.stdout).toBe('No new upgrade operations detected.\n');

    writeModels(
      project,
      `  table('account', [
    column('id', integer(), { primaryKey: true }),
    column('name', string(50), { nullable: false }),
    column('created', dateTime(), { serverDefault: sql('CURRENT_TIMESTAMP') }),
    column('email', string(100), { index: true }),
  ]),
${ADDRESS}`,
    );
    const dirty = project.run(['check']);
    expectFailure(
      dirty,
      "New upgrade operations detected: [('add_column', None, 'account', 'email'), ('add_index', 'ix_account_email')]",
    );
    expect(outputLines(dirty.stderr).slice(0, 2)).toEqual([
      "Detected added column 'account.email'",
      "Detected added index 'ix_account_email' on 'email'",
    ]);
    expect(versionFiles(project)).toHaveLength(1);

    runOk(project, ['revision', '--autogenerate', '-m', 'add email']);
    const change = revisionFile(project, 'add_email');
    expect(change).toContain("import { column, index, string } from '@alembic/core';");
    expect(change).toContain(
      "  await op.addColumn('account', column('email', string(100)));\n  await op.createIndex(op.f('ix_account_email'), 'account', ['email']);\n",
    );
    expect(change).toContain('  // WARNING: data loss: drops column account.email and its data\n');

    runOk(project, ['upgrade', 'head']);
    expect(await columnsOf(project, 'account')).toEqual([
      'id INTEGER NOT NULL',
      'name VARCHAR(50) NOT NULL',
      'created DATETIME',
      'email VARCHAR(100)',
    ]);
    expect(runOk(project, ['check']).stdout).toBe('No new upgrade operations detected.\n');

    runOk(project, ['downgrade', '-1']);
    expect(await columnsOf(project, 'account')).toEqual([
      'id INTEGER NOT NULL',
      'name VARCHAR(50) NOT NULL',
      'created DATETIME',
    ]);
    expect(await schemaObjects(project)).toEqual(['index ix_address_account_id', 'table account', 'table address']);
    runOk(project, ['downgrade', 'base']);
    expect(await schemaObjects(project)).toEqual([]);
  });

  it('refuses when the database is not on every head, and writes nothing', () => {
    const project = autogenerateProject(ACCOUNT);
    runOk(project, ['revision', '--autogenerate', '-m', 'create account']);
    const again = project.run(['revision', '--autogenerate', '-m', 'second']);
    expectFailure(again, 'Target database is not up to date.');
    expectFailure(project.run(['check']), 'Target database is not up to date.');
    expect(versionFiles(project)).toHaveLength(1);
  });

  it('says what to do when env.ts gives no targetMetadata', () => {
    const project = initMigrationProject('autogenerate-none');
    const message =
      "Can't proceed with --autogenerate option; environment script migrations/env.ts does not provide a MetadataModel (metadata([...])) or list of them to the context.";
    expectFailure(project.run(['revision', '--autogenerate', '-m', 'x']), message);
    expectFailure(project.run(['check']), message);
    expect(versionFiles(project)).toEqual([]);
  });

  it('rejects --sql with --autogenerate and malformed renames as usage errors', () => {
    const project = autogenerateProject(ACCOUNT);
    expectUsageError(
      project.run(['revision', '--autogenerate', '--sql', '-m', 'x']),
      '--sql cannot be used with --autogenerate: autogenerate compares the models with the live database',
    );
    expectUsageError(
      project.run(['revision', '--autogenerate', '--rename', 'account=full_name']),
      "argument --rename: expected TABLE.OLD=NEW, got 'account=full_name'",
    );
    expectUsageError(
      project.run(['revision', '--autogenerate', '--rename-table', 'address']),
      "argument --rename-table: expected OLD=NEW, got 'address'",
    );
    expectUsageError(
      project.run(['revision', '--rename-table', 'a=b']),
      '--rename and --rename-table only apply with --autogenerate',
    );
    expect(versionFiles(project)).toEqual([]);
  });

  it('writes renames asked for with --rename and --rename-table, and only suggests them otherwise', async () => {
    const project = autogenerateProject(
      `  table('account', [
    column('id', integer(), { primaryKey: true }),
    column('name', string(50), { nullable: false }),
  ]),
  table('address', [column('id', integer(), { primaryKey: true }), column('street', string(100))]),`,
      'renderAsBatch: false',
    );
    runOk(project, ['revision', '--autogenerate', '-m', 'create']);
    runOk(project, ['upgrade', 'head']);
    await queryDatabase(project.path('alembic.db'), "INSERT INTO account (id, name) VALUES (1, 'Ada')");
    writeModels(
      project,
      `  table('account', [
    column('id', integer(), { primaryKey: true }),
    column('full_name', string(50), { nullable: false }),
  ]),
  table('addresses', [column('id', integer(), { primaryKey: true }), column('street', string(100))]),`,
    );

    // Not a terminal: nothing is asked, the file suggests the renames.
    const suggested = runOk(project, ['revision', '--autogenerate', '-m', 'suggested']);
    expect(suggested.stderr).not.toContain('[y/N]');
    const suggestion = revisionFile(project, 'suggested');
    expect(suggestion).toContain('--rename account.name=full_name');
    expect(suggestion).toContain('--rename-table address=addresses');
    expect(suggestion).toContain("await op.dropTable('address'");
    project.remove(`migrations/versions/${versionFiles(project).find((name) => name.includes('suggested')) as string}`);

    const renamed = runOk(project, [
      'revision',
      '--autogenerate',
      '-m',
      'renamed',
      '--rename',
      'account.name=full_name',
      '--rename-table',
      'address=addresses',
    ]);
    expect(renamed.stderr).toContain("Detected renamed column 'account.name' to 'full_name'");
    const file = revisionFile(project, 'renamed');
    expect(file).toContain("await op.renameTable('address', 'addresses');");
    expect(file).toMatch(/await op\.alterColumn\('account', 'name', \{\s+newColumnName: 'full_name',/);
    expect(file).not.toContain('dropTable');
    expect(file).not.toContain('dropColumn');

    runOk(project, ['upgrade', 'head']);
    expect(await queryDatabase(project.path('alembic.db'), 'SELECT id, full_name FROM account')).toEqual([
      { id: 1, full_name: 'Ada' },
    ]);
    expect(runOk(project, ['check']).stdout).toBe('No new upgrade operations detected.\n');
    runOk(project, ['downgrade', '-1']);
    expect(await queryDatabase(project.path('alembic.db'), 'SELECT id, name FROM account')).toEqual([
      { id: 1, name: 'Ada' },
    ]);
    expect(await schemaObjects(project)).toEqual(['table account', 'table address']);
  });

  it('asks about each rename candidate on a terminal and writes the accepted ones', async () => {
    const probe = spawnSync('script', ['--version'], { encoding: 'utf8' });
    expect(probe.status).toBe(0); // util-linux `script` gives the CLI a terminal
    // targetMetadata as a function: called only by the commands that compare, once each,
    // though the accepted rename makes compare run twice.
    const project = autogenerateProject(
      `  table('account', [
    column('id', integer(), { primaryKey: true }),
    column('name', string(50), { nullable: false }),
  ]),`,
      "renderAsBatch: false, targetMetadata: () => { process.stderr.write('models built\\n'); return targetMetadata; }",
    );
    expect(runOk(project, ['revision', '--autogenerate', '-m', 'create']).stderr).toContain('models built');
    expect(runOk(project, ['upgrade', 'head']).stderr).not.toContain('models built');
    writeModels(
      project,
      `  table('account', [
    column('id', integer(), { primaryKey: true }),
    column('full_name', string(50), { nullable: false }),
  ]),`,
    );
    const command = [process.execPath, cliBinPath, 'revision', '--autogenerate', '-m', 'asked']
      .map((word) => `'${word}'`)
      .join(' ');
    const outcome = spawnSync('script', ['-qec', command, '/dev/null'], {
      cwd: project.root,
      env: cliChildEnvironment(),
      input: 'y\n',
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(outcome.stdout).toContain('Is column account.name renamed to account.full_name? [y/N]');
    expect(outcome.status).toBe(0);
    expect(outcome.stdout.match(/models built/g)).toHaveLength(1);
    const file = revisionFile(project, 'asked');
    expect(file).toMatch(/await op\.alterColumn\('account', 'name', \{\s+newColumnName: 'full_name',/);
    expect(file).not.toContain('dropColumn');
  });

  it('renders changes to existing SQLite tables as batch blocks, by default there', async () => {
    const project = autogenerateProject(ACCOUNT);
    runOk(project, ['revision', '--autogenerate', '-m', 'create']);
    runOk(project, ['upgrade', 'head']);
    writeModels(
      project,
      `  table('account', [
    column('id', integer(), { primaryKey: true }),
    column('name', string(100), { nullable: true }),
    column('created', dateTime(), { serverDefault: sql('CURRENT_TIMESTAMP') }),
    column('email', string(100)),
  ]),`,
    );
    runOk(project, ['revision', '--autogenerate', '-m', 'widen name']);
    const file = revisionFile(project, 'widen_name');
    expect(file).toContain(
      "  await op.batchAlterTable('account', (batch) => {\n    batch.addColumn(column('email', string(100)));\n",
    );
    expect(file).toMatch(/batch\.alterColumn\('name', \{[^}]*nullable: true,[^}]*type: string\(100\)/);
    runOk(project, ['upgrade', 'head']);
    expect(await columnsOf(project, 'account')).toEqual([
      'id INTEGER NOT NULL',
      'name VARCHAR(100)',
      'created DATETIME',
      'email VARCHAR(100)',
    ]);
    expect(runOk(project, ['check']).stdout).toBe('No new upgrade operations detected.\n');
    runOk(project, ['downgrade', '-1']);
    expect(await columnsOf(project, 'account')).toEqual([
      'id INTEGER NOT NULL',
      'name VARCHAR(50) NOT NULL',
      'created DATETIME',
    ]);
  });

  it('lets processRevisionDirectives change the message or write nothing', () => {
    const project = autogenerateProject(
      ACCOUNT,
      "processRevisionDirectives: (_context, _heads, directives) => { if (process.env.EMPTY_DIRECTIVES) directives.length = 0; else if (directives[0]) directives[0].message = 'renamed by hook'; }",
    );
    const empty = project.run(['revision', '--autogenerate', '-m', 'x'], { environment: { EMPTY_DIRECTIVES: '1' } });
    expectSuccess(empty);
    expect(empty.stdout).toBe('');
    expect(versionFiles(project)).toEqual([]);
    runOk(project, ['revision', '--autogenerate', '-m', 'x']);
    expect(versionFiles(project)).toEqual([expect.stringMatching(/^[0-9a-f]{12}_renamed_by_hook\.ts$/)]);
  });

  it('lists check and the rename options in --help', () => {
    const project = initMigrationProject('autogenerate-help');
    expect(runOk(project, ['--help']).stdout).toMatch(
      /\n {2}check +Check if revision command with autogenerate has pending upgrade ops\.\n/,
    );
    const revisionHelp = runOk(project, ['revision', '--help']).stdout;
    expect(revisionHelp).toContain('--rename TABLE.OLD=NEW');
    expect(revisionHelp).toContain('--rename-table OLD=NEW');
  });
});

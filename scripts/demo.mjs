// The README's demo: a new project in a temporary directory, driven through the `alembic` CLI
// exactly as a user types it. Each command is echoed before it runs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repository = fileURLToPath(new URL('..', import.meta.url));
const alembic = join(repository, 'node_modules', '.bin', 'alembic');
const project = mkdtempSync(join(tmpdir(), 'alembic-demo-'));
const { DATABASE_URL: _ignored, ...environment } = process.env;

function run(...args) {
  process.stdout.write(`\n$ alembic ${args.map((arg) => (/\s/.test(arg) ? JSON.stringify(arg) : arg)).join(' ')}\n`);
  const result = spawnSync(alembic, args, { cwd: project, env: environment, encoding: 'utf8' });
  process.stdout.write(result.stdout);
  process.stdout.write(result.stderr);
  if (result.status !== 0) {
    process.stdout.write(`(exit status ${result.status})\n`);
    process.exit(result.status ?? 1);
  }
  return result.stdout;
}

/** Fills in the empty upgrade()/downgrade() the template wrote, as a user would in an editor. */
function fillIn(revisionId, importNames, upgradeBody, downgradeBody) {
  const versions = join(project, 'migrations', 'versions');
  const file = join(
    versions,
    readdirSync(versions).find((name) => name.startsWith(revisionId)),
  );
  const source = readFileSync(file, 'utf8')
    .replace("import { op } from '@alembic/core';", `import { ${importNames.join(', ')} } from '@alembic/core';`)
    .replace(/(export async function upgrade\(\): Promise<void> \{\n)/, `$1${upgradeBody}\n`)
    .replace(/(export async function downgrade\(\): Promise<void> \{\n)/, `$1${downgradeBody}\n`);
  writeFileSync(file, source);
  process.stdout.write(`(edited ${file}: upgrade() and downgrade() filled in)\n`);
}

process.stdout.write(`Demo project: ${project}\n`);
run('init', 'migrations');
run('revision', '-m', 'create account table', '--rev-id', 'a1b2c3d4e5f6');
fillIn(
  'a1b2c3d4e5f6',
  ['column', 'dateTime', 'integer', 'op', 'sql', 'string'],
  `  await op.createTable('account', [
    column('id', integer(), { primaryKey: true }),
    column('name', string(50), { nullable: false }),
    column('created', dateTime(), { serverDefault: sql('CURRENT_TIMESTAMP') }),
  ]);`,
  `  await op.dropTable('account');`,
);
run('revision', '-m', 'add email', '--rev-id', 'b2c3d4e5f6a1');
fillIn(
  'b2c3d4e5f6a1',
  ['column', 'op', 'string'],
  `  await op.addColumn('account', column('email', string(100)));`,
  `  await op.batchAlterTable('account', (batchOp) => batchOp.dropColumn('email'));`,
);
run('upgrade', 'head');
run('current');
run('history', '-i');
run('upgrade', 'head', '--sql');

process.stdout.write('\n# Two developers branch from the same revision; the tool shows both heads and merges them.\n');
run('revision', '-m', 'add invoice table', '--rev-id', 'c3d4e5f6a1b2', '--head', 'b2c3d4e5f6a1');
run(
  'revision',
  '-m',
  'add audit log',
  '--rev-id',
  'd4e5f6a1b2c3',
  '--head',
  'b2c3d4e5f6a1',
  '--splice',
  '--branch-label',
  'audit',
);
run('heads');
run('branches');
run('merge', 'heads', '-m', 'merge invoice and audit', '--rev-id', 'e5f6a1b2c3d4');
run('history');
run('upgrade', 'heads');
run('current', '--check-heads');
run('downgrade', 'base');
run('current');
process.stdout.write(`\nDone. The project is left in ${project}.\n`);

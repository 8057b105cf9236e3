#!/usr/bin/env node
/**
 * Autogenerate benchmark (issue 9, "Budgets"): `check` with nothing to do, on PostgreSQL, for a
 * schema of 500 tables (about 5,000 columns, foreign keys, indexes, uniques) defined as TypeORM
 * entities, whole process from spawn to exit, side by side:
 *
 * - ours: `alembic check` in a project made by `alembic init --template typeorm`, its
 *   `alembic.config.ts` naming the entities' `src/data-source.js`;
 * - TypeORM 0.3 (bench/peers): `typeorm migration:generate --check -d src/data-source.js` on the
 *   same entities (plain CommonJS `EntitySchema` files, no ts-node);
 * - Python Alembic (1.8: no `check` command, so `revision --autogenerate` into a temporary
 *   versions directory, the file inspected and deleted) on the equivalent SQLAlchemy model, with
 *   `compare_type` and `compare_server_default`.
 *
 * One database per case (created, set up at head for all three tools, dropped). Each tool's
 * output is checked: a check that found differences makes the timing meaningless and is shown
 * as a WARNING row. Also: peak RSS, and the statements ours sends (a preload counts pg
 * `Client#query` calls) at 500 and at 50 tables: the catalog queries must not grow.
 *
 *   node bench/autogenerate.mjs [--tables N] [--runs N] [--skip-python] [--skip-typeorm]
 *                               [--fresh] [--setup sql|ours] [--profile|--no-profile] [--help]
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { CACHE_ROOT } from './generate-tree.mjs';
import {
  DEFAULT_SCHEMA_SEED,
  SCHEMA_GENERATOR_VERSION,
  describeSchema,
  planSchema,
  renderBookkeepingSql,
  renderOursBaseline,
  renderPythonBaseline,
  renderPythonIni,
  renderSchemaSql,
  writePythonFiles,
  writeTypeOrmFiles,
} from './support/autogenerate-schema.mjs';
import { ensureSymlink, snapshotBuild } from './support/build-snapshot.mjs';
import { renderProfileSummary, summariseProfile } from './support/cpu-profile-summary.mjs';
import { findOnPath } from './support/find-on-path.mjs';
import { renderTable } from './support/markdown-table.mjs';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const PACKAGES_DIR = path.resolve(benchDir, '..', 'packages');
const DEFAULT_OURS_BIN = path.join(PACKAGES_DIR, 'cli', 'dist', 'bin.js');
const PEERS_DIR = path.join(benchDir, 'peers');
const METADATA_FLOOR = path.join(benchDir, 'support', 'typeorm-metadata-floor.cjs');
const QUERY_LOG_PRELOAD = pathToFileURL(path.join(benchDir, 'support', 'pg-query-log.mjs')).href;
const TIME_BIN = '/usr/bin/time';
const MAX_BUFFER = 256 * 1024 * 1024;
const DEFAULT_PG_URL = 'postgresql://postgres@127.0.0.1:5432';
const PROFILE_ROOT = path.join(CACHE_ROOT, 'profiles');
/** Where the build under test is copied at start (bench/support/build-snapshot.mjs). */
const SNAPSHOT_DIR = path.join(CACHE_ROOT, 'ours-build-autogenerate');
const SNAPSHOT_PACKAGES = ['cli', 'core', 'dialect-postgres', 'typeorm'];
/** The revision all three tools' version tables are at (ours and Python share alembic_version). */
const BASELINE_REVISION = 'ba5e11e00001';

const BUDGET_TABLES = 500;
const BUDGET_SECONDS = 2;
const BUDGET_TYPEORM_RATIO = 3;
const BUDGET_RSS_MB = 300;
const DEFAULT_COMPARE_TABLES = 50;

/** Not a user's default, and they skew one side (see bench/README.md); removed unless --keep-env. */
const NODE_SKEWING_VARIABLES = ['NODE_EXTRA_CA_CERTS', 'NODE_OPTIONS'];
const PYTHON_SKEWING_VARIABLES = ['PYTHONDONTWRITEBYTECODE', 'PYTHONUNBUFFERED', 'PYTHONOPTIMIZE'];
/** Never passed on: each run sets its own database; NODE_PATH (pnpm sets it) would resolve packages a project lacks. */
const ALWAYS_REMOVED = ['DATABASE_URL', 'ALEMBIC_CONFIG', 'PGDATABASE', 'NODE_PATH'];

const USAGE = `usage: node bench/autogenerate.mjs [options]

  --tables N          tables in the schema (default ${BUDGET_TABLES}; budgets apply at ${BUDGET_TABLES})
  --compare-tables N  the smaller schema whose query count must equal the big one's
                      (default ${DEFAULT_COMPARE_TABLES})
  --runs N            timed runs per tool, after one untimed warm-up (default 5)
  --seed S            schema generator seed (default ${DEFAULT_SCHEMA_SEED})
  --setup MODE        how the database is brought to head: 'sql' (default: the bench's own DDL,
                      as TypeORM writes it) or 'ours' (our \`revision --autogenerate\` +
                      \`upgrade head\` on the empty database)
  --alter SQL         run SQL on each case's database after the setup, e.g. 'ALTER TABLE tbl_0001
                      ADD COLUMN extra integer': every check should then find it (WARNING rows)
  --fresh             regenerate the cached projects (entities, models.py, our init)
  --ours PATH         our CLI's bin.js (default ${DEFAULT_OURS_BIN})
  --python-alembic P  Python Alembic's command (default: alembic on PATH)
  --skip-python       no Python Alembic
  --skip-typeorm      no TypeORM
  --pg-url URL        PostgreSQL server, without database (default ${DEFAULT_PG_URL});
                      each case creates and drops a database bench_autogen_<pid>_<tables>
  --profile           profile ours (node --cpu-prof) even within budget
  --no-profile        never profile (default: profile ours when it misses a time budget)
  --keep-env          keep NODE_EXTRA_CA_CERTS, NODE_OPTIONS, PYTHONDONTWRITEBYTECODE,
                      PYTHONUNBUFFERED, PYTHONOPTIMIZE in the children's environment
  --help              this text

Needs: the CLI built (pnpm build), TypeORM in bench/peers (npm install --prefix bench/peers),
psql and a PostgreSQL server, Python Alembic with psycopg2 for the Python column.`;

// ---------------------------------------------------------------------------------------------
// Arguments.

function parseArguments(argv) {
  const options = {
    tables: BUDGET_TABLES,
    compareTables: DEFAULT_COMPARE_TABLES,
    runs: 5,
    seed: DEFAULT_SCHEMA_SEED,
    setup: 'sql',
    alter: undefined,
    fresh: false,
    oursBin: DEFAULT_OURS_BIN,
    pythonAlembic: undefined,
    skipPython: false,
    skipTypeOrm: false,
    pgUrl: DEFAULT_PG_URL,
    profile: 'auto',
    keepEnv: false,
  };
  const integer = (name, raw, minimum) => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < minimum) throw new Error(`${name} needs an integer >= ${minimum}`);
    return value;
  };
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    const value = () => {
      const next = argv[index + 1];
      if (next === undefined) throw new Error(`${argument} needs a value`);
      index += 1;
      return next;
    };
    switch (argument) {
      case '--tables':
        options.tables = integer(argument, value(), 1);
        break;
      case '--compare-tables':
        options.compareTables = integer(argument, value(), 1);
        break;
      case '--runs':
        options.runs = integer(argument, value(), 1);
        break;
      case '--seed':
        options.seed = integer(argument, value(), 1);
        break;
      case '--setup': {
        const mode = value();
        if (mode !== 'sql' && mode !== 'ours') throw new Error(`--setup takes 'sql' or 'ours', not '${mode}'`);
        options.setup = mode;
        break;
      }
      case '--alter':
        options.alter = value();
        break;
      case '--fresh':
        options.fresh = true;
        break;
      case '--ours':
        options.oursBin = path.resolve(value());
        break;
      case '--python-alembic':
        options.pythonAlembic = value();
        break;
      case '--skip-python':
        options.skipPython = true;
        break;
      case '--skip-typeorm':
        options.skipTypeOrm = true;
        break;
      case '--pg-url':
        options.pgUrl = value().replace(/\/+$/, '');
        break;
      case '--profile':
        options.profile = 'always';
        break;
      case '--no-profile':
        options.profile = 'never';
        break;
      case '--keep-env':
        options.keepEnv = true;
        break;
      case '--help':
      case '-h':
        process.stdout.write(`${USAGE}\n`);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown argument '${argument}'`);
    }
  }
  return options;
}

// ---------------------------------------------------------------------------------------------
// Running one process.

const haveTime = existsSync(TIME_BIN);
const scratch = mkdtempSync(path.join(os.tmpdir(), 'alembic-bench-autogenerate-'));
const timeOutput = path.join(scratch, 'maxrss');

/** Strips terminal colour codes (TypeORM's CLI colours its messages). */
const plain = (text) => (text ?? '').replace(/\u001b\[[0-9;]*m/g, '');

/**
 * Runs one process, stdout and stderr captured: wall seconds from spawn to exit, exit status,
 * peak RSS (KB, GNU time; undefined without it).
 */
function runOnce({ command, args, cwd, env }) {
  const argv = haveTime ? ['-f', '%M', '-o', timeOutput, command, ...args] : args;
  const started = performance.now();
  const result = spawnSync(haveTime ? TIME_BIN : command, argv, {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: MAX_BUFFER,
  });
  const seconds = (performance.now() - started) / 1000;
  let peakKb;
  if (haveTime && existsSync(timeOutput)) {
    const lines = readFileSync(timeOutput, 'utf8').trim().split('\n');
    // GNU time writes "Command exited with non-zero status N" before the figure.
    peakKb = Number(lines[lines.length - 1]);
    rmSync(timeOutput, { force: true });
  }
  return {
    seconds,
    status: result.error ? -1 : result.status,
    signal: result.signal,
    stdout: plain(result.stdout),
    stderr: result.error ? String(result.error.message) : plain(result.stderr),
    peakKb,
  };
}

/** The last meaningful line of a failed run's output. */
function errorLine(text) {
  const lines = (text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('INFO '));
  return lines.find((line) => /FAILED|Error|error:/.test(line)) ?? lines[lines.length - 1] ?? '(no output)';
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

// ---------------------------------------------------------------------------------------------
// Contenders.

/**
 * A contender: `{ id, label, prepare() -> { command, args, cwd, env, judge(result) -> { outcome:
 * 'clean' | 'differences' | 'failed', detail }, cleanup() } }`. `clean`: the check ran and found
 * nothing, the only outcome worth timing.
 */
function runContender(contender, extraNodeArguments = []) {
  const prepared = contender.prepare(extraNodeArguments);
  try {
    const result = runOnce(prepared);
    const verdict = prepared.judge(result);
    return { ...verdict, seconds: result.seconds, peakKb: result.peakKb ?? 0, result };
  } finally {
    prepared.cleanup?.();
  }
}

/**
 * One untimed warm-up run of each contender (fills ours' compiled-TypeScript cache and Python's
 * `__pycache__`, as any second run on a user's machine has them), then `runs` rounds with the
 * contenders interleaved, so that a change of machine load hits all of them alike. A run that
 * fails stops that contender; one that finds differences is timed but counted.
 */
function measureSideBySide(title, contenders, { runs }) {
  const states = new Map(
    contenders.map((contender) => [
      contender.id,
      { times: [], peakKb: 0, failed: false, error: undefined, differences: 0, detail: undefined },
    ]),
  );
  const record = (contender, outcome, timed) => {
    const state = states.get(contender.id);
    state.peakKb = Math.max(state.peakKb, outcome.peakKb);
    if (outcome.outcome === 'failed') {
      state.failed = true;
      state.error = outcome.detail;
      process.stderr.write(`  ${title}, ${contender.label}: FAILED (${outcome.detail})\n`);
      return;
    }
    if (outcome.outcome === 'differences') {
      state.differences += 1;
      state.detail ??= outcome.detail;
      if (state.differences === 1)
        process.stderr.write(
          `  ${title}, ${contender.label}: WARNING, found differences: ${outcome.detail.split('\n')[0]}\n`,
        );
    }
    if (timed) state.times.push(outcome.seconds);
  };
  for (const contender of contenders) {
    process.stderr.write(`  ${title}, ${contender.label}: warm-up\n`);
    record(contender, runContender(contender), false);
  }
  for (let round = 0; round < runs; round += 1) {
    for (const contender of contenders) {
      if (states.get(contender.id).failed) continue;
      record(contender, runContender(contender), true);
    }
  }
  const measurements = {};
  for (const contender of contenders) {
    const state = states.get(contender.id);
    if (state.failed) {
      measurements[contender.id] = { failed: true, error: state.error, peakKb: state.peakKb };
      continue;
    }
    const sorted = [...state.times].sort((a, b) => a - b);
    measurements[contender.id] = {
      failed: false,
      best: sorted[0],
      median: median(sorted),
      runs: sorted.length,
      peakKb: state.peakKb,
      differences: state.differences,
      detail: state.detail,
    };
    process.stderr.write(
      `  ${title}, ${contender.label}: best ${sorted[0].toFixed(3)} s, median ${median(sorted).toFixed(3)} s, ` +
        `peak ${(state.peakKb / 1024).toFixed(0)} MB${state.differences > 0 ? `, differences found in ${state.differences} run(s)` : ''}\n`,
    );
  }
  return measurements;
}

/** Ours: `alembic check`, "No new upgrade operations detected." and exit 0 when clean. */
function judgeOurs(result) {
  const output = `${result.stdout}\n${result.stderr}`;
  if (result.status === 0 && result.stdout.includes('No new upgrade operations detected.')) return { outcome: 'clean' };
  if (result.status === 1 && /New upgrade operations detected/.test(output)) {
    const at = output.indexOf('New upgrade operations detected');
    return { outcome: 'differences', detail: output.slice(at, at + 600).trim() };
  }
  return {
    outcome: 'failed',
    detail: `exit ${result.status ?? result.signal}: ${errorLine(result.stderr || result.stdout)}`,
  };
}

/** TypeORM: `--check` prints "No changes in database schema were found" and exits 0 when clean. */
function judgeTypeOrm(flag) {
  return (result) => {
    const output = `${result.stdout}\n${result.stderr}`;
    const queries = output
      .split('\n')
      .filter((line) => line.includes('queryRunner.query('))
      .map((line) => line.trim());
    const differences = () => ({
      outcome: 'differences',
      detail: `${queries.length} queryRunner.query() lines (up and down), e.g.\n${queries.slice(0, 5).join('\n')}`,
    });
    if (flag === '--check') {
      if (result.status === 0 && output.includes('No changes in database schema were found'))
        return { outcome: 'clean' };
      if (result.status === 1 && output.includes('Unexpected changes in database schema')) return differences();
    } else {
      // --dryrun: "No changes ... cannot generate a migration" and exit 1 is the clean case.
      if (result.status === 1 && output.includes('No changes in database schema were found'))
        return { outcome: 'clean' };
      if (result.status === 0 && queries.length > 0) return differences();
    }
    return { outcome: 'failed', detail: `exit ${result.status ?? result.signal}: ${errorLine(output)}` };
  };
}

/**
 * Python Alembic 1.8 (`revision --autogenerate`): clean when no "Detected ..." line of
 * `alembic.autogenerate.compare` was logged and the new file's `upgrade()` has no `op.` call.
 */
function judgePython(versionsDir) {
  return (result) => {
    if (result.status !== 0)
      return { outcome: 'failed', detail: `exit ${result.status ?? result.signal}: ${errorLine(result.stderr)}` };
    const detected = result.stderr
      .split('\n')
      .filter((line) => line.includes('[alembic.autogenerate.compare] Detected'));
    const written = readdirSync(versionsDir).filter(
      (name) => name.endsWith('.py') && !name.startsWith(BASELINE_REVISION) && !name.includes('_baseline'),
    );
    if (written.length !== 1)
      return { outcome: 'failed', detail: `expected one new revision file, found ${written.length}` };
    const script = readFileSync(path.join(versionsDir, written[0]), 'utf8');
    const upgrade = script.slice(script.indexOf('def upgrade'), script.indexOf('def downgrade'));
    const operations = upgrade.split('\n').filter((line) => line.includes('op.'));
    if (detected.length === 0 && operations.length === 0) return { outcome: 'clean' };
    return {
      outcome: 'differences',
      detail: `${detected.length} "Detected" lines, ${operations.length} op. lines in upgrade(), e.g.\n${[
        ...detected,
        ...operations,
      ]
        .slice(0, 5)
        .map((line) => line.trim())
        .join('\n')}`,
    };
  };
}

// ---------------------------------------------------------------------------------------------
// Databases.

function psql(url, args, input) {
  return spawnSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, ...args], {
    encoding: 'utf8',
    input,
    maxBuffer: MAX_BUFFER,
    env: { ...process.env, PGCONNECT_TIMEOUT: '5' },
  });
}

const liveDatabases = new Set();

function createDatabase(serverUrl, tables) {
  const name = `bench_autogen_${process.pid}_${tables}`;
  const result = psql(`${serverUrl}/postgres`, [
    '-c',
    `DROP DATABASE IF EXISTS ${name}`,
    '-c',
    `CREATE DATABASE ${name}`,
  ]);
  if (result.status !== 0) throw new Error(`cannot create database ${name}: ${result.stderr.trim()}`);
  liveDatabases.add(name);
  return { name, url: `${serverUrl}/${name}` };
}

function dropDatabase(serverUrl, name) {
  let result = psql(`${serverUrl}/postgres`, ['-c', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]);
  if (result.status !== 0) result = psql(`${serverUrl}/postgres`, ['-c', `DROP DATABASE IF EXISTS ${name}`]);
  if (result.status === 0) liveDatabases.delete(name);
  else process.stderr.write(`could not drop database ${name}: ${result.stderr.trim()}\n`);
}

function dropLiveDatabases(serverUrl) {
  for (const name of [...liveDatabases]) dropDatabase(serverUrl, name);
}

/** Tables, columns, foreign keys and indexes in the database's public schema (a sanity check). */
function countDatabaseObjects(url) {
  const result = psql(url, [
    '-At',
    '-F',
    ' ',
    '-c',
    "SELECT (SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 'tbl\\_%'), " +
      "(SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public' AND table_name LIKE 'tbl\\_%'), " +
      "(SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace), " +
      "(SELECT count(*) FROM pg_indexes WHERE schemaname = 'public' AND indexname LIKE 'ix\\_%')",
  ]);
  if (result.status !== 0) return undefined;
  const [tables, columns, foreignKeys, indexes] = result.stdout.trim().split(' ').map(Number);
  return { tables, columns, foreignKeys, indexes };
}

// ---------------------------------------------------------------------------------------------
// Projects.

function sha1(...parts) {
  const hash = createHash('sha1');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/** `CACHE_ROOT/autogenerate-<tables>-seed<seed>-g<version>`: `project/` (TypeORM + ours), `python/`, `schema.sql`. */
function cachedSchemaPath({ tables, seed }) {
  return path.join(CACHE_ROOT, `autogenerate-${tables}-seed${seed}-g${SCHEMA_GENERATOR_VERSION}`);
}

/**
 * The generated files of one schema size, cached: written beside the cache entry and renamed
 * into place. Returns `{ dir, plan, generated }`.
 */
function ensureSchemaFiles({ tables, seed, fresh }) {
  const dir = cachedSchemaPath({ tables, seed });
  const plan = planSchema({ tables, seed });
  const marker = path.join(dir, 'schema.json');
  if (!fresh && existsSync(marker)) return { dir, plan, generated: false };
  rmSync(dir, { recursive: true, force: true });
  const staging = `${dir}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  writeTypeOrmFiles(path.join(staging, 'project'), plan);
  writePythonFiles(path.join(staging, 'python'), plan);
  writeFileSync(path.join(staging, 'schema.sql'), renderSchemaSql(plan, { revision: BASELINE_REVISION }));
  writeFileSync(
    marker.replace(dir, staging),
    `${JSON.stringify({ generatorVersion: SCHEMA_GENERATOR_VERSION, seed, ...describeSchema(plan) }, null, 2)}\n`,
  );
  mkdirSync(path.dirname(dir), { recursive: true });
  renameSync(staging, dir);
  return { dir, plan, generated: true };
}

/**
 * Links the project's `node_modules`: TypeORM, reflect-metadata and pg from bench/peers (as the
 * application installs them), and `@alembic/{cli,core,dialect-postgres,typeorm}` to the build
 * copy (as `npm install` of them would place them).
 */
function linkProjectModules(projectDir, snapshotAbsent) {
  const modules = path.join(projectDir, 'node_modules');
  for (const name of ['typeorm', 'reflect-metadata', 'pg']) {
    ensureSymlink(path.join(PEERS_DIR, 'node_modules', name), path.join(modules, name));
  }
  for (const name of SNAPSHOT_PACKAGES) {
    if (snapshotAbsent.includes(name)) rmSync(path.join(modules, '@alembic', name), { force: true });
    else ensureSymlink(path.join(SNAPSHOT_DIR, name), path.join(modules, '@alembic', name));
  }
}

/**
 * Points the copied `@alembic/dialect-postgres` at the application's `pg` (bench/peers), as an
 * install does: `pg` is the dialect's peer dependency, so it resolves the application's copy.
 * Otherwise the copy keeps the workspace's own `pg` (a dev dependency) and every run of ours
 * loads two (TypeORM's DataSource loads the application's). Returns the note, or undefined when
 * the peers' `pg` is absent or outside the dialect's range (then nothing changes).
 */
function shareApplicationPg() {
  const peersPg = path.join(PEERS_DIR, 'node_modules', 'pg');
  const dialectDir = path.join(SNAPSHOT_DIR, 'dialect-postgres');
  if (!existsSync(path.join(peersPg, 'package.json')) || !existsSync(path.join(dialectDir, 'package.json')))
    return undefined;
  const version = JSON.parse(readFileSync(path.join(peersPg, 'package.json'), 'utf8')).version;
  const manifest = JSON.parse(readFileSync(path.join(dialectDir, 'package.json'), 'utf8'));
  const range = manifest.peerDependencies?.pg ?? manifest.dependencies?.pg ?? '';
  const [major, minor] = version.split('.').map(Number);
  const wanted = /^\^(\d+)\.(\d+)/.exec(range);
  if (wanted === null || Number(wanted[1]) !== major || Number(wanted[2]) > minor) return undefined;
  ensureSymlink(peersPg, path.join(dialectDir, 'node_modules', 'pg'));
  return `ours loads the application's pg ${version} (bench/peers), the one copy an install gives @alembic/dialect-postgres (peer dependency ${range})`;
}

/**
 * Ours in the project: `alembic init --template typeorm migrations` (run in a staging directory,
 * its files moved in), `typeorm.dataSource` pointed at `src/data-source.js`. Redone when the
 * template changes. Returns `undefined`, or why ours cannot run.
 */
function ensureOursInit({ projectDir, oursBin, env, fresh }) {
  const templateDir = path.join(SNAPSHOT_DIR, 'core', 'templates', 'typeorm');
  if (!existsSync(path.join(templateDir, 'env.ts')))
    return 'the `typeorm` init template is not in the build (packages/core/templates/typeorm)';
  const fingerprint = sha1(
    ...readdirSync(templateDir)
      .sort()
      .map((name) => `${name}\n${readFileSync(path.join(templateDir, name), 'utf8')}`),
  );
  const markerPath = path.join(projectDir, '.bench-ours.json');
  if (!fresh && existsSync(markerPath) && JSON.parse(readFileSync(markerPath, 'utf8')).fingerprint === fingerprint)
    return undefined;
  const staging = path.join(scratch, 'init');
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const init = spawnSync(process.execPath, [oursBin, 'init', '--template', 'typeorm', 'migrations'], {
    cwd: staging,
    env,
    encoding: 'utf8',
  });
  if (init.status !== 0)
    return `our \`alembic init --template typeorm migrations\` failed: ${errorLine(init.stderr || init.stdout)}`;
  const configPath = path.join(staging, 'alembic.config.ts');
  const config = readFileSync(configPath, 'utf8');
  const pointed = config.replace(
    /typeorm:\s*\{\s*dataSource:\s*'[^']*'\s*\}/,
    "typeorm: { dataSource: 'src/data-source.js' }",
  );
  if (pointed === config)
    return "the typeorm template's alembic.config.ts has no `typeorm: { dataSource: '...' }` line to point at src/data-source.js";
  writeFileSync(configPath, pointed);
  rmSync(path.join(projectDir, 'migrations'), { recursive: true, force: true });
  rmSync(path.join(projectDir, 'alembic.config.ts'), { force: true });
  renameSync(path.join(staging, 'migrations'), path.join(projectDir, 'migrations'));
  renameSync(configPath, path.join(projectDir, 'alembic.config.ts'));
  writeFileSync(markerPath, `${JSON.stringify({ fingerprint, madeBy: 'bench/autogenerate.mjs' }, null, 2)}\n`);
  return undefined;
}

/** Our versions directory holding exactly the baseline revision (setup 'sql'), or nothing ('ours'). */
function resetOursVersions(projectDir, { withBaseline }) {
  const versions = path.join(projectDir, 'migrations', 'versions');
  rmSync(versions, { recursive: true, force: true });
  mkdirSync(versions, { recursive: true });
  if (withBaseline)
    writeFileSync(path.join(versions, `${BASELINE_REVISION}_baseline.ts`), renderOursBaseline(BASELINE_REVISION));
}

/** The interpreter Python Alembic runs with: the `alembic` script's shebang, else python3. */
function pythonInterpreterOf(alembicPath) {
  try {
    const firstLine = readFileSync(alembicPath, 'utf8').split('\n', 1)[0];
    if (firstLine.startsWith('#!')) {
      const interpreter = firstLine.slice(2).trim().split(/\s+/)[0];
      if (existsSync(interpreter)) return interpreter;
    }
  } catch {
    // fall through
  }
  return 'python3';
}

// ---------------------------------------------------------------------------------------------
// Counting ours' statements.

/** What a statement is: catalog (introspection), the version table, or other (session, ...). */
function classifyStatement(text) {
  if (/\balembic_version\b/i.test(text)) return 'version table';
  if (
    /\bpg_catalog\b|\bpg_(class|namespace|attribute|constraint|index|type|enum|attrdef|description|sequence|depend)\b|\binformation_schema\b|\bcurrent_schema\b|\bobj_description\b/i.test(
      text,
    )
  ) {
    return 'catalog';
  }
  return 'other';
}

/** Runs ours once with the query-log preload; `{ total, byClass, statements, seconds }` or `{ error }`. */
function countOursStatements(contender) {
  const logPath = path.join(scratch, `queries-${Date.now()}.json`);
  const run = runContender(
    {
      ...contender,
      prepare: (extra) => {
        const prepared = contender.prepare(['--import', QUERY_LOG_PRELOAD, ...extra]);
        return { ...prepared, env: { ...prepared.env, BENCH_PG_QUERY_LOG: logPath } };
      },
    },
    [],
  );
  if (run.outcome === 'failed') return { error: run.detail };
  if (!existsSync(logPath)) return { error: 'the preload wrote no log' };
  const log = JSON.parse(readFileSync(logPath, 'utf8'));
  rmSync(logPath, { force: true });
  if (!log.pgFound) return { error: 'pg not found from the project (node_modules/@alembic/dialect-postgres)' };
  const byClass = {};
  for (const statement of log.statements) {
    const kind = classifyStatement(statement.text);
    byClass[kind] = (byClass[kind] ?? 0) + 1;
  }
  return {
    total: log.statements.length,
    byClass,
    statements: log.statements,
    seconds: run.seconds,
    outcome: run.outcome,
  };
}

// ---------------------------------------------------------------------------------------------
// Profiling ours.

/** Which kind of work a frame is doing (see bench/support/cpu-profile-summary.mjs). */
function categoryOfFrame(frame) {
  const url = frame.url ?? '';
  const name = frame.functionName ?? '';
  if (name === '(idle)') return 'idle (waiting: database, loader thread)';
  if (name === '(garbage collector)') return 'garbage collection';
  if (name === '(program)') return 'V8/native (compiling, runtime)';
  if (/\/src\/entities\//.test(url) || url.endsWith('/src/data-source.js'))
    return 'the entity files (EntitySchema definitions)';
  if (/\/node_modules\/typeorm\//.test(url)) return 'TypeORM (entity metadata, naming, driver types)';
  if (/\/node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?(pg|pg-protocol|pg-types|pg-pool)\//.test(url))
    return 'pg driver';
  if (url.includes('/typeorm/dist/')) return '@alembic/typeorm (entity metadata to model)';
  if (url.includes('/dialect-postgres/dist/')) return '@alembic/dialect-postgres (introspection, normalizer)';
  if (url.includes('/core/dist/')) return '@alembic/core (config, env, compare, loader)';
  if (url.includes('/cli/dist/')) return '@alembic/cli';
  if (/node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?(esbuild|@swc)\//.test(url))
    return 'esbuild / swc (compiling .ts)';
  if (url.startsWith('node:internal/modules/') || url.startsWith('node:internal/worker'))
    return 'module loading (require / import, hooks)';
  return undefined;
}

/** Runs ours once under `node --cpu-prof`; the summary lines, or why there are none. */
function profileOurs(contender, title) {
  const profileDir = path.join(PROFILE_ROOT, `autogenerate-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  mkdirSync(profileDir, { recursive: true });
  process.stderr.write(`  profiling ${title} (node --cpu-prof) into ${profileDir}\n`);
  const run = runContender({
    ...contender,
    prepare: () => contender.prepare(['--cpu-prof', '--cpu-prof-dir', profileDir]),
  });
  if (run.outcome === 'failed') return `### Profile: ${title}\n\nFAILED: ${run.detail}`;
  const files = readdirSync(profileDir)
    .filter((name) => name.endsWith('.cpuprofile'))
    .sort();
  const lines = [
    `### Profile: ${title} (${formatSeconds(run.seconds)} s under the profiler)`,
    '',
    `profiles in ${profileDir}`,
    '',
  ];
  for (const file of files) {
    const thread = file.split('.')[4];
    const summary = summariseProfile(path.join(profileDir, file), {
      categoryOf: categoryOfFrame,
      includeInclusive: (frame) => !frame.url.startsWith('node:'),
    });
    lines.push(
      thread === '0' ? 'main thread:' : `thread ${thread} (module loader hooks):`,
      renderProfileSummary(summary, { top: 12 }),
      '',
    );
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Formatting.

const formatSeconds = (value) => value.toFixed(3);
const formatMb = (kb) => `${(kb / 1024).toFixed(0)} MB`;
const usable = (measurement) => measurement !== undefined && !measurement.skipped && !measurement.failed;

function timeCell(measurement) {
  if (measurement === undefined) return '—';
  if (measurement.skipped) return measurement.skipped;
  if (measurement.failed) return 'FAILED';
  return `${formatSeconds(measurement.best)} / ${formatSeconds(measurement.median)}${measurement.differences > 0 ? ' (!)' : ''}`;
}

function memoryCell(measurement) {
  if (measurement === undefined) return '—';
  if (measurement.skipped) return measurement.skipped;
  return measurement.peakKb > 0 ? formatMb(measurement.peakKb) : haveTime ? 'FAILED' : 'n/a (no GNU time)';
}

/** `numerator / denominator` of medians. */
function ratioCell(numerator, denominator) {
  if (!usable(numerator) || !usable(denominator)) return '—';
  return `${(numerator.median / denominator.median).toFixed(1)}x`;
}

const shorten = (text, length) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 3)}...` : flat;
};

// ---------------------------------------------------------------------------------------------
// Main.

async function main() {
  let options;
  try {
    options = parseArguments(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    process.exit(2);
  }
  if (!existsSync(options.oursBin)) {
    process.stderr.write(`our CLI is not built (${options.oursBin} missing): run pnpm build first\n`);
    process.exit(1);
  }
  if (!findOnPath('psql')) {
    process.stderr.write('psql is not on PATH (Debian package postgresql-client)\n');
    process.exit(1);
  }
  const probe = psql(`${options.pgUrl}/postgres`, ['-At', '-c', 'SELECT version()']);
  if (probe.status !== 0) {
    process.stderr.write(`PostgreSQL not reachable at ${options.pgUrl}: ${probe.stderr.trim().split('\n')[0]}\n`);
    process.exit(1);
  }
  const serverVersion = probe.stdout.trim().split(' ').slice(0, 2).join(' ');

  const notes = [];
  const withoutVariables = (names) => {
    const env = { ...process.env };
    for (const name of [...names, ...ALWAYS_REMOVED]) delete env[name];
    return env;
  };
  const nodeEnv = withoutVariables(options.keepEnv ? [] : NODE_SKEWING_VARIABLES);
  const pythonEnv = withoutVariables(options.keepEnv ? [] : PYTHON_SKEWING_VARIABLES);
  const removed = [...NODE_SKEWING_VARIABLES, ...PYTHON_SKEWING_VARIABLES].filter(
    (name) => process.env[name] !== undefined,
  );
  if (removed.length > 0 && !options.keepEnv) {
    notes.push(
      `removed from the children's environment (not a user's default; --keep-env keeps them): ${removed.join(', ')}`,
    );
  }
  if (!haveTime) notes.push(`${TIME_BIN} not found (Debian package time): no peak RSS figures`);

  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const loadAtStart = os.loadavg()[0];

  // ---- The tools --------------------------------------------------------------------------------
  const skipped = (text) => ({ skipped: text });
  let typeOrm;
  let typeOrmSkipped;
  if (options.skipTypeOrm) typeOrmSkipped = skipped('skipped');
  else {
    const cli = path.join(PEERS_DIR, 'node_modules', 'typeorm', 'cli.js');
    if (!existsSync(cli)) {
      typeOrmSkipped = skipped('not installed');
      notes.push('TypeORM not measured: install the peers with `npm install --prefix bench/peers`');
    } else {
      const version = JSON.parse(
        readFileSync(path.join(PEERS_DIR, 'node_modules', 'typeorm', 'package.json'), 'utf8'),
      ).version;
      const help = spawnSync(process.execPath, [cli, 'migration:generate', '--help'], {
        encoding: 'utf8',
        env: nodeEnv,
      });
      const flag = /--check\b/.test(help.stdout) ? '--check' : '--dryrun';
      typeOrm = { cli, version, flag };
      notes.push(
        `TypeORM ${version} (bench/peers, pg ${JSON.parse(readFileSync(path.join(PEERS_DIR, 'node_modules', 'pg', 'package.json'), 'utf8')).version}): ` +
          `\`typeorm migration:generate <path> ${flag} -d src/data-source.js\`` +
          (flag === '--check'
            ? ''
            : ' (this TypeORM has no --check: --dryrun, clean = "No changes ... found" and exit 1)'),
      );
    }
  }

  let python;
  let pythonSkipped;
  if (options.skipPython) pythonSkipped = skipped('skipped');
  else {
    const command = options.pythonAlembic ?? findOnPath('alembic');
    if (!command) {
      pythonSkipped = skipped('not installed');
      notes.push('Python Alembic (`alembic`) not on PATH: not measured (Debian package `alembic`)');
    } else {
      const interpreter = pythonInterpreterOf(command);
      const modules = spawnSync(
        interpreter,
        [
          '-c',
          'import alembic, sqlalchemy, psycopg2; print(alembic.__version__, sqlalchemy.__version__, psycopg2.__version__.split()[0])',
        ],
        { encoding: 'utf8', env: pythonEnv },
      );
      if (modules.status !== 0) {
        pythonSkipped = skipped('no psycopg2');
        notes.push(
          `Python Alembic not measured: ${interpreter} cannot import alembic, sqlalchemy and psycopg2 (${errorLine(modules.stderr)})`,
        );
      } else {
        const [alembicVersion, sqlalchemyVersion, psycopgVersion] = modules.stdout.trim().split(' ');
        const hasCheck = /\bcheck\b/.test(
          spawnSync(command, ['--help'], { encoding: 'utf8', env: pythonEnv }).stdout.split('\n').slice(0, 4).join(' '),
        );
        python = { command, hasCheck };
        notes.push(
          `Python Alembic ${alembicVersion} (SQLAlchemy ${sqlalchemyVersion}, psycopg2 ${psycopgVersion}, ${interpreter}): ` +
            (hasCheck
              ? '`alembic check`'
              : 'has no `check` command (added in 1.9): `alembic revision --autogenerate` into a temporary versions directory holding the baseline; the new file is inspected (no `op.` call in `upgrade()`, no "Detected" log line) and deleted') +
            "; `compare_type=True`, `compare_server_default=True`, TypeORM's `migrations` table left out by `include_name`",
        );
      }
    }
  }

  process.stderr.write(
    `node ${process.version}; ${serverVersion}; ${cpu} x${os.cpus().length}; load ${loadAtStart.toFixed(2)}; ` +
      `memory via ${haveTime ? TIME_BIN : 'nothing'}\n`,
  );

  // Ours: the build under test, copied.
  const snapshot = await snapshotBuild({
    packagesDir: path.resolve(path.dirname(options.oursBin), '..', '..'),
    packages: SNAPSHOT_PACKAGES,
    snapshotDir: SNAPSHOT_DIR,
    env: nodeEnv,
    optional: ['typeorm'],
  });
  const oursBin = snapshot.bin;
  const sharedPg = shareApplicationPg();
  if (sharedPg !== undefined) notes.push(sharedPg);
  const repository = path.resolve(PACKAGES_DIR, '..');
  const commit = spawnSync('git', ['-C', repository, 'rev-parse', '--short', 'HEAD'], {
    encoding: 'utf8',
  }).stdout.trim();
  const dirty = spawnSync('git', ['-C', repository, 'status', '--porcelain', '--', 'packages'], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter(Boolean).length;
  notes.push(
    `ours: CLI ${snapshot.version}, the build in ${path.resolve(path.dirname(options.oursBin), '..', '..')} (git ${commit || 'unknown'}` +
      `${dirty > 0 ? ` + ${dirty} uncommitted file(s) under packages/` : ''}) copied to ${SNAPSHOT_DIR} at start`,
  );
  let oursReason;
  if (snapshot.absent.includes('typeorm'))
    oursReason = '@alembic/typeorm is not built (pnpm --filter @alembic/typeorm build)';
  else {
    const help = spawnSync(process.execPath, [oursBin, '--help'], { encoding: 'utf8', env: nodeEnv });
    if (!/^\s+check\s/m.test(help.stdout))
      oursReason = 'our CLI has no `check` command yet (packages/core/src/commands/check.ts)';
  }

  const tablesName = (tables) => tables.toLocaleString('en-US');
  const rows = [];
  const warnings = [];
  const queryCounts = {};
  const profiles = [];
  let mainCase;

  /** One case: a schema of `tables`, its database, the contenders. */
  async function runCase({ tables, timeAll }) {
    const started = performance.now();
    const { dir, plan, generated } = ensureSchemaFiles({ tables, seed: options.seed, fresh: options.fresh });
    const projectDir = path.join(dir, 'project');
    const pythonDir = path.join(dir, 'python');
    linkProjectModules(projectDir, snapshot.absent);
    let caseOursReason = oursReason;
    if (caseOursReason === undefined)
      caseOursReason = ensureOursInit({ projectDir, oursBin, env: nodeEnv, fresh: options.fresh || generated });
    const counts = describeSchema(plan);
    process.stderr.write(
      `${tablesName(tables)} tables (${counts.columns} columns, ${counts.foreignKeys} foreign keys, ${counts.indexes} indexes, ` +
        `${counts.uniques} unique constraints): ${generated ? `written in ${((performance.now() - started) / 1000).toFixed(1)} s` : 'cached'} at ${dir}\n`,
    );

    const database = createDatabase(options.pgUrl, tables);
    let head = BASELINE_REVISION;
    let setup = options.setup;
    if (setup === 'ours' && caseOursReason !== undefined) {
      notes.push(`${tablesName(tables)} tables: --setup ours impossible (${caseOursReason}); the bench's DDL instead`);
      setup = 'sql';
    }
    const setupStarted = performance.now();
    if (setup === 'sql') {
      if (caseOursReason === undefined) resetOursVersions(projectDir, { withBaseline: true });
      const result = psql(database.url, ['-f', path.join(dir, 'schema.sql')]);
      if (result.status !== 0) throw new Error(`the schema DDL failed: ${result.stderr.trim().split('\n')[0]}`);
    } else {
      resetOursVersions(projectDir, { withBaseline: false });
      const env = { ...nodeEnv, DATABASE_URL: database.url };
      for (const args of [
        ['revision', '--autogenerate', '-m', 'baseline'],
        ['upgrade', 'head'],
      ]) {
        const result = spawnSync(process.execPath, [oursBin, ...args], {
          cwd: projectDir,
          env,
          encoding: 'utf8',
          maxBuffer: MAX_BUFFER,
        });
        if (result.status !== 0)
          throw new Error(
            `--setup ours: \`alembic ${args.join(' ')}\` failed: ${errorLine(result.stderr || result.stdout)}`,
          );
      }
      const version = psql(database.url, ['-At', '-c', 'SELECT version_num FROM alembic_version']);
      head = version.stdout.trim();
      const bookkeeping = psql(database.url, [], renderBookkeepingSql({ revision: head, withAlembicVersion: false }));
      if (bookkeeping.status !== 0) throw new Error(`TypeORM's migrations table: ${bookkeeping.stderr.trim()}`);
    }
    if (options.alter !== undefined) {
      const altered = psql(database.url, ['-c', options.alter]);
      if (altered.status !== 0) throw new Error(`--alter failed: ${altered.stderr.trim().split('\n')[0]}`);
      notes.push(
        `${tablesName(tables)} tables: after the setup, --alter ran \`${options.alter}\`: every check should find it`,
      );
    }
    const objects = countDatabaseObjects(database.url);
    const setupLine =
      `${tablesName(tables)} tables: database brought to head by ${setup === 'sql' ? "the bench's DDL (schema.sql, as TypeORM writes it)" : 'our `revision --autogenerate` + `upgrade head`'} ` +
      `in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s: ${objects ? `${objects.tables} tables, ${objects.columns} columns, ${objects.foreignKeys} foreign keys, ${objects.indexes} ix_ indexes` : 'counts unavailable'}` +
      `; alembic_version at ${head} (ours and Python share it), TypeORM's migrations table with one row`;
    notes.push(setupLine);
    process.stderr.write(`  ${setupLine}\n`);

    const ours = {
      id: 'ours',
      label: 'ours `alembic check`',
      prepare: (nodeArguments = []) => ({
        command: process.execPath,
        args: [...nodeArguments, oursBin, 'check'],
        cwd: projectDir,
        env: { ...nodeEnv, DATABASE_URL: database.url },
        judge: judgeOurs,
      }),
    };
    const typeOrmContender = typeOrm && {
      id: 'typeorm',
      label: `TypeORM migration:generate ${typeOrm.flag}`,
      prepare: () => ({
        command: process.execPath,
        args: [
          typeOrm.cli,
          'migration:generate',
          path.join(scratch, 'typeorm', 'BenchCheck'),
          typeOrm.flag,
          '-d',
          'src/data-source.js',
        ],
        cwd: projectDir,
        env: { ...nodeEnv, DATABASE_URL: database.url },
        judge: judgeTypeOrm(typeOrm.flag),
      }),
    };
    // Not a check: what every tool built on TypeORM's entity metadata pays before anything else.
    const floorContender = typeOrm && {
      id: 'floor',
      label: 'floor: node + data-source.js + TypeORM metadata, no connection',
      prepare: () => ({
        command: process.execPath,
        args: [METADATA_FLOOR, 'src/data-source.js'],
        cwd: projectDir,
        env: { ...nodeEnv, DATABASE_URL: database.url },
        judge: (result) =>
          result.status === 0 && result.stdout.trim() === `${tables} entities`
            ? { outcome: 'clean' }
            : { outcome: 'failed', detail: `exit ${result.status}: ${errorLine(result.stderr || result.stdout)}` },
      }),
    };
    let pythonCounter = 0;
    const pythonContender = python && {
      id: 'python',
      label: python.hasCheck ? 'Python `alembic check`' : 'Python `revision --autogenerate`',
      prepare: () => {
        pythonCounter += 1;
        const runDir = path.join(scratch, `python-${tables}-${pythonCounter}`);
        const versionsDir = path.join(runDir, 'versions');
        mkdirSync(versionsDir, { recursive: true });
        writeFileSync(path.join(versionsDir, `${head}_baseline.py`), renderPythonBaseline(head));
        const iniPath = path.join(runDir, 'alembic.ini');
        writeFileSync(iniPath, renderPythonIni({ scriptLocation: path.join(pythonDir, 'migrations'), versionsDir }));
        return {
          command: python.command,
          args: ['-c', iniPath, ...(python.hasCheck ? ['check'] : ['revision', '--autogenerate', '-m', 'bench check'])],
          cwd: pythonDir,
          env: { ...pythonEnv, DATABASE_URL: database.url },
          judge: python.hasCheck
            ? (result) =>
                result.status === 0 && /No new upgrade operations detected/.test(result.stdout + result.stderr)
                  ? { outcome: 'clean' }
                  : result.status === 255 || /New upgrade operations detected/.test(result.stdout + result.stderr)
                    ? { outcome: 'differences', detail: errorLine(result.stderr || result.stdout) }
                    : { outcome: 'failed', detail: `exit ${result.status}: ${errorLine(result.stderr)}` }
            : judgePython(versionsDir),
          cleanup: () => rmSync(runDir, { recursive: true, force: true }),
        };
      },
    };

    try {
      const contenders = [
        ...(caseOursReason === undefined ? [ours] : []),
        ...(timeAll && typeOrmContender ? [typeOrmContender, floorContender] : []),
        ...(timeAll && pythonContender ? [pythonContender] : []),
      ];
      const measured =
        contenders.length > 0
          ? measureSideBySide(`check, ${tablesName(tables)} tables`, contenders, { runs: options.runs })
          : {};
      if (caseOursReason !== undefined) measured.ours = skipped(`not available`);
      let statements;
      if (caseOursReason === undefined) {
        process.stderr.write(
          `  ${tablesName(tables)} tables: counting ours' statements (node --import bench/support/pg-query-log.mjs)\n`,
        );
        statements = countOursStatements(ours);
        queryCounts[tables] = statements;
      }
      if (timeAll && caseOursReason === undefined) {
        const oursMeasured = measured.ours;
        const missed =
          tables === BUDGET_TABLES &&
          usable(oursMeasured) &&
          (oursMeasured.median >= BUDGET_SECONDS ||
            (usable(measured.typeorm) && measured.typeorm.median / oursMeasured.median < BUDGET_TYPEORM_RATIO));
        if (options.profile === 'always' || (options.profile === 'auto' && missed)) {
          profiles.push(profileOurs(ours, `ours, \`alembic check\`, ${tablesName(tables)} tables`));
        }
      }
      return { tables, measured, statements, caseOursReason, counts };
    } finally {
      dropDatabase(options.pgUrl, database.name);
    }
  }

  try {
    mainCase = await runCase({ tables: options.tables, timeAll: true });
    const compareCase =
      options.compareTables === options.tables
        ? undefined
        : await runCase({ tables: options.compareTables, timeAll: false });

    // ---- Rows -------------------------------------------------------------------------------
    const { measured } = mainCase;
    const atBudgetSize = options.tables === BUDGET_TABLES;
    const notApplicable = `n/a (budget is for ${tablesName(BUDGET_TABLES)} tables)`;
    const oursMeasurement = measured.ours;
    const typeOrmMeasurement = typeOrm ? measured.typeorm : typeOrmSkipped;
    const pythonMeasurement = python ? measured.python : pythonSkipped;

    let timeVerdict;
    if (!atBudgetSize) timeVerdict = notApplicable;
    else if (!usable(oursMeasurement)) timeVerdict = 'not measured';
    else {
      const problems = [];
      if (oursMeasurement.median >= BUDGET_SECONDS) problems.push(`median ${formatSeconds(oursMeasurement.median)} s`);
      if (usable(typeOrmMeasurement)) {
        const ratio = typeOrmMeasurement.median / oursMeasurement.median;
        if (ratio < BUDGET_TYPEORM_RATIO) problems.push(`only ${ratio.toFixed(1)}x TypeORM`);
      } else problems.push('TypeORM not measured');
      timeVerdict = problems.length === 0 ? 'within budget' : `OVER budget (${problems.join(', ')})`;
      if (
        [oursMeasurement, typeOrmMeasurement].some((measurement) => usable(measurement) && measurement.differences > 0)
      ) {
        timeVerdict += ' (meaningless: a check found differences)';
      }
    }
    rows.push([
      `\`check\`, nothing to do, ${tablesName(options.tables)} tables`,
      timeCell(oursMeasurement),
      timeCell(typeOrmMeasurement),
      timeCell(pythonMeasurement),
      ratioCell(typeOrmMeasurement, oursMeasurement),
      ratioCell(pythonMeasurement, oursMeasurement),
      `ours < ${BUDGET_SECONDS} s and TypeORM/ours >= ${BUDGET_TYPEORM_RATIO}x`,
      timeVerdict,
    ]);

    const floorMeasurement = measured.floor;
    if (floorMeasurement !== undefined) {
      rows.push([
        `floor: load entities + TypeORM \`buildMetadatas()\`, ${tablesName(options.tables)} tables`,
        '—',
        timeCell(floorMeasurement),
        '—',
        '—',
        '—',
        '— (info)',
        '—',
      ]);
      if (usable(floorMeasurement) && usable(typeOrmMeasurement)) {
        const allowed = typeOrmMeasurement.median / BUDGET_TYPEORM_RATIO;
        notes.push(
          `the floor row (bench/support/typeorm-metadata-floor.cjs) is what ours (through @alembic/typeorm) and TypeORM both pay before any query: ` +
            `Node start, TypeORM and the ${tablesName(options.tables)} entity files loaded, entity metadata built. ` +
            `${BUDGET_TYPEORM_RATIO}x TypeORM allows ours ${formatSeconds(allowed)} s (medians), ${formatSeconds(allowed - floorMeasurement.median)} s above the floor` +
            (usable(oursMeasurement)
              ? `; ours takes ${formatSeconds(oursMeasurement.median - floorMeasurement.median)} s above it`
              : ''),
        );
      }
    }

    let memoryVerdict;
    if (!atBudgetSize) memoryVerdict = notApplicable;
    else if (!usable(oursMeasurement) || !(oursMeasurement.peakKb > 0)) memoryVerdict = 'not measured';
    else
      memoryVerdict =
        oursMeasurement.peakKb / 1024 < BUDGET_RSS_MB
          ? 'within budget'
          : `OVER budget (${formatMb(oursMeasurement.peakKb)})`;
    rows.push([
      `peak RSS, ${tablesName(options.tables)} tables`,
      memoryCell(oursMeasurement),
      memoryCell(typeOrmMeasurement),
      memoryCell(pythonMeasurement),
      '—',
      '—',
      `ours < ${BUDGET_RSS_MB} MB`,
      memoryVerdict,
    ]);

    const queryCell = (count) =>
      count === undefined
        ? 'not available'
        : count.error
          ? `FAILED (${count.error})`
          : `${count.byClass.catalog ?? 0} catalog of ${count.total}`;
    const big = queryCounts[options.tables];
    const small = queryCounts[options.compareTables];
    let queryVerdict;
    if (big === undefined || small === undefined || big.error || small.error) queryVerdict = 'not measured';
    else if (options.compareTables === options.tables) queryVerdict = 'n/a (same size)';
    else {
      const sameCatalog = (big.byClass.catalog ?? 0) === (small.byClass.catalog ?? 0);
      const sameTotal = big.total === small.total;
      queryVerdict =
        sameCatalog && sameTotal
          ? 'within budget (equal)'
          : sameCatalog
            ? 'catalog equal; total differs'
            : 'OVER budget (grows with the table count)';
    }
    rows.push([
      `ours' queries, ${tablesName(options.tables)} tables`,
      queryCell(big),
      '—',
      '—',
      '—',
      '—',
      `same as at ${tablesName(options.compareTables)} tables`,
      queryVerdict,
    ]);
    if (compareCase) {
      rows.push([
        `ours' queries, ${tablesName(options.compareTables)} tables`,
        queryCell(small),
        '—',
        '—',
        '—',
        '—',
        '— (info)',
        '—',
      ]);
      rows.push([
        `\`check\`, nothing to do, ${tablesName(options.compareTables)} tables`,
        timeCell(compareCase.measured.ours),
        '—',
        '—',
        '—',
        '—',
        '— (info)',
        '—',
      ]);
    }

    // ---- Warnings: a check that found differences ---------------------------------------------
    const toolNames = { ours: 'ours', typeorm: 'TypeORM', python: 'Python Alembic' };
    const possessive = { ours: "ours'", typeorm: "TypeORM's", python: "Python Alembic's" };
    for (const caseResult of [mainCase, compareCase].filter(Boolean)) {
      for (const [id, measurement] of Object.entries(caseResult.measured)) {
        if (measurement.failed) {
          rows.push([
            `WARNING: ${possessive[id]} check FAILED, ${tablesName(caseResult.tables)} tables`,
            '—',
            '—',
            '—',
            '—',
            '—',
            '—',
            shorten(measurement.error, 90),
          ]);
          warnings.push(`${toolNames[id]}, ${tablesName(caseResult.tables)} tables, FAILED: ${measurement.error}`);
        } else if (measurement.differences > 0) {
          rows.push([
            `WARNING: ${possessive[id]} check found differences, ${tablesName(caseResult.tables)} tables`,
            '—',
            '—',
            '—',
            '—',
            '—',
            'finds nothing',
            `in ${measurement.differences} of ${measurement.runs + 1} runs: timing meaningless`,
          ]);
          warnings.push(
            `${toolNames[id]}, ${tablesName(caseResult.tables)} tables, found differences where the schema should match the model:\n${measurement.detail}`,
          );
        }
      }
      if (caseResult.statements?.outcome === 'differences') {
        warnings.push(`ours, ${tablesName(caseResult.tables)} tables, the counted run found differences`);
      }
    }

    // ---- Notes --------------------------------------------------------------------------------
    const counts = mainCase.counts;
    notes.unshift(
      `schema: ${counts.tables} tables, ${counts.columns} columns (13 types), ${counts.defaults} server defaults, ${counts.foreignKeys} foreign keys ` +
        `(ON DELETE CASCADE / SET NULL / RESTRICT / NO ACTION), ${counts.indexes} indexes, ${counts.uniques} unique constraints; seed ${options.seed}; ` +
        `generated by bench/support/autogenerate-schema.mjs into ${cachedSchemaPath({ tables: options.tables, seed: options.seed })}`,
    );
    if (mainCase.caseOursReason) {
      notes.push(
        `ours not measured: ${mainCase.caseOursReason}. When the files exist: \`pnpm --filter @alembic/core build && pnpm --filter @alembic/typeorm build && pnpm --filter @alembic/cli build\``,
      );
    }
    for (const [tables, count] of Object.entries(queryCounts)) {
      if (count.error) continue;
      notes.push(
        `ours' statements at ${tablesName(Number(tables))} tables (one run under the preload, ${formatSeconds(count.seconds)} s): ${count.total} in all, ` +
          Object.entries(count.byClass)
            .map(([kind, number]) => `${number} ${kind}`)
            .join(', '),
      );
    }
    if (big && !big.error) {
      notes.push(
        `ours' statements at ${tablesName(options.tables)} tables, in order (time awaiting each): ` +
          big.statements
            .map(
              (statement) =>
                `${shorten(statement.text, 60)} [${classifyStatement(statement.text)}, ${statement.milliseconds.toFixed(0)} ms]`,
            )
            .join('; '),
      );
    }
  } finally {
    dropLiveDatabases(options.pgUrl);
  }

  // ---- Output ---------------------------------------------------------------------------------
  const header = [
    'work',
    'ours (s) best / median',
    'TypeORM (s)',
    'Python Alembic (s)',
    'TypeORM ÷ ours',
    'Python ÷ ours',
    'budget',
    'verdict',
  ];
  process.stdout.write(`\n${renderTable(header, rows)}\n\n`);
  process.stdout.write(
    `- ${options.runs} timed runs of each tool after one untimed warm-up (fills ours' compiled-TypeScript cache and Python's __pycache__), ` +
      'tools interleaved; whole process from spawn to exit; one database per case, set up once (a check changes nothing); ' +
      'best / median, verdicts use the median; (!) marks a tool whose check found differences\n',
  );
  const loadAtEnd = os.loadavg()[0];
  process.stdout.write(
    `- node ${process.version}, ${serverVersion} at ${options.pgUrl}, ${cpu} x${os.cpus().length}; load average ${loadAtStart.toFixed(2)} at start, ` +
      `${loadAtEnd.toFixed(2)} at end${Math.max(loadAtStart, loadAtEnd) > os.cpus().length / 2 ? ' (machine busy: expect noisy times)' : ''}\n`,
  );
  for (const note of notes) process.stdout.write(`- ${note}\n`);
  for (const warning of warnings) process.stdout.write(`\nWARNING: ${warning}\n`);
  for (const profile of profiles) process.stdout.write(`\n${profile}\n`);
}

function cleanUp() {
  try {
    dropLiveDatabases(parseArguments(process.argv.slice(2)).pgUrl);
  } catch {
    // best effort
  }
  rmSync(scratch, { recursive: true, force: true });
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    cleanUp();
    process.exit(130);
  });
}

main()
  .then(() => cleanUp())
  .catch((error) => {
    cleanUp();
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exit(1);
  });

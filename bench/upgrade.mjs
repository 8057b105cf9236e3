#!/usr/bin/env node
/**
 * Upgrade benchmark (DESIGN section 4): `upgrade head` over a chain of 2,000 one-statement
 * migrations (`op.execute('CREATE TABLE t_<rev> (id INTEGER)')`) on a fresh database, whole
 * process, side by side:
 *
 * - SQLite: ours, Python Alembic, and the `sqlite3` shell running the same statements (and the
 *   version table's) in one transaction; also cold caches, a no-op run at head, `--sql`.
 * - PostgreSQL (fresh database per run, dropped after): ours, `psql -1 -f` on the same SQL,
 *   Python Alembic (psycopg2) and knex (bench/peers).
 *
 * Peak resident memory of each process with GNU time. When ours misses a budget it is run once
 * more under `node --cpu-prof` and the profile is summarised (where the time goes).
 *
 *   node bench/upgrade.mjs [--size N] [--runs N] [--cold-runs N] [--fresh] [--skip-python]
 *                          [--skip-postgres] [--skip-peer] [--pg-url URL] [--profile|--no-profile]
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { CACHE_ROOT, DEFAULT_SEED, ensureTree, renderAlembicIni } from './generate-tree.mjs';
import { findOnPath } from './support/find-on-path.mjs';
import { renderTable } from './support/markdown-table.mjs';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const DEFAULT_OURS_BIN = path.resolve(benchDir, '..', 'packages', 'cli', 'dist', 'bin.js');
const PEERS_DIR = path.join(benchDir, 'peers');
const KNEX_CLI = path.join(PEERS_DIR, 'node_modules', 'knex', 'bin', 'cli.js');
const DRIVER_CALLS_PRELOAD = pathToFileURL(path.join(benchDir, 'support', 'driver-calls.mjs')).href;
const TIME_BIN = '/usr/bin/time';
const MAX_BUFFER = 512 * 1024 * 1024;
const DEFAULT_PG_URL = 'postgresql://postgres@127.0.0.1:5432';
const PROFILE_ROOT = path.join(CACHE_ROOT, 'profiles');
/** Where the build under test is copied at start (see `snapshotPackages`). */
const SNAPSHOT_DIR = path.join(CACHE_ROOT, 'ours-build');
const SNAPSHOT_PACKAGES = ['cli', 'core', 'dialect-sqlite', 'dialect-postgres'];

const BUDGET_SIZE = 2000;
const BUDGET_SQLITE_RATIO = 1.5;
const BUDGET_POSTGRES_RATIO = 1.2;

/** Not a user's default, and they skew one side (see bench/README.md); removed unless --keep-env. */
const NODE_SKEWING_VARIABLES = ['NODE_EXTRA_CA_CERTS', 'NODE_OPTIONS'];
const PYTHON_SKEWING_VARIABLES = ['PYTHONDONTWRITEBYTECODE', 'PYTHONUNBUFFERED', 'PYTHONOPTIMIZE'];
/** Never passed on: each run sets its own database. */
const DATABASE_VARIABLES = ['DATABASE_URL', 'ALEMBIC_CONFIG', 'PGDATABASE'];

const USAGE = `usage: node bench/upgrade.mjs [options]

  --size N            migrations in the chain (default ${BUDGET_SIZE}; budgets apply at ${BUDGET_SIZE})
  --runs N            timed runs per tool and case, after one untimed warm-up (default 3)
  --cold-runs N       timed runs with empty caches (ours: compiled-TypeScript cache; Python:
                      __pycache__), 0 to skip (default 1)
  --seed S            generator seed (default ${DEFAULT_SEED})
  --fresh             regenerate the cached tree and our project
  --ours PATH         our CLI's bin.js (default ${DEFAULT_OURS_BIN})
  --python-alembic P  Python Alembic's command (default: alembic on PATH)
  --skip-python       no Python Alembic
  --skip-postgres     SQLite only
  --skip-peer         no knex (Node peer) on PostgreSQL
  --pg-url URL        PostgreSQL server, without database (default ${DEFAULT_PG_URL});
                      each run creates and drops a database bench_upgrade_<pid>_<n>
  --profile           profile ours (node --cpu-prof) even within budget
  --no-profile        never profile (default: profile the cases that miss their budget)
  --keep-env          keep NODE_EXTRA_CA_CERTS, NODE_OPTIONS, PYTHONDONTWRITEBYTECODE,
                      PYTHONUNBUFFERED, PYTHONOPTIMIZE in the children's environment`;

// ---------------------------------------------------------------------------------------------
// Arguments.

function parseArguments(argv) {
  const options = {
    size: BUDGET_SIZE,
    runs: 3,
    coldRuns: 1,
    seed: DEFAULT_SEED,
    fresh: false,
    oursBin: DEFAULT_OURS_BIN,
    pythonAlembic: undefined,
    skipPython: false,
    skipPostgres: false,
    skipPeer: false,
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
      case '--size':
        options.size = integer(argument, value(), 2);
        break;
      case '--runs':
        options.runs = integer(argument, value(), 1);
        break;
      case '--cold-runs':
        options.coldRuns = integer(argument, value(), 0);
        break;
      case '--seed':
        options.seed = integer(argument, value(), 1);
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
      case '--skip-postgres':
        options.skipPostgres = true;
        break;
      case '--skip-peer':
        options.skipPeer = true;
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
const scratch = mkdtempSync(path.join(os.tmpdir(), 'alembic-bench-upgrade-'));
const timeOutput = path.join(scratch, 'maxrss');

/** Peak RSS (KB) from /proc, polled while the process runs: the fallback without GNU time. */
function runWithProcSampling(command, args, options) {
  return new Promise((resolve) => {
    const child = spawn(command, args, options);
    let peak = 0;
    const timer = setInterval(() => {
      try {
        const match = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (match) peak = Math.max(peak, Number(match[1]));
      } catch {
        // gone
      }
    }, 1);
    child.on('exit', () => {
      clearInterval(timer);
      resolve(peak);
    });
  });
}

/**
 * Runs one process: wall seconds from spawn to exit, exit status, peak RSS (KB), stderr, and
 * stdout when `capture` (else stdout goes to /dev/null). `stdinPath` feeds a file to stdin.
 */
async function runOnce({ command, args, cwd, env, stdinPath, capture = false }) {
  const devNull = capture ? undefined : openSync('/dev/null', 'w');
  const stdin = stdinPath === undefined ? 'ignore' : openSync(stdinPath, 'r');
  const argv = haveTime ? ['-f', '%M', '-o', timeOutput, command, ...args] : args;
  const executable = haveTime ? TIME_BIN : command;
  const started = performance.now();
  const result = spawnSync(executable, argv, {
    cwd,
    env,
    stdio: [stdin, capture ? 'pipe' : devNull, 'pipe'],
    encoding: 'utf8',
    maxBuffer: MAX_BUFFER,
  });
  const seconds = (performance.now() - started) / 1000;
  if (devNull !== undefined) closeSync(devNull);
  if (typeof stdin === 'number') closeSync(stdin);
  let peakKb;
  if (haveTime && existsSync(timeOutput)) {
    const lines = readFileSync(timeOutput, 'utf8').trim().split('\n');
    peakKb = Number(lines[lines.length - 1]);
    rmSync(timeOutput, { force: true });
  } else if (!haveTime && result.status === 0) {
    // A second, untimed run for the memory figure (GNU time missing).
    const stdinAgain = stdinPath === undefined ? 'ignore' : openSync(stdinPath, 'r');
    peakKb = await runWithProcSampling(command, args, { cwd, env, stdio: [stdinAgain, 'ignore', 'ignore'] });
    if (typeof stdinAgain === 'number') closeSync(stdinAgain);
  }
  return {
    seconds,
    status: result.error ? -1 : result.status,
    signal: result.signal,
    stdout: capture ? result.stdout : undefined,
    stderr: result.error ? String(result.error.message) : (result.stderr ?? ''),
    peakKb,
  };
}

/** The last meaningful line of a failed run's stderr (Python puts the error last). */
function errorLine(stderr) {
  const lines = (stderr ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^\[\d+\/\d+\] Running/.test(line) && !line.startsWith('INFO '));
  return lines.find((line) => /FAILED|Error|error:/.test(line)) ?? lines[lines.length - 1] ?? '(no stderr)';
}

// ---------------------------------------------------------------------------------------------
// Measuring contenders side by side.

/**
 * A contender: `{ id, label, prepare(kind) -> { command, args, cwd, env, stdinPath, capture,
 * verify() -> string | undefined, cleanup() } }`. `kind` is 'warm-up', 'timed' or 'profile'.
 */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function runContender(contender, kind, state) {
  const prepared = await contender.prepare(kind);
  try {
    const result = await runOnce(prepared);
    if (result.status !== 0) {
      return { failed: true, error: `exit ${result.status ?? result.signal}: ${errorLine(result.stderr)}` };
    }
    const problem = prepared.verify?.();
    if (problem !== undefined) return { failed: true, error: `wrong result: ${problem}` };
    state.peakKb = Math.max(state.peakKb, result.peakKb ?? 0);
    return { failed: false, seconds: result.seconds, stdout: result.stdout, stderr: result.stderr };
  } finally {
    await prepared.cleanup?.();
  }
}

/**
 * One untimed warm-up run of each contender (`warmUp`), then `runs` timed rounds, the contenders
 * interleaved within a round so that a change of machine load hits all of them alike.
 */
async function measureSideBySide(title, contenders, { runs, warmUp = true }) {
  const states = new Map(
    contenders.map((contender) => [
      contender.id,
      { times: [], peakKb: 0, failed: false, error: undefined, stdout: undefined },
    ]),
  );
  if (warmUp) {
    for (const contender of contenders) {
      const state = states.get(contender.id);
      const result = await runContender(contender, 'warm-up', state);
      if (result.failed) {
        state.failed = true;
        state.error = result.error;
        process.stderr.write(`  ${title}, ${contender.label}: FAILED (${result.error})\n`);
      } else {
        state.stdout = result.stdout;
      }
    }
  }
  for (let round = 0; round < runs; round += 1) {
    for (const contender of contenders) {
      const state = states.get(contender.id);
      if (state.failed) continue;
      const result = await runContender(contender, 'timed', state);
      if (result.failed) {
        state.failed = true;
        state.error = result.error;
        process.stderr.write(`  ${title}, ${contender.label}: FAILED (${result.error})\n`);
        continue;
      }
      state.times.push(result.seconds);
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
      times: state.times,
      peakKb: state.peakKb,
      stdout: state.stdout,
    };
    process.stderr.write(
      `  ${title}, ${contender.label}: best ${sorted[0].toFixed(3)} s, median ${median(sorted).toFixed(3)} s, ` +
        `peak ${(state.peakKb / 1024).toFixed(0)} MB\n`,
    );
  }
  return measurements;
}

// ---------------------------------------------------------------------------------------------
// Databases.

function sqliteQuery(databasePath, sql) {
  const result = spawnSync('sqlite3', [databasePath, sql], { encoding: 'utf8' });
  if (result.status !== 0) return { error: (result.stderr || `exit ${result.status}`).trim() };
  return { output: result.stdout.trim() };
}

function psql(url, args, input) {
  return spawnSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, ...args], {
    encoding: 'utf8',
    input,
    env: { ...process.env, PGCONNECT_TIMEOUT: '5' },
  });
}

const liveDatabases = new Set();
let databaseCounter = 0;

function createDatabase(serverUrl) {
  databaseCounter += 1;
  const name = `bench_upgrade_${process.pid}_${databaseCounter}`;
  const result = psql(`${serverUrl}/postgres`, ['-c', `CREATE DATABASE ${name}`]);
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

/** `undefined` when the SQLite file holds `size` t_ tables and the version table is at `head`. */
function verifySqlite(databasePath, size, head) {
  const { output, error } = sqliteQuery(
    databasePath,
    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name LIKE 't\\_%' ESCAPE '\\'; " +
      'SELECT group_concat(version_num) FROM alembic_version;',
  );
  if (error !== undefined) return error;
  const expected = `${size}\n${head}`;
  return output === expected
    ? undefined
    : `expected ${size} tables at ${head}, found ${output.replace('\n', ' tables at ')}`;
}

/** Same for PostgreSQL; knex keeps its own table instead of alembic_version. */
function verifyPostgres(url, size, head, versionTable = 'alembic') {
  const versionQuery =
    versionTable === 'knex'
      ? 'SELECT count(*) FROM knex_migrations'
      : "SELECT string_agg(version_num, ',') FROM alembic_version";
  const result = psql(url, [
    '-At',
    '-c',
    "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 't\\_%'",
    '-c',
    versionQuery,
  ]);
  if (result.status !== 0) return result.stderr.trim();
  const output = result.stdout.trim();
  const expected = `${size}\n${versionTable === 'knex' ? size : head}`;
  return output === expected
    ? undefined
    : `expected ${expected.replace('\n', ' / ')}, found ${output.replace('\n', ' / ')}`;
}

// ---------------------------------------------------------------------------------------------
// Projects.

function sha1(...parts) {
  const hash = createHash('sha1');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/** Makes `link` a symlink to `target` (replacing a wrong one). */
function ensureSymlink(target, link) {
  try {
    const stat = lstatSync(link);
    if (stat.isSymbolicLink() && readlinkSync(link) === target) return;
    rmSync(link, { recursive: true, force: true });
  } catch {
    // absent
  }
  mkdirSync(path.dirname(link), { recursive: true });
  symlinkSync(target, link);
}

/**
 * Copies the build under test (`dist/`, `package.json`, `templates/`, `bin/` of the CLI, core
 * and the SQLite and PostgreSQL dialects) to {@link SNAPSHOT_DIR}, their dependencies linked to
 * the originals, and returns the copy's `bin.js`. On this shared machine other sessions rebuild
 * `packages/*\/dist` at any time (tsup empties `dist/` first), which made runs fail half-way with
 * "Cannot find module .../dist/index.js" and would mix two builds in one table. Retries while a
 * package's `dist/` is incomplete (a rebuild in progress).
 */
async function snapshotPackages(oursBin, env) {
  const sourcePackages = path.resolve(path.dirname(oursBin), '..', '..');
  const entries = {
    cli: 'dist/bin.js',
    core: 'dist/index.js',
    'dialect-sqlite': 'dist/index.js',
    'dialect-postgres': 'dist/index.js',
  };
  for (let attempt = 1; ; attempt += 1) {
    const staging = `${SNAPSHOT_DIR}.tmp-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    let incomplete;
    for (const name of SNAPSHOT_PACKAGES) {
      const source = path.join(sourcePackages, name);
      if (!existsSync(path.join(source, 'package.json'))) continue;
      if (!existsSync(path.join(source, entries[name]))) {
        incomplete = `${name}/${entries[name]}`;
        break;
      }
      const target = path.join(staging, name);
      mkdirSync(target, { recursive: true });
      for (const part of ['package.json', 'dist', 'templates', 'bin', 'README.md']) {
        if (existsSync(path.join(source, part)))
          cpSync(path.join(source, part), path.join(target, part), { recursive: true });
      }
      const modules = path.join(source, 'node_modules');
      if (!existsSync(modules)) continue;
      for (const entry of readdirSync(modules)) {
        if (entry.startsWith('.')) continue;
        const scoped = entry.startsWith('@')
          ? readdirSync(path.join(modules, entry)).map((sub) => `${entry}/${sub}`)
          : [entry];
        for (const dependency of scoped) {
          const [scope, packageName] = dependency.split('/');
          const link = path.join(target, 'node_modules', dependency);
          if (scope === '@alembic' && SNAPSHOT_PACKAGES.includes(packageName)) {
            ensureSymlink(path.join('..', '..', '..', packageName), link);
          } else {
            try {
              ensureSymlink(realpathSync(path.join(modules, dependency)), link);
            } catch {
              // a dangling link in the source: leave it out
            }
          }
        }
      }
    }
    const bin = path.join(SNAPSHOT_DIR, 'cli', 'dist', 'bin.js');
    if (incomplete === undefined) {
      rmSync(SNAPSHOT_DIR, { recursive: true, force: true });
      renameSync(staging, SNAPSHOT_DIR);
      const check = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8', env });
      if (check.status === 0) return { bin, version: check.stdout.trim(), sourcePackages };
      incomplete = `the copied CLI does not start: ${errorLine(check.stderr)}`;
    }
    rmSync(staging, { recursive: true, force: true });
    if (attempt >= 10) throw new Error(`cannot copy the build under test (${incomplete}); is a build running?`);
    process.stderr.write(`  build incomplete (${incomplete}); retrying in 5 s\n`);
    await new Promise((resolve) => setTimeout(resolve, 5000));
  }
}

/**
 * `<tree>/ours-run`: a project as a user has it: made by our own `alembic init migrations`
 * (generic template: `alembic.config.ts` with `url: process.env.DATABASE_URL ?? ...`,
 * `migrations/env.ts`), the tree's 2,000 `.ts` scripts in `migrations/versions`, and
 * `node_modules/@alembic/{cli,core,dialect-sqlite,dialect-postgres}` linked to this checkout's
 * packages (as `npm install` of them would place them). Compiled TypeScript is then cached in
 * `node_modules/.cache/alembic`. Cached; rebuilt when the init template or the packages' place
 * changes, or with --fresh.
 */
function ensureOursProject({ treeDir, oursBin, fresh, env }) {
  const packagesDir = path.resolve(path.dirname(oursBin), '..', '..');
  const templateDir = path.join(packagesDir, 'core', 'templates', 'generic');
  const templateFiles = ['env.ts', 'alembic.config.ts.tmpl'].map((name) => path.join(templateDir, name));
  const fingerprint = sha1(
    packagesDir,
    ...templateFiles.map((file) => (existsSync(file) ? readFileSync(file, 'utf8') : file)),
  );
  const projectDir = path.join(treeDir, 'ours-run');
  const markerPath = path.join(projectDir, '.bench-project.json');
  if (!fresh && existsSync(markerPath)) {
    const marker = JSON.parse(readFileSync(markerPath, 'utf8'));
    if (marker.fingerprint === fingerprint) return { projectDir, built: false };
  }
  rmSync(projectDir, { recursive: true, force: true });
  const staging = path.join(treeDir, `.ours-run.tmp-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const init = spawnSync(process.execPath, [oursBin, 'init', 'migrations'], { cwd: staging, env, encoding: 'utf8' });
  if (init.status !== 0) {
    throw new Error(`our 'alembic init migrations' failed: ${errorLine(init.stderr || init.stdout)}`);
  }
  const sourceVersions = path.join(treeDir, 'ours', 'migrations', 'versions');
  const targetVersions = path.join(staging, 'migrations', 'versions');
  mkdirSync(targetVersions, { recursive: true });
  for (const name of readdirSync(sourceVersions)) {
    copyFileSync(path.join(sourceVersions, name), path.join(targetVersions, name));
  }
  for (const name of ['cli', 'core', 'dialect-sqlite', 'dialect-postgres']) {
    const target = path.join(packagesDir, name);
    if (existsSync(target)) ensureSymlink(target, path.join(staging, 'node_modules', '@alembic', name));
  }
  writeFileSync(
    path.join(staging, '.bench-project.json'),
    `${JSON.stringify({ fingerprint, packagesDir, madeBy: 'bench/upgrade.mjs' }, null, 2)}\n`,
  );
  renameSync(staging, projectDir);
  return { projectDir, built: true };
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
// Comparing offline SQL.

/** The statements of an SQL script: comments dropped, whitespace collapsed, `( x )` as `(x)`. */
function statementsOf(sql) {
  return sql
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('--'))
    .join(' ')
    .split(/;\s*(?:\s|$)/)
    .map((statement) => statement.replace(/\s+/g, ' ').replace(/\(\s+/g, '(').replace(/\s+\)/g, ')').trim())
    .filter((statement) => statement !== '');
}

/** Compares two scripts' statements; transaction control (BEGIN / COMMIT) reported apart. */
function compareStatements(left, right) {
  const isControl = (statement) => /^(BEGIN|COMMIT)( TRANSACTION)?$/i.test(statement);
  const leftStatements = statementsOf(left);
  const rightStatements = statementsOf(right);
  const leftBody = leftStatements.filter((statement) => !isControl(statement));
  const rightBody = rightStatements.filter((statement) => !isControl(statement));
  let difference;
  for (let index = 0; index < Math.max(leftBody.length, rightBody.length); index += 1) {
    if (leftBody[index] !== rightBody[index]) {
      difference = `statement ${index + 1}: \`${leftBody[index] ?? '(none)'}\` / \`${rightBody[index] ?? '(none)'}\``;
      break;
    }
  }
  return {
    same: difference === undefined,
    difference,
    count: leftBody.length,
    leftControl: leftStatements.filter(isControl).join(', ') || 'none',
    rightControl: rightStatements.filter(isControl).join(', ') || 'none',
  };
}

// ---------------------------------------------------------------------------------------------
// Profiling.

/** Which kind of work a stack is doing: the innermost frame that says so decides. */
function categoryOfFrame(frame) {
  const url = frame.url ?? '';
  const name = frame.functionName ?? '';
  if (name === '(idle)') return 'idle (waiting: loader thread, driver threads, socket)';
  if (name === '(garbage collector)') return 'garbage collection';
  if (name === '(program)') return 'V8/native (compiling, runtime)';
  if (
    /\/node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?(sqlite3|pg|pg-protocol|pg-pool|pg-types)\//.test(url) ||
    /\/dialect-(sqlite|postgres)\//.test(url)
  ) {
    return 'database (dialect + driver)';
  }
  if (/node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?esbuild\//.test(url)) return 'esbuild (compiling .ts)';
  if (
    url.startsWith('node:internal/modules/') ||
    url.startsWith('node:internal/worker') ||
    ['importModule', 'loadStepFunction', 'importModuleDynamicallyCallback'].includes(name)
  ) {
    return 'module loading (ESM loader, hooks messaging)';
  }
  if (/\/packages\/(core|cli)\/dist\//.test(url)) return 'alembic core / cli (graph, runtime, logging)';
  return undefined;
}

/** Self time per category and the top self-time functions of one .cpuprofile. */
function summariseProfile(file) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const selfMicros = new Map();
  profile.samples.forEach((id, index) => {
    selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  const categories = new Map();
  const functions = new Map();
  let total = 0;
  for (const [id, micros] of selfMicros) {
    total += micros;
    let category;
    for (let current = id; current !== undefined && category === undefined; current = parents.get(current)) {
      category = categoryOfFrame(nodes.get(current).callFrame);
    }
    category ??= 'other (Node internals)';
    categories.set(category, (categories.get(category) ?? 0) + micros);
    const frame = nodes.get(id).callFrame;
    const where = frame.url
      ? `${frame.url.replace(/^file:\/\//, '').replace(/^.*\/(node_modules|packages)\//, '$1/')}:${frame.lineNumber + 1}`
      : '';
    const key = `${frame.functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
    functions.set(key, (functions.get(key) ?? 0) + micros);
  }
  const sortDescending = (map) => [...map].sort((a, b) => b[1] - a[1]);
  return { total, categories: sortDescending(categories), functions: sortDescending(functions) };
}

function renderProfile(title, directory) {
  const files = existsSync(directory)
    ? readdirSync(directory)
        .filter((name) => name.endsWith('.cpuprofile'))
        .sort()
    : [];
  const lines = [`### Profile: ${title}`, '', `profiles in ${directory}`, ''];
  for (const file of files) {
    // CPU.<date>.<time>.<pid>.<thread>.<n>.cpuprofile: thread 0 is the main thread, 1 the
    // module loader's hooks thread (module.register).
    const thread = file.split('.')[4];
    const summary = summariseProfile(path.join(directory, file));
    const milliseconds = (micros) => `${(micros / 1000).toFixed(0)} ms`;
    const share = (micros) => `${((100 * micros) / summary.total).toFixed(0)}%`;
    lines.push(
      `${thread === '0' ? 'main thread' : `thread ${thread} (module loader hooks)`}: ${milliseconds(summary.total)} sampled`,
    );
    for (const [category, micros] of summary.categories.slice(0, 8)) {
      lines.push(`  ${milliseconds(micros).padStart(8)} ${share(micros).padStart(4)}  ${category}`);
    }
    lines.push('  top functions (self time, idle and GC left out):');
    for (const [name, micros] of summary.functions
      .filter(([name]) => !/^\((idle|garbage collector|program)\)/.test(name))
      .slice(0, 8)) {
      lines.push(`  ${milliseconds(micros).padStart(8)} ${share(micros).padStart(4)}  ${name}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** Node flags for a diagnostic run of ours: 'profile' (CPU profile) or 'driver-calls'. */
function diagnosticNodeArguments(kind, profileDir) {
  if (kind === 'profile') return ['--cpu-prof', '--cpu-prof-dir', profileDir];
  if (kind === 'driver-calls') return ['--import', DRIVER_CALLS_PRELOAD];
  return [];
}

/** Profiles ours once and counts its driver calls in a second run; returns the report's entry. */
async function profileOurs(makeContender, title, profileDir) {
  rmSync(profileDir, { recursive: true, force: true });
  mkdirSync(profileDir, { recursive: true });
  process.stderr.write(`  profiling ${title} (node --cpu-prof) into ${profileDir}\n`);
  const profiled = await runContender(makeContender(profileDir), 'profile', { peakKb: 0 });
  process.stderr.write(`  counting driver calls of ${title} (node --import bench/support/driver-calls.mjs)\n`);
  const counted = await runContender(makeContender(profileDir), 'driver-calls', { peakKb: 0 });
  let driverCalls;
  if (counted.failed) driverCalls = `FAILED: ${counted.error}`;
  else {
    const at = counted.stderr.indexOf('BENCH-DRIVER-CALLS ');
    driverCalls =
      at < 0
        ? 'no count printed'
        : `${counted.stderr.slice(at + 'BENCH-DRIVER-CALLS '.length).trimEnd()}\n(run: ${formatSeconds(counted.seconds)} s)`;
  }
  return {
    title: `${title} (${profiled.failed ? `FAILED: ${profiled.error}` : `${formatSeconds(profiled.seconds)} s under the profiler`})`,
    directory: profileDir,
    driverCalls,
  };
}

// ---------------------------------------------------------------------------------------------
// Formatting.

const formatSeconds = (value) => value.toFixed(3);
const formatMb = (kb) => `${(kb / 1024).toFixed(0)} MB`;

function timeCell(measurement) {
  if (measurement === undefined) return '—';
  if (measurement.skipped) return measurement.skipped;
  if (measurement.failed) return 'FAILED';
  return `${formatSeconds(measurement.best)} / ${formatSeconds(measurement.median)}`;
}

function memoryCell(measurements) {
  const present = measurements.filter((measurement) => measurement !== undefined && !measurement.skipped);
  if (present.length === 0) return measurements.find((measurement) => measurement?.skipped)?.skipped ?? '—';
  const peak = Math.max(...present.map((measurement) => measurement.peakKb ?? 0));
  return peak > 0 ? formatMb(peak) : 'FAILED';
}

function usable(measurement) {
  return measurement !== undefined && !measurement.skipped && !measurement.failed;
}

/** `numerator / denominator` of medians, e.g. ours over the shell. */
function ratioCell(numerator, denominator) {
  if (!usable(numerator) || !usable(denominator)) return '—';
  return `${(numerator.median / denominator.median).toFixed(1)}x`;
}

function budgetVerdict({ ours, baseline, limit, size, baselineName }) {
  if (size !== BUDGET_SIZE)
    return { verdict: `n/a (budget is for ${BUDGET_SIZE.toLocaleString('en-US')})`, missed: false };
  if (!usable(ours) || !usable(baseline)) return { verdict: 'not measured', missed: false };
  const ratio = ours.median / baseline.median;
  return ratio <= limit
    ? { verdict: 'within budget', missed: false }
    : {
        verdict: `OVER budget (${ratio.toFixed(1)}x ${baselineName}; ${formatSeconds(ours.median)} s vs ${formatSeconds(limit * baseline.median)} s allowed)`,
        missed: true,
      };
}

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
  const sourceBin = options.oursBin;
  if (!findOnPath('sqlite3')) {
    process.stderr.write('the sqlite3 shell is not on PATH (Debian package sqlite3)\n');
    process.exit(1);
  }
  const notes = [];
  const withoutVariables = (names) => {
    const env = { ...process.env };
    for (const name of [...names, ...DATABASE_VARIABLES]) delete env[name];
    return env;
  };
  const nodeEnv = withoutVariables(options.keepEnv ? [] : NODE_SKEWING_VARIABLES);
  const pythonEnv = withoutVariables(options.keepEnv ? [] : PYTHON_SKEWING_VARIABLES);
  const plainEnv = withoutVariables([]);
  const removed = [...NODE_SKEWING_VARIABLES, ...PYTHON_SKEWING_VARIABLES].filter(
    (name) => process.env[name] !== undefined,
  );
  if (removed.length > 0 && !options.keepEnv) {
    notes.push(
      `removed from the children's environment (not a user's default; --keep-env keeps them): ${removed.join(', ')}`,
    );
  }
  if (!haveTime) notes.push(`${TIME_BIN} not found: peak RSS sampled from /proc in a second, untimed run`);

  const pythonAlembic = options.skipPython ? undefined : (options.pythonAlembic ?? findOnPath('alembic'));
  if (!options.skipPython && !pythonAlembic) {
    notes.push('Python Alembic (`alembic`) not on PATH: not measured (Debian package `alembic`)');
  }
  const pythonVersion = pythonAlembic
    ? spawnSync(pythonAlembic, ['--version'], { encoding: 'utf8', env: pythonEnv }).stdout.trim() || 'unknown version'
    : 'Python Alembic not run';
  const sqliteVersion = spawnSync('sqlite3', ['-version'], { encoding: 'utf8' }).stdout.trim().split(' ')[0];
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const loadAtStart = os.loadavg()[0];
  process.stderr.write(
    `node ${process.version}; ${pythonVersion}; sqlite3 ${sqliteVersion}; ${cpu} x${os.cpus().length}; ` +
      `load ${loadAtStart.toFixed(2)}; memory via ${haveTime ? TIME_BIN : '/proc'}\n`,
  );

  // The build under test, copied; the tree, its knex and SQL parts; our project.
  const snapshot = await snapshotPackages(sourceBin, nodeEnv);
  options.oursBin = snapshot.bin;
  const repository = path.resolve(snapshot.sourcePackages, '..');
  const commit = spawnSync('git', ['-C', repository, 'rev-parse', '--short', 'HEAD'], {
    encoding: 'utf8',
  }).stdout.trim();
  const dirty = spawnSync('git', ['-C', repository, 'status', '--porcelain', '--', 'packages'], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter(Boolean).length;
  notes.push(
    `ours: CLI ${snapshot.version}, the build in ${snapshot.sourcePackages} (git ${commit || 'unknown'}${dirty > 0 ? ` + ${dirty} uncommitted file(s) under packages/` : ''}) copied to ${SNAPSHOT_DIR} at start`,
  );

  const size = options.size;
  const sizeName = size.toLocaleString('en-US');
  const started = performance.now();
  const {
    dir: treeDir,
    manifest,
    generated,
  } = ensureTree({
    shape: 'chain',
    size,
    seed: options.seed,
    fresh: options.fresh,
    parts: ['ours', 'python', 'knex', 'sql'],
  });
  const head = manifest.heads[0];
  const { projectDir, built } = ensureOursProject({
    treeDir,
    oursBin: options.oursBin,
    fresh: options.fresh || generated,
    env: nodeEnv,
  });
  process.stderr.write(
    `chain ${size}: ${generated || built ? `written in ${((performance.now() - started) / 1000).toFixed(1)} s` : 'cached'} at ${treeDir} (head ${head})\n`,
  );
  const oursCacheDir = path.join(projectDir, 'node_modules', '.cache', 'alembic');
  const pythonDir = path.join(treeDir, 'python');
  const pythonCaches = [
    path.join(pythonDir, 'migrations', '__pycache__'),
    path.join(pythonDir, 'migrations', 'versions', '__pycache__'),
  ];
  const shellSql = path.join(treeDir, 'sql', 'upgrade.sql');
  const psqlSql = path.join(treeDir, 'sql', 'upgrade-body.sql');
  let fileCounter = 0;
  const newSqlitePath = (tool) => {
    fileCounter += 1;
    return path.join(scratch, `${tool}-${fileCounter}.db`);
  };
  const writeIni = (url) => {
    fileCounter += 1;
    const iniPath = path.join(scratch, `alembic-${fileCounter}.ini`);
    writeFileSync(iniPath, renderAlembicIni({ scriptLocation: path.join(pythonDir, 'migrations'), url }));
    return iniPath;
  };
  const filesystem = spawnSync('stat', ['-f', '-c', '%T', scratch], { encoding: 'utf8' }).stdout.trim();

  const rows = [];
  const profiles = [];
  const skipped = (text) => ({ skipped: text });

  // ---- SQLite ---------------------------------------------------------------------------------
  process.stderr.write(`SQLite (database files in ${scratch}, ${filesystem})\n`);
  const lastDatabase = {};
  const oursSqlite = (id, { cold = false, atHead = false, offline = false, profileDir } = {}) => ({
    id,
    label: `ours${cold ? ' (cold)' : ''}${atHead ? ' (at head)' : ''}${offline ? ' --sql' : ''}`,
    prepare(kind) {
      if (cold) rmSync(oursCacheDir, { recursive: true, force: true });
      const databasePath = atHead ? lastDatabase.ours : newSqlitePath('ours');
      if (!atHead && !offline) lastDatabase.ours = databasePath;
      const nodeArgs = diagnosticNodeArguments(kind, profileDir);
      return {
        command: process.execPath,
        args: [...nodeArgs, options.oursBin, 'upgrade', 'head', ...(offline ? ['--sql'] : [])],
        cwd: projectDir,
        env: { ...nodeEnv, DATABASE_URL: `sqlite:///${databasePath}` },
        capture: offline && kind === 'warm-up',
        verify: () =>
          offline
            ? existsSync(databasePath)
              ? 'offline run created the database'
              : undefined
            : verifySqlite(databasePath, size, head),
      };
    },
  });
  const pythonSqlite = (id, { cold = false, atHead = false, offline = false } = {}) => ({
    id,
    label: `Python${cold ? ' (cold)' : ''}${atHead ? ' (at head)' : ''}${offline ? ' --sql' : ''}`,
    prepare(kind) {
      if (cold) for (const cache of pythonCaches) rmSync(cache, { recursive: true, force: true });
      const databasePath = atHead ? lastDatabase.python : newSqlitePath('python');
      if (!atHead && !offline) lastDatabase.python = databasePath;
      return {
        command: pythonAlembic,
        args: ['-c', writeIni(`sqlite:///${databasePath}`), 'upgrade', 'head', ...(offline ? ['--sql'] : [])],
        cwd: pythonDir,
        env: pythonEnv,
        capture: offline && kind === 'warm-up',
        verify: () => (offline ? undefined : verifySqlite(databasePath, size, head)),
      };
    },
  });
  const sqliteShell = {
    id: 'shell',
    label: 'sqlite3 shell',
    prepare() {
      const databasePath = newSqlitePath('shell');
      return {
        command: 'sqlite3',
        args: [databasePath],
        cwd: scratch,
        env: plainEnv,
        stdinPath: shellSql,
        verify: () => verifySqlite(databasePath, size, head),
      };
    },
  };

  // The floor for any Node.js tool: the same SQL file through the sqlite3 driver, one exec.
  const sqliteDriverPath = path.dirname(
    createRequire(path.join(benchDir, '..', 'packages', 'dialect-sqlite', 'package.json')).resolve(
      'sqlite3/package.json',
    ),
  );
  const sqliteNodeFloor = {
    id: 'nodeFloor',
    label: 'node + sqlite3 driver, one exec',
    prepare() {
      const databasePath = newSqlitePath('node-floor');
      return {
        command: process.execPath,
        args: [path.join(benchDir, 'support', 'sqlite-driver-floor.cjs'), sqliteDriverPath, shellSql, databasePath],
        cwd: scratch,
        env: nodeEnv,
        verify: () => verifySqlite(databasePath, size, head),
      };
    },
  };

  const sqliteWarm = await measureSideBySide(
    `upgrade head, SQLite, ${sizeName}`,
    [oursSqlite('ours'), sqliteShell, sqliteNodeFloor, ...(pythonAlembic ? [pythonSqlite('python')] : [])],
    { runs: options.runs },
  );
  const pythonSkipped = skipped(options.skipPython ? 'skipped' : 'not installed');
  const sqliteBudget = budgetVerdict({
    ours: sqliteWarm.ours,
    baseline: sqliteWarm.shell,
    limit: BUDGET_SQLITE_RATIO,
    size,
    baselineName: 'the shell',
  });
  rows.push([
    `\`upgrade head\`, SQLite, ${sizeName} (warm caches)`,
    timeCell(sqliteWarm.ours),
    timeCell(sqliteWarm.shell),
    pythonAlembic ? timeCell(sqliteWarm.python) : pythonSkipped.skipped,
    '—',
    ratioCell(sqliteWarm.ours, sqliteWarm.shell),
    ratioCell(sqliteWarm.python, sqliteWarm.ours),
    `ours <= ${BUDGET_SQLITE_RATIO}x sqlite3 shell`,
    sqliteBudget.verdict,
  ]);

  rows.push([
    `same SQL file via node + sqlite3 driver, one exec (floor for any Node tool), ${sizeName}`,
    timeCell(sqliteWarm.nodeFloor),
    timeCell(sqliteWarm.shell),
    '—',
    '—',
    ratioCell(sqliteWarm.nodeFloor, sqliteWarm.shell),
    '—',
    '— (info)',
    '—',
  ]);

  let sqliteCold = {};
  if (options.coldRuns > 0) {
    sqliteCold = await measureSideBySide(
      `upgrade head, SQLite, ${sizeName}, cold caches`,
      [oursSqlite('ours', { cold: true }), ...(pythonAlembic ? [pythonSqlite('python', { cold: true })] : [])],
      { runs: options.coldRuns, warmUp: false },
    );
    rows.push([
      `\`upgrade head\`, SQLite, ${sizeName} (cold caches)`,
      timeCell(sqliteCold.ours),
      '—',
      pythonAlembic ? timeCell(sqliteCold.python) : pythonSkipped.skipped,
      '—',
      ratioCell(sqliteCold.ours, sqliteWarm.shell),
      ratioCell(sqliteCold.python, sqliteCold.ours),
      '— (info)',
      '—',
    ]);
    // Leave the caches warm for what follows.
    await runContender(oursSqlite('ours'), 'warm-up', { peakKb: 0 });
    if (pythonAlembic) await runContender(pythonSqlite('python'), 'warm-up', { peakKb: 0 });
  }

  const sqliteAtHead = await measureSideBySide(
    'upgrade head at head (nothing to run), SQLite',
    [oursSqlite('ours', { atHead: true }), ...(pythonAlembic ? [pythonSqlite('python', { atHead: true })] : [])],
    { runs: options.runs, warmUp: false },
  );
  rows.push([
    '`upgrade head` at head (nothing to run), SQLite',
    timeCell(sqliteAtHead.ours),
    '—',
    pythonAlembic ? timeCell(sqliteAtHead.python) : pythonSkipped.skipped,
    '—',
    '—',
    ratioCell(sqliteAtHead.python, sqliteAtHead.ours),
    '— (info)',
    '—',
  ]);

  const offline = await measureSideBySide(
    `upgrade head --sql, ${sizeName}`,
    [oursSqlite('ours', { offline: true }), ...(pythonAlembic ? [pythonSqlite('python', { offline: true })] : [])],
    { runs: options.runs },
  );
  rows.push([
    `\`upgrade head --sql\` (no database), ${sizeName}`,
    timeCell(offline.ours),
    '—',
    pythonAlembic ? timeCell(offline.python) : pythonSkipped.skipped,
    '—',
    '—',
    ratioCell(offline.python, offline.ours),
    '— (info)',
    '—',
  ]);
  rows.push([
    `peak RSS, SQLite runs above, ${sizeName}`,
    memoryCell([sqliteWarm.ours, sqliteCold.ours, sqliteAtHead.ours, offline.ours]),
    memoryCell([sqliteWarm.shell]),
    pythonAlembic
      ? memoryCell([sqliteWarm.python, sqliteCold.python, sqliteAtHead.python, offline.python])
      : pythonSkipped.skipped,
    '—',
    '—',
    '—',
    '— (info)',
    '—',
  ]);

  if (usable(sqliteWarm.nodeFloor) && usable(sqliteWarm.shell)) {
    const floorRatio = sqliteWarm.nodeFloor.median / sqliteWarm.shell.median;
    notes.push(
      `the Node floor (node + the sqlite3 driver running the shell's SQL file in one exec, no tool at all) takes ` +
        `${floorRatio.toFixed(2)}x the shell (medians)` +
        (floorRatio > BUDGET_SQLITE_RATIO
          ? `: above the ${BUDGET_SQLITE_RATIO}x budget before any migration tool runs, so no Node.js tool on this driver can meet it here`
          : `; the ${BUDGET_SQLITE_RATIO}x budget leaves ${formatSeconds(BUDGET_SQLITE_RATIO * sqliteWarm.shell.median - sqliteWarm.nodeFloor.median)} s for everything a tool adds`),
    );
  }

  if (usable(offline.ours) && offline.ours.stdout !== undefined) {
    const againstFile = compareStatements(offline.ours.stdout, readFileSync(shellSql, 'utf8'));
    notes.push(
      againstFile.same
        ? `ours \`--sql\` (SQLite) runs the same ${againstFile.count} statements as the shell's file (transaction control: ours ${againstFile.leftControl}, file ${againstFile.rightControl})`
        : `ours \`--sql\` (SQLite) differs from the shell's file at ${againstFile.difference}`,
    );
    if (usable(offline.python) && offline.python.stdout !== undefined) {
      const againstPython = compareStatements(offline.ours.stdout, offline.python.stdout);
      notes.push(
        againstPython.same
          ? `ours and Python \`--sql\` (SQLite): same ${againstPython.count} statements; transaction control: ours ${againstPython.leftControl}, Python ${againstPython.rightControl}`
          : `ours and Python \`--sql\` (SQLite) differ at ${againstPython.difference}`,
      );
    }
  }
  if (usable(sqliteWarm.ours) && usable(sqliteAtHead.ours) && usable(offline.ours)) {
    const fixed = sqliteAtHead.ours.median;
    const scripts = offline.ours.median - fixed;
    const database = sqliteWarm.ours.median - offline.ours.median;
    notes.push(
      `ours on SQLite, by difference of medians: start-up, config, env.ts, graph, connection (no-op run) ${formatSeconds(fixed)} s; ` +
        `loading and running ${sizeName} scripts without a database (\`--sql\` minus no-op) ${formatSeconds(scripts)} s; ` +
        `database work (online minus \`--sql\`) ${formatSeconds(database)} s`,
    );
  }
  const shouldProfile = (missed) => options.profile === 'always' || (options.profile === 'auto' && missed);
  const profileStamp = new Date().toISOString().replace(/[:.]/g, '-');
  if (shouldProfile(sqliteBudget.missed)) {
    profiles.push(
      await profileOurs(
        (profileDir) => oursSqlite('ours', { profileDir }),
        `ours, \`upgrade head\`, SQLite, ${sizeName}, warm caches`,
        path.join(PROFILE_ROOT, `upgrade-${profileStamp}`, 'sqlite'),
      ),
    );
  }

  // ---- PostgreSQL -----------------------------------------------------------------------------
  let postgresReason;
  if (options.skipPostgres) postgresReason = 'skipped (--skip-postgres)';
  else if (!findOnPath('psql')) postgresReason = 'psql not on PATH';
  else {
    const probe = psql(`${options.pgUrl}/postgres`, ['-At', '-c', 'SELECT version()']);
    if (probe.status !== 0)
      postgresReason = `server not reachable at ${options.pgUrl}: ${probe.stderr.trim().split('\n')[0]}`;
    else
      notes.push(
        `PostgreSQL: ${probe.stdout.trim().split(' ').slice(0, 2).join(' ')} at ${options.pgUrl}; client processes' memory only`,
      );
  }
  const dialectPostgres = path.join(path.dirname(options.oursBin), '..', '..', 'dialect-postgres', 'dist', 'index.js');
  if (postgresReason === undefined && !existsSync(dialectPostgres))
    postgresReason = '@alembic/dialect-postgres is not built';

  if (postgresReason !== undefined) {
    notes.push(`PostgreSQL not measured: ${postgresReason}`);
  } else {
    process.stderr.write(`PostgreSQL (${options.pgUrl}, a fresh database per run)\n`);
    const withDatabase = (build) => () => {
      const database = createDatabase(options.pgUrl);
      const prepared = build(database);
      return { ...prepared, cleanup: () => dropDatabase(options.pgUrl, database.name) };
    };
    const oursPostgres = (id, profileDir) => ({
      id,
      label: 'ours',
      prepare: (kind) =>
        withDatabase((database) => ({
          command: process.execPath,
          args: [...diagnosticNodeArguments(kind, profileDir), options.oursBin, 'upgrade', 'head'],
          cwd: projectDir,
          env: { ...nodeEnv, DATABASE_URL: database.url },
          verify: () => verifyPostgres(database.url, size, head),
        }))(),
    });
    const psqlContender = {
      id: 'psql',
      label: 'psql -1 -f',
      prepare: withDatabase((database) => ({
        command: 'psql',
        args: ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-1', '-f', psqlSql, '-d', database.url],
        cwd: scratch,
        env: plainEnv,
        verify: () => verifyPostgres(database.url, size, head),
      })),
    };
    let pythonPostgres;
    let pythonPostgresSkipped = pythonSkipped;
    if (pythonAlembic) {
      const interpreter = pythonInterpreterOf(pythonAlembic);
      const check = spawnSync(interpreter, ['-c', 'import psycopg2; print(psycopg2.__version__.split()[0])'], {
        encoding: 'utf8',
        env: pythonEnv,
      });
      if (check.status === 0) {
        notes.push(`Python Alembic on PostgreSQL through psycopg2 ${check.stdout.trim()} (${interpreter})`);
        pythonPostgres = {
          id: 'python',
          label: 'Python',
          prepare: withDatabase((database) => ({
            command: pythonAlembic,
            args: ['-c', writeIni(database.url), 'upgrade', 'head'],
            cwd: pythonDir,
            env: pythonEnv,
            verify: () => verifyPostgres(database.url, size, head),
          })),
        };
      } else {
        pythonPostgresSkipped = skipped('no psycopg2');
        notes.push(
          `Python Alembic on PostgreSQL not measured: ${interpreter} has no psycopg2 (apt-get install python3-psycopg2)`,
        );
      }
    }
    let knex;
    let knexSkipped = skipped('skipped');
    if (!options.skipPeer) {
      if (existsSync(KNEX_CLI)) {
        const knexDir = path.join(treeDir, 'knex');
        ensureSymlink(path.join(PEERS_DIR, 'node_modules'), path.join(knexDir, 'node_modules'));
        const knexVersion = JSON.parse(
          readFileSync(path.join(PEERS_DIR, 'node_modules', 'knex', 'package.json'), 'utf8'),
        ).version;
        const pgVersion = JSON.parse(
          readFileSync(path.join(PEERS_DIR, 'node_modules', 'pg', 'package.json'), 'utf8'),
        ).version;
        notes.push(
          `knex ${knexVersion} (pg ${pgVersion}): \`knex migrate:latest\`, ${sizeName} CommonJS migrations doing the same \`CREATE TABLE\` through \`knex.raw\`, all in one transaction (knex's default), plus its knex_migrations rows and lock table`,
        );
        knex = {
          id: 'knex',
          label: 'knex',
          prepare: withDatabase((database) => ({
            command: process.execPath,
            args: [KNEX_CLI, 'migrate:latest', '--knexfile', path.join(knexDir, 'knexfile.cjs')],
            cwd: knexDir,
            env: { ...nodeEnv, DATABASE_URL: database.url },
            verify: () => verifyPostgres(database.url, size, head, 'knex'),
          })),
        };
      } else {
        knexSkipped = skipped('not installed');
        notes.push('knex not measured: install the peers with `npm install --prefix bench/peers`');
      }
    }

    let postgres;
    try {
      postgres = await measureSideBySide(
        `upgrade head, PostgreSQL, ${sizeName}`,
        [oursPostgres('ours'), psqlContender, ...(pythonPostgres ? [pythonPostgres] : []), ...(knex ? [knex] : [])],
        { runs: options.runs },
      );
    } finally {
      dropLiveDatabases(options.pgUrl);
    }
    const postgresBudget = budgetVerdict({
      ours: postgres.ours,
      baseline: postgres.psql,
      limit: BUDGET_POSTGRES_RATIO,
      size,
      baselineName: 'psql',
    });
    rows.push([
      `\`upgrade head\`, PostgreSQL, ${sizeName} (warm caches)`,
      timeCell(postgres.ours),
      timeCell(postgres.psql),
      pythonPostgres ? timeCell(postgres.python) : pythonPostgresSkipped.skipped,
      knex ? timeCell(postgres.knex) : knexSkipped.skipped,
      ratioCell(postgres.ours, postgres.psql),
      ratioCell(postgres.python, postgres.ours),
      `ours <= ${BUDGET_POSTGRES_RATIO}x psql -1 -f`,
      postgresBudget.verdict,
    ]);
    rows.push([
      `peak RSS, PostgreSQL runs, ${sizeName} (clients)`,
      memoryCell([postgres.ours]),
      memoryCell([postgres.psql]),
      pythonPostgres ? memoryCell([postgres.python]) : pythonPostgresSkipped.skipped,
      knex ? memoryCell([postgres.knex]) : knexSkipped.skipped,
      '—',
      '—',
      '— (info)',
      '—',
    ]);
    if (usable(postgres.knex) && usable(postgres.ours)) {
      notes.push(`knex / ours on PostgreSQL (medians): ${(postgres.knex.median / postgres.ours.median).toFixed(2)}x`);
    }
    if (usable(postgres.ours) && usable(sqliteAtHead.ours) && usable(offline.ours)) {
      notes.push(
        `ours on PostgreSQL, by difference of medians: start-up etc. (SQLite no-op run) ${formatSeconds(sqliteAtHead.ours.median)} s; ` +
          `scripts without a database (\`--sql\` minus no-op) ${formatSeconds(offline.ours.median - sqliteAtHead.ours.median)} s; ` +
          `database work (online minus \`--sql\`) ${formatSeconds(postgres.ours.median - offline.ours.median)} s`,
      );
    }
    for (const [id, measurement] of Object.entries(postgres)) {
      if (measurement.failed) notes.push(`PostgreSQL, ${id}: FAILED (${measurement.error})`);
    }
    if (shouldProfile(postgresBudget.missed)) {
      try {
        profiles.push(
          await profileOurs(
            (profileDir) => oursPostgres('ours', profileDir),
            `ours, \`upgrade head\`, PostgreSQL, ${sizeName}, warm caches`,
            path.join(PROFILE_ROOT, `upgrade-${profileStamp}`, 'postgres'),
          ),
        );
      } finally {
        dropLiveDatabases(options.pgUrl);
      }
    }
  }

  for (const [title, set] of [
    ['SQLite', sqliteWarm],
    ['SQLite cold', sqliteCold],
    ['SQLite at head', sqliteAtHead],
    ['--sql', offline],
  ]) {
    for (const [id, measurement] of Object.entries(set)) {
      if (measurement.failed) notes.push(`${title}, ${id}: FAILED (${measurement.error})`);
    }
  }

  // ---- Output ---------------------------------------------------------------------------------
  const header = [
    'work',
    'ours (s) best / median',
    'sqlite3 shell / psql (s)',
    'Python Alembic (s)',
    'knex (s)',
    'ours ÷ shell/psql',
    'Python ÷ ours',
    'budget',
    'verdict',
  ];
  process.stdout.write(`\n${renderTable(header, rows)}\n\n`);
  process.stdout.write(
    `- ${options.runs} timed runs of each tool per case after one untimed warm-up (fills ours' compiled-TypeScript ` +
      `cache and Python's __pycache__), tools interleaved; cold: ${options.coldRuns} run(s) with those caches emptied first; ` +
      'a fresh database for every run; whole process, stdout to /dev/null; best / median, verdicts use the median\n',
  );
  const loadAtEnd = os.loadavg()[0];
  process.stdout.write(
    `- node ${process.version}, ${pythonVersion}, sqlite3 ${sqliteVersion}, ${cpu} x${os.cpus().length}; ` +
      `load average ${loadAtStart.toFixed(2)} at start, ${loadAtEnd.toFixed(2)} at end` +
      `${Math.max(loadAtStart, loadAtEnd) > os.cpus().length / 2 ? ' (machine busy: expect noisy times)' : ''}\n`,
  );
  process.stdout.write(`- SQLite database files on ${filesystem} (${scratch}); ours' project: ${projectDir}\n`);
  for (const note of notes) process.stdout.write(`- ${note}\n`);
  for (const profile of profiles) {
    process.stdout.write(`\n${renderProfile(profile.title, profile.directory)}\n`);
    process.stdout.write(
      `driver calls (a second run, preloading bench/support/driver-calls.mjs):\n${profile.driverCalls}\n`,
    );
  }
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

#!/usr/bin/env node
/**
 * Listing benchmark: `heads` and `history` on a chain and a branchy tree (10,000 revisions each by
 * default), whole-process wall time and peak resident memory, ours against Python Alembic, plus
 * `alembic --help` cold start against `node -e 0`. Prints a side-by-side table with the budgets of
 * DESIGN section 4.
 *
 *   node bench/listing.mjs [--size N | --chain-size N --branchy-size N] [--runs N]
 *                          [--python-runs N] [--help-runs N] [--seed S] [--fresh]
 *                          [--ours PATH/bin.js] [--python-alembic PATH] [--skip-python]
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { DEFAULT_SEED, ensureTree } from './generate-tree.mjs';
import { findOnPath } from './support/find-on-path.mjs';
import { renderTable as renderMarkdownTable } from './support/markdown-table.mjs';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const DEFAULT_OURS_BIN = path.resolve(benchDir, '..', 'packages', 'cli', 'dist', 'bin.js');
const TIME_BIN = '/usr/bin/time';
const MAX_BUFFER = 512 * 1024 * 1024;

const BUDGET_LISTING_SECONDS = 0.5;
const BUDGET_LISTING_RATIO = 10;
const BUDGET_MEMORY_MB = 200;
const BUDGET_HELP_SECONDS = 0.15;
const BUDGET_SIZE = 10000;

/**
 * Variables of this machine's environment that are not a user's default and skew one side:
 * NODE_EXTRA_CA_CERTS makes every Node start read a CA bundle (about +45 ms here);
 * PYTHONDONTWRITEBYTECODE stops Python caching compiled scripts in __pycache__ (Alembic then
 * compiles all 10,000 scripts on every run); PYTHONUNBUFFERED makes each printed line a write.
 * Children run without them unless --keep-env.
 */
const NODE_SKEWING_VARIABLES = ['NODE_EXTRA_CA_CERTS', 'NODE_OPTIONS'];
const PYTHON_SKEWING_VARIABLES = ['PYTHONDONTWRITEBYTECODE', 'PYTHONUNBUFFERED', 'PYTHONOPTIMIZE'];

const USAGE = `usage: node bench/listing.mjs [options]

  --size N            revisions in both trees (default ${BUDGET_SIZE})
  --chain-size N      revisions in the chain tree (default ${BUDGET_SIZE})
  --branchy-size N    revisions in the branchy tree (default ${BUDGET_SIZE})
  --runs N            timed runs of ours per command (default 5, at least 3)
  --python-runs N     timed runs of Python Alembic per command (default 2)
  --help-runs N       timed runs for the --help cold start (default 10)
  --seed S            generator seed (default ${DEFAULT_SEED})
  --fresh             regenerate the cached trees
  --ours PATH         our CLI's bin.js (default ${DEFAULT_OURS_BIN})
  --python-alembic P  Python Alembic's command (default: alembic on PATH)
  --skip-python       measure ours only
  --keep-env          keep NODE_EXTRA_CA_CERTS, NODE_OPTIONS, PYTHONDONTWRITEBYTECODE,
                      PYTHONUNBUFFERED, PYTHONOPTIMIZE in the children's environment
                      (by default they are removed: they are not a user's default)`;

// ---------------------------------------------------------------------------------------------
// Arguments.

function parseArguments(argv) {
  const options = {
    chainSize: BUDGET_SIZE,
    branchySize: BUDGET_SIZE,
    runs: 5,
    pythonRuns: 2,
    helpRuns: 10,
    seed: DEFAULT_SEED,
    fresh: false,
    oursBin: DEFAULT_OURS_BIN,
    pythonAlembic: undefined,
    skipPython: false,
    keepEnv: false,
  };
  const positiveInteger = (name, raw) => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a positive integer`);
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
        options.chainSize = options.branchySize = positiveInteger(argument, value());
        break;
      case '--chain-size':
        options.chainSize = positiveInteger(argument, value());
        break;
      case '--branchy-size':
        options.branchySize = positiveInteger(argument, value());
        break;
      case '--runs':
        options.runs = Math.max(3, positiveInteger(argument, value()));
        break;
      case '--python-runs':
        options.pythonRuns = positiveInteger(argument, value());
        break;
      case '--help-runs':
        options.helpRuns = positiveInteger(argument, value());
        break;
      case '--seed':
        options.seed = positiveInteger(argument, value());
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
// Running and measuring one process.

const haveTime = existsSync(TIME_BIN);
const scratch = mkdtempSync(path.join(os.tmpdir(), 'alembic-bench-run-'));
const timeOutput = path.join(scratch, 'maxrss');

/** Peak RSS (KB) from /proc, polled while the process runs: the fallback without GNU time. */
function peakRssViaProc(command, args, cwd, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: 'ignore' });
    let peak = 0;
    const sample = () => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const match = /VmHWM:\s+(\d+)\s+kB/.exec(status);
        if (match) peak = Math.max(peak, Number(match[1]));
      } catch {
        // gone
      }
    };
    const timer = setInterval(sample, 1);
    child.on('exit', () => {
      clearInterval(timer);
      resolve(peak);
    });
  });
}

/**
 * Runs `command args` once in `cwd`: wall seconds (whole process, as seen from here), exit status,
 * peak RSS in KB (GNU time), and stdout when `capture` (else stdout goes to /dev/null).
 */
function runOnce(command, args, cwd, capture, env) {
  const argv = haveTime ? ['-f', '%M', '-o', timeOutput, command, ...args] : args;
  const executable = haveTime ? TIME_BIN : command;
  const devNull = capture ? undefined : openSync('/dev/null', 'w');
  const started = performance.now();
  const result = spawnSync(executable, argv, {
    cwd,
    env,
    stdio: ['ignore', capture ? 'pipe' : devNull, 'pipe'],
    encoding: 'utf8',
    maxBuffer: MAX_BUFFER,
  });
  const seconds = (performance.now() - started) / 1000;
  if (devNull !== undefined) closeSync(devNull);
  let peakKb;
  if (haveTime && existsSync(timeOutput)) {
    const lines = readFileSync(timeOutput, 'utf8').trim().split('\n');
    peakKb = Number(lines[lines.length - 1]);
    rmSync(timeOutput, { force: true });
  }
  return {
    seconds,
    status: result.error ? -1 : result.status,
    signal: result.signal,
    stdout: capture ? result.stdout : undefined,
    stderr: result.error ? String(result.error.message) : result.stderr,
    peakKb,
  };
}

/**
 * One warm-up run (stdout captured, checked, not timed), then `runs` timed runs with stdout to
 * /dev/null. Returns best and median seconds, peak RSS over all runs, the captured stdout, or the
 * failure.
 */
async function measure(label, command, args, cwd, runs, env) {
  const warm = runOnce(command, args, cwd, true, env);
  if (warm.status !== 0) {
    const firstError = (warm.stderr ?? '').split('\n').find((line) => line.trim() !== '') ?? '(no stderr)';
    process.stderr.write(`  ${label}: FAILED (exit ${warm.status ?? warm.signal}) ${firstError}\n`);
    return { failed: true, status: warm.status ?? warm.signal, error: firstError };
  }
  const times = [];
  let peakKb = warm.peakKb ?? 0;
  for (let run = 0; run < runs; run += 1) {
    const result = runOnce(command, args, cwd, false, env);
    if (result.status !== 0) {
      const firstError = (result.stderr ?? '').split('\n').find((line) => line.trim()) ?? '';
      return { failed: true, status: result.status, error: firstError };
    }
    times.push(result.seconds);
    peakKb = Math.max(peakKb, result.peakKb ?? 0);
  }
  if (!haveTime) {
    peakKb = await peakRssViaProc(command, args, cwd, env);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  process.stderr.write(
    `  ${label}: best ${sorted[0].toFixed(3)} s, median ${median.toFixed(3)} s, ` +
      `peak ${(peakKb / 1024).toFixed(0)} MB, ${warm.stdout.split('\n').length - 1} lines\n`,
  );
  return { failed: false, best: sorted[0], median, times, peakKb, stdout: warm.stdout };
}

// ---------------------------------------------------------------------------------------------
// Comparing outputs.

/** Lines of a listing, with comma lists in parentheses sorted (Python prints label sets unordered). */
function normalizedLines(stdout) {
  const lines = stdout.replace(/\s+$/, '').split('\n');
  return lines.map((line) =>
    line
      .replace(
        /\(([^()]*,[^()]*)\)/g,
        (_, inner) =>
          `(${inner
            .split(',')
            .map((part) => part.trim())
            .sort()
            .join(', ')})`,
      )
      .replace(/\s+$/, ''),
  );
}

function lineCount(stdout) {
  const trimmed = stdout.replace(/\s+$/, '');
  return trimmed === '' ? 0 : trimmed.split('\n').length;
}

/** `undefined` when identical after normalizing, else a one-line description of the first difference. */
function firstDifference(oursStdout, pythonStdout) {
  const ours = normalizedLines(oursStdout);
  const python = normalizedLines(pythonStdout);
  const length = Math.max(ours.length, python.length);
  for (let index = 0; index < length; index += 1) {
    if (ours[index] !== python[index]) {
      return `line ${index + 1}: ours \`${ours[index] ?? '(none)'}\` / Python \`${python[index] ?? '(none)'}\``;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Formatting.

const formatSeconds = (value) => value.toFixed(3);
const formatMb = (kb) => `${(kb / 1024).toFixed(0)} MB`;

function timeCell(measurement) {
  if (!measurement) return 'not run';
  if (measurement.notBuilt) return 'n/a (CLI not built)';
  if (measurement.failed) return `FAILED (exit ${measurement.status})`;
  return `${formatSeconds(measurement.best)} / ${formatSeconds(measurement.median)}`;
}

function ratioCell(ours, python) {
  if (!ours || !python || ours.failed || python.failed || ours.notBuilt) return '—';
  return `${(python.median / ours.median).toFixed(1)}x`;
}

function renderTable(rows) {
  return renderMarkdownTable(
    ['work', 'ours (s) best / median', 'Python Alembic (s) best / median', 'ratio (Python/ours)', 'budget', 'verdict'],
    rows,
  );
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

  const pythonAlembic = options.skipPython ? undefined : (options.pythonAlembic ?? findOnPath('alembic'));
  if (!options.skipPython && !pythonAlembic) {
    process.stderr.write('Python Alembic (`alembic`) is not on PATH; pass --skip-python or --python-alembic\n');
    process.exit(1);
  }
  const oursBuilt = existsSync(options.oursBin);
  const node = process.execPath;
  const notes = [];
  const rows = [];

  const withoutVariables = (names) => {
    const env = { ...process.env };
    for (const name of names) delete env[name];
    return env;
  };
  const nodeEnv = options.keepEnv ? process.env : withoutVariables(NODE_SKEWING_VARIABLES);
  const pythonEnv = options.keepEnv ? process.env : withoutVariables(PYTHON_SKEWING_VARIABLES);
  const removed = [...NODE_SKEWING_VARIABLES, ...PYTHON_SKEWING_VARIABLES].filter(
    (name) => process.env[name] !== undefined,
  );
  if (removed.length > 0) {
    notes.push(
      options.keepEnv
        ? `environment kept as is (--keep-env), including ${removed.join(', ')}`
        : `removed from the children's environment (not a user's default; --keep-env keeps them): ${removed.join(', ')}`,
    );
  }
  if (!haveTime) {
    notes.push(
      `${TIME_BIN} not found: peak RSS sampled from /proc (approximate; install Debian's \`time\` package for exact figures)`,
    );
  }
  if (!oursBuilt) {
    notes.push(`our CLI is not built (${options.oursBin} missing): ours not measured`);
  }

  const pythonVersion = pythonAlembic
    ? spawnSync(pythonAlembic, ['--version'], { encoding: 'utf8' }).stdout.trim() || 'unknown version'
    : 'Python Alembic skipped';
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const loadAtStart = os.loadavg()[0];
  process.stderr.write(
    `node ${process.version}; Python Alembic: ${pythonVersion}; ${cpu} x${os.cpus().length}; ` +
      `memory via ${haveTime ? TIME_BIN : '/proc'}\n`,
  );

  const trees = [
    { shape: 'chain', size: options.chainSize },
    { shape: 'branchy', size: options.branchySize },
  ];

  for (const tree of trees) {
    const started = performance.now();
    const { dir, manifest, generated } = ensureTree({
      shape: tree.shape,
      size: tree.size,
      seed: options.seed,
      fresh: options.fresh,
    });
    process.stderr.write(
      `${tree.shape} ${tree.size}: ${generated ? `generated in ${((performance.now() - started) / 1000).toFixed(1)} s` : 'cached'} at ${dir} ` +
        `(${manifest.mergePoints} merges, ${manifest.branchLabels.length} labels, ${manifest.dependsOn.length} dependsOn)\n`,
    );
    const name = `${tree.shape} ${tree.size.toLocaleString('en-US')}`;
    let oursPeakKb = 0;
    let pythonPeakKb = 0;
    let lastPythonHeadsMedian = Number.NaN;
    let oursMemoryFailed = !oursBuilt;
    let pythonMemoryFailed = false;

    for (const command of ['heads', 'history']) {
      const python = pythonAlembic
        ? await measure(
            `python ${command} ${name}`,
            pythonAlembic,
            [command],
            path.join(dir, 'python'),
            options.pythonRuns,
            pythonEnv,
          )
        : undefined;
      const ours = oursBuilt
        ? await measure(
            `ours ${command} ${name}`,
            node,
            [options.oursBin, command],
            path.join(dir, 'ours'),
            options.runs,
            nodeEnv,
          )
        : { notBuilt: true };

      if (ours.failed) {
        oursMemoryFailed = true;
        notes.push(`ours \`${command}\` on ${name} failed (exit ${ours.status}): ${ours.error}`);
      }
      if (python?.failed) {
        pythonMemoryFailed = true;
        notes.push(`Python \`${command}\` on ${name} failed (exit ${python.status}): ${python.error}`);
      }
      if (!ours.failed && !ours.notBuilt) oursPeakKb = Math.max(oursPeakKb, ours.peakKb);
      if (command === 'heads' && python && !python.failed) lastPythonHeadsMedian = python.median;
      if (python && !python.failed) pythonPeakKb = Math.max(pythonPeakKb, python.peakKb);

      let budget = '— (info)';
      let verdict = '—';
      if (tree.shape === 'chain') {
        budget = `< ${BUDGET_LISTING_SECONDS} s and >= ${BUDGET_LISTING_RATIO}x`;
        if (tree.size !== BUDGET_SIZE) {
          verdict = `n/a (budget is for ${BUDGET_SIZE.toLocaleString('en-US')})`;
        } else if (ours.notBuilt || ours.failed) {
          verdict = 'not measured';
        } else {
          const fastEnough = ours.median < BUDGET_LISTING_SECONDS;
          const ratio = python && !python.failed ? python.median / ours.median : undefined;
          const ratioOk = ratio === undefined || ratio >= BUDGET_LISTING_RATIO;
          const reasons = [];
          if (!fastEnough) reasons.push(`median ${formatSeconds(ours.median)} s`);
          if (!ratioOk) reasons.push(`only ${ratio.toFixed(1)}x`);
          verdict =
            reasons.length === 0
              ? `within budget${ratio === undefined ? ' (time only; Python not run)' : ''}`
              : `OVER budget (${reasons.join(', ')})`;
        }
      }
      rows.push([
        `\`${command}\`, ${name}`,
        timeCell(ours),
        timeCell(python),
        ratioCell(ours, python),
        budget,
        verdict,
      ]);

      if (command === 'history' && python && !python.failed && !ours.failed && !ours.notBuilt) {
        const oursLines = lineCount(ours.stdout);
        const pythonLines = lineCount(python.stdout);
        if (oursLines !== pythonLines) {
          rows.push([
            `history line count, ${name}`,
            `${oursLines} lines`,
            `${pythonLines} lines`,
            '—',
            'same count',
            'WARNING: line counts differ',
          ]);
        } else {
          rows.push([
            `history line count, ${name}`,
            `${oursLines} lines`,
            `${pythonLines} lines`,
            '—',
            'same count',
            'same',
          ]);
        }
      }
      if (python && !python.failed && !ours.failed && !ours.notBuilt) {
        const difference = firstDifference(ours.stdout, python.stdout);
        notes.push(
          difference === undefined
            ? `\`${command}\` output on ${name}: identical to Python Alembic's (label order normalized)`
            : `\`${command}\` output on ${name} differs from Python Alembic's (label order normalized), first at ${difference}`,
        );
      }
    }

    if (tree.shape === 'chain') {
      const floorScript = path.join(benchDir, 'support', 'stat-floor.cjs');
      const versionsDirectory = path.join(dir, 'ours', 'migrations', 'versions');
      const floor = await measure(
        `stat floor ${name}`,
        node,
        [floorScript, versionsDirectory],
        scratch,
        options.runs,
        nodeEnv,
      );
      rows.push([
        `node: list + stat every script (floor for a checked cache), ${name}`,
        timeCell(floor),
        '—',
        '—',
        '— (info)',
        '—',
      ]);
      if (!floor.failed && pythonAlembic) {
        notes.push(
          `on ${name}, Node starting, listing and stat-ing every script takes ${formatSeconds(floor.median)} s (median): ` +
            `10x Python's \`heads\` leaves ${((lastPythonHeadsMedian / BUDGET_LISTING_RATIO - floor.median) * 1000).toFixed(0)} ms above that floor ` +
            'for reading the cache, building the graph and printing',
        );
      }
    }

    let memoryVerdict;
    if (oursMemoryFailed) memoryVerdict = 'not measured';
    else if (tree.size !== BUDGET_SIZE) memoryVerdict = `n/a (budget is for ${BUDGET_SIZE.toLocaleString('en-US')})`;
    else memoryVerdict = oursPeakKb / 1024 < BUDGET_MEMORY_MB ? 'within budget' : 'OVER budget';
    rows.push([
      `peak RSS (heads, history), ${name}`,
      oursBuilt ? (oursMemoryFailed ? 'FAILED' : formatMb(oursPeakKb)) : 'n/a (CLI not built)',
      pythonAlembic ? (pythonMemoryFailed ? 'FAILED' : formatMb(pythonPeakKb)) : 'not run',
      !oursMemoryFailed && !pythonMemoryFailed && pythonPeakKb ? `${(pythonPeakKb / oursPeakKb).toFixed(1)}x` : '—',
      `< ${BUDGET_MEMORY_MB} MB`,
      memoryVerdict,
    ]);
  }

  // Cold start.
  const cwd = scratch;
  const oursHelp = oursBuilt
    ? await measure('ours --help', node, [options.oursBin, '--help'], cwd, options.helpRuns, nodeEnv)
    : { notBuilt: true };
  const pythonHelp = pythonAlembic
    ? await measure('python --help', pythonAlembic, ['--help'], cwd, options.helpRuns, pythonEnv)
    : undefined;
  const nodeFloor = await measure('node -e 0', node, ['-e', '0'], cwd, options.helpRuns, nodeEnv);
  const nodeFloorAsIs =
    !options.keepEnv && process.env.NODE_EXTRA_CA_CERTS !== undefined
      ? await measure('node -e 0 (env as is)', node, ['-e', '0'], cwd, options.helpRuns, process.env)
      : undefined;
  let helpVerdict = 'not measured';
  if (oursHelp.failed) notes.push(`ours \`--help\` failed (exit ${oursHelp.status}): ${oursHelp.error}`);
  else if (!oursHelp.notBuilt) {
    helpVerdict =
      oursHelp.median < BUDGET_HELP_SECONDS
        ? 'within budget'
        : `OVER budget (median ${formatSeconds(oursHelp.median)} s)`;
  }
  rows.push([
    '`alembic --help` cold start',
    timeCell(oursHelp),
    timeCell(pythonHelp),
    ratioCell(oursHelp, pythonHelp),
    `< ${BUDGET_HELP_SECONDS * 1000} ms`,
    helpVerdict,
  ]);
  rows.push(['`node -e 0` (floor for ours)', timeCell(nodeFloor), '—', '—', '— (info)', '—']);
  if (nodeFloorAsIs) {
    rows.push(['`node -e 0`, NODE_EXTRA_CA_CERTS set', timeCell(nodeFloorAsIs), '—', '—', '— (info)', '—']);
  }
  if (!oursHelp.notBuilt && !oursHelp.failed) {
    notes.push(
      `\`--help\` above \`node -e 0\`: ${((oursHelp.median - nodeFloor.median) * 1000).toFixed(0)} ms (medians)`,
    );
  }

  const runsNote =
    `ours: ${options.runs} timed runs, Python: ${options.pythonRuns}, --help: ${options.helpRuns}; ` +
    "each after one untimed warm-up run (which also fills Python's __pycache__); stdout to /dev/null; " +
    'verdicts use the median';
  process.stdout.write(`\n${renderTable(rows)}\n\n`);
  process.stdout.write(`- ${runsNote}\n`);
  const loadAtEnd = os.loadavg()[0];
  process.stdout.write(
    `- node ${process.version}, ${pythonVersion}, ${cpu} x${os.cpus().length}; ` +
      `load average ${loadAtStart.toFixed(2)} at start, ${loadAtEnd.toFixed(2)} at end` +
      `${Math.max(loadAtStart, loadAtEnd) > os.cpus().length / 2 ? ' (machine busy: expect noisy times)' : ''}\n`,
  );
  for (const note of notes) process.stdout.write(`- ${note}\n`);
  rmSync(scratch, { recursive: true, force: true });
}

main().catch((error) => {
  rmSync(scratch, { recursive: true, force: true });
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});

#!/usr/bin/env node
/**
 * Writes one revision tree for both tools: ours (`<dir>/ours`, DESIGN 2.1 `.ts` scripts and
 * `alembic.config.json`) and Python Alembic (`<dir>/python`, `alembic.ini`, `env.py`,
 * `script.py.mako` and `.py` scripts with the same graph, docstrings and SQL).
 *
 * Shapes:
 * - `chain`: N revisions, each on the previous one.
 * - `branchy`: N revisions; a trunk that repeatedly branches into 2-3 branches of varying length
 *   which are merged back by merge revisions; a few branch labels and one `dependsOn`.
 *
 * Everything is deterministic for a given shape, size and seed (ids are 12 hex characters drawn
 * from a seeded generator; create dates are derived from the position).
 *
 * Optional parts (`parts` / `--parts`): `<dir>/knex` (the same migrations for knex, PostgreSQL)
 * and `<dir>/sql` (the plain SQL `upgrade head` runs on a chain, for `sqlite3` and `psql`).
 *
 * As a module: `planTree`, `writeTree`, `ensureTree`, `renderAlembicIni`, `renderUpgradeSql`,
 * `GENERATOR_VERSION`.
 * As a command: `node bench/generate-tree.mjs --shape chain|branchy --size N [--seed S]
 *   [--out DIR] [--fresh] [--parts ours,python,knex,sql]`; without `--out` the tree goes to the
 *   cache and its path is printed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bump when the generated files change, so cached trees are regenerated. */
export const GENERATOR_VERSION = 1;

/** The seed used when none is given. */
export const DEFAULT_SEED = 20261123;

/** Where cached trees live. */
export const CACHE_ROOT = path.join(os.tmpdir(), 'alembic-bench');

const SHAPES = new Set(['chain', 'branchy']);
const LABEL_NAMES = ['bench_alpha', 'bench_beta', 'bench_gamma', 'bench_delta'];
const FALLBACK_TEMPLATE_DIR = '/usr/lib/python3/dist-packages/alembic/templates/generic';

// ---------------------------------------------------------------------------------------------
// Planning: the graph, independent of either tool's file format.

/** A 32-bit seeded generator (mulberry32). */
function createRandom(seed) {
  let state = seed >>> 0;
  return function next() {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** Integer in [low, high], both inclusive. */
function randomInteger(random, low, high) {
  return low + Math.floor(random() * (high - low + 1));
}

/** Alembic's slug: the words of the message joined by `_`, lower-cased, cut at 40 characters. */
export function slugify(message, truncateLength = 40) {
  let slug = (message.match(/\w+/g) ?? []).join('_').toLowerCase();
  if (slug.length > truncateLength) {
    const cut = slug.slice(0, truncateLength);
    slug = `${cut.includes('_') ? cut.slice(0, cut.lastIndexOf('_')) : cut}_`;
  }
  return slug;
}

/** `YYYY-MM-DD HH:MM:SS.ffffff` as Python's `str(datetime)` prints it, for revision `index`. */
function createDateFor(index) {
  const base = Date.UTC(2026, 0, 1, 9, 0, 0);
  const moment = new Date(base + index * 1000);
  const pad = (value, width = 2) => String(value).padStart(width, '0');
  const microseconds = (index * 7919 + 104729) % 1000000 || 1;
  return (
    `${moment.getUTCFullYear()}-${pad(moment.getUTCMonth() + 1)}-${pad(moment.getUTCDate())} ` +
    `${pad(moment.getUTCHours())}:${pad(moment.getUTCMinutes())}:${pad(moment.getUTCSeconds())}` +
    `.${pad(microseconds, 6)}`
  );
}

/**
 * Plans a tree: a list of revisions in creation order, each
 * `{ id, downRevision: null | string | string[], branchLabels: string[], dependsOn: null | string,
 *    message, createDate, slug }`.
 */
export function planTree({ shape, size, seed = DEFAULT_SEED }) {
  if (!SHAPES.has(shape)) {
    throw new Error(`unknown shape '${shape}' (expected chain or branchy)`);
  }
  if (!Number.isInteger(size) || size < 1) {
    throw new Error(`size must be a positive integer, got ${size}`);
  }
  const random = createRandom(seed ^ (shape === 'chain' ? 0x1234 : 0xbeef));
  const usedIds = new Set();
  const revisions = [];

  const newId = () => {
    for (;;) {
      const high = Math.floor(random() * 0x1000000);
      const low = Math.floor(random() * 0x1000000);
      const id = high.toString(16).padStart(6, '0') + low.toString(16).padStart(6, '0');
      if (!usedIds.has(id)) {
        usedIds.add(id);
        return id;
      }
    }
  };
  const add = (downRevision, message, extra = {}) => {
    const index = revisions.length;
    const revision = {
      id: newId(),
      downRevision,
      branchLabels: extra.branchLabels ?? [],
      dependsOn: extra.dependsOn ?? null,
      message,
      createDate: createDateFor(index),
    };
    revision.slug = slugify(message);
    revisions.push(revision);
    return revision;
  };

  if (shape === 'chain') {
    let tip = null;
    for (let index = 0; index < size; index += 1) {
      tip = add(tip, `chain step ${index + 1}`).id;
    }
    return revisions;
  }

  // branchy: trunk segment, fork into 2-3 branches, merge; repeat until `size` revisions exist.
  const expectedForks = Math.max(1, Math.floor(size / 16));
  const labelForks = LABEL_NAMES.map((_, index) =>
    Math.floor((expectedForks * (index + 1)) / (LABEL_NAMES.length + 1)),
  );
  const dependencyFork = Math.floor(expectedForks * 0.6);
  let nextLabel = 0;
  let dependencyPlaced = false;
  let tip = null;
  let forkNumber = 0;
  let trunkStep = 0;
  const remaining = () => size - revisions.length;

  while (remaining() > 0) {
    const trunkLength = Math.min(randomInteger(random, 1, 4), remaining());
    for (let step = 0; step < trunkLength; step += 1) {
      trunkStep += 1;
      tip = add(tip, `trunk step ${trunkStep}`).id;
    }
    const available = remaining();
    if (available < 3) {
      continue;
    }
    forkNumber += 1;
    const branchCount = available >= 4 ? randomInteger(random, 2, 3) : 2;
    const lengths = Array.from({ length: branchCount }, () => randomInteger(random, 1, 8));
    while (lengths.reduce((sum, length) => sum + length, 0) > available - 1) {
      const longest = lengths.indexOf(Math.max(...lengths));
      lengths[longest] -= 1;
    }
    const labelThisFork = nextLabel < LABEL_NAMES.length && forkNumber - 1 >= labelForks[nextLabel];
    const dependThisFork = !dependencyPlaced && forkNumber - 1 >= dependencyFork;
    const branchFirsts = [];
    const branchTips = [];
    for (let branch = 0; branch < branchCount; branch += 1) {
      let branchTip = tip;
      for (let step = 0; step < lengths[branch]; step += 1) {
        const extra = {};
        if (step === 0 && labelThisFork && branch === forkNumber % branchCount) {
          extra.branchLabels = [LABEL_NAMES[nextLabel]];
        }
        if (dependThisFork && branch === 1 && step === lengths[branch] - 1) {
          extra.dependsOn = branchFirsts[0];
        }
        const message = `fork ${forkNumber} branch ${branch + 1} step ${step + 1}`;
        branchTip = add(branchTip, message, extra).id;
        if (step === 0) {
          branchFirsts.push(branchTip);
        }
      }
      branchTips.push(branchTip);
    }
    if (labelThisFork) {
      nextLabel += 1;
    }
    if (dependThisFork) {
      dependencyPlaced = true;
    }
    tip = add(branchTips, `merge fork ${forkNumber}`).id;
  }
  return revisions;
}

/** Counts of interest for a plan (written to `tree.json`). */
export function describePlan(revisions) {
  const children = new Map();
  for (const revision of revisions) {
    const downs =
      revision.downRevision === null
        ? []
        : Array.isArray(revision.downRevision)
          ? revision.downRevision
          : [revision.downRevision];
    for (const down of downs) {
      children.set(down, (children.get(down) ?? 0) + 1);
    }
  }
  return {
    revisions: revisions.length,
    heads: revisions.filter((revision) => !children.has(revision.id)).map((r) => r.id),
    mergePoints: revisions.filter((revision) => Array.isArray(revision.downRevision)).length,
    branchPoints: [...children.values()].filter((count) => count > 1).length,
    branchLabels: revisions
      .filter((revision) => revision.branchLabels.length > 0)
      .map((revision) => ({ revision: revision.id, labels: revision.branchLabels })),
    dependsOn: revisions
      .filter((revision) => revision.dependsOn !== null)
      .map((revision) => ({ revision: revision.id, dependsOn: revision.dependsOn })),
  };
}

// ---------------------------------------------------------------------------------------------
// Rendering: ours (TypeScript, DESIGN 2.1) and Python (Alembic's generic script.py.mako output).

const tsString = (value) => `'${value}'`;
const pyString = (value) => `'${value}'`;

function tsValue(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(tsString).join(', ')}]`;
  return tsString(value);
}

/** Python `repr` of None, a str or a tuple of str. */
function pyRepr(value) {
  if (value === null) return 'None';
  if (Array.isArray(value)) {
    return value.length === 1 ? `(${pyString(value[0])},)` : `(${value.map(pyString).join(', ')})`;
  }
  return pyString(value);
}

/** Alembic's `comma` filter: None -> '', tuple -> 'a, b'. */
function commaList(value) {
  if (value === null) return '';
  return Array.isArray(value) ? value.join(', ') : value;
}

/** The `.ts` migration script in exactly the DESIGN 2.1 format. */
export function renderTypeScript(revision) {
  const labels = revision.branchLabels.length > 0 ? revision.branchLabels : null;
  const revises = commaList(revision.downRevision);
  return `/**
 * ${revision.message}
 *
 * Revision ID: ${revision.id}
 * Revises:${revises ? ` ${revises}` : ''}
 * Create Date: ${revision.createDate}
 */
import { op } from '@alembic/core';

export const revision = ${tsString(revision.id)};
export const downRevision: string | string[] | null = ${tsValue(revision.downRevision)};
export const branchLabels: string | string[] | null = ${tsValue(labels)};
export const dependsOn: string | string[] | null = ${tsValue(revision.dependsOn)};

export async function upgrade(): Promise<void> {
  await op.execute('CREATE TABLE t_${revision.id} (id INTEGER)');
}

export async function downgrade(): Promise<void> {
  await op.execute('DROP TABLE t_${revision.id}');
}
`;
}

/** The `.py` migration script as Alembic 1.8's generic `script.py.mako` renders it. */
export function renderPython(revision) {
  const labels = revision.branchLabels.length > 0 ? revision.branchLabels : null;
  return `"""${revision.message}

Revision ID: ${revision.id}
Revises: ${commaList(revision.downRevision)}
Create Date: ${revision.createDate}

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = ${pyRepr(revision.id)}
down_revision = ${pyRepr(revision.downRevision)}
branch_labels = ${pyRepr(labels)}
depends_on = ${pyRepr(revision.dependsOn)}


def upgrade() -> None:
    op.execute('CREATE TABLE t_${revision.id} (id INTEGER)')


def downgrade() -> None:
    op.execute('DROP TABLE t_${revision.id}')
`;
}

/** A knex migration (CommonJS) running the revision's SQL through `knex.raw`. */
export function renderKnexMigration(revision) {
  return `// ${revision.message}
// Revision ID: ${revision.id} (bench/generate-tree.mjs: the same SQL as the ours and python trees)

exports.up = function up(knex) {
  return knex.raw('CREATE TABLE t_${revision.id} (id INTEGER)');
};

exports.down = function down(knex) {
  return knex.raw('DROP TABLE t_${revision.id}');
};
`;
}

const KNEXFILE = `// knex configuration for the benchmark tree (generated by bench/generate-tree.mjs).
// PostgreSQL at DATABASE_URL; the migrations run in name order, all in one transaction (knex's
// default when every migration uses a transaction).
module.exports = {
  client: 'pg',
  connection: process.env.DATABASE_URL,
  migrations: { directory: './migrations', loadExtensions: ['.js'] },
};
`;

/** The version table as Alembic creates it (SQLite and PostgreSQL both accept this text). */
export const VERSION_TABLE_DDL =
  'CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))';

/**
 * The statements `upgrade head` runs on a fresh database for a chain, in order, one per line
 * with `;`: what `alembic upgrade head --sql` prints, without comments and transaction control.
 */
export function renderUpgradeSql(revisions) {
  const lines = [`${VERSION_TABLE_DDL};`];
  let previous = null;
  for (const revision of revisions) {
    lines.push(`CREATE TABLE t_${revision.id} (id INTEGER);`);
    lines.push(
      previous === null
        ? `INSERT INTO alembic_version (version_num) VALUES ('${revision.id}');`
        : `UPDATE alembic_version SET version_num='${revision.id}' WHERE alembic_version.version_num = '${previous}';`,
    );
    previous = revision.id;
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `alembic.ini` for Python Alembic: the tree's own (defaults), or one for a benchmark run that
 * points at the tree's scripts and at a database of its own (`bench/upgrade.mjs`).
 */
export function renderAlembicIni({ scriptLocation = '%(here)s/migrations', url = 'sqlite:///%(here)s/bench.db' } = {}) {
  // `%` is ConfigParser's interpolation character: a literal one in a URL is written `%%`.
  const iniUrl = url.startsWith('sqlite:///%(here)s/') ? url : url.replaceAll('%', '%%');
  return `# Benchmark tree for Python Alembic (generated by bench/generate-tree.mjs).

[alembic]
# path to migration scripts
script_location = ${scriptLocation}

# sys.path path, will be prepended to sys.path if present.
prepend_sys_path = .

# version path separator (os.pathsep), as in new projects.
version_path_separator = os

sqlalchemy.url = ${iniUrl}


[post_write_hooks]

# Logging configuration
[loggers]
keys = root,sqlalchemy,alembic

[handlers]
keys = console

[formatters]
keys = generic

[logger_root]
level = WARN
handlers = console
qualname =

[logger_sqlalchemy]
level = WARN
handlers =
qualname = sqlalchemy.engine

[logger_alembic]
level = INFO
handlers =
qualname = alembic

[handler_console]
class = StreamHandler
args = (sys.stderr,)
level = NOTSET
formatter = generic

[formatter_generic]
format = %(levelname)-5.5s [%(name)s] %(message)s
datefmt = %H:%M:%S
`;
}

const ENV_PY = `"""Minimal Alembic environment for the benchmark trees (online and offline)."""
from logging.config import fileConfig

from sqlalchemy import engine_from_config
from sqlalchemy import pool

from alembic import context

config = context.config

if config.config_file_name is not None:
    fileConfig(config.config_file_name)

target_metadata = None


def run_migrations_offline() -> None:
    """Emit SQL to the script output (alembic upgrade --sql)."""
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Run against the database named by sqlalchemy.url."""
    connectable = engine_from_config(
        config.get_section(config.config_ini_section),
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )
    with connectable.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
`;

/** The interpreter Python Alembic runs with: the `alembic` script's shebang, else python3. */
function pythonInterpreter() {
  try {
    const alembicPath = execFileSync('sh', ['-c', 'command -v alembic'], { encoding: 'utf8' }).trim();
    const firstLine = readFileSync(alembicPath, 'utf8').split('\n', 1)[0];
    if (firstLine.startsWith('#!')) {
      const interpreter = firstLine.slice(2).trim().split(/\s+/)[0];
      if (existsSync(interpreter)) return interpreter;
    }
  } catch {
    // fall through
  }
  return existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
}

let cachedMako;
/** The installed Alembic's generic `script.py.mako`. */
function installedScriptTemplate() {
  if (cachedMako !== undefined) return cachedMako;
  let templateDir = FALLBACK_TEMPLATE_DIR;
  try {
    templateDir = execFileSync(
      pythonInterpreter(),
      ['-c', 'import os, alembic; print(os.path.join(os.path.dirname(alembic.__file__), "templates", "generic"))'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    ).trim();
  } catch {
    // use the Debian package's location
  }
  const templatePath = path.join(templateDir, 'script.py.mako');
  if (!existsSync(templatePath)) {
    throw new Error(`cannot find Alembic's script.py.mako (looked in ${templateDir})`);
  }
  cachedMako = readFileSync(templatePath, 'utf8');
  return cachedMako;
}

/** The parts a tree can hold, each in `<dir>/<part>`; `ours` and `python` by default. */
export const TREE_PARTS = ['ours', 'python', 'knex', 'sql'];
const DEFAULT_PARTS = ['ours', 'python'];

/** `<dir>/ours`: `alembic.config.json` and the `.ts` scripts (no env.ts: listing needs none). */
function writeOursPart(partDir, revisions) {
  const oursVersions = path.join(partDir, 'migrations', 'versions');
  mkdirSync(oursVersions, { recursive: true });
  writeFileSync(
    path.join(partDir, 'alembic.config.json'),
    `${JSON.stringify({ scriptLocation: 'migrations' }, null, 2)}\n`,
  );
  for (const revision of revisions) {
    writeFileSync(path.join(oursVersions, `${revision.id}_${revision.slug}.ts`), renderTypeScript(revision));
  }
}

/** `<dir>/python`: `alembic.ini`, `env.py`, `script.py.mako` and the `.py` scripts. */
function writePythonPart(partDir, revisions) {
  const pythonMigrations = path.join(partDir, 'migrations');
  const pythonVersions = path.join(pythonMigrations, 'versions');
  mkdirSync(pythonVersions, { recursive: true });
  writeFileSync(path.join(partDir, 'alembic.ini'), renderAlembicIni());
  writeFileSync(path.join(pythonMigrations, 'env.py'), ENV_PY);
  writeFileSync(path.join(pythonMigrations, 'script.py.mako'), installedScriptTemplate());
  for (const revision of revisions) {
    writeFileSync(path.join(pythonVersions, `${revision.id}_${revision.slug}.py`), renderPython(revision));
  }
}

/**
 * `<dir>/knex`: `knexfile.cjs` (PostgreSQL, `DATABASE_URL`) and one CommonJS knex migration per
 * revision, named `<NNNNN>_<rev>_<slug>.js` so that knex's name order is the creation order (a
 * topological order of the graph: knex only knows a line). Same SQL as the other trees.
 */
function writeKnexPart(partDir, revisions) {
  const migrations = path.join(partDir, 'migrations');
  mkdirSync(migrations, { recursive: true });
  writeFileSync(path.join(partDir, 'knexfile.cjs'), KNEXFILE);
  const width = Math.max(5, String(revisions.length).length);
  revisions.forEach((revision, index) => {
    const name = `${String(index + 1).padStart(width, '0')}_${revision.id}_${revision.slug}.js`;
    writeFileSync(path.join(migrations, name), renderKnexMigration(revision));
  });
}

/**
 * `<dir>/sql`: what `upgrade head` does to a fresh database, as plain SQL for the database's own
 * shell: the version table, then per revision its `CREATE TABLE` and the version table's
 * `INSERT` / `UPDATE`, as Alembic writes them. `upgrade.sql` has `BEGIN;` / `COMMIT;` around it
 * (for `sqlite3 db < upgrade.sql`), `upgrade-body.sql` has not (for `psql -1 -f`). Chains only:
 * the version table of a branchy tree moves in ways this does not model.
 */
function writeSqlPart(partDir, revisions, shape) {
  if (shape !== 'chain') {
    throw new Error(`the sql part is written for chains only, not '${shape}'`);
  }
  mkdirSync(partDir, { recursive: true });
  const body = renderUpgradeSql(revisions);
  writeFileSync(path.join(partDir, 'upgrade-body.sql'), body);
  writeFileSync(path.join(partDir, 'upgrade.sql'), `BEGIN;\n\n${body}COMMIT;\n`);
}

const PART_WRITERS = {
  ours: writeOursPart,
  python: writePythonPart,
  knex: writeKnexPart,
  sql: writeSqlPart,
};

/**
 * Writes the tree under `dir`: `dir/<part>` for each of `tools` (default `ours` and `python`;
 * also `knex`, `sql`) and `dir/tree.json`.
 */
export function writeTree({ dir, shape, size, seed = DEFAULT_SEED, tools = DEFAULT_PARTS }) {
  const revisions = planTree({ shape, size, seed });
  mkdirSync(dir, { recursive: true });
  for (const part of tools) {
    const writer = PART_WRITERS[part];
    if (writer === undefined) throw new Error(`unknown tree part '${part}' (expected ${TREE_PARTS.join(', ')})`);
    writer(path.join(dir, part), revisions, shape);
  }

  const manifest = {
    generatorVersion: GENERATOR_VERSION,
    shape,
    size,
    seed,
    ...describePlan(revisions),
  };
  writeFileSync(path.join(dir, 'tree.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** The cache directory for a shape, size and seed at this generator version. */
export function cachedTreePath({ shape, size, seed = DEFAULT_SEED }) {
  return path.join(CACHE_ROOT, `${shape}-${size}-seed${seed}-g${GENERATOR_VERSION}`);
}

/**
 * Returns `{ dir, manifest, generated }` for a cached tree, generating it when missing (or when
 * `fresh`). The tree is written beside its final place and renamed, so an interrupted run never
 * leaves a half-written tree in the cache. `parts` beyond `ours` and `python` (`knex`, `sql`)
 * are added to a cached tree that lacks them, each written beside and renamed in the same way.
 */
export function ensureTree({ shape, size, seed = DEFAULT_SEED, fresh = false, parts = DEFAULT_PARTS }) {
  const dir = cachedTreePath({ shape, size, seed });
  const manifestPath = path.join(dir, 'tree.json');
  let manifest;
  let generated = false;
  if (fresh) {
    rmSync(dir, { recursive: true, force: true });
  } else if (existsSync(manifestPath)) {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } else {
    rmSync(dir, { recursive: true, force: true });
  }
  if (manifest === undefined) {
    const staging = `${dir}.tmp-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    manifest = writeTree({ dir: staging, shape, size, seed });
    renameSync(staging, dir);
    generated = true;
  }
  const missing = parts.filter((part) => !existsSync(path.join(dir, part)));
  if (missing.length > 0) {
    const revisions = planTree({ shape, size, seed });
    for (const part of missing) {
      const writer = PART_WRITERS[part];
      if (writer === undefined) throw new Error(`unknown tree part '${part}' (expected ${TREE_PARTS.join(', ')})`);
      const staging = path.join(dir, `.${part}.tmp-${process.pid}`);
      rmSync(staging, { recursive: true, force: true });
      writer(staging, revisions, shape);
      renameSync(staging, path.join(dir, part));
    }
    generated = true;
  }
  return { dir, manifest, generated };
}

// ---------------------------------------------------------------------------------------------
// Command line.

const USAGE = `usage: node bench/generate-tree.mjs --shape chain|branchy --size N [--seed S]
                                   [--out DIR] [--fresh] [--parts ours,python,knex,sql]

Writes a revision tree for both tools: DIR/ours (ours) and DIR/python (Python Alembic);
--parts also DIR/knex (knex migrations, PostgreSQL) and DIR/sql (the plain SQL of
'upgrade head', chains only). Without --out the tree goes to the cache (${CACHE_ROOT})
and its path is printed; --fresh regenerates a cached tree.`;

function parseArguments(argv) {
  const parsed = {
    shape: undefined,
    size: undefined,
    seed: DEFAULT_SEED,
    out: undefined,
    fresh: false,
    parts: DEFAULT_PARTS,
  };
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    const value = () => {
      const next = argv[index + 1];
      if (next === undefined) throw new Error(`${argument} needs a value`);
      index += 1;
      return next;
    };
    if (argument === '--shape') parsed.shape = value();
    else if (argument === '--size') parsed.size = Number(value());
    else if (argument === '--seed') parsed.seed = Number(value());
    else if (argument === '--out') parsed.out = value();
    else if (argument === '--fresh') parsed.fresh = true;
    else if (argument === '--parts') parsed.parts = value().split(',').filter(Boolean);
    else if (argument === '--help' || argument === '-h') parsed.help = true;
    else throw new Error(`unknown argument '${argument}'`);
  }
  return parsed;
}

function main() {
  let parsed;
  try {
    parsed = parseArguments(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    process.exit(2);
  }
  if (parsed.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (!parsed.shape || parsed.size === undefined) {
    process.stderr.write(`--shape and --size are required\n${USAGE}\n`);
    process.exit(2);
  }
  const started = performance.now();
  let dir;
  let manifest;
  let generated = true;
  if (parsed.out) {
    dir = path.resolve(parsed.out);
    if (TREE_PARTS.some((part) => existsSync(path.join(dir, part)))) {
      if (!parsed.fresh) {
        process.stderr.write(`${dir} already holds a tree; pass --fresh to replace it\n`);
        process.exit(1);
      }
      for (const part of TREE_PARTS) rmSync(path.join(dir, part), { recursive: true, force: true });
    }
    manifest = writeTree({ dir, shape: parsed.shape, size: parsed.size, seed: parsed.seed, tools: parsed.parts });
  } else {
    ({ dir, manifest, generated } = ensureTree(parsed));
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  process.stderr.write(
    `${generated ? `generated in ${seconds} s` : 'cached'}: ${manifest.shape}, ` +
      `${manifest.revisions} revisions, ${manifest.mergePoints} merges, ` +
      `${manifest.branchPoints} branch points, ${manifest.branchLabels.length} labels, ` +
      `${manifest.dependsOn.length} dependsOn, heads ${manifest.heads.join(' ')}\n`,
  );
  process.stdout.write(`${dir}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

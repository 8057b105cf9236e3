/**
 * Copies the build under test to a directory of its own, so that a benchmark measures one build
 * from start to end (the same reasoning as `snapshotPackages` in bench/upgrade.mjs): on this
 * shared machine other sessions rebuild `packages/*\/dist` at any time (tsup empties `dist/`
 * first), which made runs fail half-way with "Cannot find module .../dist/index.js" and would mix
 * two builds in one table.
 *
 * `snapshotBuild({ packagesDir, packages, entries, snapshotDir, env })` copies `package.json`,
 * `dist/`, `templates/`, `bin/` and `README.md` of each of `packages` (names under
 * `packages/`), links each one's `node_modules` entries to the originals (the `@alembic/*` ones
 * among `packages` to the copies, so that every package loads one `@alembic/core`), checks that
 * the copied CLI starts, and returns `{ bin, version }`. Retries while a package's entry file is
 * missing (a rebuild in progress).
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import path from 'node:path';

/** Makes `link` a symlink to `target` (replacing a wrong one). */
export function ensureSymlink(target, link) {
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

/** Copies one package (see the module comment) into `target`; `undefined`, or what is missing. */
function copyPackage(source, target, packages, entry) {
  if (!existsSync(path.join(source, entry))) return `${path.basename(source)}/${entry}`;
  mkdirSync(target, { recursive: true });
  for (const part of ['package.json', 'dist', 'templates', 'bin', 'README.md']) {
    if (existsSync(path.join(source, part)))
      cpSync(path.join(source, part), path.join(target, part), { recursive: true });
  }
  const modules = path.join(source, 'node_modules');
  if (!existsSync(modules)) return undefined;
  for (const entryName of readdirSync(modules)) {
    if (entryName.startsWith('.')) continue;
    const names = entryName.startsWith('@')
      ? readdirSync(path.join(modules, entryName)).map((sub) => `${entryName}/${sub}`)
      : [entryName];
    for (const dependency of names) {
      const [scope, packageName] = dependency.split('/');
      const link = path.join(target, 'node_modules', dependency);
      if (scope === '@alembic' && packages.includes(packageName)) {
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
  return undefined;
}

/**
 * Copies the build (see the module comment). `entries` maps a package name to the file that
 * must exist in it (default `dist/index.js`, `dist/bin.js` for `cli`); packages without a
 * `package.json`, and `optional` ones still without their entry file at the third attempt (not
 * built), are skipped and listed in `absent`.
 */
export async function snapshotBuild({ packagesDir, packages, snapshotDir, env, entries = {}, optional = [] }) {
  for (let attempt = 1; ; attempt += 1) {
    const staging = `${snapshotDir}.tmp-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    let incomplete;
    const absent = [];
    for (const name of packages) {
      const source = path.join(packagesDir, name);
      if (!existsSync(path.join(source, 'package.json'))) {
        absent.push(name);
        continue;
      }
      const entry = entries[name] ?? (name === 'cli' ? 'dist/bin.js' : 'dist/index.js');
      if (optional.includes(name) && !existsSync(path.join(source, entry)) && attempt >= 3) {
        absent.push(name);
        continue;
      }
      incomplete = copyPackage(source, path.join(staging, name), packages, entry);
      if (incomplete !== undefined) break;
    }
    const bin = path.join(snapshotDir, 'cli', 'dist', 'bin.js');
    if (incomplete === undefined) {
      rmSync(snapshotDir, { recursive: true, force: true });
      renameSync(staging, snapshotDir);
      const check = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8', env });
      if (check.status === 0) return { bin, version: check.stdout.trim(), absent };
      incomplete = `the copied CLI does not start: ${(check.stderr || check.stdout).trim().split('\n').pop()}`;
    }
    rmSync(staging, { recursive: true, force: true });
    if (attempt >= 10) throw new Error(`cannot copy the build under test (${incomplete}); is a build running?`);
    process.stderr.write(`  build incomplete (${incomplete}); retrying in 5 s\n`);
    await new Promise((resolve) => setTimeout(resolve, 5000));
  }
}

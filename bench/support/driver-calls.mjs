/**
 * Preload for `node --import` (used by bench/upgrade.mjs when it profiles ours): counts the
 * database driver calls of a run and the time spent awaiting them, by statement kind, and
 * prints that to stderr at exit, after a `BENCH-DRIVER-CALLS` line.
 *
 * It wraps `pg`'s `Client#query` and `sqlite3`'s `Database#run/exec/all`, resolved from the
 * working directory's `node_modules/@alembic/dialect-*` (the same module instances the dialects
 * load). Measuring only: nothing about the run changes.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const calls = new Map();

function record(kind, milliseconds) {
  const entry = calls.get(kind) ?? { count: 0, milliseconds: 0 };
  entry.count += 1;
  entry.milliseconds += milliseconds;
  calls.set(kind, entry);
}

/** `CREATE TABLE`, `UPDATE alembic_version`, ...: the first two words, revision ids masked. */
function kindOf(statement) {
  const text = typeof statement === 'object' && statement !== null ? statement.text : statement;
  return String(text)
    .trim()
    .split(/\s+/)
    .slice(0, 2)
    .join(' ')
    .replace(/\bt_[0-9a-f]{12}\b/g, 't_<rev>');
}

function driverFrom(dialect, driver) {
  const manifest = path.join(process.cwd(), 'node_modules', '@alembic', dialect, 'package.json');
  if (!existsSync(manifest)) return undefined;
  try {
    return createRequire(manifest)(driver);
  } catch {
    return undefined;
  }
}

const pg = driverFrom('dialect-postgres', 'pg');
if (pg !== undefined) {
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function timedQuery(...args) {
    const started = performance.now();
    const result = query.apply(this, args);
    if (result !== null && typeof result?.then === 'function') {
      result.then(
        () => record(`pg ${kindOf(args[0])}`, performance.now() - started),
        () => record(`pg ${kindOf(args[0])} (failed)`, performance.now() - started),
      );
    }
    return result;
  };
}

const sqlite3 = driverFrom('dialect-sqlite', 'sqlite3');
if (sqlite3 !== undefined) {
  for (const method of ['run', 'exec', 'all']) {
    const original = sqlite3.Database.prototype[method];
    sqlite3.Database.prototype[method] = function timedCall(sql, ...rest) {
      const started = performance.now();
      const callbackIndex = rest.findIndex((value) => typeof value === 'function');
      if (callbackIndex >= 0) {
        const callback = rest[callbackIndex];
        rest[callbackIndex] = function timedCallback(...results) {
          record(`sqlite3.${method} ${kindOf(sql)}`, performance.now() - started);
          return callback.apply(this, results);
        };
      }
      return original.call(this, sql, ...rest);
    };
  }
}

process.on('exit', () => {
  const sorted = [...calls].sort((a, b) => b[1].milliseconds - a[1].milliseconds);
  const count = sorted.reduce((sum, [, entry]) => sum + entry.count, 0);
  const milliseconds = sorted.reduce((sum, [, entry]) => sum + entry.milliseconds, 0);
  const lines = sorted.map(
    ([kind, entry]) =>
      `${String(entry.count).padStart(6)} calls ${entry.milliseconds.toFixed(0).padStart(7)} ms  ${kind}`,
  );
  process.stderr.write(
    `BENCH-DRIVER-CALLS ${count} calls, ${milliseconds.toFixed(0)} ms awaiting them` +
      ` (process ${(performance.now() / 1000).toFixed(2)} s)\n${lines.join('\n')}\n`,
  );
});

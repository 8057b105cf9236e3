/**
 * Preload for `node --import` (used by bench/autogenerate.mjs): records every statement the
 * run sends through `pg`'s `Client#query`, in order, and at exit writes them as JSON
 * (`[{ text, milliseconds, failed }]`) to the file named by `BENCH_PG_QUERY_LOG` (to stderr after
 * a `BENCH-PG-QUERIES` line when unset). The bench then counts the catalog (introspection)
 * queries among them.
 *
 * `pg` is resolved from the working directory's `node_modules/@alembic/dialect-postgres` (the
 * module instance the dialect loads), as bench/support/driver-calls.mjs does. Measuring only:
 * nothing about the run changes.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const statements = [];

function textOf(statement) {
  if (typeof statement === 'string') return statement;
  if (statement !== null && typeof statement === 'object' && typeof statement.text === 'string') return statement.text;
  return String(statement);
}

function loadPg() {
  const manifest = path.join(process.cwd(), 'node_modules', '@alembic', 'dialect-postgres', 'package.json');
  if (!existsSync(manifest)) return undefined;
  try {
    return createRequire(manifest)('pg');
  } catch {
    return undefined;
  }
}

const pg = loadPg();
if (pg !== undefined) {
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function loggedQuery(...args) {
    const entry = { text: textOf(args[0]), milliseconds: 0, failed: false };
    statements.push(entry);
    const started = performance.now();
    const result = query.apply(this, args);
    if (result !== null && typeof result?.then === 'function') {
      result.then(
        () => {
          entry.milliseconds = performance.now() - started;
        },
        () => {
          entry.milliseconds = performance.now() - started;
          entry.failed = true;
        },
      );
    }
    return result;
  };
}

process.on('exit', () => {
  const payload = JSON.stringify({ pgFound: pg !== undefined, statements });
  const target = process.env.BENCH_PG_QUERY_LOG;
  if (target) writeFileSync(target, payload);
  else process.stderr.write(`BENCH-PG-QUERIES ${payload}\n`);
});

/**
 * Before/after pictures of what a bad input must not change: every file and directory of a
 * case's sandbox (the project and its parent), and its database (schema and rows).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

import { queryDatabase } from '../support/migration-project.js';
import { dumpServerDatabase } from '../support/live-databases.js';
import type { CaseDatabase } from './case-project.js';

/** Path (relative to the sandbox, `/`-separated) to a content hash, or `'dir'`. */
export type FileSnapshot = ReadonlyMap<string, string>;

/** Every file (with a hash of its content) and directory below `root`, except `ignored` paths. */
export function snapshotFiles(root: string, ignored: ReadonlySet<string>): FileSnapshot {
  const entries = new Map<string, string>();
  const walk = (directory: string): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const absolute = join(directory, entry.name);
      const path = relative(root, absolute).split(sep).join('/');
      if (ignored.has(path)) continue;
      if (entry.isDirectory()) {
        entries.set(path, 'dir');
        walk(absolute);
      } else {
        entries.set(path, createHash('sha256').update(readFileSync(absolute)).digest('hex'));
      }
    }
  };
  walk(root);
  return entries;
}

/** What differs between two file snapshots. */
export interface FileChanges {
  readonly added: string[];
  readonly removed: string[];
  readonly changed: string[];
}

export function compareFiles(before: FileSnapshot, after: FileSnapshot): FileChanges {
  return {
    added: [...after.keys()].filter((path) => !before.has(path)).sort(),
    removed: [...before.keys()].filter((path) => !after.has(path)).sort(),
    changed: [...after.keys()].filter((path) => before.has(path) && before.get(path) !== after.get(path)).sort(),
  };
}

/** The schema and rows of an SQLite file, or what stands in for them when it cannot be read. */
async function snapshotSqlite(path: string): Promise<string> {
  if (!existsSync(path)) return '(no database file)';
  try {
    const objects = await queryDatabase(
      path,
      'SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name',
    );
    const lines = objects.map((row) => `${String(row['type'])} ${String(row['name'])}: ${String(row['sql'])}`);
    for (const row of objects) {
      if (row['type'] !== 'table') continue;
      const name = String(row['name']).replace(/"/g, '""');
      const rows = await queryDatabase(path, `SELECT * FROM "${name}" ORDER BY 1`);
      lines.push(`rows of ${String(row['name'])}: ${JSON.stringify(rows)}`);
    }
    return lines.join('\n');
  } catch (error) {
    const bytes = createHash('sha256').update(readFileSync(path)).digest('hex');
    return `(not readable as SQLite: ${(error as Error).message}; content ${bytes})`;
  }
}

/** The schema and rows of a case's database. */
export function snapshotDatabase(database: CaseDatabase, projectDirectory: string): Promise<string> {
  return database.backend === 'sqlite'
    ? snapshotSqlite(join(projectDirectory, database.name))
    : dumpServerDatabase(database.backend, database.name);
}

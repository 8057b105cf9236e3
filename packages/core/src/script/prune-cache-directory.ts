import { readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Cache files not written for this long are deleted. */
export const CACHE_FILE_MAXIMUM_AGE_MILLISECONDS = 30 * 24 * 60 * 60 * 1000;
/** A cache directory is pruned at most this often. */
const PRUNE_INTERVAL_MILLISECONDS = 24 * 60 * 60 * 1000;
/** Its modification time says when the directory was last pruned. */
const MARKER = '.last-pruned';
/** What alembic writes there: header caches at the top, compiled TypeScript and bundles below. */
const SUBDIRECTORIES = ['compiled', 'bundles'];

/**
 * Deletes the files of an alembic cache directory (script headers, compiled TypeScript, script
 * bundles) that were not written for 30 days, at most once a day per directory. Without it the
 * per-user cache under the temp directory, shared by every project that has no `node_modules`,
 * would only grow. A file still in use that gets deleted costs one recompilation. Never throws.
 */
export function pruneCacheDirectory(cacheDirectory: string, now: number = Date.now()): void {
  try {
    const marker = join(cacheDirectory, MARKER);
    const lastPruned = statSync(marker, { throwIfNoEntry: false })?.mtimeMs;
    if (lastPruned !== undefined && now - lastPruned < PRUNE_INTERVAL_MILLISECONDS) return;
    writeFileSync(marker, '');
    const seconds = now / 1000;
    utimesSync(marker, seconds, seconds);
    const oldest = now - CACHE_FILE_MAXIMUM_AGE_MILLISECONDS;
    removeOlderFiles(cacheDirectory, oldest, (name) => name.startsWith('headers-'));
    for (const subdirectory of SUBDIRECTORIES) {
      removeOlderFiles(join(cacheDirectory, subdirectory), oldest, () => true);
    }
  } catch {
    // pruning is housekeeping: an unreadable or read-only cache is left as it is
  }
}

function removeOlderFiles(directory: string, oldest: number, isCacheFile: (name: string) => boolean): void {
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return;
  }
  for (const name of names) {
    if (!isCacheFile(name)) continue;
    const path = join(directory, name);
    const stats = statSync(path, { throwIfNoEntry: false });
    if (stats?.isFile() && stats.mtimeMs < oldest) rmSync(path, { force: true });
  }
}

import { existsSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';

/** One walk up the tree per start directory and process (a run asks for it several times). */
const cacheDirectoryByStart = new Map<string, string>();

/**
 * Where alembic keeps its caches (script headers, compiled TypeScript): the nearest
 * `node_modules/.cache/alembic` above `startDirectory`, as other Node tools do, else a
 * per-user directory under the system's temp directory.
 */
export function alembicCacheDirectory(startDirectory: string): string {
  let found = cacheDirectoryByStart.get(startDirectory);
  if (found === undefined) {
    found = findCacheDirectory(startDirectory);
    cacheDirectoryByStart.set(startDirectory, found);
  }
  return found;
}

function findCacheDirectory(startDirectory: string): string {
  let directory = startDirectory;
  for (;;) {
    if (existsSync(join(directory, 'node_modules'))) return join(directory, 'node_modules', '.cache', 'alembic');
    const parent = dirname(directory);
    if (parent === directory) break;
    directory = parent;
  }
  let user = 'user';
  try {
    user = userInfo().username;
  } catch {
    // keep the generic name
  }
  return join(tmpdir(), `alembic-cache-${user}`);
}

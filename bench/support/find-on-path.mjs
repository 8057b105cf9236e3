import { existsSync } from 'node:fs';
import path from 'node:path';

/** The first `name` in a directory of PATH, or undefined. */
export function findOnPath(name) {
  for (const directory of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(directory, name);
    if (directory && existsSync(candidate)) return candidate;
  }
  return undefined;
}

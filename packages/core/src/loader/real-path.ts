import { realpathSync } from 'node:fs';

/**
 * `path` with symbolic links resolved, as Node names the files it loads (and so as stack frames
 * name them); `path` itself when it cannot be resolved.
 */
export function realPathOf(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return path;
  }
}

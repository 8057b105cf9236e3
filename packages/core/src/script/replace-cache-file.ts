import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes a cache file through a temporary file renamed over it, creating its directory: a
 * concurrent reader sees the old file or the new one, never half of one. Throws as
 * `writeFileSync` does (callers treat an unwritable cache as a cost in speed only).
 */
export function replaceCacheFile(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}

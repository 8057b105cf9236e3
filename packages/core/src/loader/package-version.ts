import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const versions = new Map<string, string>();

/**
 * The installed version of a package as seen from `fromUrl` (its `package.json`, read without
 * loading the package), for cache keys: output compiled by one release of a compiler is not
 * reused by the next. `'unknown'` when it cannot be read.
 */
export function packageVersion(name: string, fromUrl: string): string {
  const key = `${fromUrl}\0${name}`;
  let version = versions.get(key);
  if (version === undefined) {
    try {
      const manifest = createRequire(fromUrl).resolve(`${name}/package.json`);
      version = String((JSON.parse(readFileSync(manifest, 'utf8')) as { version?: unknown }).version ?? 'unknown');
    } catch {
      version = 'unknown';
    }
    versions.set(key, version);
  }
  return version;
}

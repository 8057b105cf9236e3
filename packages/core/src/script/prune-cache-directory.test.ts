import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CACHE_FILE_MAXIMUM_AGE_MILLISECONDS, pruneCacheDirectory } from './prune-cache-directory.js';

const DAY = 24 * 60 * 60 * 1000;

describe('pruneCacheDirectory', () => {
  let directory: string;
  const now = Date.UTC(2026, 11, 3);

  function cacheFile(relativePath: string, ageMilliseconds: number): string {
    const path = join(directory, relativePath);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, 'x');
    const seconds = (now - ageMilliseconds) / 1000;
    utimesSync(path, seconds, seconds);
    return path;
  }

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'alembic-prune-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('deletes header caches, compiled files and bundles not written for 30 days, and nothing else', () => {
    const old = CACHE_FILE_MAXIMUM_AGE_MILLISECONDS + DAY;
    const oldHeaders = cacheFile('headers-0123.json', old);
    const freshHeaders = cacheFile('headers-4567.json', DAY);
    const oldCompiled = cacheFile('compiled/abc.js', old);
    const freshCompiled = cacheFile('compiled/def.js', 0);
    const oldBundle = cacheFile('bundles/123.mjs', old);
    const someoneElses = cacheFile('notes.txt', old);
    pruneCacheDirectory(directory, now);
    expect([oldHeaders, oldCompiled, oldBundle].map(existsSync)).toEqual([false, false, false]);
    expect([freshHeaders, freshCompiled, someoneElses].map(existsSync)).toEqual([true, true, true]);
  });

  it('prunes at most once a day', () => {
    const old = CACHE_FILE_MAXIMUM_AGE_MILLISECONDS + DAY;
    pruneCacheDirectory(directory, now);
    const oldHeaders = cacheFile('headers-0123.json', old);
    pruneCacheDirectory(directory, now + DAY / 2);
    expect(existsSync(oldHeaders)).toBe(true);
    pruneCacheDirectory(directory, now + DAY + 1);
    expect(existsSync(oldHeaders)).toBe(false);
  });

  it('leaves a missing cache directory alone', () => {
    expect(() => pruneCacheDirectory(join(directory, 'missing'), now)).not.toThrow();
    expect(existsSync(join(directory, 'missing'))).toBe(false);
  });
});

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync, type Stats } from 'node:fs';
import { dirname, join } from 'node:path';
import { alembicCacheDirectory } from './cache-directory.js';
import type { ScriptHeader } from './script-header.js';

/** Bump when the cached shape or the header reader's output changes. */
const CACHE_FORMAT = 1;

/** One cached header and the file state it was read from. */
type CacheEntry = [mtimeMs: number, size: number, header: ScriptHeader];

interface CacheFile {
  readonly format: number;
  readonly entries: Record<string, CacheEntry>;
}

/**
 * Remembers the headers of script files between runs, keyed by path and checked against each
 * file's modification time and size, so listing commands need not open and parse every script of
 * a long history on every run (a file that changed is read again). Like a bytecode cache, it is
 * only an accelerator: a missing, corrupt or unwritable cache means the files are read.
 */
export class HeaderCache {
  readonly #path: string;
  readonly #entries: Map<string, CacheEntry>;
  readonly #seen = new Set<string>();
  #dirty = false;

  private constructor(path: string, entries: Map<string, CacheEntry>) {
    this.#path = path;
    this.#entries = entries;
  }

  /**
   * Opens the cache of one set of version locations.
   *
   * @param key what identifies the set (its locations and options)
   * @param nearDirectory where to look upwards for `node_modules`
   */
  static open(key: string, nearDirectory: string): HeaderCache {
    const name = `headers-${createHash('sha1').update(key).digest('hex').slice(0, 16)}.json`;
    const path = join(alembicCacheDirectory(nearDirectory), name);
    let entries = new Map<string, CacheEntry>();
    try {
      const parsed = JSON.parse(readFileSync(path, 'utf8')) as CacheFile;
      if (parsed.format === CACHE_FORMAT) entries = new Map(Object.entries(parsed.entries));
    } catch {
      // no cache yet, or an unreadable one: start empty
    }
    return new HeaderCache(path, entries);
  }

  /** The cached header of `path`, if the file has not changed since it was cached. */
  lookup(path: string, stats: Stats): ScriptHeader | undefined {
    this.#seen.add(path);
    const entry = this.#entries.get(path);
    if (entry === undefined || entry[0] !== stats.mtimeMs || entry[1] !== stats.size) return undefined;
    return entry[2];
  }

  /** Records the header just read from `path`. */
  store(path: string, stats: Stats, header: ScriptHeader): void {
    this.#seen.add(path);
    this.#entries.set(path, [stats.mtimeMs, stats.size, header]);
    this.#dirty = true;
  }

  /** Writes the cache if it changed, dropping files no longer present. Never throws. */
  save(): void {
    for (const path of this.#entries.keys()) {
      if (!this.#seen.has(path)) {
        this.#entries.delete(path);
        this.#dirty = true;
      }
    }
    if (!this.#dirty) return;
    try {
      mkdirSync(dirname(this.#path), { recursive: true });
      const temporary = `${this.#path}.${process.pid}.tmp`;
      const content: CacheFile = { format: CACHE_FORMAT, entries: Object.fromEntries(this.#entries) };
      writeFileSync(temporary, JSON.stringify(content));
      renameSync(temporary, this.#path);
      this.#dirty = false;
    } catch {
      // a read-only or full disk only costs speed
    }
  }
}

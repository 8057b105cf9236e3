import { mkdirSync, readFileSync, renameSync, writeFileSync, type Stats } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { alembicCacheDirectory } from './cache-directory.js';
import { pruneCacheDirectory } from './prune-cache-directory.js';
import type { ScriptHeader } from './script-header.js';

/** Bump when the cached shape or the header reader's output changes. */
const CACHE_FORMAT = 2;

/**
 * One cached header and the file state it was read from, as a flat array (a 10,000-script
 * cache is parsed on every listing: arrays parse faster than objects with named fields).
 * `revision` is `null` when the file exports none; `downRevision` is `false` when it is missing.
 * The doc is not stored: it is the first paragraph of the long doc.
 */
type CacheEntry = [
  mtimeMs: number,
  size: number,
  revision: string | null,
  downRevision: string | readonly string[] | null | false,
  branchLabels: readonly string[],
  dependsOn: readonly string[] | null,
  longDoc: string,
];

/** Entries by file name, by directory (the directory is not repeated in every key). */
type Directories = Record<string, Record<string, CacheEntry>>;

interface CacheFile {
  readonly format: number;
  readonly directories: Directories;
}

/** A short stable name for a key (FNV-1a, two lanes): only names the file, nothing to protect. */
function keyName(key: string): string {
  let first = 0x811c9dc5;
  let second = 0x9e3779b9;
  for (let index = 0; index < key.length; index += 1) {
    const code = key.charCodeAt(index);
    first = Math.imul(first ^ code, 0x01000193) >>> 0;
    second = Math.imul(second ^ code, 0x85ebca6b) >>> 0;
  }
  return first.toString(16).padStart(8, '0') + second.toString(16).padStart(8, '0');
}

function splitPath(path: string): [directory: string, name: string] {
  const cut = path.lastIndexOf(sep);
  return [path.slice(0, cut), path.slice(cut + 1)];
}

function toEntry(stats: Stats, header: ScriptHeader): CacheEntry {
  return [
    stats.mtimeMs,
    stats.size,
    header.revision ?? null,
    header.downRevision === undefined ? false : header.downRevision,
    header.branchLabels,
    header.dependsOn,
    header.longDoc,
  ];
}

function toHeader(entry: CacheEntry): ScriptHeader {
  const longDoc = entry[6];
  const paragraphEnd = longDoc.indexOf('\n\n');
  return {
    revision: entry[2] ?? undefined,
    downRevision: entry[3] === false ? undefined : entry[3],
    branchLabels: entry[4],
    dependsOn: entry[5],
    longDoc,
    doc: paragraphEnd === -1 ? longDoc : longDoc.slice(0, paragraphEnd),
  };
}

/**
 * Remembers the headers of script files between runs, keyed by path and checked against each
 * file's modification time and size, so listing commands need not open and parse every script of
 * a long history on every run (a file that changed is read again). Like a bytecode cache, it is
 * only an accelerator: a missing, corrupt or unwritable cache means the files are read.
 */
export class HeaderCache {
  readonly #path: string;
  /** What the file held (never modified). */
  readonly #cached: Directories;
  /** What was looked up or stored this run: what the file will hold. */
  readonly #current: Directories = {};
  #cachedCount: number;
  #reusedCount = 0;
  #dirty = false;

  private constructor(path: string, cached: Directories) {
    this.#path = path;
    this.#cached = cached;
    let count = 0;
    for (const directory in cached) count += Object.keys(cached[directory] as Record<string, CacheEntry>).length;
    this.#cachedCount = count;
  }

  /**
   * Opens the cache of one set of version locations.
   *
   * @param key what identifies the set (its locations and options)
   * @param nearDirectory where to look upwards for `node_modules`
   */
  static open(key: string, nearDirectory: string): HeaderCache {
    const path = join(alembicCacheDirectory(nearDirectory), `headers-${keyName(key)}.json`);
    let directories: Directories = {};
    try {
      const parsed = JSON.parse(readFileSync(path, 'utf8')) as CacheFile;
      if (parsed.format === CACHE_FORMAT && typeof parsed.directories === 'object') directories = parsed.directories;
    } catch {
      // no cache yet, or an unreadable one: start empty
    }
    return new HeaderCache(path, directories);
  }

  /** The cached header of `path`, if the file has not changed since it was cached. */
  lookup(path: string, stats: Stats): ScriptHeader | undefined {
    const [directory, name] = splitPath(path);
    const entry = this.#cached[directory]?.[name];
    if (entry === undefined || entry[0] !== stats.mtimeMs || entry[1] !== stats.size) return undefined;
    (this.#current[directory] ??= {})[name] = entry;
    this.#reusedCount += 1;
    return toHeader(entry);
  }

  /** Records the header just read from `path`. */
  store(path: string, stats: Stats, header: ScriptHeader): void {
    const [directory, name] = splitPath(path);
    (this.#current[directory] ??= {})[name] = toEntry(stats, header);
    this.#dirty = true;
  }

  /** Writes the cache if it changed (files read again, or gone). Never throws. */
  save(): void {
    if (!this.#dirty && this.#reusedCount === this.#cachedCount) return;
    try {
      mkdirSync(dirname(this.#path), { recursive: true });
      const temporary = `${this.#path}.${process.pid}.tmp`;
      const content: CacheFile = { format: CACHE_FORMAT, directories: this.#current };
      writeFileSync(temporary, JSON.stringify(content));
      renameSync(temporary, this.#path);
      pruneCacheDirectory(dirname(this.#path));
      this.#dirty = false;
      this.#reusedCount = 0;
      this.#cachedCount = 0;
    } catch {
      // a read-only or full disk only costs speed
    }
  }
}

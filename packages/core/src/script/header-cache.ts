import { readFileSync, type Stats } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { alembicCacheDirectory } from './cache-directory.js';
import { pruneCacheDirectory } from './prune-cache-directory.js';
import { replaceCacheFile } from './replace-cache-file.js';
import { readTextFile } from './read-text-file.js';
import { readScriptHeader, type ScriptHeader } from './script-header.js';
import type { LongDocSource, ScriptHeaderWithoutLongDoc } from './script.js';

/** Bump when the cached shape or the header reader's output changes. */
const CACHE_FORMAT = 4;

/**
 * One cached header and the file state it was read from, as a flat array (a 10,000-script
 * cache is parsed on every listing: arrays parse faster than objects with named fields).
 * `revision` is `null` when the file exports none; `downRevision` is `false` when it is missing.
 * Only the doc (the first paragraph) is here; a long doc that says more is kept in the long-doc
 * file, which only verbose listings read.
 */
type CacheEntry = [
  mtimeMs: number,
  size: number,
  revision: string | null,
  downRevision: string | readonly string[] | null | false,
  branchLabels: readonly string[],
  dependsOn: readonly string[] | null,
  doc: string,
  longDocElsewhere: 0 | 1,
];

/** A long doc and the file state it was read from. */
type LongDocEntry = [mtimeMs: number, size: number, longDoc: string];

/** Entries by file name, by directory (the directory is not repeated in every key). */
type Directories<Entry> = Record<string, Record<string, Entry>>;

interface CacheFile<Entry> {
  readonly format: number;
  readonly directories: Directories<Entry>;
}

function readCacheFile<Entry>(path: string): Directories<Entry> {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as CacheFile<Entry>;
    if (parsed.format === CACHE_FORMAT && typeof parsed.directories === 'object' && parsed.directories !== null) {
      return parsed.directories;
    }
  } catch {
    // no cache yet, or an unreadable one
  }
  return {};
}

function writeCacheFile<Entry>(path: string, directories: Directories<Entry>): void {
  const content: CacheFile<Entry> = { format: CACHE_FORMAT, directories };
  replaceCacheFile(path, JSON.stringify(content));
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

/**
 * Remembers the headers of script files between runs, keyed by path and checked against each
 * file's modification time and size, so listing commands need not open and parse every script of
 * a long history on every run (a file that changed is read again). Like a bytecode cache, it is
 * only an accelerator: a missing, corrupt or unwritable cache means the files are read.
 */
export class HeaderCache implements LongDocSource {
  readonly #path: string;
  readonly #longDocPath: string;
  /** What the file held (never modified). */
  readonly #cached: Directories<CacheEntry>;
  /** What was looked up or stored this run: what the file will hold. */
  readonly #current: Directories<CacheEntry> = {};
  /** The long-doc file, read on first need. */
  #cachedLongDocs: Directories<LongDocEntry> | undefined;
  /** Long docs read from scripts this run. */
  readonly #newLongDocs: Directories<LongDocEntry> = {};
  #cachedCount: number;
  #reusedCount = 0;
  #dirty = false;

  private constructor(path: string, cached: Directories<CacheEntry>) {
    this.#path = path;
    this.#longDocPath = path.replace(/\.json$/, '.long-docs.json');
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
    return new HeaderCache(path, readCacheFile<CacheEntry>(path));
  }

  /**
   * The cached header of `path`, if the file has not changed since it was cached. A long doc
   * that says more than the doc is left out: `longDocOf` gives it.
   */
  lookup(path: string, stats: Stats): ScriptHeaderWithoutLongDoc | undefined {
    const [directory, name] = splitPath(path);
    const entry = this.#cached[directory]?.[name];
    if (entry === undefined || entry[0] !== stats.mtimeMs || entry[1] !== stats.size) return undefined;
    (this.#current[directory] ??= {})[name] = entry;
    this.#reusedCount += 1;
    // A plain object literal: 10,000 of them are made per listing.
    return {
      revision: entry[2] ?? undefined,
      downRevision: entry[3] === false ? undefined : entry[3],
      branchLabels: entry[4],
      dependsOn: entry[5],
      doc: entry[6],
      longDoc: entry[7] === 0 ? entry[6] : undefined,
    };
  }

  /** Records the header just read from `path`. */
  store(path: string, stats: Stats, header: ScriptHeader): void {
    const [directory, name] = splitPath(path);
    const longDocElsewhere = header.longDoc === header.doc ? 0 : 1;
    (this.#current[directory] ??= {})[name] = [
      stats.mtimeMs,
      stats.size,
      header.revision ?? null,
      header.downRevision === undefined ? false : header.downRevision,
      header.branchLabels,
      header.dependsOn,
      header.doc,
      longDocElsewhere,
    ];
    if (longDocElsewhere === 1)
      (this.#newLongDocs[directory] ??= {})[name] = [stats.mtimeMs, stats.size, header.longDoc];
    this.#dirty = true;
  }

  /**
   * The long doc of a script this run looked up or stored: from the long-doc file, or from the
   * script itself when that file is missing or older.
   */
  longDocOf(path: string): string {
    const [directory, name] = splitPath(path);
    const entry = this.#current[directory]?.[name];
    const kept = this.#newLongDocs[directory]?.[name] ?? this.#longDocs()[directory]?.[name];
    if (entry !== undefined && kept !== undefined && kept[0] === entry[0] && kept[1] === entry[1]) return kept[2];
    // The long-doc file is missing or older than the entry: read the script's header again.
    return readScriptHeader(readTextFile(path), path).longDoc;
  }

  #longDocs(): Directories<LongDocEntry> {
    this.#cachedLongDocs ??= readCacheFile<LongDocEntry>(this.#longDocPath);
    return this.#cachedLongDocs;
  }

  /** Writes the cache if it changed (files read again, or gone). Never throws. */
  save(): void {
    if (!this.#dirty && this.#reusedCount === this.#cachedCount) return;
    try {
      // The long docs first: an entry whose long doc is missing or stale is read from its file.
      const previous = this.#longDocs();
      const longDocs: Directories<LongDocEntry> = {};
      for (const directory in this.#current) {
        for (const [name, entry] of Object.entries(this.#current[directory] as Record<string, CacheEntry>)) {
          if (entry[7] === 0) continue;
          const kept = this.#newLongDocs[directory]?.[name] ?? previous[directory]?.[name];
          if (kept !== undefined && kept[0] === entry[0] && kept[1] === entry[1])
            (longDocs[directory] ??= {})[name] = kept;
        }
      }
      writeCacheFile(this.#longDocPath, longDocs);
      writeCacheFile(this.#path, this.#current);
      pruneCacheDirectory(dirname(this.#path));
      this.#dirty = false;
      this.#reusedCount = 0;
      this.#cachedCount = 0;
    } catch {
      // a read-only or full disk only costs speed
    }
  }
}

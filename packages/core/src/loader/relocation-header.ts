import { closeSync, openSync, readSync } from 'node:fs';
import type { AlembicPackageSources } from './relocated-imports.js';

const PREFIX = '// alembic-relocated ';
/** The header is short; reading this much of a file always covers it. */
const HEADER_BYTES = 16 * 1024;

/** What a module written to the cache records about itself in its first line. */
export interface RelocationHeader {
  /** Why it must be imported through the module hooks instead; none: it can be imported. */
  readonly needsHooks?: string;
  /** Why it could not be loaded at all (a bundle whose import failed): not to be tried again. */
  readonly unusable?: string;
  /** The `@alembic/*` packages it imports and where each came from when it was written. */
  readonly alembicPackages: AlembicPackageSources;
}

/**
 * A source map of esbuild's output for the file as written to the cache, that is one line
 * further down, below the header line.
 */
export function sourceMapBelowHeader(sourceMap: string): string {
  const map = JSON.parse(sourceMap) as { mappings: string };
  map.mappings = `;${map.mappings}`;
  return JSON.stringify(map);
}

/** The first line of a module written to the cache. */
export function formatRelocationHeader(header: RelocationHeader): string {
  return `${PREFIX}${JSON.stringify(header)}\n`;
}

/** Reads the header of a module in the cache; `undefined` when there is none (or no file). */
export function readRelocationHeader(path: string): RelocationHeader | undefined {
  let descriptor: number;
  try {
    descriptor = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const buffer = Buffer.alloc(HEADER_BYTES);
    const length = readSync(descriptor, buffer, 0, HEADER_BYTES, 0);
    const text = buffer.toString('utf8', 0, length);
    const end = text.indexOf('\n');
    if (!text.startsWith(PREFIX) || end === -1) return undefined;
    const parsed = JSON.parse(text.slice(PREFIX.length, end)) as RelocationHeader;
    return typeof parsed.alembicPackages === 'object' && parsed.alembicPackages !== null ? parsed : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(descriptor);
  }
}

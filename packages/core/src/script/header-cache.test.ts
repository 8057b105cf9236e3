import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeaderCache } from './header-cache.js';
import { readScriptHeader, type ScriptHeader } from './script-header.js';
import type { ScriptHeaderWithoutLongDoc } from './script.js';

const KEY = 'versions-key';

function scriptSource(revision: string, docLines: readonly string[]): string {
  return [
    '/**',
    ...docLines.map((line) => (line === '' ? ' *' : ` * ${line}`)),
    ' */',
    `export const revision = '${revision}';`,
    'export const downRevision = null;',
    '',
  ].join('\n');
}

function plainHeader(
  header: ScriptHeaderWithoutLongDoc,
  longDoc: string | undefined = header.longDoc,
): Record<string, unknown> {
  return {
    revision: header.revision,
    downRevision: header.downRevision,
    branchLabels: header.branchLabels,
    dependsOn: header.dependsOn,
    doc: header.doc,
    longDoc,
  };
}

/** The long doc a listing gets for a cached header: in it, or from the cache on demand. */
function longDocOf(
  cache: HeaderCache,
  header: ScriptHeaderWithoutLongDoc | undefined,
  path: string,
): string | undefined {
  if (header === undefined) return undefined;
  return header.longDoc ?? cache.longDocOf(path);
}

describe('HeaderCache', () => {
  let project: string;
  let versions: string;

  /** Writes a script, reads it as a listing would and stores it in a fresh cache, then saves. */
  function cacheScripts(files: Record<string, string>): void {
    const cache = HeaderCache.open(KEY, project);
    for (const [name, source] of Object.entries(files)) {
      const path = join(versions, name);
      writeFileSync(path, source);
      cache.store(path, statSync(path), readScriptHeader(source, path));
    }
    cache.save();
  }

  function cacheFiles(): string[] {
    return readdirSync(join(project, 'node_modules', '.cache', 'alembic'))
      .filter((name) => name.startsWith('headers-'))
      .sort();
  }

  beforeEach(() => {
    project = mkdtempSync(join(tmpdir(), 'alembic-header-cache-'));
    mkdirSync(join(project, 'node_modules'));
    versions = join(project, 'versions');
    mkdirSync(versions);
  });
  afterEach(() => rmSync(project, { recursive: true, force: true }));

  it('gives back what was stored, the long doc included, after a save and a reopen', () => {
    const long = scriptSource('aaaa', ['First line', '', 'Revision ID: aaaa', 'Create Date: today']);
    const short = scriptSource('bbbb', ['Only a message']);
    cacheScripts({ 'aaaa_first.ts': long, 'bbbb_second.ts': short });
    expect(cacheFiles()).toEqual([
      expect.stringMatching(/^headers-\w+\.json$/),
      expect.stringMatching(/^headers-\w+\.long-docs\.json$/),
    ]);

    const cache = HeaderCache.open(KEY, project);
    for (const [name, source] of [
      ['aaaa_first.ts', long],
      ['bbbb_second.ts', short],
    ] as const) {
      const path = join(versions, name);
      const cached = cache.lookup(path, statSync(path));
      expect(cached).toBeDefined();
      expect(plainHeader(cached as ScriptHeader, longDocOf(cache, cached, path))).toEqual(
        plainHeader(readScriptHeader(source, path)),
      );
    }
    // The short one needs no second file; the long one is left out of the main file.
    const main = HeaderCache.open(KEY, project).lookup(
      join(versions, 'aaaa_first.ts'),
      statSync(join(versions, 'aaaa_first.ts')),
    );
    expect(main?.longDoc).toBeUndefined();
  });

  it('misses a file whose modification time or size changed', () => {
    cacheScripts({ 'aaaa_first.ts': scriptSource('aaaa', ['Message']) });
    const path = join(versions, 'aaaa_first.ts');
    const later = statSync(path).mtimeMs / 1000 + 5;
    utimesSync(path, later, later);
    expect(HeaderCache.open(KEY, project).lookup(path, statSync(path))).toBeUndefined();
  });

  it('reads a long doc from the script when the long-doc file is gone', () => {
    const source = scriptSource('aaaa', ['Message', '', 'More words']);
    cacheScripts({ 'aaaa_first.ts': source });
    const longDocFile = cacheFiles().find((name) => name.endsWith('.long-docs.json')) as string;
    unlinkSync(join(project, 'node_modules', '.cache', 'alembic', longDocFile));
    const path = join(versions, 'aaaa_first.ts');
    const cache = HeaderCache.open(KEY, project);
    const cached = cache.lookup(path, statSync(path));
    expect(cached?.doc).toBe('Message');
    expect(longDocOf(cache, cached, path)).toBe('Message\n\nMore words');
  });

  it('keeps the long docs of reused entries when it saves again for another file', () => {
    cacheScripts({ 'aaaa_first.ts': scriptSource('aaaa', ['Kept', '', 'long part']) });
    const first = join(versions, 'aaaa_first.ts');
    const second = join(versions, 'bbbb_second.ts');
    const secondSource = scriptSource('bbbb', ['New', '', 'other long part']);
    writeFileSync(second, secondSource);

    const cache = HeaderCache.open(KEY, project);
    expect(cache.lookup(first, statSync(first))).toBeDefined();
    cache.store(second, statSync(second), readScriptHeader(secondSource, second));
    cache.save();
    // Nothing left to fall back on: the scripts are gone, only the cache can answer.
    const reopened = HeaderCache.open(KEY, project);
    const firstStats = statSync(first);
    const secondStats = statSync(second);
    unlinkSync(first);
    unlinkSync(second);
    expect(longDocOf(reopened, reopened.lookup(first, firstStats), first)).toBe('Kept\n\nlong part');
    expect(longDocOf(reopened, reopened.lookup(second, secondStats), second)).toBe('New\n\nother long part');
  });

  it('starts empty from a corrupt cache file', () => {
    cacheScripts({ 'aaaa_first.ts': scriptSource('aaaa', ['Message']) });
    const mainFile = cacheFiles().find((name) => !name.endsWith('.long-docs.json')) as string;
    writeFileSync(join(project, 'node_modules', '.cache', 'alembic', mainFile), '{"format": 3, "direc');
    const path = join(versions, 'aaaa_first.ts');
    expect(HeaderCache.open(KEY, project).lookup(path, statSync(path))).toBeUndefined();
  });
});

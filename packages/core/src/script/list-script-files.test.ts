import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { listScriptFiles } from './list-script-files.js';

describe('listScriptFiles', () => {
  let root: string;

  function write(path: string): void {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), '');
  }

  function list(locations: readonly string[], recursive: boolean): string[] {
    return listScriptFiles(
      locations.map((location) => join(root, location)),
      recursive,
    ).map((path) => relative(root, path));
  }

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'alembic-list-'));
    for (const path of [
      'versions/b_2.ts',
      'versions/a_1.ts',
      'versions/A_upper.js',
      'versions/c.mts',
      'versions/d.cts',
      'versions/e.mjs',
      'versions/f.cjs',
      'versions/types.d.ts',
      'versions/types.d.mts',
      'versions/types.d.cts',
      'versions/.hidden.ts',
      'versions/.#a_1.ts',
      'versions/__init__.ts',
      'versions/notes.md',
      'versions/data.json',
      'versions/script.tsx',
      'versions/2024/12/26_x.ts',
      'versions/2024/01_y.ts',
      'versions/2024/00_first.ts',
      'versions/2023/z.ts',
      'versions/node_modules/m.ts',
      'versions/__pycache__/p.ts',
      'versions/.cache/c.ts',
      'other/o.ts',
    ]) {
      write(path);
    }
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('lists script files sorted by name, skipping others, without recursion', () => {
    expect(list(['versions'], false)).toEqual([
      'versions/A_upper.js',
      'versions/a_1.ts',
      'versions/b_2.ts',
      'versions/c.mts',
      'versions/d.cts',
      'versions/e.mjs',
      'versions/f.cjs',
    ]);
  });

  it('lists a directory files first, then its subdirectories in name order, when recursive', () => {
    expect(list(['versions'], true).slice(7)).toEqual([
      'versions/2023/z.ts',
      'versions/2024/00_first.ts',
      'versions/2024/01_y.ts',
      'versions/2024/12/26_x.ts',
    ]);
  });

  it('keeps the order of the locations and skips missing ones', () => {
    expect(list(['other', 'missing', 'versions/notes.md', 'versions/2023'], false)).toEqual([
      'other/o.ts',
      'versions/2023/z.ts',
    ]);
  });

  it('lists a file reached twice once, where it was first reached', () => {
    symlinkSync(join(root, 'versions/a_1.ts'), join(root, 'other/link_to_a.ts'));
    symlinkSync(join(root, 'versions/2023'), join(root, 'other/linked_dir'));
    symlinkSync(join(root, 'versions/missing.ts'), join(root, 'other/dangling.ts'));
    expect(list(['other', 'versions', 'versions'], true)).toEqual([
      'other/link_to_a.ts',
      'other/o.ts',
      'other/linked_dir/z.ts',
      'versions/A_upper.js',
      'versions/b_2.ts',
      'versions/c.mts',
      'versions/d.cts',
      'versions/e.mjs',
      'versions/f.cjs',
      'versions/2024/00_first.ts',
      'versions/2024/01_y.ts',
      'versions/2024/12/26_x.ts',
    ]);
  });

  it('does not loop on a symbolic link cycle', () => {
    symlinkSync(join(root, 'versions'), join(root, 'versions/2023/back'));
    expect(list(['versions'], true)).toHaveLength(11);
  });

  it('returns absolute paths for relative locations', () => {
    const previous = process.cwd();
    process.chdir(root);
    try {
      expect(listScriptFiles(['other'], false)).toEqual([join(root, 'other/o.ts')]);
    } finally {
      process.chdir(previous);
    }
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh temporary directory per test, removed after it; returns a getter for its path. */
export function useTemporaryDirectory(): () => string {
  let directory: string | undefined;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'alembic-sqlite-'));
  });
  afterEach(() => {
    if (directory !== undefined) {
      rmSync(directory, { recursive: true, force: true });
    }
  });
  return () => {
    if (directory === undefined) {
      throw new Error('useTemporaryDirectory: no directory outside a test');
    }
    return directory;
  };
}

/** A `sqlite:////absolute/path` URL for a file in `directory`. */
export function sqliteFileUrl(directory: string, fileName = 'test.db'): string {
  return `sqlite:///${join(directory, fileName)}`;
}

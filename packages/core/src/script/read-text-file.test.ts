import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTextFile } from './read-text-file.js';

describe('readTextFile', () => {
  const directory = mkdtempSync(join(tmpdir(), 'alembic-read-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('reads small, empty and multi-byte files exactly', () => {
    writeFileSync(join(directory, 'a.ts'), 'export const revision = "ä€😀";\n');
    writeFileSync(join(directory, 'empty.ts'), '');
    expect(readTextFile(join(directory, 'a.ts'))).toBe('export const revision = "ä€😀";\n');
    expect(readTextFile(join(directory, 'empty.ts'))).toBe('');
  });

  it('reads files larger than its buffer, and a short file after a long one', () => {
    const large = `${'x'.repeat(70 * 1024)}end`;
    writeFileSync(join(directory, 'large.ts'), large);
    writeFileSync(join(directory, 'short.ts'), 'short');
    expect(readTextFile(join(directory, 'large.ts'))).toBe(large);
    expect(readTextFile(join(directory, 'short.ts'))).toBe('short');
  });
});

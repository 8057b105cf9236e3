import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Whether Node loads `path` as CommonJS: a `.cjs` file, or a `.js` file whose nearest
 * `package.json` does not say `"type": "module"` (none at all counts as CommonJS, as in Node).
 * An unreadable `package.json` answers `false`, so that the caller takes its general path.
 */
export function isCommonJsFile(path: string): boolean {
  if (path.endsWith('.cjs')) return true;
  if (!path.endsWith('.js')) return false;
  let directory = dirname(path);
  for (;;) {
    let text: string | undefined;
    try {
      text = readFileSync(join(directory, 'package.json'), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return false;
    }
    if (text !== undefined) {
      try {
        return (JSON.parse(text) as { type?: unknown }).type !== 'module';
      } catch {
        return false;
      }
    }
    const parent = dirname(directory);
    if (parent === directory) return true;
    directory = parent;
  }
}

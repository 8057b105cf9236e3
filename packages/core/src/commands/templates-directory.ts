import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The directory holding the `init` templates (`generic/`, `multidb/`), shipped beside
 * `dist/` in the package.
 */
export function templatesDirectory(): string {
  for (const relativeUrl of ['../templates/', '../../templates/']) {
    const path = fileURLToPath(new URL(relativeUrl, import.meta.url));
    if (existsSync(path)) return path;
  }
  return fileURLToPath(new URL('../templates/', import.meta.url));
}

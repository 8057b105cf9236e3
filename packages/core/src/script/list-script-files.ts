import { readdirSync, realpathSync, statSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import { resolve, sep } from 'node:path';

const SCRIPT_EXTENSIONS = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'];
const DECLARATION_EXTENSIONS = ['.d.ts', '.d.mts', '.d.cts'];

/**
 * Lists the migration scripts of the version locations, in load order, which breaks every tie
 * in the revision graph (heads, `upgrade heads`, `history`):
 *
 * - locations in the given order (relative ones resolved against the working directory); a
 *   location that does not exist, or is not a directory, is skipped;
 * - within a directory, its files sorted by name (UTF-16 code-unit order, as `Array.sort`), then,
 *   only when `recursive`, its subdirectories in the same order, each listed the same way;
 * - files ending in `.ts`, `.mts`, `.cts`, `.js`, `.mjs` or `.cjs`, but not declaration files
 *   (`.d.ts`, `.d.mts`, `.d.cts`); names starting with `.` or `__`, and `node_modules`, are skipped;
 * - a file reached twice (through overlapping locations or symbolic links) is listed once, where
 *   it was first reached.
 *
 * Reads the file system synchronously.
 *
 * @returns Absolute paths, as reached (not resolved through symbolic links).
 */
export function listScriptFiles(locations: readonly string[], recursive: boolean): string[] {
  const files: string[] = [];
  const seenFiles = new Set<string>();
  const seenDirectories = new Set<string>();
  for (const location of locations) {
    const directory = resolve(location);
    const realDirectory = realDirectoryOf(directory);
    if (realDirectory !== undefined) {
      listDirectory(directory, realDirectory, recursive, files, seenFiles, seenDirectories);
    }
  }
  return files;
}

function listDirectory(
  directory: string,
  realDirectory: string,
  recursive: boolean,
  files: string[],
  seenFiles: Set<string>,
  seenDirectories: Set<string>,
): void {
  if (seenDirectories.has(realDirectory)) return;
  seenDirectories.add(realDirectory);
  const entries = readdirSync(directory, { withFileTypes: true })
    .filter((entry) => isListable(entry.name))
    .sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0));
  const subdirectories: Array<{ path: string; realPath: string }> = [];
  const sameDirectory = realDirectory === directory;
  for (const entry of entries) {
    const path = childPath(directory, entry.name);
    const kind = kindOf(entry, path);
    if (kind === 'file' && isScriptFileName(entry.name)) {
      const realPath = entry.isSymbolicLink()
        ? realpathSync(path)
        : sameDirectory
          ? path
          : childPath(realDirectory, entry.name);
      if (!seenFiles.has(realPath)) {
        seenFiles.add(realPath);
        files.push(path);
      }
    } else if (kind === 'directory' && recursive) {
      const realPath = entry.isSymbolicLink() ? realpathSync(path) : childPath(realDirectory, entry.name);
      subdirectories.push({ path, realPath });
    }
  }
  for (const subdirectory of subdirectories) {
    listDirectory(subdirectory.path, subdirectory.realPath, recursive, files, seenFiles, seenDirectories);
  }
}

/** `path.join` for a directory and a plain name, without normalising (it runs 10,000 times). */
function childPath(directory: string, name: string): string {
  return directory.endsWith(sep) ? directory + name : directory + sep + name;
}

/** Whether the listing looks at an entry of this name at all (not `.x`, `__x`, `node_modules`). @internal */
export function isListable(name: string): boolean {
  return !name.startsWith('.') && !name.startsWith('__') && name !== 'node_modules';
}

/** Whether a file of this name is a script (a script extension, not a declaration file). @internal */
export function isScriptFileName(name: string): boolean {
  return (
    SCRIPT_EXTENSIONS.some((extension) => name.endsWith(extension)) &&
    !DECLARATION_EXTENSIONS.some((extension) => name.endsWith(extension))
  );
}

/** Follows a symbolic link to tell a file from a directory; a dangling link is neither. */
function kindOf(entry: Dirent, path: string): 'file' | 'directory' | undefined {
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'directory';
  if (!entry.isSymbolicLink()) return undefined;
  const stats = statSync(path, { throwIfNoEntry: false });
  if (stats?.isFile()) return 'file';
  if (stats?.isDirectory()) return 'directory';
  return undefined;
}

function realDirectoryOf(directory: string): string | undefined {
  const stats = statSync(directory, { throwIfNoEntry: false });
  return stats?.isDirectory() ? realpathSync(directory) : undefined;
}

import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AlembicError } from '../errors/alembic-error.js';
import { CommandError } from '../errors/command-error.js';

/**
 * Writes a file that must not exist yet, all at once: the content goes to a temporary file in
 * the same directory (named `.<name>.<pid>.tmp`, which the script listing skips), which is then
 * renamed to `path`. A write that fails (disk full, permissions, a crash) leaves no partial
 * file under `path`; the temporary file is removed.
 *
 * @throws CommandError `ALEMBIC_FILE_EXISTS` when `path` exists, `ALEMBIC_WRITE_FAILED` with
 *   the file system's reason when the write or the rename fails.
 * @internal
 */
export function writeNewFile(path: string, content: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, content);
    if (existsSync(path)) {
      throw new CommandError(`File ${path} already exists; nothing written`, { code: 'ALEMBIC_FILE_EXISTS' });
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    if (AlembicError.isInstance(error)) throw error;
    // Node's message names the temporary file: keep only the reason (`ENOENT: no such file ...`).
    const reason = String((error as { message?: unknown }).message ?? error).replace(
      /, \w+ '[^']*'(?: -> '[^']*')?$/,
      '',
    );
    throw new CommandError(`Could not write ${path}: ${reason}`, {
      code: 'ALEMBIC_WRITE_FAILED',
      cause: error,
    });
  }
}

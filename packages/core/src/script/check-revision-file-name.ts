import { FileTemplateError } from '../errors/file-template-error.js';
import { displayValue } from '../revision/new-identifier.js';
import { isListable, isScriptFileName } from './list-script-files.js';

/** The longest file or directory name most file systems take, in bytes (UTF-8). */
const LONGEST_NAME_BYTES = 255;

/**
 * Checks the name `fileTemplate` gave a new revision file (relative to its version location,
 * `/` making subdirectories) before anything is written: it must stay inside the version
 * location (no absolute path, no `.` or `..` and no empty segment), each segment must be one the
 * script listing reads (not starting with `.` or `__`, not `node_modules`, the last one a script
 * and not a declaration file such as `x.d.ts`) and at most 255 bytes long, and subdirectories
 * need `recursiveVersionLocations`. So the file written is always a file the next command loads.
 *
 * @throws FileTemplateError (`ALEMBIC_FILE_TEMPLATE`), one line naming the template.
 * @internal
 */
export function checkRevisionFileName(
  fileName: string,
  fileTemplate: string,
  recursiveVersionLocations: boolean,
): void {
  const fail = (reason: string): never => {
    throw new FileTemplateError(
      fileTemplate,
      undefined,
      `fileTemplate ${displayValue(fileTemplate)} names the new file ${displayValue(fileName)}, which ${reason}; nothing written`,
    );
  };
  if (fileName.startsWith('/') || /^[A-Za-z]:/.test(fileName)) fail('is an absolute path');
  const segments = fileName.split(/[\\/]/);
  for (const segment of segments) {
    if (segment === '') fail('has an empty path segment');
    if (segment === '.' || segment === '..') fail('leaves the version location');
    if (!isListable(segment)) fail(`has a segment the script listing skips (${displayValue(segment)})`);
    if (segment.includes('\u0000')) fail('contains a NUL character');
    const bytes = Buffer.byteLength(segment);
    if (bytes > LONGEST_NAME_BYTES) {
      fail(
        `has a segment of ${bytes} bytes, longer than ${LONGEST_NAME_BYTES} (shorten fileTemplate or truncateSlugLength)`,
      );
    }
  }
  if (!isScriptFileName(segments[segments.length - 1] as string)) fail('is not a script the listing loads');
  if (segments.length > 1 && !recursiveVersionLocations) {
    fail('is in a subdirectory, and scripts there are only loaded with recursiveVersionLocations: true');
  }
}

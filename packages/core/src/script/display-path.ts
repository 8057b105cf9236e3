import { isAbsolute, relative, sep } from 'node:path';

/**
 * A path as messages show it: relative to the working directory when it is inside it, as given
 * otherwise (outside it, on another drive, or already relative).
 *
 * ```ts
 * displayPath('/project/migrations/env.ts'); // 'migrations/env.ts' when run in /project
 * ```
 */
export function displayPath(path: string): string {
  if (!isAbsolute(path)) return path;
  const fromHere = relative(process.cwd(), path);
  return fromHere === '' || fromHere === '..' || fromHere.startsWith(`..${sep}`) || isAbsolute(fromHere)
    ? path
    : fromHere;
}

import { register } from 'node:module';

let registered = false;

/**
 * Installs the hooks that let `import()` load TypeScript migration scripts, `env.ts` and
 * `alembic.config.ts` (see `typescript-hooks.ts`). Safe to call more than once.
 *
 * @param hooksUrl URL of the built hooks module (beside this package's `dist/index.js`).
 * @param fallbackParentUrl a file URL inside the installation `@alembic/*` imports fall back to.
 * @param cacheDirectory where compiled files are kept between runs.
 */
export function registerTypeScriptLoader(hooksUrl: URL, fallbackParentUrl: string, cacheDirectory?: string): void {
  if (registered) return;
  registered = true;
  register(hooksUrl, { data: { fallbackParentUrl, cacheDirectory } });
}

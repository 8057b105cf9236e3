import { register } from 'node:module';

let registered = false;

/** What the hooks need, computed only on the first call. */
export interface TypeScriptLoaderSettings {
  /** URL of the built hooks module (beside this package's `dist/index.js`). */
  readonly hooksUrl: URL;
  /** A file URL inside the installation `@alembic/*` imports fall back to. */
  readonly fallbackParentUrl: string;
  /** Where compiled files are kept between runs. */
  readonly cacheDirectory?: string;
}

/**
 * Installs the hooks that let `import()` load TypeScript migration scripts, `env.ts` and
 * `alembic.config.ts` (see `typescript-hooks.ts`). `require()` of `.ts` files is not changed
 * here: `registerRequireTypeScriptHook` does that, where TypeScript is loaded. Safe to call for
 * every import: the settings are only worked out the first time.
 */
export function registerTypeScriptLoader(settings: () => TypeScriptLoaderSettings): void {
  if (registered) return;
  registered = true;
  const { hooksUrl, fallbackParentUrl, cacheDirectory } = settings();
  register(hooksUrl, { data: { fallbackParentUrl, cacheDirectory } });
}

import type { Options } from 'tsup';

/**
 * The build of a library package of the project (a dialect, the testing suite): `src/index.ts`
 * as ES module and CommonJS with declarations and source maps, for Node 22 and later, leaving
 * out the modules in `external` (peers such as `@alembic/core` and the database driver, which
 * the application installs once, never bundled).
 *
 * ```ts
 * // packages/dialect-pg/tsup.config.ts
 * import { defineConfig } from 'tsup';
 * import { libraryBuild } from '../../scripts/tsup-library.js';
 *
 * export default defineConfig(libraryBuild({ external: ['pg', '@alembic/core'] }));
 * ```
 */
export function libraryBuild(options: { readonly external: readonly string[] }): Options {
  return {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    target: 'node22',
    platform: 'node',
    sourcemap: true,
    external: [...options.external],
  };
}

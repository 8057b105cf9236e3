import { defineConfig, type Options } from 'tsup';
import { resolve, sep } from 'node:path';
import type { Plugin } from 'esbuild';

/**
 * The package's entry points (`exports` in package.json): `@alembic/core` for migration and
 * env.ts authors, `@alembic/core/dialect` for dialect authors, `@alembic/core/internal` for
 * @alembic's own packages.
 */
const ENTRY_POINTS = {
  index: 'src/index.ts',
  dialect: 'src/api/dialect.ts',
  internal: 'src/api/internal.ts',
};

/**
 * Builds each entry point as a thin module re-exporting its names from `./core.js` (or
 * `./core.cjs`), the one bundle of core: a process that imports two entry points gets one
 * copy of every class, in CommonJS too, where esbuild has no code splitting. Every module an
 * entry point imports from outside `src/api/` becomes that import; the barrels in `src/api/`
 * are followed, so they must name what they export (an `export *` of a module outside
 * `src/api/` would re-export the whole bundle, which the check below refuses).
 */
const reexportFromCore: Plugin = {
  name: 'reexport-from-core',
  setup(build) {
    const coreFile = build.initialOptions.format === 'cjs' ? './core.cjs' : './core.js';
    const barrels = `${resolve('src/api')}${sep}`;
    build.onResolve({ filter: /^\.\.?\// }, (args) =>
      args.kind === 'entry-point' || resolve(args.resolveDir, args.path).startsWith(barrels)
        ? undefined
        : { path: coreFile, external: true },
    );
    build.onEnd((result) => {
      for (const file of result.outputFiles ?? []) {
        if (/\.c?js$/.test(file.path) && /export \* from|__reExport\(/.test(file.text)) {
          throw new Error(`${file.path} re-exports all of core: an entry point may only name its exports`);
        }
      }
    });
  },
};

const common: Options = {
  format: ['esm', 'cjs'],
  target: 'node22',
  platform: 'node',
  sourcemap: true,
};

export default defineConfig([
  {
    ...common,
    // Everything, once; not importable from outside (package.json `exports` leaves it out).
    entry: { core: 'src/api/implementation.ts' },
    dts: false,
    clean: true,
    shims: true,
  },
  {
    ...common,
    entry: ENTRY_POINTS,
    dts: true,
    splitting: false,
    esbuildPlugins: [reexportFromCore],
  },
]);

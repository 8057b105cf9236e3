import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/transpile.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  // `import.meta.url` in the CommonJS build (transpile.ts loads @swc/core lazily).
  shims: true,
  target: 'node22',
  platform: 'node',
  sourcemap: true,
  // Core, TypeORM and the compiler are the project's: never bundled.
  external: ['@alembic/core', 'typeorm', '@swc/core'],
});

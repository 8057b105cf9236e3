import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'node20',
  platform: 'node',
  sourcemap: true,
  // Core and jest are peers: the suite must register its tests with the jest that runs them.
  external: ['@alembic/core', '@jest/globals', 'jest'],
});

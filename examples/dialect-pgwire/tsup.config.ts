import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'node22',
  platform: 'node',
  sourcemap: true,
  // The driver and core are peers: never bundle them.
  external: ['pg', '@alembic/core'],
});

import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    shims: true,
    target: 'node20',
    platform: 'node',
    sourcemap: true,
  },
  {
    // Loaded by module.register() from dist/, next to index.js.
    entry: { 'typescript-hooks': 'src/loader/typescript-hooks.ts' },
    format: ['esm'],
    dts: false,
    target: 'node20',
    platform: 'node',
    sourcemap: true,
  },
]);

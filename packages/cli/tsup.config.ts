import { existsSync, readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const entry = ['src/bin.ts'];
if (existsSync('src/index.ts')) {
  entry.push('src/index.ts');
}

// The bin needs a shebang; add one only when the entry does not carry its own.
const binHasShebang = readFileSync('src/bin.ts', 'utf8').startsWith('#!');

export default defineConfig({
  entry,
  format: ['esm'],
  dts: false,
  clean: true,
  target: 'node22',
  platform: 'node',
  sourcemap: true,
  ...(binHasShebang ? {} : { banner: { js: '#!/usr/bin/env node' } }),
});

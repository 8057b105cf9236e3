#!/usr/bin/env node
// Committed launcher for the `alembic` bin. It exists before any build, so package managers can
// link it on a fresh install; it runs the built CLI in ../dist/bin.js.
try {
  await import('../dist/bin.js');
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/bin.js')) {
    process.stderr.write('alembic: the CLI is not built yet; run `pnpm build` first\n');
    process.exit(1);
  }
  throw error;
}

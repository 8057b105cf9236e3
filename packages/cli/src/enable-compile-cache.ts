import module from 'node:module';

/**
 * Switches on Node's on-disk cache of compiled code (`module.enableCompileCache()`, in the
 * system's temporary directory, keyed by each file's content), so that core, the dialect, the
 * driver and TypeORM, all loaded once a command runs, are not compiled again on every run; at
 * 500 TypeORM entities this saves about 150 ms of the `check` run. The `alembic` bin calls it
 * first. `NODE_DISABLE_COMPILE_CACHE=1` turns it off, as for any Node program.
 */
export function enableCompileCache(): void {
  module.enableCompileCache?.();
}

import { AlembicError } from '../errors/alembic-error.js';
import type { Operations } from '../operations/operations.js';
import type { EnvironmentContext } from './environment-context.js';
import { runtimeStore } from './runtime-store.js';

function outsideRun(name: string): AlembicError {
  return new AlembicError(
    'ALEMBIC_NO_RUNTIME',
    `'${name}' is only available while alembic runs migrations (inside env.ts or a migration's upgrade()/downgrade())`,
  );
}

function makeProxy<T extends object>(name: string, resolve: () => T | undefined): T {
  return new Proxy({} as T, {
    get(_target, property) {
      const instance = resolve();
      if (instance === undefined) throw outsideRun(name);
      const value = Reflect.get(instance, property, instance) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(instance) : value;
    },
    has(_target, property) {
      const instance = resolve();
      return instance !== undefined && property in instance;
    },
  });
}

/**
 * The migration environment of the current run: what `env.ts` configures and runs.
 *
 * ```ts
 * import { context } from '@alembic/core';
 * if (context.isOfflineMode()) { ... }
 * ```
 *
 * Outside a run, using it throws a clear error.
 */
export const context: EnvironmentContext = makeProxy(
  'context',
  () => runtimeStore().getStore()?.environment as EnvironmentContext | undefined,
);

/**
 * The operations of the current migration: `op.createTable(...)`, `op.addColumn(...)`...
 * The same object is passed to `upgrade(op)` / `downgrade(op)`.
 *
 * ```ts
 * import { op } from '@alembic/core';
 * export async function upgrade() {
 *   await op.execute('CREATE TABLE t (id INTEGER)');
 * }
 * ```
 */
export const op: Operations = makeProxy('op', () => runtimeStore().getStore()?.operations as Operations | undefined);

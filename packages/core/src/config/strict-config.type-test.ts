/**
 * Compiled, never run: the strictness of `defineConfig` and `context.configure()` as a user's
 * TypeScript sees it (through the package's public entry point). Every line after a
 * `@ts-expect-error` must fail to compile; one that compiles makes the directive itself an
 * error. The package's typecheck compiles this file, and `strict-config.test.ts` does too (so
 * that `pnpm test` catches a regression).
 */
import { context, defineConfig, type Dialect } from '../index.js';

declare const dialect: Dialect;

export const configs = [
  defineConfig({ scriptLocation: 'migrations', url: 'sqlite:///alembic.db', dialects: [dialect], lockTimeout: 5 }),
  // @ts-expect-error a misspelled key
  defineConfig({ scriptLocation: 'migrations', urll: 'sqlite:///alembic.db' }),
  // @ts-expect-error scriptLocation is required
  defineConfig({ url: 'sqlite:///alembic.db' }),
  // @ts-expect-error dialects holds Dialect objects
  defineConfig({ scriptLocation: 'migrations', dialects: [{ name: 'sqlite' }] }),
  // @ts-expect-error a known key with a value of the wrong type
  defineConfig({ scriptLocation: 'migrations', versionLocations: 'migrations/versions' }),
  defineConfig<{ tenants: readonly string[] }>({ scriptLocation: 'migrations', tenants: ['eu', 'us'] }),
  // @ts-expect-error a key of your own is declared as the type argument
  defineConfig({ scriptLocation: 'migrations', tenants: ['eu', 'us'] }),
  // @ts-expect-error a misspelled key next to a declared one of your own
  defineConfig<{ tenants: readonly string[] }>({ scriptLocation: 'migrations', tenants: [], tennants: [] }),
];

export const ownKey: unknown = context.config.values.tenants;
export const knownKey: string | undefined = context.config.values.url;

export function configureCalls(): void {
  context.configure({ url: 'sqlite://', literalBinds: true, compareType: false, renderAsBatch: true });
  // @ts-expect-error a misspelled key
  context.configure({ literalBind: true });
  // @ts-expect-error an autogenerate setting with a value of the wrong type
  context.configure({ compareType: 'yes' });
  // @ts-expect-error dialect is a Dialect object
  context.configure({ dialect: 'sqlite' });
}

import { ConfigError } from '../errors/config-error.js';

/** How {@link loadDriver} finds the driver and what it says when the driver is missing. */
export interface LoadDriverOptions {
  /**
   * A function the driver module exports (`Client`, `Database`): where the module namespace has
   * it, the namespace is the driver; otherwise its `default` export is (a CommonJS driver
   * loaded as an ES module).
   */
  readonly namedExport: string;
  /** The line a user sees when the driver is not installed, e.g. `... needs the pg driver: npm install pg`. */
  readonly missingMessage: string;
}

/**
 * Imports a dialect's database driver, which is a peer dependency: a driver that is not
 * installed becomes a {@link ConfigError} with the install command; other failures propagate.
 * The import stays in the dialect (`() => import('pg')`), so that the driver resolves from the
 * dialect's package.
 *
 * ```ts
 * const pg = await loadDriver<PgDriver>(() => import('pg'), {
 *   namedExport: 'Client',
 *   missingMessage: 'The PostgreSQL dialect needs the pg driver: npm install pg',
 * });
 * ```
 */
export async function loadDriver<Driver>(
  importDriver: () => Promise<unknown>,
  options: LoadDriverOptions,
): Promise<Driver> {
  let loaded: Readonly<Record<string, unknown>>;
  try {
    loaded = (await importDriver()) as Readonly<Record<string, unknown>>;
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new ConfigError(options.missingMessage, { cause: error });
    }
    throw error;
  }
  return (typeof loaded[options.namedExport] === 'function' ? loaded : loaded.default) as Driver;
}
